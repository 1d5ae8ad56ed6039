import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { groupResource } from "../access/groups";
import { requirePerson } from "../access/middleware";
import { allowedGroupActions } from "../access/permissions";
import { type Db, getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { validate } from "../http/validate";
import { groups } from "../org/schema";
import { closeRoomsOfSessions } from "../rooms/revocation";
import type { GroupMembership, Me, Role, SessionInfo } from "../shared/identity";
import { sessionIdParamSchema } from "../shared/identity-schemas";
import { memberships, people, sessions } from "./schema";
import { revokeSession } from "./sessions";

const roleOrder = new Map<Role, number>(
  (
    [
      "national_admin",
      "chair",
      "secretary",
      "board_member",
      "welcome_officer",
      "activity_lead",
      "union_lead",
      "member",
    ] as Role[]
  ).map((role, i) => [role, i]),
);
const kindOrder = { national: 0, district: 1, branch: 2, association: 3, side: 4 } as const;

/** A person with her groups and roles; null if there is no such (unerased) person. */
export async function loadMe(db: Db, personId: string): Promise<Me | null> {
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.erasedAt)))
    .limit(1);
  if (!person?.email || !person.name) return null;
  const rows = await db
    .select({
      role: memberships.role,
      kind: groups.kind,
      slug: groups.slug,
      name: groups.name,
      groupId: groups.id,
    })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(eq(memberships.personId, personId));
  const byGroup = new Map<number, GroupMembership>();
  for (const row of rows) {
    const entry = byGroup.get(row.groupId) ?? {
      group: { kind: row.kind, slug: row.slug, name: row.name },
      roles: [],
      can: [],
    };
    entry.roles.push(row.role);
    byGroup.set(row.groupId, entry);
  }
  const groupsOfPerson = [...byGroup.values()].sort(
    (a, b) =>
      kindOrder[a.group.kind] - kindOrder[b.group.kind] || a.group.name.localeCompare(b.group.name, "sv"),
  );
  for (const g of groupsOfPerson) g.roles.sort((a, b) => (roleOrder.get(a) ?? 99) - (roleOrder.get(b) ?? 99));
  const grants = rows.map(({ groupId, role }) => ({ groupId, role }));
  // Each group's path is its own query: ask them at once, not one after another.
  await Promise.all(
    [...byGroup].map(async ([id, membership]) => {
      membership.can = allowedGroupActions(
        grants,
        await groupResource(db, { id, kind: membership.group.kind }),
      );
    }),
  );
  return { kind: "member", id: person.id, name: person.name, email: person.email, groups: groupsOfPerson };
}

export const meRoutes = featureApp()
  .get("/", requirePerson, async (c) => {
    const me = await loadMe(getDb(c.env.DB), c.get("identity").personId);
    if (!me) throw new ApiError(401, "not_logged_in");
    c.header("Cache-Control", "no-store");
    return c.json(me);
  })
  .get("/sessions", requirePerson, async (c) => {
    const { personId, sessionId } = c.get("identity");
    const rows = await getDb(c.env.DB)
      .select()
      .from(sessions)
      .where(
        and(eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, Date.now())),
      )
      .orderBy(desc(sessions.lastSeenAt));
    c.header("Cache-Control", "no-store");
    return c.json(
      rows.map(
        (s): SessionInfo => ({
          id: s.publicId,
          current: s.publicId === sessionId,
          label: s.label,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          expiresAt: s.expiresAt,
        }),
      ),
    );
  })
  .delete("/sessions/:id", requirePerson, validate("param", sessionIdParamSchema), async (c) => {
    const { id } = c.req.valid("param");
    const ended = await revokeSession(getDb(c.env.DB), c.get("identity").personId, id);
    if (!ended) throw new ApiError(404, "not_found");
    await closeRoomsOfSessions(c.env, [id]);
    return c.body(null, 204);
  });
