import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { GroupResource } from "../access/permissions";
import { auditStatement } from "../audit/log";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { groups } from "../org/schema";
import type { Audience, ConsultationInput } from "../shared/consultations";
import type { GroupKind } from "../shared/org";
import type { ConsultationRecord } from "./resource";
import { consultationGroups, consultationQuestions, consultations } from "./schema";

/**
 * Asking: a consultation is written as a draft by its asking level, rewritten as a whole
 * while it is one, and published, which fixes the groups it asks (`consultation_groups`).
 * The routes have asked the permission table; these check the rules and refuse with a named
 * error, nothing changed.
 */

function refuse(code: ConstructorParameters<typeof ApiError>[1], status: 409 | 422 = 422): never {
  throw new ApiError(status, code);
}

/**
 * The districts an audience reaches: for the national office the ones it names (all when it
 * names none); for a district, itself. Refuses what a district may not ask.
 */
async function districtsOf(db: Db, asker: GroupResource, audience: Audience): Promise<number[]> {
  if (asker.kind === "district") {
    const [self] = await db.select({ slug: groups.slug }).from(groups).where(eq(groups.id, asker.groupId));
    const outside = audience.kinds.includes("side") || audience.districts.some((d) => d !== self?.slug);
    if (outside) refuse("consultation_audience_outside");
    return [asker.groupId];
  }
  const rows = await db
    .select({ id: groups.id, slug: groups.slug })
    .from(groups)
    .where(
      and(
        eq(groups.kind, "district"),
        audience.districts.length ? inArray(groups.slug, audience.districts) : sql`1`,
      ),
    );
  if (rows.length < new Set(audience.districts).size) refuse("consultation_audience_outside");
  return rows.map((r) => r.id);
}

/**
 * The asked groups as one SELECT of `consultation_groups`' columns, in its order (what
 * drizzle's insert-select writes): branches
 * and associations in the districts reached, side organisations when asked. An
 * association's branch is its parent; a branch's district is its parent.
 */
function audienceSelect(consultationId: number, audience: Audience, districtIds: number[]): SQL {
  const kinds = audience.kinds.filter((k) => k !== "side");
  const inDistricts = districtIds.length
    ? sql.join(
        districtIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`NULL`;
  const local = kinds.length
    ? sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )
    : sql`NULL`;
  return sql`
    SELECT ${consultationId} AS consultation_id, g.id AS group_id, g.kind AS kind,
      CASE g.kind WHEN 'branch' THEN g.parent_id WHEN 'association' THEN b.parent_id END AS district_id,
      CASE g.kind WHEN 'branch' THEN g.id WHEN 'association' THEN b.id END AS branch_id,
      '[]' AS draft, 0 AS latest_version, 0 AS reopened, NULL AS submitted_at, NULL AS reminded_at
    FROM groups g LEFT JOIN groups b ON g.kind = 'association' AND b.id = g.parent_id
    WHERE (g.kind IN (${local})
        AND (CASE g.kind WHEN 'branch' THEN g.parent_id ELSE b.parent_id END) IN (${inDistricts}))
      OR (${audience.kinds.includes("side") ? 1 : 0} = 1 AND g.kind = 'side')`;
}

/** How many groups of each kind an audience would ask (the preview). */
export async function audienceCount(db: Db, asker: GroupResource, audience: Audience) {
  const districtIds = await districtsOf(db, asker, audience);
  const rows = await db.all<{ kind: GroupKind; n: number }>(
    sql`SELECT kind, count(*) AS n FROM (${audienceSelect(0, audience, districtIds)}) GROUP BY kind`,
  );
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    byKind: Object.fromEntries(rows.map((r) => [r.kind, r.n])) as Partial<Record<GroupKind, number>>,
  };
}

/**
 * Rows in groups small enough for one INSERT each: D1 binds at most 100 values per
 * statement, and a question row has ten columns.
 */
export function inStatements<T extends Record<string, unknown>>(rows: T[]): T[][] {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const perStatement = Math.max(1, Math.floor(100 / columns));
  const groups: T[][] = [];
  for (let i = 0; i < rows.length; i += perStatement) groups.push(rows.slice(i, i + perStatement));
  return groups;
}

function questionRows(consultationId: number, input: ConsultationInput) {
  return input.questions.map((q, position) => ({
    consultationId,
    position,
    kind: q.kind,
    prompt: q.prompt,
    options: JSON.stringify(q.options ?? []),
    scaleMin: q.scale?.min ?? null,
    scaleMax: q.scale?.max ?? null,
    scaleMinLabel: q.scale?.minLabel || null,
    scaleMaxLabel: q.scale?.maxLabel || null,
    comment: q.kind === "open" || q.comment === true,
  }));
}

function fields(input: ConsultationInput) {
  return {
    title: input.title,
    introduction: input.introduction,
    audience: JSON.stringify(input.audience),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
  };
}

/** A new draft asked by `asker`. */
export async function createConsultation(
  db: Db,
  asker: GroupResource,
  input: ConsultationInput,
  personId: string,
): Promise<number> {
  await districtsOf(db, asker, input.audience);
  const [created] = await db
    .insert(consultations)
    .values({ ...fields(input), askerGroupId: asker.groupId, createdBy: personId, createdAt: Date.now() })
    .returning({ id: consultations.id });
  if (!created) throw new Error("consultation insert returned nothing");
  await Promise.all(
    inStatements(questionRows(created.id, input)).map((rows) =>
      db.insert(consultationQuestions).values(rows),
    ),
  );
  return created.id;
}

/** Rewrites a draft as a whole (its questions get new ids: nothing refers to a draft's questions). */
export async function updateDraft(
  db: Db,
  record: ConsultationRecord,
  asker: GroupResource,
  input: ConsultationInput,
): Promise<void> {
  if (record.publishedAt !== null) refuse("consultation_not_draft", 409);
  await districtsOf(db, asker, input.audience);
  const [changed] = await db.batch([
    db
      .update(consultations)
      .set(fields(input))
      .where(and(eq(consultations.id, record.id), isNull(consultations.publishedAt)))
      .returning({ id: consultations.id }),
    db.delete(consultationQuestions).where(eq(consultationQuestions.consultationId, record.id)),
    ...inStatements(questionRows(record.id, input)).map((rows) =>
      db.insert(consultationQuestions).values(rows),
    ),
  ]);
  if (!changed.length) refuse("consultation_not_draft", 409);
}

/**
 * Publishes a draft: it must close in the future and ask at least one group. The asked
 * groups are fixed now, in the same transaction (a second publish fails on their key).
 */
export async function publish(
  db: Db,
  record: ConsultationRecord,
  asker: GroupResource,
  personId: string,
): Promise<void> {
  if (record.publishedAt !== null) refuse("consultation_not_draft", 409);
  const now = Date.now();
  if (record.closesAt <= now) refuse("consultation_closes_in_past");
  const audience = JSON.parse(record.audience) as Audience;
  const districtIds = await districtsOf(db, asker, audience);
  if ((await audienceCount(db, asker, audience)).total === 0) refuse("consultation_audience_empty");
  await db
    .batch([
      db
        .update(consultations)
        .set({ publishedAt: now, publishedBy: personId })
        .where(and(eq(consultations.id, record.id), isNull(consultations.publishedAt))),
      db.insert(consultationGroups).select(audienceSelect(record.id, audience, districtIds)),
      auditStatement(db, {
        actorId: personId,
        action: "consultation.published",
        subjectType: "consultation",
        subjectId: String(record.id),
      }),
    ])
    .catch(() => refuse("consultation_not_draft", 409));
}
