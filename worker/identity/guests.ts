import { and, count, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { requirePermission, requirePerson } from "../access/middleware";
import { auditStatement } from "../audit/log";
import { type Db, getDb } from "../db/client";
import { type AppEnv, featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { randomSecret, sha256 } from "../http/secrets";
import { type Validated, validate, validateJson } from "../http/validate";
import { liveDocument } from "../rooms/kinds";
import { closeRoomsOfSessions } from "../rooms/revocation";
import type { GuestInvite, GuestMe } from "../shared/identity";
import { acceptInviteSchema, createInviteSchema, inviteIdParamSchema } from "../shared/identity-schemas";
import { guestInvites, guestSessions, guests } from "./schema";

/**
 * Guests: sympathisers invited to an open, non-decision gathering. An invite link is
 * scoped to one live document; following it and giving a display name makes a guest
 * session for that document and nothing else (authorize() in worker/access/permissions.ts
 * holds a guest to it). Guests hold no role, and withdrawing the invite ends their
 * sessions and closes their sockets.
 */

const guestCookie = "samtal_guest";
const guestSessionLifetimeMs = 7 * 24 * 3600 * 1000;

/** Reads the guest cookie; a session whose invite was withdrawn or expired counts as none. */
export const guestSessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("guestSession", null);
  const secret = getCookie(c, guestCookie, "host");
  if (secret && secret.length <= 128) {
    const now = Date.now();
    const [row] = await getDb(c.env.DB)
      .select({
        guestId: guests.id,
        publicId: guestSessions.publicId,
        name: guests.name,
        documentId: guestInvites.documentId,
      })
      .from(guestSessions)
      .innerJoin(guests, eq(guests.id, guestSessions.guestId))
      .innerJoin(guestInvites, eq(guestInvites.id, guests.inviteId))
      .where(
        and(
          eq(guestSessions.secretHash, await sha256(secret)),
          isNull(guestSessions.revokedAt),
          gt(guestSessions.expiresAt, now),
          isNull(guestInvites.revokedAt),
          gt(guestInvites.expiresAt, now),
        ),
      )
      .limit(1);
    if (row) c.set("guestSession", row);
  }
  await next();
});

async function inviteSummaries(db: Db, where: ReturnType<typeof eq>): Promise<GuestInvite[]> {
  const rows = await db
    .select({
      id: guestInvites.id,
      documentId: guestInvites.documentId,
      createdAt: guestInvites.createdAt,
      expiresAt: guestInvites.expiresAt,
      revokedAt: guestInvites.revokedAt,
      guests: count(guests.id),
    })
    .from(guestInvites)
    .leftJoin(guests, eq(guests.inviteId, guestInvites.id))
    .where(where)
    .groupBy(guestInvites.id)
    .orderBy(desc(guestInvites.createdAt));
  return rows;
}

/** The resource behind the document an invite is asked for, as its kind resolves it. */
async function invitedDocument(c: Validated<"json", typeof createInviteSchema>) {
  return (await liveDocument(getDb(c.env.DB), c.req.valid("json").documentId))?.of ?? null;
}

async function inviteOfPath(c: Validated<"param", typeof inviteIdParamSchema>) {
  const [invite] = await getDb(c.env.DB)
    .select({ createdBy: guestInvites.createdBy })
    .from(guestInvites)
    .where(eq(guestInvites.id, c.req.valid("param").id))
    .limit(1);
  return invite ? { type: "invite" as const, createdBy: invite.createdBy } : null;
}

