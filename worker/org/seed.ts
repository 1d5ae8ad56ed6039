import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteInsertValue } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { Db } from "../db/client";
import { counties, groups } from "../db/schema";
import type { GroupKind } from "../shared/org";
import { slugSchema } from "../shared/org-schemas";
import organisationJson from "./seed/organisation.json";
import { slugify } from "./slug";

/**
 * The shape of seed/organisation.json: the national structure (counties, districts,
 * municipalities = branches) plus demo associations. The party's register import will
 * replace this file's contents, so it is checked here rather than trusted.
 */
const organisationDataSchema = z
  .object({
    national: z.object({ name: z.string().min(1) }),
    counties: z.array(z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) })),
    districts: z.array(
      z.object({
        slug: slugSchema,
        name: z.string().min(1),
        county: z.string(),
        municipalities: z.array(z.string()).min(1),
      }),
    ),
    municipalities: z.array(
      z.object({ code: z.string().regex(/^\d{4}$/), name: z.string().min(1), county: z.string() }),
    ),
    associations: z.array(z.object({ slug: slugSchema, name: z.string().min(1), branch: z.string() })),
    sideOrganisations: z.array(z.object({ slug: slugSchema, name: z.string().min(1) })),
  })
  .superRefine((data, ctx) => {
    const districtOf = new Map<string, string>();
    for (const district of data.districts) {
      for (const code of district.municipalities) {
        if (districtOf.has(code)) ctx.addIssue({ code: "custom", message: `${code} is in two districts` });
        districtOf.set(code, district.slug);
      }
    }
    for (const m of data.municipalities) {
      if (!districtOf.has(m.code)) ctx.addIssue({ code: "custom", message: `${m.code} has no district` });
    }
  });

export type OrganisationData = z.infer<typeof organisationDataSchema>;

export type SeedReport = Record<GroupKind, number> & { counties: number };

/** Branch slugs come from municipality names; the rare clash (Håbo, Habo) gets the code appended. */
export function branchSlugs(municipalities: OrganisationData["municipalities"]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const m of municipalities) {
    const slug = slugify(m.name);
    byName.set(slug, [...(byName.get(slug) ?? []), m.code]);
  }
  const slugs = new Map<string, string>();
  for (const [slug, codes] of byName) {
    for (const code of codes) slugs.set(code, codes.length > 1 ? `${slug}-${code}` : slug);
  }
  return slugs;
}

/**
 * Creates or updates the whole structure in one D1 batch (one transaction), keyed on
 * (kind, slug), so running it again changes nothing and never duplicates. Parents are
 * looked up by slug inside each statement, which keeps the batch a single round trip.
 */
export async function seedOrganisation(db: Db, source: unknown = organisationJson): Promise<SeedReport> {
  const data = organisationDataSchema.parse(source);
  const slugOfBranch = branchSlugs(data.municipalities);
  const districtOfMunicipality = new Map(
    data.districts.flatMap((d) => d.municipalities.map((code) => [code, d.slug] as const)),
  );

  const parent = (kind: GroupKind, slug: string) =>
    sql`(SELECT id FROM groups WHERE kind = ${kind} AND slug = ${slug})`;
  const upsertGroup = (row: SQLiteInsertValue<typeof groups>) =>
    db
      .insert(groups)
      .values(row)
      .onConflictDoUpdate({
        target: [groups.kind, groups.slug],
        set: {
          name: sql`excluded.name`,
          parentId: sql`excluded.parent_id`,
          countyCode: sql`excluded.county_code`,
          municipalityCode: sql`excluded.municipality_code`,
        },
      });

  const statements: BatchItem<"sqlite">[] = [
    ...data.counties.map((county) =>
      db
        .insert(counties)
        .values(county)
        .onConflictDoUpdate({ target: counties.code, set: { name: county.name } }),
    ),
    upsertGroup({ kind: "national", slug: "national", name: data.national.name }),
    ...data.districts.map((d) =>
      upsertGroup({
        kind: "district",
        slug: d.slug,
        name: d.name,
        countyCode: d.county,
        parentId: parent("national", "national"),
      }),
    ),
    ...data.municipalities.map((m) =>
      upsertGroup({
        kind: "branch",
        slug: slugOfBranch.get(m.code) ?? m.code,
        name: m.name,
        countyCode: m.county,
        municipalityCode: m.code,
        parentId: parent("district", districtOfMunicipality.get(m.code) ?? ""),
      }),
    ),
    ...data.associations.map((a) =>
      upsertGroup({
        kind: "association",
        slug: a.slug,
        name: a.name,
        parentId: parent("branch", slugOfBranch.get(a.branch) ?? ""),
      }),
    ),
    ...data.sideOrganisations.map((s) =>
      upsertGroup({ kind: "side", slug: s.slug, name: s.name, parentId: parent("national", "national") }),
    ),
  ];
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);

  const rows = await db
    .select({ kind: groups.kind, count: sql<number>`count(*)` })
    .from(groups)
    .groupBy(groups.kind);
  const [countyCount] = await db.select({ count: sql<number>`count(*)` }).from(counties);
  const report: SeedReport = { national: 0, district: 0, branch: 0, association: 0, side: 0, counties: 0 };
  for (const row of rows) report[row.kind] = row.count;
  report.counties = countyCount?.count ?? 0;
  return report;
}
