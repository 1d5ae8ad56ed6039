import { and, asc, desc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import { allowedConsultationActions, allowedWorkspaceActions } from "../access/permissions";
import type { Db } from "../db/client";
import type { Person } from "../http/identity";
import { people } from "../identity/schema";
import { meetingAgendaItems, meetings } from "../meetings/schema";
import { groupRefs } from "../motions/queries";
import { groups } from "../org/schema";
import {
  type AnswerItem,
  type AnswerVersion,
  type Audience,
  answerDocumentId,
  type Choice,
  type ConsultationSummary,
  type ConsultationView,
  type IndividualAnswer,
  type MyWorkspace,
  phaseOf,
  type Question,
  type Quote,
  type Workspace,
  type WorkspaceStatus,
} from "../shared/consultations";
import type { GroupRef } from "../shared/org";
import type { ConsultationRecord, FoundConsultation, FoundWorkspace } from "./resource";
import {
  consultationAnswerItems,
  consultationAnswers,
  consultationGroups,
  consultationIndividualAnswers,
  consultationQuestions,
  consultationQuotes,
  consultations,
} from "./schema";

/** Reads for the consultation routes: views of a consultation, a workspace, a version. */

type QuestionRow = typeof consultationQuestions.$inferSelect;
type AskedRow = typeof consultationGroups.$inferSelect;

export function questionView(row: QuestionRow): Question {
  return {
    id: row.id,
    kind: row.kind,
    prompt: row.prompt,
    options: JSON.parse(row.options) as string[],
    scale:
      row.scaleMin === null || row.scaleMax === null
        ? null
        : {
            min: row.scaleMin,
            max: row.scaleMax,
            ...(row.scaleMinLabel ? { minLabel: row.scaleMinLabel } : {}),
            ...(row.scaleMaxLabel ? { maxLabel: row.scaleMaxLabel } : {}),
          },
    comment: row.comment,
  };
}

export async function questionsOf(db: Db, consultationId: number): Promise<Question[]> {
  const rows = await db
    .select()
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, consultationId))
    .orderBy(asc(consultationQuestions.position));
  return rows.map(questionView);
}

export function statusOf(asked: Pick<AskedRow, "latestVersion" | "reopened">): WorkspaceStatus {
  if (asked.latestVersion === 0) return "none";
  return asked.reopened ? "reopened" : "submitted";
}

export function summaryOf(
  record: ConsultationRecord,
  asker: GroupRef,
  now: number,
  status?: WorkspaceStatus,
): ConsultationSummary {
  return {
    id: record.id,
    title: record.title,
    asker,
    phase: phaseOf(record, now),
    opensAt: record.opensAt,
    closesAt: record.closesAt,
    ...(status ? { status } : {}),
    feedback: record.summaryPublishedAt !== null,
  };
}

/** The consultation as `asker` sees it, with what the table lets her do and her asked groups. */
export async function consultationView(
  db: Db,
  found: FoundConsultation,
  asker: Person,
): Promise<ConsultationView> {
  const { record } = found;
  // Her asked groups are known beforehand, so their names are read beside the rest.
  const [questions, mine, refs] = await Promise.all([
    questionsOf(db, record.id),
    found.askedAmong.length
      ? db
          .select()
          .from(consultationGroups)
          .where(
            and(
              eq(consultationGroups.consultationId, record.id),
              inArray(consultationGroups.groupId, found.askedAmong),
            ),
          )
      : Promise.resolve([] as AskedRow[]),
    groupRefs(db, [record.askerGroupId, ...found.askedAmong]),
  ]);
  const myGroups: MyWorkspace[] = mine.flatMap((m) => {
    const group = refs.get(m.groupId);
    return group ? [{ group, status: statusOf(m) }] : [];
  });
  return {
    ...summaryOf(record, refs.get(record.askerGroupId) as GroupRef, Date.now()),
    introduction: record.introduction,
    questions,
    audience: JSON.parse(record.audience) as Audience,
    createdAt: record.createdAt,
    publishedAt: record.publishedAt,
    summary:
      record.summary !== null && record.summaryPublishedAt !== null
        ? { text: record.summary, publishedAt: record.summaryPublishedAt }
        : null,
    can: allowedConsultationActions(asker, found),
    myGroups,
  };
}

