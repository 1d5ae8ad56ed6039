import { eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { type Db, getDb } from "../db/client";
import type { AppEnv } from "../http/app";
import { memberships } from "../identity/schema";
import type { Role } from "../shared/identity";

/** One role held in one group. */
export interface RoleGrant {
  groupId: number;
  role: Role;
}

/** Who is asking: nobody, a member with her roles, or a guest scoped to one invite's document. */
export type Identity =
  | { kind: "anonymous" }
  | { kind: "member"; personId: string; sessionId: string; name: string; grants: RoleGrant[] }
  | { kind: "guest"; guestId: string; sessionId: string; name: string; documentId: string };

export async function loadGrants(db: Db, personId: string): Promise<RoleGrant[]> {
  return db
    .select({ groupId: memberships.groupId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.personId, personId));
}

/** The group and every group above it, nearest first: what "a role here or above" checks. */
export async function groupPath(db: Db, groupId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    WITH RECURSIVE up(id) AS (
      SELECT ${groupId}
      UNION ALL
      SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id WHERE g.parent_id IS NOT NULL
    )
    SELECT id FROM up`);
  return rows.map((r) => r.id);
}

export async function currentIdentity(c: Context<AppEnv>): Promise<Identity> {
  const session = c.get("session");
  if (!session) {
    const guest = c.get("guestSession");
    return guest
      ? {
          kind: "guest",
          guestId: guest.guestId,
          sessionId: guest.publicId,
          name: guest.name,
          documentId: guest.documentId,
        }
      : { kind: "anonymous" };
  }
  const db = getDb(c.env.DB);
  const [person] = await db.all<{ name: string | null }>(
    sql`SELECT name FROM people WHERE id = ${session.personId} AND erased_at IS NULL`,
  );
  if (!person?.name) return { kind: "anonymous" };
  return {
    kind: "member",
    personId: session.personId,
    sessionId: session.publicId,
    name: person.name,
    grants: await loadGrants(db, session.personId),
  };
}
