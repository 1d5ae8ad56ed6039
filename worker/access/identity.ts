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

/** Who is asking. Guests come with the guest invites (identity issue, next step). */
export type Identity =
  | { kind: "anonymous" }
  | { kind: "member"; personId: string; sessionId: string; name: string; grants: RoleGrant[] };

export async function loadGrants(db: Db, personId: string): Promise<RoleGrant[]> {
  return db
    .select({ groupId: memberships.groupId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.personId, personId));
}

export async function currentIdentity(c: Context<AppEnv>): Promise<Identity> {
  const session = c.get("session");
  if (!session) return { kind: "anonymous" };
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
