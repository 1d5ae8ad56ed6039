import type { Locale } from "../../../worker/shared/errors";
import { type MotionHeadStart, motionHeadStartId } from "../../../worker/shared/head-start";
import type { MotionState, editableStates as sharedEditableStates } from "../../../worker/shared/motions";
import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import { storedLocale } from "../i18n/storedLocale";
import { defaultBaseUrl, roomSocketUrl } from "../rooms/address";
import { EarlySocket } from "./first/earlySocket";
import type { FirstEditor } from "./first/firstEditor";
import { motionPageCodeAttribute, motionWriterCodeAttribute } from "./headStartCode";

/**
 * A motion's page opened cold, before Solid, the router, the dictionary and the API client
 * have arrived, which on a slow phone link takes seconds (docs/benchmarks.md, "motion-page").
 * Its own tiny chunk, first in the HTML, so nothing waits for it and it waits for nothing.
 *
 * For whoever may read the motion, the Worker has written it into the page
 * (worker/motions/page.ts), and for a text written live a room token too. Then this script
 * opens the room's socket at once, draws the first editor (./first) as soon as yjs is here,
 * and only then starts the app, which the Worker left to it: on a slow link the app's bytes
 * would otherwise share it with the first editor's. A reader of a submitted motion gets the
 * page's code and no yjs or TipTap. Without the Worker's data (the development server) it asks
 * for the motion itself. The route's preload (./preload.ts) takes the motion once.
 */

/** The same states as worker/shared/motions.ts (the type says so), without importing it. */
const editableStates: typeof sharedEditableStates = ["draft", "collecting"];

const motionPath = /^\/motions\/([1-9][0-9]{0,9})$/;

/** A request started here, for whoever takes it first. */
type Started = { key: string; response: Promise<Response> };
let motion: Started | undefined;

/**
 * Asks as the API client does (same origin, so the cookie goes along). A network failure is
 * the taker's to report, who asks again through the client.
 */
function ask(path: string): Promise<Response> {
  const response = fetch(path, { headers: { Accept: "application/json" } });
  response.catch(() => undefined);
  return response;
}

/** Preloads the chunks the build listed on this script's tag in `attribute` (none outside a build). */
function preloadCode(attribute: string): void {
  const files = document.querySelector(`script[${attribute}]`)?.getAttribute(attribute)?.split(" ");
  for (const href of files ?? []) {
    if (!href) continue;
    addPreload(href);
  }
}

function addPreload(href: string): void {
  const link = document.createElement("link");
  link.rel = "modulepreload";
  // As the HTML's own preloads and the import() that will use it: one request, one module.
  link.crossOrigin = "";
  link.href = href;
  document.head.appendChild(link);
}

/** The Worker's data for motion `id` in this page, if any. */
function readInline(id: string): MotionHeadStart | undefined {
  try {
    const data = JSON.parse(
      document.getElementById(motionHeadStartId)?.textContent ?? "null",
    ) as MotionHeadStart | null;
    return data && String(data.motion?.id) === id ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The app itself, when the Worker left its start to this script. */
function startApp(app: MotionHeadStart["app"]): void {
  if (!app) return;
  for (const href of app.preloads) addPreload(href);
  void import(/* @vite-ignore */ app.entry);
}

let firstEditor: FirstEditor | undefined;

/**
 * The first editor (./first/firstEditor.ts) on the room socket opened here and now, drawn
 * where the page will be; then the app and the rest of the page's code, which would
 * otherwise share the slow link with it.
 */
async function startFirstEditor(
  inline: MotionHeadStart,
  documentId: string,
  token: RoomTokenResponse,
): Promise<void> {
  const { kind } = inline.motion;
  // Its code is on its way already: the Worker preloads it in the page it wrote.
  const socket = new EarlySocket(roomSocketUrl(defaultBaseUrl(), documentId, token.token));
  try {
    const { FirstEditor } = await import("./first/firstEditor");
    const locale = storedLocale(locales, "sv");
    firstEditor = new FirstEditor({ documentId, kind, token, socket, locale });
    const editor = firstEditor;
    // Beside the app's root, until the page's writer moves it into its place.
    const place = () => document.getElementById("root")?.insertAdjacentElement("afterend", editor.element);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", place);
    else place();
  } catch {
    // Its code did not come: the app's writer connects on its own, with a token of its own.
    firstEditor = undefined;
    socket.close(1000, "leaving");
  } finally {
    startApp(inline.app);
    preloadCode(motionPageCodeAttribute);
    preloadCode(motionWriterCodeAttribute);
  }
}

/** The languages the app has (worker/shared/errors.ts, whose texts are not loaded here). */
const locales = ["sv", "en"] as const satisfies readonly Locale[];

const opened = motionPath.exec(location.pathname)?.[1];
const inline = opened ? readInline(opened) : undefined;
if (opened && inline) {
  motion = { key: opened, response: Promise.resolve(Response.json(inline.motion)) };
  const { documentId, state } = inline.motion;
  if (inline.token && documentId && (editableStates as readonly MotionState[]).includes(state)) {
    void startFirstEditor(inline, documentId, inline.token);
  } else {
    startApp(inline.app);
    preloadCode(motionPageCodeAttribute);
  }
} else if (opened) {
  motion = { key: opened, response: ask(`/api/motions/${opened}`) };
  // After the motion's request, which would otherwise queue behind these.
  preloadCode(motionPageCodeAttribute);
}

/**
 * The first editor started for `documentId`, once, for the page's writer to take over (its
 * doc, presence and connection, and its place until the full editor is ready).
 */
export function takeFirstEditor(documentId: string): FirstEditor | undefined {
  const taken = firstEditor;
  if (!taken || taken.documentId !== documentId) return undefined;
  firstEditor = undefined;
  return taken;
}

/** Whether a first editor is waiting for `documentId` (then its room needs no token). */
export function hasFirstEditor(documentId: string): boolean {
  return firstEditor?.documentId === documentId;
}

/** Ends a first editor nobody took (the app showed something else). */
export function dropFirstEditor(): void {
  firstEditor?.destroy();
  firstEditor = undefined;
}

/** The answer started for motion `id` when the page opened, once; undefined otherwise. */
export function takeMotionHeadStart(id: string): Promise<Response> | undefined {
  if (motion?.key !== id) return undefined;
  const { response } = motion;
  motion = undefined;
  return response;
}
