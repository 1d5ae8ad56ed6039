import {
  and,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lte,
  ne,
  or,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { requirePermission, requirePerson } from "../access/middleware";
import { authorize, byRoles, type DocumentResource, type InviteResource } from "../access/permissions";
import { auditStatement } from "../audit/log";
import { type Db, getDb } from "../db/client";
import { type AppEnv, featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import type { Person, RoleGrant } from "../http/identity";
import { randomSecret, sha256 } from "../http/secrets";
import { type Validated, validate, validateJson } from "../http/validate";
import { liveDocument } from "../rooms/kinds";
import { closeRoomsOfSessions } from "../rooms/revocation";
import { roomConnections } from "../rooms/schema";
import type { GuestInvite, GuestMe, ManagedInvite } from "../shared/identity";
import {
  acceptInviteSchema,
  createInviteSchema,
  inviteIdParamSchema,
  inviteListQuerySchema,
} from "../shared/identity-schemas";
import { guestInvites, guestSessions, guests, memberships, people } from "./schema";

/**
 * Guests: sympathisers invited to an open, non-decision gathering. An invite link is
 * scoped to one live document; following it and giving a display name makes a guest
 * session for that document and nothing else (authorize() in worker/access/permissions.ts
 * holds a guest to it). Guests hold no role. An invite lasts only while its maker may give
 * it (`invite.create`): withdrawing it, or her losing that right, ends its guests' sessions
 * and closes their sockets, and a grace period later their names are deleted.
 */

const guestCookie = "samtal_guest";
const guestSessionLifetimeMs = 7 * 24 * 3600 * 1000;

/**
 * How long a guest's display name is kept after her invite ended (withdrawn or expired):
 * one day. A guest's name next to a party's document says something about her politics,
 * so it goes as soon as it can; a day lets a daily purge run find it and leaves the
 * organiser the day of the meeting to follow up on a guest who misbehaved.
 */
export const guestGracePeriodMs = 24 * 3600 * 1000;

/**
 * The statements, for a batch, that find the person who made an invite: her row while
 * she is not erased, and her roles. `maker` is her id, or a query giving it.
 */
export function makerStatements(db: Db, maker: string | SQLWrapper) {
  const is = (column: typeof people.id | typeof memberships.personId) =>
    typeof maker === "string" ? eq(column, maker) : inArray(column, maker);
  return [
    db
      .select({ id: people.id })
      .from(people)
      .where(and(is(people.id), isNull(people.erasedAt))),
    db
      .select({ groupId: memberships.groupId, role: memberships.role })
      .from(memberships)
      .where(is(memberships.personId)),
  ] as const;
}

/** The maker from makerStatements' results, as the table judges her; null once erased. */
export function makerOf([rows, grants]: readonly [{ id: string }[], RoleGrant[]]): Person | null {
  const [maker] = rows;
  return maker ? byRoles(maker.id, grants) : null;
}

/**
 * Whether an invite to `document` still stands on its maker's right to give it
 * (`invite.create`): asked when a guest accepts it, whenever a guest session is read, and
 * when a guest's room token is used.
 */
export function mayStillInvite(maker: Person | null, document: DocumentResource | null): boolean {
  return maker !== null && document !== null && authorize(maker, "invite.create", document);
}

/**
 * The statements, for a batch, that find the guest sessions `where` picks while they are
 * live (session and invite neither ended nor expired), with the maker of the invite;
 * judge the results with liveGuestSession().
 */
export function guestSessionStatements(db: Db, where: SQL, now: number) {
  const session = db
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
        where,
        isNull(guestSessions.revokedAt),
        gt(guestSessions.expiresAt, now),
        isNull(guestInvites.revokedAt),
        gt(guestInvites.expiresAt, now),
      ),
    )
    .limit(1);
  const maker = db
    .select({ id: guestInvites.createdBy })
    .from(guestSessions)
    .innerJoin(guests, eq(guests.id, guestSessions.guestId))
    .innerJoin(guestInvites, eq(guestInvites.id, guests.inviteId))
    .where(where);
  return [session, ...makerStatements(db, maker)] as const;
}

type GuestSessionResults = readonly [
  { guestId: string; publicId: string; name: string; documentId: string }[],
  { id: string }[],
  RoleGrant[],
];

/**
 * The guest session from guestSessionStatements' results, if it is live and its invite
 * still stands. `known`: the invite's document if the caller has resolved it already.
 */
export async function liveGuestSession(
  db: Db,
  [rows, ...maker]: GuestSessionResults,
  known?: DocumentResource | null,
) {
  const [session] = rows;
  if (!session) return null;
  const document =
    known?.documentId === session.documentId ? known : await liveDocument(db, session.documentId);
  return mayStillInvite(makerOf(maker), document) ? session : null;
}

/**
 * Reads the guest cookie; a session whose invite was withdrawn or expired, or whose
 * invite's maker may no longer give it, counts as none.
 */
