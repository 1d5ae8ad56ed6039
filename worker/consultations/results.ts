import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ConsultationResource } from "../access/permissions";
import type { Db } from "../db/client";
import type { Person } from "../http/identity";
import { people } from "../identity/schema";
import { containing } from "../motions/coauthors";
import { toPrefixQuery } from "../org/queries";
import { groups } from "../org/schema";
import type {
  AnswerItem,
  AnswerRow,
  ConsultationOverview,
  IndividualAnswerList,
  Rate,
} from "../shared/consultations";
import type { GroupRef } from "../shared/org";
import {
  consultationAnswerItems,
  consultationGroups,
  consultationIndividualAnswers,
  consultationTaggings,
  consultationTags,
} from "./schema";

/**
 * Reading the results: the asking level sees every asked group; a district's board reading
 * someone else's consultation sees the groups in its own district(s). Each part of the
 * overview is one query over all groups at once (never one per group), so it costs the
 * same for 10 groups as for 2,290.
 */

/** The districts the reader is limited to; null for the asking level (everything). */
export function readerScope(
  who: Person,
  consultation: ConsultationResource,
  asksItself: boolean,
): number[] | null {
  if (asksItself) return null;
  const boards = new Set(
    who.grants
      .filter((g) => g.role === "chair" || g.role === "secretary" || g.role === "board_member")
      .map((g) => g.groupId),
  );
  return consultation.askedDistrictIds.filter((id) => boards.has(id));
}

function inScope(consultationId: number, scope: number[] | null): SQL {
  const own = eq(consultationGroups.consultationId, consultationId);
  return scope ? (and(own, inArray(consultationGroups.districtId, scope.length ? scope : [-1])) as SQL) : own;
}

/** `consultation_groups` rows in scope, as a subquery of group ids. */
export function groupsInScope(db: Db, consultationId: number, scope: number[] | null) {
  return db
    .select({ id: consultationGroups.groupId })
    .from(consultationGroups)
    .where(inScope(consultationId, scope));
}

/** The taggings of the groups in scope. */
export function taggingsInScope(db: Db, consultationId: number, scope: number[] | null): SQL {
  const own = eq(consultationTaggings.consultationId, consultationId);
  return scope
    ? (and(own, inArray(consultationTaggings.groupId, groupsInScope(db, consultationId, scope))) as SQL)
    : own;
}

const answered = sql<number>`coalesce(sum(${consultationGroups.latestVersion} > 0), 0)`;

/** The answer items that count: each asked group's latest version, in scope. */
function latestItems(consultationId: number, scope: number[] | null): SQL {
  return sql`${consultationAnswerItems.consultationId} = ${consultationId} AND EXISTS (
    SELECT 1 FROM consultation_groups cg WHERE cg.consultation_id = ${consultationAnswerItems.consultationId}
      AND cg.group_id = ${consultationAnswerItems.groupId} AND cg.latest_version = ${consultationAnswerItems.version}
      ${
        scope
          ? sql`AND cg.district_id IN (${sql.join(
              (scope.length ? scope : [-1]).map((id) => sql`${id}`),
              sql`, `,
            )})`
          : sql``
      })`;
}