export const inviteRoutes = featureApp()
  /** A member invites guests to a document (`invite.create`). */
  .post(
    "/",
    validateJson(createInviteSchema),
    requirePermission("invite.create", invitedDocument),
    async (c) => {
      const identity = c.get("identity");
      const { documentId, days } = c.req.valid("json");
      const db = getDb(c.env.DB);
      const token = randomSecret();
      const now = Date.now();
      const invite = {
        id: randomSecret(12),
        tokenHash: await sha256(token),
        documentId,
        createdBy: identity.personId,
        createdAt: now,
        expiresAt: now + days * 24 * 3600 * 1000,
      };
      await db.batch([
        db.insert(guestInvites).values(invite),
        auditStatement(db, {
          actorId: identity.personId,
          action: "invite.created",
          subjectType: "invite",
          subjectId: invite.id,
          details: { days },
        }),
      ]);
      const answer: GuestInvite = {
        id: invite.id,
        documentId,
        link: `${new URL(c.req.url).origin}/invite#token=${token}`,
        createdAt: now,
        expiresAt: invite.expiresAt,
        revokedAt: null,
        guests: 0,
      };
      return c.json(answer, 201);
    },
  )
  /** The invites this member has made. */
  .get("/", requirePerson, async (c) => {
    const identity = c.get("identity");
    return c.json(await inviteSummaries(getDb(c.env.DB), eq(guestInvites.createdBy, identity.personId)));
  })
  /** Withdraws an invite (`invite.withdraw`): its guests' sessions end and their sockets close. */
  .delete(
    "/:id",
    validate("param", inviteIdParamSchema),
    requirePermission("invite.withdraw", inviteOfPath),
    async (c) => {
      const identity = c.get("identity");
      const db = getDb(c.env.DB);
      const { id } = c.req.valid("param");
      const sessionRows = await db
        .select({ publicId: guestSessions.publicId })
        .from(guestSessions)
        .innerJoin(guests, eq(guests.id, guestSessions.guestId))
        .where(eq(guests.inviteId, id));
      const now = Date.now();
      const guestIds = db.select({ id: guests.id }).from(guests).where(eq(guests.inviteId, id));
      await db.batch([
        db.update(guestInvites).set({ revokedAt: now }).where(eq(guestInvites.id, id)),
        db.update(guestSessions).set({ revokedAt: now }).where(inArray(guestSessions.guestId, guestIds)),
        auditStatement(db, {
          actorId: identity.personId,
          action: "invite.revoked",
          subjectType: "invite",
          subjectId: id,
        }),
      ]);
      await closeRoomsOfSessions(
        c.env,
        sessionRows.map((r) => r.publicId),
      );
      return c.body(null, 204);
    },
  )
  /** A guest follows the link and gives a display name. */
  .post("/accept", validateJson(acceptInviteSchema), async (c) => {
    const { token, name } = c.req.valid("json");
    const db = getDb(c.env.DB);
    const [invite] = await db
      .select()
      .from(guestInvites)
      .where(eq(guestInvites.tokenHash, await sha256(token)))
      .limit(1);
    if (!invite) throw new ApiError(400, "invite_invalid");
    if (invite.revokedAt !== null) throw new ApiError(400, "invite_revoked");
    if (invite.expiresAt <= Date.now()) throw new ApiError(400, "invite_expired");
    const now = Date.now();
    const guestId = `guest-${randomSecret(12)}`;
    const secret = randomSecret();
    await db.batch([
      db.insert(guests).values({ id: guestId, inviteId: invite.id, name, createdAt: now }),
      db.insert(guestSessions).values({
        secretHash: await sha256(secret),
        publicId: randomSecret(12),
        guestId,
        createdAt: now,
        expiresAt: Math.min(now + guestSessionLifetimeMs, invite.expiresAt),
      }),
    ]);
    setCookie(c, guestCookie, secret, {
      prefix: "host",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/",
      maxAge: Math.floor(guestSessionLifetimeMs / 1000),
    });
    return c.json({ kind: "guest", name, documentId: invite.documentId } satisfies GuestMe);
  });

/** GET /api/guest: who the guest is (404 when this browser has no guest session). */
export const guestRoutes = featureApp().get("/", (c) => {
  const guest = c.get("guestSession");
  if (!guest) throw new ApiError(404, "not_found");
  c.header("Cache-Control", "no-store");
  return c.json({ kind: "guest", name: guest.name, documentId: guest.documentId } satisfies GuestMe);
});
