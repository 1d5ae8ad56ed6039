import { createSignal } from "solid-js";
import type { GuestMe, Me } from "../../../worker/shared/identity";
import { callOrNull, client, errorCode } from "../api/client";

/**
 * Who is logged in on this browser, for the header and every page. Loaded from `/api/me`
 * once when the app starts, and set directly by log-in and log-out (their answers say who
 * it is now), so pages never have to ask again. When no member is logged in, it also knows
 * whether this browser holds a guest session (`/api/guest`, after following an invite link):
 * `currentGuest()`. A member's session wins over a guest's, as on the server.
 *
 * - `loading`: not known yet (the first `/api/me` is on its way);
 * - `ready`: known; `me()` is the person or null;
 * - `error`: the server could not be asked (`sessionErrorCode()` says why); `me()` is null.
 */
export type SessionStatus = "loading" | "ready" | "error";

const [me, setMe] = createSignal<Me | null>(null);
const [guest, setGuest] = createSignal<GuestMe | null>(null);
const [status, setStatus] = createSignal<SessionStatus>("loading");
const [failure, setFailure] = createSignal<string | undefined>(undefined);

/** Bumped by every change, so an answer that arrives after a newer change is dropped. */
let version = 0;
let started: Promise<Me | null> | undefined;

export { failure as sessionErrorCode, guest as currentGuest, me as currentPerson, status as sessionStatus };

/** The person's first name, for the header. */
export function firstName(person: Pick<Me, "name">): string {
  return person.name.trim().split(/\s+/u)[0] ?? person.name;
}

/** Asks the Worker who is logged in (again). A 401 means nobody; other failures set `error`. */
export async function refreshSession(): Promise<Me | null> {
  const asked = ++version;
  if (status() !== "ready") setStatus("loading");
  try {
    const person = await callOrNull(client.api.me.$get(), 401);
    // Not knowing about a guest session is no reason to fail the page: she is then nobody.
    const asGuest = person ? null : await callOrNull(client.api.guest.$get(), 404).catch(() => null);
    if (asked === version) {
      setMe(person);
      setGuest(asGuest);
      setFailure(undefined);
      setStatus("ready");
    }
    return person;
  } catch (error) {
    if (asked === version) {
      setFailure(errorCode(error));
      setStatus("error");
    }
    return null;
  }
}

/** Loads the session the first time it is called; later calls share that first load. */
export function loadSession(): Promise<Me | null> {
  started ??= refreshSession();
  return started;
}

/** After a log-in: the Worker's answer is who is logged in now. */
export function loggedIn(person: Me): void {
  version++;
  setMe(person);
  setGuest(null);
  setFailure(undefined);
  setStatus("ready");
}

/** After a log-out, or when the Worker says the session is gone. */
export function loggedOut(): void {
  version++;
  setMe(null);
  setGuest(null);
  setFailure(undefined);
  setStatus("ready");
}

/** After accepting an invite: the Worker's answer is who the guest is. */
export function joinedAsGuest(who: GuestMe): void {
  version++;
  setMe(null);
  setGuest(who);
  setFailure(undefined);
  setStatus("ready");
}

/** For tests: back to the state of a fresh page. */
export function resetSession(): void {
  version++;
  started = undefined;
  setMe(null);
  setGuest(null);
  setFailure(undefined);
  setStatus("loading");
}
