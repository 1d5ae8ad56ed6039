/**
 * The attributes of the head start's script tag in which the build lists (space-separated)
 * the built files of the motion page's chunks, of the first editor (./first: yjs, the room
 * connection) and of a live motion's writer (TipTap): see ./headStart.ts and vite.config.ts.
 * Apart from headStart.ts, which runs on import, so the build's config can import them. The
 * first two the Worker reads too (worker/motions/page.ts), so they are defined beside it.
 */
export { motionFirstCodeAttribute, motionPageCodeAttribute } from "../../../worker/shared/head-start";
export const motionWriterCodeAttribute = "data-motion-writer-code";
