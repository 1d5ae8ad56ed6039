import { and, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { requirePerson } from "../access/middleware";
import { auditStatement } from "../audit/log";
import { auditLog } from "../audit/schema";
import { consultationDataOf, consultationErasure } from "../consultations/privacy";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { storedKey } from "../http/rate-limit";
import { validateJson } from "../http/validate";
import { meetingDataOf, meetingErasure } from "../meetings/privacy";
import { memberImportRows } from "../members/schema";
import { motionDataOf, motionErasure } from "../motions/privacy";
import { closeRoomsOfSessions } from "../rooms/revocation";
import { inviteErasure, invitesMadeBy } from "./guests";
import { loginMailLimitKey } from "./login";
import { loadMe } from "./me";
import { devOutbox, loginLinks, memberships, people, rateLimits, sessions } from "./schema";
import { clearSessionCookie } from "./sessions";

/**
 * A person's own data: all of it, as JSON, and erasure. Erasure blanks her name and
 * e-mail everywhere (the id stays as a pseudonym in the audit log and on contributions,
 * which show as from "former member"), ends her memberships and sessions, deletes the
 * invites she made with their guests, and closes her and those guests' open room
 * connections, and withdraws her supports of motions still collecting support. Live documents
 * never hold names, so they need no rewriting.
 */
export const privacyRoutes = featureApp()
  .get("/export", requirePerson, async (c) => {
    const { personId } = c.get("identity");
    const db = getDb(c.env.DB);
    const me = await loadMe(db, personId);
    if (!me) throw new ApiError(401, "not_logged_in");
    const [person] = await db.select().from(people).where(eq(people.id, personId));
    const [sessionRows, linkRows, inviteRows, auditRows, motionRows, meetingRows, consultationRows] =
      await Promise.all([
        db
          .select({
            label: sessions.label,
            createdAt: sessions.createdAt,
            lastSeenAt: sessions.lastSeenAt,
            expiresAt: sessions.expiresAt,
            revokedAt: sessions.revokedAt,
          })
          .from(sessions)
          .where(eq(sessions.personId, personId)),
        db
          .select({ createdAt: loginLinks.createdAt, usedAt: loginLinks.usedAt })
          .from(loginLinks)
          .where(eq(loginLinks.personId, personId)),
        invitesMadeBy(db, personId),
        db
          .select({ at: auditLog.at, action: auditLog.action, subjectType: auditLog.subjectType })
          .from(auditLog)
          .where(or(eq(auditLog.actorId, personId), eq(auditLog.subjectId, personId))),
        motionDataOf(db, personId),
        meetingDataOf(db, personId),
        consultationDataOf(db, personId),
      ]);
    c.header("Cache-Control", "no-store");
    c.header("Content-Disposition", 'attachment; filename="samtal-mina-uppgifter.json"');
    return c.json({
      exportedAt: new Date().toISOString(),
      person: { id: me.id, name: me.name, email: me.email, createdAt: person?.createdAt },
      groups: me.groups,
      sessions: sessionRows,
      logInLinks: linkRows,
      guestInvites: inviteRows,
      auditLog: auditRows,
      motions: motionRows,
      meetings: meetingRows,
      consultations: consultationRows,
      note:
        "Live documents hold no names; what you wrote in them stays, shown as from a former member after erasure. " +
        "Your guest invites list how many guests came, not their names: those are the guests' own data.",
    });
  })
  /** Erases the logged-in person. The body must say so, so a stray request cannot. */
  .post("/erase", requirePerson, validateJson(z.object({ confirm: z.literal("erase") })), async (c) => {
    const { personId } = c.get("identity");
    const db = getDb(c.env.DB);
    const [person] = await db
      .select({ email: people.email })
      .from(people)
      .where(and(eq(people.id, personId), isNull(people.erasedAt)));
    if (!person) throw new ApiError(401, "not_logged_in");
    const sessionIds = (
      await db.select({ id: sessions.publicId }).from(sessions).where(eq(sessions.personId, personId))
    ).map((s) => s.id);
    // Her log-in mail counter, keyed by an HMAC of her address (the rows of client addresses
    // are not hers to find, and go within two hours on the schedule).
    const counterKey = person.email ? await storedKey(loginMailLimitKey(person.email)) : "";
    const invites = await inviteErasure(db, personId);
    const now = Date.now();
    await db.batch([
      db.update(people).set({ name: null, email: null, erasedAt: now }).where(eq(people.id, personId)),
      db.delete(memberships).where(eq(memberships.personId, personId)),
      db.update(sessions).set({ revokedAt: now }).where(eq(sessions.personId, personId)),
      db.delete(loginLinks).where(eq(loginLinks.personId, personId)),
      // Her invites go, and with them the guests who came through them.
      ...invites.statements,
      // Her supports of motions still collecting; what she wrote in motions stays (worker/motions/privacy.ts).
      ...motionErasure(db, personId),
      // Her calendar feeds; her part in meetings stays as their record (worker/meetings/privacy.ts).
      ...meetingErasure(db, personId),
      // Her own answers to consultations; group answers she submitted stay (worker/consultations/privacy.ts).
      ...consultationErasure(db, personId),
      // Copies of the address that other features keep: a pending import row, a development mail.
      db.delete(memberImportRows).where(eq(memberImportRows.email, person.email ?? "")),
      db.delete(devOutbox).where(eq(devOutbox.to, person.email ?? "")),
      db.delete(rateLimits).where(eq(rateLimits.key, counterKey)),
      auditStatement(db, {
        actorId: personId,
        action: "person.erased",
        subjectType: "person",
        subjectId: personId,
      }),
    ]);
    // Closes her sockets and her guests', and forgets which documents those sessions opened.
    await closeRoomsOfSessions(c.env, [...sessionIds, ...invites.sessionIds]);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
