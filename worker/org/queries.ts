import { and, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { counties, groups } from "../db/schema";
import type {
  BrowsableKind,
  GroupDetail,
  GroupKind,
  GroupRef,
  GroupSearchHit,
  GroupSummary,
  OrganisationOverview,
} from "../shared/org";

// Names are sorted in Swedish order (å, ä, ö after z), which SQLite's byte order gets wrong.
const swedish = new Intl.Collator("sv");
const byName = <T extends { name: string }>(a: T, b: T) => swedish.compare(a.name, b.name);

// Written out in full: drizzle leaves the table off `${groups.id}` in single-table selects,
// which would bind the column to the inner alias instead.
const childCount = sql<number>`(SELECT count(*) FROM groups AS c WHERE c.parent_id = groups.id)`;

async function childrenOf(db: Db, parentId: number): Promise<GroupSummary[]> {
  const rows = await db
    .select({ kind: groups.kind, slug: groups.slug, name: groups.name, childCount })
    .from(groups)
    .where(eq(groups.parentId, parentId));
  return rows.sort(byName);
}

/** The national level, its districts and side organisations, and how many of each kind exist. */
export async function organisationOverview(db: Db): Promise<OrganisationOverview | null> {
  const [national] = await db.select().from(groups).where(eq(groups.kind, "national")).limit(1);
  if (!national) return null;
  const [children, totalRows] = await Promise.all([
    childrenOf(db, national.id),
    db.select({ kind: groups.kind, count: sql<number>`count(*)` }).from(groups).groupBy(groups.kind),
  ]);
  const totals = { district: 0, branch: 0, association: 0, side: 0 };
  for (const row of totalRows) if (row.kind !== "national") totals[row.kind] = row.count;
  return {
    national: { kind: "national", slug: national.slug, name: national.name },
    districts: children.filter((g) => g.kind === "district"),
    sideOrganisations: children.filter((g) => g.kind === "side"),
    totals,
  };
}

/** One group with its parents (top down) and its children. Null when no such group exists. */
export async function groupDetail(db: Db, kind: BrowsableKind, slug: string): Promise<GroupDetail | null> {
  const [row] = await db
    .select({ group: groups, county: counties })
    .from(groups)
    .leftJoin(counties, eq(counties.code, groups.countyCode))
    .where(and(eq(groups.kind, kind), eq(groups.slug, slug)))
    .limit(1);
  if (!row) return null;
  const { group, county } = row;

  // The tree is at most four levels deep, so walking up one query per level is cheap.
  const parents: GroupRef[] = [];
  let parentId = group.parentId;
  while (parentId !== null && parents.length < 8) {
    const [p] = await db
      .select({ kind: groups.kind, slug: groups.slug, name: groups.name, parentId: groups.parentId })
      .from(groups)
      .where(eq(groups.id, parentId));
    if (!p) break;
    parents.unshift({ kind: p.kind, slug: p.slug, name: p.name });
    parentId = p.parentId;
  }

  return {
    kind: group.kind,
    slug: group.slug,
    name: group.name,
    county: county ? { code: county.code, name: county.name } : null,
    municipalityCode: group.municipalityCode,
    parents,
    children: await childrenOf(db, group.id),
  };
}

/**
 * Turns what a person typed into an FTS5 query: every word must match the start of a word
 * in the name ("göte" finds Göteborg). Only letters and digits pass, so no FTS5 syntax
 * can be injected; the words go in as quoted strings.
 */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}

export async function searchGroups(
  db: Db,
  query: { q: string; kind?: BrowsableKind | undefined; limit: number },
): Promise<GroupSearchHit[]> {
  const match = toPrefixQuery(query.q);
  if (!match) return [];
  const parent = alias(groups, "parent");
  const rows = await db
    .select({
      kind: groups.kind,
      slug: groups.slug,
      name: groups.name,
      parentKind: parent.kind,
      parentSlug: parent.slug,
      parentName: parent.name,
    })
    .from(sql`group_search`)
    .innerJoin(groups, sql`${groups.id} = group_search.rowid`)
    .leftJoin(parent, eq(parent.id, groups.parentId))
    .where(
      and(
        sql`group_search MATCH ${match}`,
        query.kind ? eq(groups.kind, query.kind) : ne(groups.kind, "national"),
      ),
    )
    // Best text match first; among equals the shorter name, so "Ale" comes before "Alingsås".
    .orderBy(sql`group_search.rank`, sql`length(${groups.name})`)
    .limit(query.limit);
  return rows.map((r) => ({
    kind: r.kind,
    slug: r.slug,
    name: r.name,
    parent:
      r.parentKind && r.parentSlug && r.parentName
        ? { kind: r.parentKind as GroupKind, slug: r.parentSlug, name: r.parentName }
        : null,
  }));
}
