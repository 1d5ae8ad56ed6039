import { and, asc, count, desc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { people } from "../identity/schema";
import { toPrefixQuery } from "../org/queries";
import { groups } from "../org/schema";
import {
  type BoardStatement,
  type FrozenProposal,
  type MeetingDecision,
  type MotionDetail,
  type MotionPeriod,
  type MotionState,
  type MotionSummary,
  type MotionVersion,
  motionDocumentId,
  type RichText,
} from "../shared/motions";
import type { GroupRef } from "../shared/org";
import { versionLines } from "./lines";
import {
  motionAuthors,
  motionPeriods,
  motionSupporters,
  motions,
  motionTreatments,
  motionVersions,
} from "./schema";

/** What the handlers and the views read about motions. */

export async function groupRefs(db: Db, ids: (number | null)[]): Promise<Map<number, GroupRef>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: groups.id, kind: groups.kind, slug: groups.slug, name: groups.name })
    .from(groups)
    .where(inArray(groups.id, wanted));
  return new Map(rows.map(({ id, ...ref }) => [id, ref]));
}

type PeriodRow = typeof motionPeriods.$inferSelect;

export function periodView(period: PeriodRow, group: GroupRef, now = Date.now()): MotionPeriod {
  return {
    id: period.id,
    group,
    title: period.title,
    deadline: period.deadline,
    minSupporters: period.minSupporters,
    acceptsMemberMotions: period.acceptsMemberMotions,
    lineLength: period.lineLength,
    open: period.deadline > now,
  };
}

export async function findPeriod(db: Db, periodId: number): Promise<PeriodRow | null> {
  const [period] = await db.select().from(motionPeriods).where(eq(motionPeriods.id, periodId));
  return period ?? null;
}

/** The group's open period that ends first, where a forwarded motion lands; null if none is open. */
export async function openPeriodOf(db: Db, groupId: number, now = Date.now()): Promise<PeriodRow | null> {
  const [period] = await db
    .select()
    .from(motionPeriods)
    .where(and(eq(motionPeriods.groupId, groupId), gt(motionPeriods.deadline, now)))
    .orderBy(asc(motionPeriods.deadline))
    .limit(1);
  return period ?? null;
}

export async function periodsOf(db: Db, groupId: number, group: GroupRef): Promise<MotionPeriod[]> {
  const rows = await db
    .select()
    .from(motionPeriods)
    .where(eq(motionPeriods.groupId, groupId))
    .orderBy(desc(motionPeriods.deadline));
  const now = Date.now();
  return rows.map((row) => periodView(row, group, now));
}

export async function supporterCount(db: Db, motionId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(motionSupporters)
    .where(eq(motionSupporters.motionId, motionId));
  return row?.n ?? 0;
}

type VersionRow = typeof motionVersions.$inferSelect;

export function versionView(row: VersionRow): MotionVersion {
  const motivation = JSON.parse(row.motivationJson) as RichText;
  const proposals = JSON.parse(row.proposals) as FrozenProposal[];
  return {
    number: row.number,
    reason: row.reason,
    title: row.title,
    motivation: { text: row.motivationText, json: motivation },
    proposals,
    createdAt: row.createdAt,
    lineLength: row.lineLength,
    lines: versionLines({ title: row.title, motivation, proposals }, row.lineLength),
  };
}

export async function findVersion(db: Db, motionId: number, number?: number): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(motionVersions)
    .where(
      number === undefined
        ? eq(motionVersions.motionId, motionId)
        : and(eq(motionVersions.motionId, motionId), eq(motionVersions.number, number)),
    )
    .orderBy(desc(motionVersions.number))
    .limit(1);
  return row ?? null;
}

type TreatmentRow = typeof motionTreatments.$inferSelect;

function latestTreatment(rows: TreatmentRow[], step: TreatmentRow["step"]) {
  return rows.filter((r) => r.step === step).sort((a, b) => b.id - a.id)[0];
}

type MotionRow = typeof motions.$inferSelect;

