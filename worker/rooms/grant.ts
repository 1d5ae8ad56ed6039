import { authorize, type DocumentResource, type IdentityFor } from "../access/permissions";
import type { RoomTokenResponse } from "../shared/rooms";
import { issueRoomToken } from "./token";

/**
 * A room token for `identity` on `document`: read, or write where the table lets her write
 * (`document.write`, which asks the document kind's own row); null when she may not open it
 * at all (`document.read`). What `POST /api/rooms/:documentId/token` answers, and what a
 * motion's page carries inline (worker/motions/page.ts).
 */
export async function roomTokenFor(
  env: Env,
  identity: IdentityFor<"document.read">,
  document: DocumentResource,
): Promise<RoomTokenResponse | null> {
  if (!authorize(identity, "document.read", document)) return null;
  return issueRoomToken(env, {
    doc: document.documentId,
    sub: identity.kind === "person" ? identity.personId : identity.guestId,
    name: identity.name,
    mode: authorize(identity, "document.write", document) ? "write" : "read",
    sid: identity.sessionId,
    ...(identity.kind === "guest" ? { guest: true } : {}),
  });
}