/** What asks a group (published, with its status) and, when `asking`, what it asks. */
export async function listForGroup(db: Db, groupId: number, asking: boolean) {
  const [askedRows, askingRows] = await db.batch([
    db
      .select({ record: consultations, asked: consultationGroups })
      .from(consultationGroups)
      .innerJoin(consultations, eq(consultations.id, consultationGroups.consultationId))
      .where(and(eq(consultationGroups.groupId, groupId), isNotNull(consultations.publishedAt)))
      .orderBy(desc(consultations.opensAt)),
    db
      .select()
      .from(consultations)
      .where(asking ? eq(consultations.askerGroupId, groupId) : sql`0`)
      .orderBy(desc(consultations.createdAt)),
  ]);
  const refs = await groupRefs(db, [
    ...askedRows.map((r) => r.record.askerGroupId),
    ...askingRows.map((r) => r.askerGroupId),
  ]);
  const now = Date.now();
  const ref = (id: number) => refs.get(id) as GroupRef;
  return {
    asked: askedRows.map((r) => summaryOf(r.record, ref(r.record.askerGroupId), now, statusOf(r.asked))),
    asking: askingRows.map((r) => summaryOf(r, ref(r.askerGroupId), now)),
  };
}

type ItemRow = typeof consultationAnswerItems.$inferSelect;

export function itemView(row: Pick<ItemRow, "questionId" | "text" | "choices" | "value">): AnswerItem {
  return {
    questionId: row.questionId,
    text: row.text,
    choices: row.choices === null ? null : (JSON.parse(row.choices) as number[]),
    value: row.value,
  };
}

/** A version's items in the questions' order (none for version 0). */
function versionItems(db: Db, consultationId: number, groupId: number, number: number) {
  return db
    .select({
      questionId: consultationAnswerItems.questionId,
      text: consultationAnswerItems.text,
      choices: consultationAnswerItems.choices,
      value: consultationAnswerItems.value,
    })
    .from(consultationAnswerItems)
    .innerJoin(consultationQuestions, eq(consultationQuestions.id, consultationAnswerItems.questionId))
    .where(
      and(
        eq(consultationAnswerItems.consultationId, consultationId),
        eq(consultationAnswerItems.groupId, groupId),
        eq(consultationAnswerItems.version, number),
      ),
    )
    .orderBy(asc(consultationQuestions.position));
}

/** One submitted version of a group's answer; null if there is none. */
export async function findVersion(
  db: Db,
  consultationId: number,
  groupId: number,
  number: number,
): Promise<AnswerVersion | null> {
  const [[version], items] = await db.batch([
    db
      .select({ answer: consultationAnswers, name: people.name })
      .from(consultationAnswers)
      .leftJoin(people, eq(people.id, consultationAnswers.submittedBy))
      .where(
        and(
          eq(consultationAnswers.consultationId, consultationId),
          eq(consultationAnswers.groupId, groupId),
          eq(consultationAnswers.version, number),
        ),
      ),
    versionItems(db, consultationId, groupId, number),
  ]);
  if (!version) return null;
  return {
    number: version.answer.version,
    submittedAt: version.answer.submittedAt,
    submittedBy: { id: version.answer.submittedBy ?? "", name: version.name },
    items: items.map(itemView),
  };
}