export async function overview(
  db: Db,
  consultationId: number,
  scope: number[] | null,
): Promise<ConsultationOverview> {
  const where = inScope(consultationId, scope);
  const rate = { asked: count(), answered };
  const [[overall], byDistrict, byBranch, notAnswered, byTag, [individuals]] = await db.batch([
    db.select(rate).from(consultationGroups).where(where),
    db
      .select({ districtId: consultationGroups.districtId, ...rate })
      .from(consultationGroups)
      .where(where)
      .groupBy(consultationGroups.districtId),
    db
      .select({ branchId: consultationGroups.branchId, districtId: consultationGroups.districtId, ...rate })
      .from(consultationGroups)
      .where(and(where, sql`${consultationGroups.branchId} IS NOT NULL`))
      .groupBy(consultationGroups.branchId),
    db
      .select({ groupId: consultationGroups.groupId, districtId: consultationGroups.districtId })
      .from(consultationGroups)
      .where(and(where, eq(consultationGroups.latestVersion, 0)))
      .orderBy(asc(consultationGroups.districtId), asc(consultationGroups.groupId)),
    db
      .select({
        tagId: consultationTags.id,
        name: consultationTags.name,
        answers: count(consultationTaggings.tagId),
      })
      .from(consultationTags)
      .leftJoin(
        consultationTaggings,
        and(
          eq(consultationTaggings.tagId, consultationTags.id),
          inArray(consultationTaggings.groupId, groupsInScope(db, consultationId, scope)),
        ),
      )
      .where(eq(consultationTags.consultationId, consultationId))
      .groupBy(consultationTags.id)
      // A tag's name is staff's reading of answers: a district sees only those on its own groups.
      .having(scope ? sql`count(${consultationTaggings.tagId}) > 0` : undefined)
      .orderBy(asc(consultationTags.name)),
    db
      .select({ n: count() })
      .from(consultationIndividualAnswers)
      .where(
        and(
          eq(consultationIndividualAnswers.consultationId, consultationId),
          inArray(consultationIndividualAnswers.groupId, groupsInScope(db, consultationId, scope)),
        ),
      ),
  ]);
  const tallies = await db.all<{ questionId: number; choice: number; groups: number }>(sql`
    SELECT question_id AS questionId, choice, count(*) AS groups FROM (
      SELECT consultation_answer_items.question_id, j.value AS choice FROM consultation_answer_items, json_each(consultation_answer_items.choices) j
        WHERE consultation_answer_items.choices IS NOT NULL AND ${latestItems(consultationId, scope)}
      UNION ALL
      SELECT consultation_answer_items.question_id, consultation_answer_items.value FROM consultation_answer_items
        WHERE consultation_answer_items.value IS NOT NULL AND ${latestItems(consultationId, scope)}
    ) GROUP BY question_id, choice ORDER BY question_id, choice`);
  const byId = await groupRefsAll(db, consultationId);
  const ref = (id: number | null): GroupRef | null => (id === null ? null : (byId.get(id) ?? null));
  const tallied = new Map<number, { choice: number; groups: number }[]>();
  for (const t of tallies)
    tallied.set(t.questionId, [...(tallied.get(t.questionId) ?? []), { choice: t.choice, groups: t.groups }]);
  const asRate = (r: Rate): Rate => ({ asked: r.asked, answered: r.answered });
  return {
    consultationId,
    overall: asRate(overall ?? { asked: 0, answered: 0 }),
    byDistrict: byDistrict.map((d) => ({ district: ref(d.districtId), ...asRate(d) })),
    byBranch: byBranch.map((b) => ({
      branch: ref(b.branchId) as GroupRef,
      district: ref(b.districtId),
      ...asRate(b),
    })),
    notAnswered: notAnswered.map((g) => ({ group: ref(g.groupId) as GroupRef, district: ref(g.districtId) })),
    tallies: [...tallied].map(([questionId, counts]) => ({ questionId, counts })),
    byTag,
    individuals: individuals?.n ?? 0,
  };
}

export interface AnswerFilters {
  question?: number | undefined;
  district?: number | undefined;
  kind?: "branch" | "association" | "side" | undefined;
  choice?: number | undefined;
  tag?: number | undefined;
  q?: string | undefined;
}

/**
 * The latest answers, one row per group and question, filtered and searched (FTS5 over the
 * frozen texts), in the order of districts, groups and questions, or by relevance when
 * searched. `limit` null reads them all (the export).
 */
