import { meetingHref, meetingIdOfDocument } from "../meetings/links";

/** Where an invite link leads (the token follows in the fragment: `/invite#token=…`). */
export const invitePath = "/invite";

/**
 * A shared document's page. Document ids (`scratch:demo`) are safe in a path as they are. A
 * meeting's documents (the live meeting, its notes, its minutes) are shown on the meeting's page.
 */
export function documentHref(documentId: string): string {
  const meetingId = meetingIdOfDocument(documentId);
  return meetingId !== undefined ? meetingHref(meetingId) : `/documents/${documentId}`;
}

/** An invite link's token: 32 random bytes, base64url (as `acceptInviteSchema` on the server). */
const inviteTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The token from an invite link's fragment (`#token=…`), if it has the shape of one. */
export function inviteTokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && inviteTokenPattern.test(token) ? token : undefined;
}