/** The workspace as `asker` sees it: her own individual answer, others' only where shown to the group. */
export async function workspaceView(
  db: Db,
  found: FoundWorkspace,
  consultation: ConsultationView,
  asker: Person,
): Promise<Workspace> {
  const { record, asked, group } = found;
  const audience = JSON.parse(record.audience) as Audience;
  // The latest version's items ride in the same batch as its row (one round trip), and the
  // group's name is read beside it: a submit answers with this view, so its reads add up.
  const [[versions, individuals, quotes, latestItems, [meeting]], refs] = await Promise.all([
    db.batch([
      db
        .select({
          number: consultationAnswers.version,
          submittedAt: consultationAnswers.submittedAt,
          by: consultationAnswers.submittedBy,
          name: people.name,
        })
        .from(consultationAnswers)
        .leftJoin(people, eq(people.id, consultationAnswers.submittedBy))
        .where(
          and(
            eq(consultationAnswers.consultationId, record.id),
            eq(consultationAnswers.groupId, group.groupId),
          ),
        )
        .orderBy(asc(consultationAnswers.version)),
      db
        .select({ answer: consultationIndividualAnswers, name: people.name })
        .from(consultationIndividualAnswers)
        .leftJoin(people, eq(people.id, consultationIndividualAnswers.personId))
        .where(
          and(
            eq(consultationIndividualAnswers.consultationId, record.id),
            eq(consultationIndividualAnswers.groupId, group.groupId),
            audience.individualsVisibleToGroup
              ? sql`1`
              : eq(consultationIndividualAnswers.personId, asker.personId),
          ),
        ),
      db
        .select()
        .from(consultationQuotes)
        .where(
          and(
            eq(consultationQuotes.consultationId, record.id),
            eq(consultationQuotes.groupId, group.groupId),
            record.summaryPublishedAt === null ? sql`0` : sql`1`,
          ),
        )
        .orderBy(asc(consultationQuotes.id)),
      versionItems(db, record.id, group.groupId, asked.latestVersion),
      meetingDiscussing(db, record.id, group.groupId),
    ]),
    groupRefs(db, [group.groupId]),
  ]);
  const individual = (row: (typeof individuals)[number]): IndividualAnswer => ({
    person: { id: row.answer.personId, name: row.name },
    updatedAt: row.answer.updatedAt,
    items: JSON.parse(row.answer.items) as AnswerItem[],
  });
  const groupRef = refs.get(group.groupId) as GroupRef;
  const submittedBy = (v: (typeof versions)[number]) => ({ id: v.by ?? "", name: v.name });
  const latest = versions.find((v) => v.number === asked.latestVersion);
  return {
    consultation,
    group: groupRef,
    groupId: group.groupId,
    status: statusOf(asked),
    documents: consultation.questions.map((q) => ({
      questionId: q.id,
      documentId: q.comment ? answerDocumentId(record.id, group.groupId, q.id) : null,
    })),
    draft: JSON.parse(asked.draft) as Choice[],
    versions: versions.map((v) => ({
      number: v.number,
      submittedAt: v.submittedAt,
      submittedBy: submittedBy(v),
    })),
    latest: latest
      ? {
          number: latest.number,
          submittedAt: latest.submittedAt,
          submittedBy: submittedBy(latest),
          items: latestItems.map(itemView),
        }
      : null,
    mine: individuals.filter((i) => i.answer.personId === asker.personId).map(individual)[0] ?? null,
    others: individuals.filter((i) => i.answer.personId !== asker.personId).map(individual),
    quoted: quotes.map((q) => quoteView(q, groupRef)),
    meeting: meeting ?? null,
    can: allowedWorkspaceActions(asker, found),
  };
}

/**
 * The group's next meeting (open now, or planned and not yet over) with the consultation on
 * its agenda: the workspace links back to it.
 */
function meetingDiscussing(db: Db, consultationId: number, groupId: number, now = Date.now()) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .innerJoin(meetingAgendaItems, eq(meetingAgendaItems.meetingId, meetings.id))
    .where(
      and(
        eq(meetingAgendaItems.consultationId, consultationId),
        eq(meetings.groupId, groupId),
        or(eq(meetings.state, "open"), and(eq(meetings.state, "planned"), gt(meetings.endsAt, now))),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1);
}

export function quoteView(row: typeof consultationQuotes.$inferSelect, group: GroupRef): Quote {
  return {
    id: row.id,
    group,
    questionId: row.questionId,
    version: row.version,
    excerpt: row.excerpt,
    createdAt: row.createdAt,
  };
}

/** The district a group lies in, by id, for the asking level's filters. */
export async function districtIdOf(db: Db, slug: string): Promise<number | null> {
  const [row] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.kind, "district"), eq(groups.slug, slug)));
  return row?.id ?? null;
}