export async function answers(
  db: Db,
  consultationId: number,
  scope: number[] | null,
  filters: AnswerFilters,
  page: { limit: number | null; offset: number },
): Promise<{ total: number; answers: AnswerRow[] }> {
  const match = filters.q ? toPrefixQuery(filters.q) : null;
  if (filters.q && !match) return { total: 0, answers: [] };
  const conditions: SQL[] = [latestItems(consultationId, scope)];
  const item = consultationAnswerItems;
  if (filters.question) conditions.push(eq(item.questionId, filters.question));
  if (filters.choice !== undefined)
    conditions.push(
      sql`(${item.value} = ${filters.choice} OR EXISTS (SELECT 1 FROM json_each(${item.choices}) WHERE value = ${filters.choice}))`,
    );
  if (filters.district !== undefined || filters.kind)
    conditions.push(inArray(item.groupId, groupsFiltered(db, consultationId, filters)));
  if (filters.tag)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM consultation_taggings t WHERE t.tag_id = ${filters.tag}
        AND t.group_id = ${item.groupId} AND t.question_id = ${item.questionId})`,
    );
  if (match)
    conditions.push(
      sql`${item.id} IN (SELECT rowid FROM consultation_answer_search WHERE consultation_answer_search MATCH ${match})`,
    );
  const where = and(...conditions);
  const listed = db
    .select({
      groupId: item.groupId,
      version: item.version,
      questionId: item.questionId,
      text: item.text,
      choices: item.choices,
      value: item.value,
    })
    .from(item)
    .where(where)
    .orderBy(asc(item.groupId), asc(item.questionId));
  const [[total], rows, asked, taggings] = await db.batch([
    db.select({ n: count() }).from(item).where(where),
    page.limit === null ? listed : listed.limit(page.limit).offset(page.offset),
    askedInScope(db, consultationId, scope),
    db
      .select({
        tagId: consultationTaggings.tagId,
        groupId: consultationTaggings.groupId,
        questionId: consultationTaggings.questionId,
      })
      .from(consultationTaggings)
      .where(taggingsInScope(db, consultationId, scope)),
  ]);
  const refs = await groupRefsAll(db, consultationId);
  const groupsById = new Map(asked.map((g) => [g.groupId, g]));
  const tags = new Map<string, number[]>();
  for (const t of taggings) {
    const key = `${t.groupId}:${t.questionId}`;
    tags.set(key, [...(tags.get(key) ?? []), t.tagId]);
  }
  return {
    total: total?.n ?? 0,
    answers: rows.map((r) => {
      const g = groupsById.get(r.groupId);
      return {
        consultationId,
        group: refs.get(r.groupId) as GroupRef,
        groupId: r.groupId,
        district: g?.districtId ? (refs.get(g.districtId) ?? null) : null,
        version: r.version,
        submittedAt: g?.submittedAt ?? 0,
        questionId: r.questionId,
        text: r.text,
        choices: r.choices === null ? null : (JSON.parse(r.choices) as number[]),
        value: r.value,
        tagIds: tags.get(`${r.groupId}:${r.questionId}`) ?? [],
      };
    }),
  };
}

/** The asked groups matching the district and kind filters, as a subquery of group ids. */
function groupsFiltered(db: Db, consultationId: number, filters: Pick<AnswerFilters, "district" | "kind">) {
  return db
    .select({ id: consultationGroups.groupId })
    .from(consultationGroups)
    .where(
      and(
        eq(consultationGroups.consultationId, consultationId),
        filters.district !== undefined ? eq(consultationGroups.districtId, filters.district) : undefined,
        filters.kind ? eq(consultationGroups.kind, filters.kind) : undefined,
      ),
    );
}

/** The asked groups in scope with their districts and latest submissions. */
function askedInScope(db: Db, consultationId: number, scope: number[] | null) {
  return db
    .select({
      groupId: consultationGroups.groupId,
      districtId: consultationGroups.districtId,
      submittedAt: consultationGroups.submittedAt,
    })
    .from(consultationGroups)
    .where(inScope(consultationId, scope));
}

/**
 * The capitals beyond ASCII in Swedish text (the alphabet's own, and those of names common
 * here): SQLite's LIKE and lower() fold only ASCII letters and D1 has no ICU, so "åsa" would
 * miss "Åsa" unless both sides are folded with these too.
 */
const foldedCapitals = ["Å", "Ä", "Ö", "É", "È", "Ü", "Æ", "Ø"];

/** `value` in small letters, ASCII and the capitals above (fixed literals: no bound parameters). */
function foldCase(value: SQL): SQL {
  return foldedCapitals.reduce(
    (inner, capital) =>
      sql`replace(${inner}, ${sql.raw(`'${capital}'`)}, ${sql.raw(`'${capital.toLowerCase()}'`)})`,
    sql`lower(${value})`,
  );
}

/**
 * Members' own answers in scope, filtered like the group answers (a question, a choice, a
 * district, a kind of group) and searched in their texts as typed, case folded (LIKE: they
 * are not in the full-text index, which holds the frozen group answers), by group, oldest first.
 */
export async function individualAnswers(
  db: Db,
  consultationId: number,
  scope: number[] | null,
  filters: Omit<AnswerFilters, "tag">,
  page: { limit: number | null; offset: number },
): Promise<IndividualAnswerList> {
  const own = consultationIndividualAnswers;
  const conditions: SQL[] = [
    eq(own.consultationId, consultationId),
    inArray(own.groupId, groupsInScope(db, consultationId, scope)),
  ];
  if (filters.district !== undefined || filters.kind)
    conditions.push(inArray(own.groupId, groupsFiltered(db, consultationId, filters)));
  const itemWhere: SQL[] = [];
  if (filters.question) itemWhere.push(sql`json_extract(j.value, '$.questionId') = ${filters.question}`);
  if (filters.choice !== undefined)
    itemWhere.push(sql`(json_extract(j.value, '$.value') = ${filters.choice} OR EXISTS (
      SELECT 1 FROM json_each(j.value, '$.choices') c WHERE c.value = ${filters.choice}))`);
  if (filters.q)
    itemWhere.push(
      sql`${foldCase(sql`json_extract(j.value, '$.text')`)} LIKE ${foldCase(sql`${containing(filters.q)}`)} ESCAPE '\\'`,
    );
  if (itemWhere.length)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM json_each(${own.items}) j WHERE ${sql.join(itemWhere, sql` AND `)})`,
    );
  const where = and(...conditions);
  const listed = db
    .select({ answer: own, name: people.name })
    .from(own)
    .leftJoin(people, eq(people.id, own.personId))
    .where(where)
    .orderBy(asc(own.groupId), asc(own.updatedAt));
  const [[total], rows, asked] = await db.batch([
    db.select({ n: count() }).from(own).where(where),
    page.limit === null ? listed : listed.limit(page.limit).offset(page.offset),
    askedInScope(db, consultationId, scope),
  ]);
  const refs = await groupRefsAll(db, consultationId);
  const districtOf = new Map(asked.map((g) => [g.groupId, g.districtId]));
  return {
    total: total?.n ?? 0,
    answers: rows.map(({ answer, name }) => {
      const districtId = districtOf.get(answer.groupId);
      return {
        consultationId,
        group: refs.get(answer.groupId) as GroupRef,
        groupId: answer.groupId,
        district: districtId ? (refs.get(districtId) ?? null) : null,
        person: { id: answer.personId, name },
        updatedAt: answer.updatedAt,
        items: JSON.parse(answer.items) as AnswerItem[],
      };
    }),
  };
}

/** Every group a consultation names (asked groups, their districts and branches), in one read. */
async function groupRefsAll(db: Db, consultationId: number): Promise<Map<number, GroupRef>> {
  const rows = await db
    .select({ id: groups.id, kind: groups.kind, slug: groups.slug, name: groups.name })
    .from(groups)
    .where(
      sql`${groups.id} IN (SELECT group_id FROM consultation_groups WHERE consultation_id = ${consultationId}
        UNION SELECT district_id FROM consultation_groups WHERE consultation_id = ${consultationId}
        UNION SELECT branch_id FROM consultation_groups WHERE consultation_id = ${consultationId})`,
    );
  return new Map(rows.map(({ id, ...ref }) => [id, ref]));
}