/** Everything the motion's page shows, for one asker. */
export async function motionDetail(db: Db, record: MotionRow, askerId: string): Promise<MotionDetail> {
  const [authors, supporters, versions, treatments, [period], [origin], [forwardedTo]] = await db.batch([
    db
      .select({ id: motionAuthors.personId, name: people.name, initiator: motionAuthors.initiator })
      .from(motionAuthors)
      .innerJoin(people, eq(people.id, motionAuthors.personId))
      .where(eq(motionAuthors.motionId, record.id))
      .orderBy(desc(motionAuthors.initiator), asc(motionAuthors.addedAt)),
    db
      .select({ personId: motionSupporters.personId })
      .from(motionSupporters)
      .where(eq(motionSupporters.motionId, record.id)),
    db
      .select({
        number: motionVersions.number,
        reason: motionVersions.reason,
        createdAt: motionVersions.createdAt,
      })
      .from(motionVersions)
      .where(eq(motionVersions.motionId, record.id))
      .orderBy(asc(motionVersions.number)),
    db.select().from(motionTreatments).where(eq(motionTreatments.motionId, record.id)),
    db
      .select()
      .from(motionPeriods)
      .where(eq(motionPeriods.id, record.periodId ?? 0)),
    db
      .select({ id: motions.id, groupId: motions.groupId })
      .from(motions)
      .where(eq(motions.id, record.originId ?? 0)),
    db
      .select({ id: motions.id, groupId: motions.groupId })
      .from(motions)
      .where(eq(motions.id, record.forwardedToId ?? 0)),
  ]);
  const refs = await groupRefs(db, [
    record.groupId,
    record.senderGroupId,
    period?.groupId ?? null,
    origin?.groupId ?? null,
    forwardedTo?.groupId ?? null,
  ]);
  const ref = (id: number) => refs.get(id) as GroupRef;
  const statement = latestTreatment(treatments, "statement");
  const decision = latestTreatment(treatments, "decision");
  return {
    ...summaryOf(record, refs, supporters.length),
    authors,
    period: period ? periodView(period, ref(period.groupId)) : null,
    supported: supporters.some((s) => s.personId === askerId),
    versions,
    statement: statement
      ? ({
          version: statement.versionNumber,
          text: statement.text,
          proposals: JSON.parse(statement.verdicts),
          createdAt: statement.createdAt,
        } satisfies BoardStatement)
      : null,
    decision: decision
      ? ({
          version: decision.versionNumber,
          decisions: JSON.parse(decision.verdicts),
          createdAt: decision.createdAt,
        } satisfies MeetingDecision)
      : null,
    origin: origin ? { id: origin.id, group: ref(origin.groupId) } : null,
    forwardedTo: forwardedTo ? { id: forwardedTo.id, group: ref(forwardedTo.groupId) } : null,
  };
}

function summaryOf(record: MotionRow, refs: Map<number, GroupRef>, supporters: number): MotionSummary {
  return {
    id: record.id,
    documentId: motionDocumentId(record.id),
    kind: record.kind,
    state: record.state,
    title: record.title,
    group: refs.get(record.groupId) as GroupRef,
    sender: record.senderGroupId === null ? null : (refs.get(record.senderGroupId) ?? null),
    supporters,
    updatedAt: record.updatedAt,
  };
}

/**
 * A group's motions that the asker may see (motion.read: drafts only to their authors),
 * optionally in one state and matching a search, newest first or best match first.
 */
export async function listMotions(
  db: Db,
  groupId: number,
  askerId: string,
  query: { state?: MotionState | undefined; q?: string | undefined; limit: number },
): Promise<MotionSummary[]> {
  const visible = or(
    sql`${motions.state} <> 'draft'`,
    inArray(
      motions.id,
      db
        .select({ id: motionAuthors.motionId })
        .from(motionAuthors)
        .where(eq(motionAuthors.personId, askerId)),
    ),
  );
  const conditions: (SQL | undefined)[] = [eq(motions.groupId, groupId), visible];
  if (query.state) conditions.push(eq(motions.state, query.state));
  const match = query.q ? toPrefixQuery(query.q) : null;
  if (query.q && !match) return [];
  const base = db
    .select({
      motion: motions,
      supporters: sql<number>`(SELECT count(*) FROM motion_supporters s WHERE s.motion_id = ${motions.id})`,
    })
    .from(motions);
  const rows = match
    ? await base
        .innerJoin(sql`motion_search`, sql`motion_search.rowid = ${motions.id}`)
        .where(and(sql`motion_search MATCH ${match}`, ...conditions))
        .orderBy(sql`motion_search.rank`)
        .limit(query.limit)
    : await base
        .where(and(...conditions))
        .orderBy(desc(motions.updatedAt), desc(motions.id))
        .limit(query.limit);
  const refs = await groupRefs(
    db,
    rows.flatMap((r) => [r.motion.groupId, r.motion.senderGroupId]),
  );
  return rows.map((r) => summaryOf(r.motion, refs, r.supporters));
}
