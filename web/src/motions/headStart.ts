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
 * (./preload.ts) takes the answer once and goes on from there (the room token).
 *
 * It also starts the downloads of the code the page will need, in parallel with the entry's
 * rather than after the router: the page's chunks at once, and, when the answer says the text
 * is written live, the writer's (yjs, TipTap: most of the page's bytes). A reader of a
 * submitted motion never loads those.
 */

/** The same states as worker/shared/motions.ts (the type says so), without importing it. */
const editableStates: typeof sharedEditableStates = ["draft", "collecting"];

const motionPath = /^\/motions\/([1-9][0-9]{0,9})$/;

let started: { id: string; response: Promise<Response> } | undefined;

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

/** The writer's code, when the answer is a motion written live. */
function preloadWriterFor(response: Response): void {
  if (!response.ok) return;
  response
    .clone()
    .json<Partial<Pick<MotionView, "state">>>()
    .then((motion) => {
      if (motion.state && (editableStates as readonly MotionState[]).includes(motion.state)) {
        preloadCode(motionWriterCodeAttribute);
      }
    })
    .catch(() => undefined);
}

const opened = motionPath.exec(location.pathname)?.[1];
if (opened) {
  // As the API client asks (same origin, so the cookie goes along); its network failure is
  // the preload's to report, which asks again through the client. Cloned before anyone reads it.
  const response = fetch(`/api/motions/${opened}`, { headers: { Accept: "application/json" } }).then(
    (answer) => {
      preloadWriterFor(answer);
      return answer;
    },
  );
  response.catch(() => undefined);
  started = { id: opened, response };
  // After the motion's request, which would otherwise queue behind these.
  preloadCode(motionPageCodeAttribute);
}

/** The answer started for motion `id` when the page opened, once; undefined otherwise. */
export function takeMotionHeadStart(id: string): Promise<Response> | undefined {
  if (started?.id !== id) return undefined;
  const { response } = started;
  started = undefined;
  return response;
}
