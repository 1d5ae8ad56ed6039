import type {
  MotionState,
  MotionView,
  editableStates as sharedEditableStates,
} from "../../../worker/shared/motions";
import { motionPageCodeAttribute, motionWriterCodeAttribute } from "./headStartCode";

/**
 * A motion's page opened cold: the motion is asked for by the entry's first bytes, before
 * Solid, the router, the dictionary and the API client have arrived, which on a slow phone
 * link takes seconds (docs/benchmarks.md, "motion-page"). Its only import is two names (in
 * this chunk), so nothing waits for it and it waits for nothing; the route's preload
 * (./preload.ts) and the room's first connect (./tokenHeadStart.ts) take its answers once.
 *
 * It also starts what the page will need, in parallel with the entry rather than after the
 * router: the page's chunks at once, and, when the answer says the text is written live, the
 * writer's code (yjs, TipTap: most of the page's bytes) and a room token, so the room can
 * connect as soon as its code has run. A reader of a submitted motion needs none of those.
 */

/** The same states as worker/shared/motions.ts (the type says so), without importing it. */
const editableStates: typeof sharedEditableStates = ["draft", "collecting"];

const motionPath = /^\/motions\/([1-9][0-9]{0,9})$/;

/** A request started here, for whoever takes it first. */
type Started = { key: string; response: Promise<Response> };
let motion: Started | undefined;
/**
 * The room token asked for with a live motion's answer; settles (undefined when there is
 * none) once the answer has been read, so whoever takes it never asks a second time.
 */
let roomToken: Promise<Started | undefined> | undefined;

/**
 * Asks as the API client does (same origin, so the cookie goes along). A network failure is
 * the taker's to report, who asks again through the client.
 */
function ask(path: string, init?: RequestInit): Promise<Response> {
  const response = fetch(path, { ...init, headers: { Accept: "application/json" } });
  response.catch(() => undefined);
  return response;
}

/** Preloads the chunks the build listed on this script's tag in `attribute` (none outside a build). */
function preloadCode(attribute: string): void {
  const files = document.querySelector(`script[${attribute}]`)?.getAttribute(attribute)?.split(" ");
  for (const href of files ?? []) {
    if (!href) continue;
    const link = document.createElement("link");
    link.rel = "modulepreload";
    // As the HTML's own preloads and the import() that will use it: one request, one module.
    link.crossOrigin = "";
    link.href = href;
    document.head.appendChild(link);
  }
}

/** The writer's code and a room token, when the answer is a motion written live. */
async function startWriterFor(answer: Response): Promise<Started | undefined> {
  if (!answer.ok) return undefined;
  const { state, documentId } = await answer
    .clone()
    .json<Partial<Pick<MotionView, "state" | "documentId">>>();
  if (!state || !documentId || !(editableStates as readonly MotionState[]).includes(state)) return undefined;
  const response = ask(`/api/rooms/${encodeURIComponent(documentId)}/token`, { method: "POST" });
  preloadCode(motionWriterCodeAttribute);
  return { key: documentId, response };
}

const opened = motionPath.exec(location.pathname)?.[1];
if (opened) {
  const answer = ask(`/api/motions/${opened}`);
  // Registered before anyone can take the answer, so it is cloned before anyone reads it.
  roomToken = answer.then(startWriterFor).catch(() => undefined);
  motion = { key: opened, response: answer };
  // After the motion's request, which would otherwise queue behind these.
  preloadCode(motionPageCodeAttribute);
}

/** The answer started for motion `id` when the page opened, once; undefined otherwise. */
export function takeMotionHeadStart(id: string): Promise<Response> | undefined {
  if (motion?.key !== id) return undefined;
  const { response } = motion;
  motion = undefined;
  return response;
}

/**
 * The room token asked for with the motion's answer, once: resolves to its response when it
 * was asked for `documentId`, else to undefined. Undefined when the page opened elsewhere.
 */
export function takeRoomTokenHeadStart(documentId: string): Promise<Response | undefined> | undefined {
  const pending = roomToken;
  roomToken = undefined;
  return pending?.then((started) => (started?.key === documentId ? started.response : undefined));
}
