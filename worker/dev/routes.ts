import { and, desc, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { findGroup } from "../access/groups";
import { seedDemoConsultations } from "../consultations/seed";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { validate, validateJson } from "../http/validate";
import { loadMe } from "../identity/me";
import { devOutbox, memberships, people } from "../identity/schema";
import { demoPeople, seedDemoPeople } from "../identity/seed";
import { startSession } from "../identity/sessions";
import { seedDemoMeetings } from "../meetings/seed";
import { seedDemoMotions } from "../motions/seed";
import { seedOrganisation } from "../org/seed";
import { slugify } from "../org/slug";
import { liveStub, roomStub } from "../rooms/address";
import { issueRoomToken } from "../rooms/token";
import type { DevInfo } from "../shared/health";
import type { DemoPerson, OutboxMessage } from "../shared/identity";
import { groupKinds } from "../shared/org";
import { groupRefSchema } from "../shared/org-schemas";
import { documentIdSchema } from "../shared/room-schemas";
import { roomModes, roomTokenTtlSeconds } from "../shared/rooms";
import { devOnly } from "./switch";

/**
 * On a development machine anyone may have a token for any document (benchmarks, examples).
 * It names no session, so the upgrade admits it only while development mode is on; like
 * every room token it opens one connection.
 */
const devRoomTokenRequestSchema = z.object({
  documentId: documentIdSchema,
  name: z.string().trim().min(1).max(80),
  mode: z.enum(roomModes).default("write"),
  ttlSeconds: z.number().int().min(-3600).max(3600).default(roomTokenTtlSeconds),
});
const roomParamSchema = z.object({ documentId: documentIdSchema });

export type DevRoomTokenRequest = z.input<typeof devRoomTokenRequestSchema>;

export const devRoutes = featureApp()
  .use(devOnly)
  .get("/", (c) =>
    c.json({
      devMode: true,
      features: ["seed", "room-token", "room-stats", "login-as", "outbox"],
    } satisfies DevInfo),
  )
  // Idempotent: `npm start` calls it on every start, and a second call changes nothing.
  .post("/seed", async (c) => {
    const db = getDb(c.env.DB);
    const organisation = await seedOrganisation(db);
    const seededPeople = await seedDemoPeople(db);
    return c.json({
      ...organisation,
      people: seededPeople,
      motions: await seedDemoMotions(c.env, db),
      // Before the meetings: a demo meeting discusses the open demo consultation.
      consultations: await seedDemoConsultations(c.env, db),
      meetings: await seedDemoMeetings(db),
    });
  })
  // Erased demo people are left out (a re-seed at the next start brings them back).
  .get("/people", async (c) => {
    const present = await getDb(c.env.DB)
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          inArray(
            people.id,
            demoPeople.map((p) => p.id),
          ),
          isNull(people.erasedAt),
        ),
      );
    const ids = new Set(present.map((p) => p.id));
    return c.json(
      demoPeople
        .filter((p) => ids.has(p.id))
        .map(({ id, name, summary }): DemoPerson => ({ id, name, summary })),
    );
  })
  // One click to be someone from the demo data: no mail round trip.
  .post("/login-as", validateJson(z.object({ personId: z.string().regex(/^demo-[a-z]+$/) })), async (c) => {
    const { personId } = c.req.valid("json");
    const me = await loadMe(getDb(c.env.DB), personId);
    if (!me) throw new ApiError(404, "not_found");
    await startSession(c, personId);
    return c.json(me);
  })
  /**
   * For benchmarks: members of a group by name, each with the id a development room token
   * for that name carries (`dev-<name>`), so that a token's holder is a member there (a
   * meeting's voter, say). Idempotent.
   */
  .post(
    "/members",
    validateJson(
      z.object({
        group: groupRefSchema(groupKinds),
        names: z.array(z.string().trim().min(1).max(80)).max(1000),
      }),
    ),
    async (c) => {
      const db = getDb(c.env.DB);
      const { group, names } = c.req.valid("json");
      const found = await findGroup(db, group);
      if (!found) throw new ApiError(404, "not_found");
      const now = Date.now();
      const ids = names.map((name) => ({ id: `dev-${slugify(name)}`, name }));
      // D1 binds at most 100 values per statement: 20 rows of 4 columns.
      for (let i = 0; i < ids.length; i += 20) {
        const chunk = ids.slice(i, i + 20);
        await db.batch([
          db
            .insert(people)
            .values(chunk.map((p) => ({ ...p, createdAt: now })))
            .onConflictDoNothing(),
          db
            .insert(memberships)
            .values(
              chunk.map((p) => ({
                personId: p.id,
                groupId: found.groupId,
                role: "member" as const,
                createdAt: now,
              })),
            )
            .onConflictDoNothing(),
        ]);
      }
      return c.json({ ids: ids.map((p) => p.id) });
    },
  )
  .get("/outbox", async (c) => {
    const rows = await getDb(c.env.DB).select().from(devOutbox).orderBy(desc(devOutbox.id)).limit(50);
    c.header("Cache-Control", "no-store");
    return c.json(rows satisfies OutboxMessage[]);
  })
  // A negative ttlSeconds gives an already expired token, for tests of expiry.
  .post("/room-token", validateJson(devRoomTokenRequestSchema), async (c) => {
    const { documentId, name, mode, ttlSeconds } = c.req.valid("json");
    const sub = `dev-${slugify(name) || "person"}`;
    return c.json(await issueRoomToken(c.env, { doc: documentId, sub, name, mode }, ttlSeconds));
  })
  // For benchmarks and tests: what a room has written (a meeting room: its stored state), and compaction on demand.
  .get("/rooms/:documentId/stats", validate("param", roomParamSchema), async (c) =>
    c.json(await liveStub(c.env, c.req.valid("param").documentId).stats()),
  )
  .post("/rooms/:documentId/compact", validate("param", roomParamSchema), async (c) => {
    const room = roomStub(c.env, c.req.valid("param").documentId);
    await room.compactNow();
    return c.json(await room.stats());
  });
