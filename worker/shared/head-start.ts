import type { MotionView } from "./motions";
import type { RoomTokenResponse } from "./rooms";

/**
 * What the Worker writes into a motion's page (`GET /motions/:id`, worker/motions/page.ts)
 * for a person who may read the motion, so that the page's first script needs no round trip
 * before it can show the motion and open its room. The web app reads the same names.
 */

/**
 * The id of the `<script type="application/json">` holding a MotionHeadStart: the first
 * child of `<head>`, so it is parsed before any script of the page can run (the head start
 * is an async script and may run before the rest of the HTML is parsed).
 */
export const motionHeadStartId = "samtal-head-start";

/** Marks the build's head start script (web/src/motions/headStartCode.ts names it too). */
export const motionPageCodeAttribute = "data-motion-page-code";

/**
 * On the head start script, the built files (space-separated) the first editor needs at
 * once: the Worker adds a `<link rel="modulepreload">` for each right after that script,
 * on pages it rewrites for the first editor. Its presence (empty: no files of its own) is
 * what says the build has a first editor: without it, the Worker leaves the app's scripts
 * in place, since nothing would load them.
 */
export const motionFirstCodeAttribute = "data-motion-first-code";

export interface MotionHeadStart {
  /** Exactly what `GET /api/motions/:id` answers the same person. */
  motion: MotionView;
  /**
   * A room token for `motion.documentId`, as `POST /api/rooms/:documentId/token` issues it:
   * present when the text is live (draft, collecting) and the person may open its room.
   */
  token?: RoomTokenResponse;
  /**
   * Present when the page was rewritten for the first editor (only ever with `token`, and
   * only when the build has a first editor: `motionFirstCodeAttribute`): the
   * app's entry `<script type="module">` and every `<link rel="modulepreload">` were removed
   * from the HTML, so the first editor loads them when it wants them. Here rather than as
   * attributes because the JSON comes first in `<head>`, before those elements; the Worker
   * reads the whole page before it writes the JSON.
   */
  app?: {
    /** The removed entry's `src`. */
    entry: string;
    /** The removed preloads' `href`s, in document order. */
    preloads: string[];
  };
}
