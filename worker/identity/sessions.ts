import { and, eq, gt, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { type Db, getDb } from "../db/client";
import type { AppEnv } from "../http/app";
import type { CurrentSession } from "../http/identity";
import { randomSecret, sha256 } from "../http/secrets";
import { closeRoomsOfSessions } from "../rooms/revocation";
import { people, sessions } from "./schema";

/** `__Host-` prefix: Secure, Path=/, no Domain, so no subdomain can set or read it. */
const cookieName = "samtal_session";
export const sessionLifetimeMs = 30 * 24 * 3600 * 1000;
/** lastSeenAt is refreshed at most this often, to keep reads from turning into writes. */
const touchEveryMs = 3600 * 1000;

/** "Firefox · Android": enough to recognise one's own devices, nothing more. */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const browser =
    (/Edg\//.test(ua) && "Edge") ||
    (/Firefox\//.test(ua) && "Firefox") ||
    (/Chrome\//.test(ua) && "Chrome") ||
    (/Safari\//.test(ua) && "Safari") ||
    "Browser";
  const system =
    (/Android/.test(ua) && "Android") ||
    (/iPhone|iPad/.test(ua) && "iOS") ||
    (/Windows/.test(ua) && "Windows") ||
    (/Mac OS X/.test(ua) && "macOS") ||
    (/Linux/.test(ua) && "Linux") ||
    "";
  return system ? `${browser} · ${system}` : browser;
}

/**
 * Starts a session and sets its cookie. A session this browser already had ends first:
 * logging in again (another link, another demo person) must not leave it running unseen.
 */
export async function startSession(c: Context<AppEnv>, personId: string): Promise<CurrentSession> {
  const previous = c.get("session");
  if (previous) {
    await revokeSession(getDb(c.env.DB), previous.personId, previous.publicId);
    await closeRoomsOfSessions(c.env, [previous.publicId]);
  }
  const secret = randomSecret();
  const now = Date.now();
  const session = { personId, publicId: randomSecret(12) };
  await getDb(c.env.DB)
    .insert(sessions)
    .values({
      secretHash: await sha256(secret),
      publicId: session.publicId,
      personId,
      label: deviceLabel(c.req.header("User-Agent")),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + sessionLifetimeMs,
    });
  setCookie(c, cookieName, secret, {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: sessionLifetimeMs / 1000,
  });
  c.set("session", session);
  return session;
}

export async function revokeSession(db: Db, personId: string, publicId: string): Promise<boolean> {
  const result = await db
    .update(sessions)
    .set({ revokedAt: Date.now() })
    .where(and(eq(sessions.personId, personId), eq(sessions.publicId, publicId), isNull(sessions.revokedAt)));
  return result.meta.changes > 0;
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, cookieName, { prefix: "host", path: "/", secure: true });
}

/** Reads the session cookie on every request; an unknown, expired or revoked one counts as none. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("session", null);
  const secret = getCookie(c, cookieName, "host");
  if (secret && secret.length <= 128) {
    const db = getDb(c.env.DB);
    const now = Date.now();
    const [row] = await db
      .select({ personId: sessions.personId, publicId: sessions.publicId, lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .innerJoin(people, eq(people.id, sessions.personId))
      .where(
        and(
          eq(sessions.secretHash, await sha256(secret)),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          isNull(people.erasedAt),
        ),
      )
      .limit(1);
    if (row) {
      c.set("session", { personId: row.personId, publicId: row.publicId });
      if (now - row.lastSeenAt > touchEveryMs) {
        c.executionCtx.waitUntil(
          db
            .update(sessions)
            .set({ lastSeenAt: now })
            .where(eq(sessions.publicId, row.publicId))
            .then(() => {}),
        );
      }
    }
  }
  await next();
});
