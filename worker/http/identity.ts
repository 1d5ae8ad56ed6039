import type { Role } from "../shared/identity";

/**
 * Who is asking, as types every layer above this one shares: the two session middlewares
 * (worker/identity/sessions.ts, guests.ts) put a session on the request, and
 * worker/access/identity.ts turns it into an Identity that the permission table judges.
 */

/** A logged-in person's session, as the session cookie names it. */
export interface CurrentSession {
  personId: string;
  publicId: string;
}

/** A guest's session: a display name and the one document of her invite. */
export interface CurrentGuestSession {
  guestId: string;
  publicId: string;
  name: string;
  documentId: string;
}

/** One role held in one group. */
export interface RoleGrant {
  groupId: number;
  role: Role;
}

/**
 * Nobody; a logged-in person with her roles (none, once her last membership has ended);
 * or a guest scoped to one invite's document.
 */
export type Identity =
  | { kind: "anonymous" }
  | { kind: "person"; personId: string; sessionId: string; name: string; grants: RoleGrant[] }
  | { kind: "guest"; guestId: string; sessionId: string; name: string; documentId: string };

export type Person = Extract<Identity, { kind: "person" }>;
export type Guest = Extract<Identity, { kind: "guest" }>;