export const guestSessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("guestSession", null);
  const secret = getCookie(c, guestCookie, "host");
  if (secret && secret.length <= 128) {
    const db = getDb(c.env.DB);
    const where = eq(guestSessions.secretHash, await sha256(secret));
    const session = await liveGuestSession(db, await db.batch(guestSessionStatements(db, where, Date.now())));
    if (session) c.set("guestSession", session);
  }
  await next();
});

function inviteSummaries(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: guestInvites.id,
      documentId: guestInvites.documentId,
      createdAt: guestInvites.createdAt,
      expiresAt: guestInvites.expiresAt,
      revokedAt: guestInvites.revokedAt,
      guests: count(guests.id),
      createdBy: guestInvites.createdBy,
      createdByName: people.name,
    })
    .from(guestInvites)
    .innerJoin(people, eq(people.id, guestInvites.createdBy))
    .leftJoin(guests, eq(guests.inviteId, guestInvites.id))
    .where(where)
    .groupBy(guestInvites.id)
    .orderBy(desc(guestInvites.createdAt));
}

/**
 * The invites a person made, newest first, each with how many guests came through it (not
 * who: a guest's display name is hers, not the maker's). What "my invites" lists and what
 * the maker's data export holds.
 */
export async function invitesMadeBy(db: Db, personId: string): Promise<GuestInvite[]> {
  const rows = await inviteSummaries(db, eq(guestInvites.createdBy, personId));
  return rows.map(({ createdBy: _, createdByName: __, ...invite }) => invite);
}

/** An invite as the permission table sees it: its maker and the resource behind its document. */
async function inviteResource(
  db: Db,
  invite: { createdBy: string; documentId: string },
): Promise<InviteResource> {
  return {
    type: "invite",
    createdBy: invite.createdBy,
    document: (await liveDocument(db, invite.documentId))?.of ?? null,
  };
}

/** The document an invite is asked for, as its kind resolves it. */
function invitedDocument(c: Validated<"json", typeof createInviteSchema>) {
  return liveDocument(getDb(c.env.DB), c.req.valid("json").documentId);
}

async function inviteOfPath(c: Validated<"param", typeof inviteIdParamSchema>) {
  const db = getDb(c.env.DB);
  const [invite] = await db
    .select({ createdBy: guestInvites.createdBy, documentId: guestInvites.documentId })
    .from(guestInvites)
    .where(eq(guestInvites.id, c.req.valid("param").id))
    .limit(1);
  return invite ? inviteResource(db, invite) : null;
}

/**
 * Ends these invites as `actorId` (a person, or null for the system): withdrawn, their
 * guests' sessions ended, one audit entry each, then the guests' sockets closed.
 * Invites already withdrawn stay as they were.
 */
export async function withdrawInvites(
  env: Env,
  inviteIds: string[],
  actorId: string | null,
  details?: Record<string, string>,
): Promise<void> {
  if (!inviteIds.length) return;
  const db = getDb(env.DB);
  const guestsOf = db.select({ id: guests.id }).from(guests).where(inArray(guests.inviteId, inviteIds));
  const sessionRows = await db
    .select({ publicId: guestSessions.publicId })
    .from(guestSessions)
    .where(inArray(guestSessions.guestId, guestsOf));
  const now = Date.now();
  await db.batch([
    db
      .update(guestInvites)
      .set({ revokedAt: now })
      .where(and(inArray(guestInvites.id, inviteIds), isNull(guestInvites.revokedAt))),
    db
      .update(guestSessions)
      .set({ revokedAt: now })
      .where(and(inArray(guestSessions.guestId, guestsOf), isNull(guestSessions.revokedAt))),
    ...inviteIds.map((id) =>
      auditStatement(db, {
        actorId,
        action: "invite.revoked",
        subjectType: "invite",
        subjectId: id,
        ...(details ? { details } : {}),
      }),
    ),
  ]);
  await closeRoomsOfSessions(
    env,
    sessionRows.map((r) => r.publicId),
  );
}

/**
 * Withdraws the live invites `personId` made that she may no longer give, after her roles
 * changed (a membership ended) : each is judged again by `invite.create`. `actorId` is who
 * changed her roles.
 */
export async function withdrawInvitesNoLongerGiven(
  env: Env,
  personId: string,
  actorId: string,
): Promise<void> {
  const db = getDb(env.DB);
  const now = Date.now();
  const [invites, ...maker] = await db.batch([
    db
      .select({ id: guestInvites.id, documentId: guestInvites.documentId })
      .from(guestInvites)
      .where(
        and(
          eq(guestInvites.createdBy, personId),
          isNull(guestInvites.revokedAt),
          gt(guestInvites.expiresAt, now),
        ),
      ),
    ...makerStatements(db, personId),
  ]);
  const person = makerOf(maker);
  const lost: string[] = [];
  for (const invite of invites) {
    if (!mayStillInvite(person, await liveDocument(db, invite.documentId))) lost.push(invite.id);
  }
  await withdrawInvites(env, lost, actorId, { reason: "maker_lost_right" });
}

