/**
 * The attributes of the head start's script tag in which the build lists (space-separated)
 * the built files of the motion page's chunks and of a live motion's writer (yjs, TipTap):
 * see ./headStart.ts and vite.config.ts. Apart from headStart.ts, which runs on import, so the
 * build's config can import them.
 */
export const motionPageCodeAttribute = "data-motion-page-code";
export const motionWriterCodeAttribute = "data-motion-writer-code";
/** The first editor's code (./first/firstEditor.ts, yjs, the room connection): see ./headStart.ts. */
export const motionFirstCodeAttribute = "data-motion-first-code";
