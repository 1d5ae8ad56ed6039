import type { RoutePreloadFuncArgs } from "@solidjs/router";
import { isEditable, type MotionView } from "../../../worker/shared/motions";
import { call, client, failedWith } from "../api/client";
import { hasFirstEditor, takeMotionHeadStart } from "./headStart";
import { startRoomToken } from "./tokenHeadStart";

/**
 * What `/motions/:id` needs, started the moment the router knows the route (in the entry
 * chunk, so nothing waits for the page's own code): the motion, and once it says the text is
 * written live, the writer's and the editor's code and a room token, all at once. Opened
 * cold on a slow phone, each of these otherwise waited for the one before it
 * (docs/benchmarks.md, "motion-page"). The page takes each result once; anything it does not
 * find here it fetches itself.
 */

export type LoadedMotion = { motion: MotionView } | { missing: true } | { loginNeeded: true };

type MotionRequest = ReturnType<(typeof client.api.motions)[":id"]["$get"]>;

/**
 * The entry's head start for this motion (./headStart.ts) if there is one, else the client's
 * request; a head start that got no answer at all is asked anew, so its failure reads as the
 * client's ("network").
 */
function requestMotion(id: string): MotionRequest {
  const ask = () => client.api.motions[":id"].$get({ param: { id } });
  const started = takeMotionHeadStart(id);
  // The same route's answer, fetched without hc: hc's response type is a typed view of it.
  return started ? (started.catch(ask) as MotionRequest) : ask();
}

/** A motion one may not see answers 404, as one that does not exist: both are "not found". */
async function fetchMotion(id: string): Promise<LoadedMotion> {
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return { missing: true };
  try {
    return { motion: await call(requestMotion(id)) };
  } catch (error) {
    if (failedWith(error, 404, 400)) return { missing: true };
    if (failedWith(error, 401)) return { loginNeeded: true };
    throw error;
  }
}

/** The writer (Yjs, the room) and its editors (TipTap): the code of a motion written live. */
function preloadWriter(): void {
  void import("./MotionWriter");
  void import("./FieldEditor");
}

const motions = new Map<string, Promise<LoadedMotion>>();

/** The route's `preload`: a link merely pointed at (intent "preload") gets the page's code only. */
export function preloadMotion({ params, intent }: RoutePreloadFuncArgs): void {
  const id = params.id;
  if (intent === "preload" || !id) return;
  const loading = fetchMotion(id);
  motions.set(id, loading);
  loading.then(
    (loaded) => {
      if (!("motion" in loaded) || !isEditable(loaded.motion.state)) return;
      preloadWriter();
      // A first editor is in the room already, with the token the page came with.
      const documentId = `motion:${loaded.motion.id}`;
      if (!hasFirstEditor(documentId)) startRoomToken(documentId);
    },
    () => undefined,
  );
}

/** The motion the route started loading, once; otherwise a new request. */
export function loadMotion(id: string): Promise<LoadedMotion> {
  const preloaded = motions.get(id);
  motions.delete(id);
  return preloaded ?? fetchMotion(id);
}
