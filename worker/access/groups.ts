import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { groups } from "../db/schema";
import type { GroupKind } from "../shared/org";
import type { GroupResource } from "./permissions";

/** The group and every group above it, nearest first: what "a role here or above" checks. */
async function groupPath(db: Db, groupId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    WITH RECURSIVE up(id) AS (
      SELECT ${groupId}
      UNION ALL
      SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id WHERE g.parent_id IS NOT NULL
    )
    SELECT id FROM up`);
  return rows.map((r) => r.id);
}

export async function groupResource(db: Db, group: { id: number; kind: GroupKind }): Promise<GroupResource> {
  return { type: "group", groupId: group.id, kind: group.kind, path: await groupPath(db, group.id) };
}

/** A group as the permission table sees it, by its id or by kind and slug; null if there is none. */
export async function findGroup(
  db: Db,
  where: { id: number } | { kind: GroupKind; slug: string },
): Promise<GroupResource | null> {
  const [group] = await db
    .select({ id: groups.id, kind: groups.kind })
    .from(groups)
    .where(
      "id" in where ? eq(groups.id, where.id) : and(eq(groups.kind, where.kind), eq(groups.slug, where.slug)),
    );
  return group ? groupResource(db, group) : null;
}