/**
 * For erasure: the statements that delete every invite `personId` made, with its guests
 * and their sessions (to put in the erasure's batch), and those sessions' ids, whose
 * sockets to close afterwards.
 */
export async function inviteErasure(db: Db, personId: string) {
  const invitesOf = db
    .select({ id: guestInvites.id })
    .from(guestInvites)
    .where(eq(guestInvites.createdBy, personId));
  const guestsOf = db.select({ id: guests.id }).from(guests).where(inArray(guests.inviteId, invitesOf));
  const sessionRows = await db
    .select({ publicId: guestSessions.publicId })
    .from(guestSessions)
    .where(inArray(guestSessions.guestId, guestsOf));
  return {
    sessionIds: sessionRows.map((r) => r.publicId),
    statements: [
      db.delete(guestSessions).where(inArray(guestSessions.guestId, guestsOf)),
      db.delete(guests).where(inArray(guests.inviteId, invitesOf)),
      db.delete(guestInvites).where(eq(guestInvites.createdBy, personId)),
    ] as const,
  };
}

/**
 * Deletes the guests (display names) and guest sessions of every invite that ended,
 * withdrawn or expired, more than guestGracePeriodMs before `now`, and forgets which
 * documents those sessions opened. The invite itself stays (its maker's record, in her
 * export), with no guests. For the scheduled purge; returns how many guests were deleted.
 */
export async function purgeEndedGuests(db: Db, now: number): Promise<number> {
  const cutoff = now - guestGracePeriodMs;
  const ended = db
    .select({ id: guestInvites.id })
    .from(guestInvites)
    .where(or(lte(guestInvites.revokedAt, cutoff), lte(guestInvites.expiresAt, cutoff)));
  const endedGuests = db.select({ id: guests.id }).from(guests).where(inArray(guests.inviteId, ended));
  const endedSessions = db
    .select({ id: guestSessions.publicId })
    .from(guestSessions)
    .where(inArray(guestSessions.guestId, endedGuests));
  const [, , deleted] = await db.batch([
    db.delete(roomConnections).where(inArray(roomConnections.sessionId, endedSessions)),
    db.delete(guestSessions).where(inArray(guestSessions.guestId, endedGuests)),
    db.delete(guests).where(inArray(guests.inviteId, ended)),
  ]);
  return deleted.meta.changes;
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
  /**
   * The invites this member has made; with `scope=managed`, the live invites others made
   * that she may see and withdraw (`invite.withdraw`: an officer of their documents' group).
   */
  .get("/", requirePerson, validate("query", inviteListQuerySchema), async (c) => {
    const identity = c.get("identity");
    const db = getDb(c.env.DB);
    if (c.req.valid("query").scope === "mine") return c.json(await invitesMadeBy(db, identity.personId));
    const now = Date.now();
    const others = await inviteSummaries(
      db,
      and(
        ne(guestInvites.createdBy, identity.personId),
        isNull(guestInvites.revokedAt),
        gt(guestInvites.expiresAt, now),
      ),
    );
    const managed: ManagedInvite[] = [];
    for (const { createdBy, createdByName, ...invite } of others) {
      const resource = await inviteResource(db, { createdBy, documentId: invite.documentId });
      if (authorize(identity, "invite.withdraw", resource)) {
        managed.push({ ...invite, createdBy: { id: createdBy, name: createdByName } });
      }
    }
    return c.json(managed);
  })
  /** Withdraws an invite (`invite.withdraw`): its guests' sessions end and their sockets close. */
  .delete(
    "/:id",
    validate("param", inviteIdParamSchema),
    requirePermission("invite.withdraw", inviteOfPath),
    async (c) => {
      await withdrawInvites(c.env, [c.req.valid("param").id], c.get("identity").personId);
      return c.body(null, 204);
    },
  )
  /** A guest follows the link and gives a display name. */
  .post("/accept", validateJson(acceptInviteSchema), async (c) => {
    const { token, name } = c.req.valid("json");
    const db = getDb(c.env.DB);
    const tokenHash = await sha256(token);
    const [[invite], ...maker] = await db.batch([
      db.select().from(guestInvites).where(eq(guestInvites.tokenHash, tokenHash)).limit(1),
      ...makerStatements(
        db,
        db
          .select({ id: guestInvites.createdBy })
          .from(guestInvites)
          .where(eq(guestInvites.tokenHash, tokenHash)),
      ),
    ]);
    if (!invite) throw new ApiError(400, "invite_invalid");
    // An invite whose maker may no longer give it is as good as withdrawn.
    if (
      invite.revokedAt !== null ||
      !mayStillInvite(makerOf(maker), await liveDocument(db, invite.documentId))
    )
      throw new ApiError(400, "invite_revoked");
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
