import { and, eq, gt, isNull } from "drizzle-orm";
import { authorize, byRoles } from "../access/permissions";
import { getDb } from "../db/client";
import { isDevMode } from "../dev/switch";
import type { Guest } from "../http/identity";
import { guestSessionStatements, liveGuestSession } from "../identity/guests";
import { guestSessions, memberships, people, sessions } from "../identity/schema";
import type { RoomCloseReason, RoomTokenClaims } from "../shared/rooms";
import { liveDocument } from "./kinds";
import { spentRoomTokens } from "./schema";

/**
 * Whether a verified room token may open a connection now, asked at the upgrade before the
 * room is touched. A signature proves only what was true when the token was issued: since
 * then its session may have ended (log-out, "end this session", a withdrawn invite,
 * erasure) or its holder lost the right it grants (a membership ended). So the upgrade:
 *
 * - spends the token's id: a token opens one connection, and a copy (from a URL log, say)
 *   opens nothing;
 * - checks, in the same D1 batch, that the session is live: a person's neither ended nor
 *   expired and the person not erased; a guest's neither ended nor expired, and its invite
 *   neither withdrawn nor expired, nor made by someone who may no longer give it;
 * - asks the permission table again, through the document's kind, for the right the token
 *   grants (`document.read`, or `document.write` for a write token), on what she holds now.
 *
 * Answers null to admit, or why not: `access_revoked` when the identity lost its access
 * (checked first: it tells a client to stop), `token_expired` for a token already used
 * (an honest client fetches a fresh one and is in), `token_invalid` for a development token
 * (no session to check) when development mode is off.
 */
export async function admitRoomToken(env: Env, claims: RoomTokenClaims): Promise<RoomCloseReason | null> {
  const db = getDb(env.DB);
  const now = Date.now();
  const spend = db
    .insert(spentRoomTokens)
    .values({ jti: claims.jti, expiresAt: claims.exp * 1000 })
    .onConflictDoNothing()
    .returning({ jti: spentRoomTokens.jti });
  if (!claims.sid) {
    if (!isDevMode(env)) return "token_invalid";
    const [fresh] = await spend;
    return fresh ? null : "token_expired";
  }
  const { sid, sub } = claims;
  const [[spent, [person], grants, ...guest], document] = await Promise.all([
    db.batch([
      spend,
      db
        .select({ id: sessions.personId })
        .from(sessions)
        .innerJoin(people, eq(people.id, sessions.personId))
        .where(
          and(
            eq(sessions.publicId, sid),
            eq(sessions.personId, sub),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now),
            isNull(people.erasedAt),
          ),
        ),
      db
        .select({ groupId: memberships.groupId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.personId, sub)),
      ...guestSessionStatements(db, eq(guestSessions.publicId, sid), now),
    ]),
    liveDocument(db, claims.doc),
  ]);
  const identity = person
    ? { ...byRoles(sub, grants), sessionId: sid, name: claims.name }
    : guestIdentity(await liveGuestSession(db, guest, document), sub);
  const action = claims.mode === "write" ? "document.write" : "document.read";
  if (!identity || !document || !authorize(identity, action, document)) return "access_revoked";
  return spent.length ? null : "token_expired";
}

/** The guest a live guest session names, if the token is hers. */
function guestIdentity(
  session: { guestId: string; publicId: string; name: string; documentId: string } | null,
  sub: string,
): Guest | null {
  if (session?.guestId !== sub) return null;
  const { guestId, publicId, name, documentId } = session;
  return { kind: "guest", guestId, sessionId: publicId, name, documentId };
}
