import { and, asc, desc, eq, gte, inArray, or, type SQL } from "drizzle-orm";
import { consultations } from "../consultations/schema";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { memberships, people } from "../identity/schema";
import { motions } from "../motions/schema";
import { groups } from "../org/schema";
import {
  type AgendaItem,
  type BallotList,
  defaultMeetingSettings,
  type MeetingDecisionRecord,
  type MeetingOfficers,
  type MeetingSettings,
  type MeetingSummary,
  type MinutesStatus,
  meetingDocumentId,
  meetingNotesDocumentId,
  minutesDocumentId,
} from "../shared/meetings";
import type { GroupRef } from "../shared/org";
import {
  meetingAgendaItems,
  meetingBallots,
  meetingDecisions,
  meetingMinutes,
  meetingMinutesApprovals,
  meetingOfficers,
  meetings,
  meetingVotes,
} from "./schema";

/** What the handlers, the meeting room and the mails read about meetings. */

export type MeetingRecord = typeof meetings.$inferSelect;

export function settingsOf(record: Pick<MeetingRecord, "settings">): MeetingSettings {
  return { ...defaultMeetingSettings, ...(JSON.parse(record.settings) as Partial<MeetingSettings>) };
}

function summaryOf(record: MeetingRecord, group: GroupRef): MeetingSummary {
  return {
    id: record.id,
    group,
    title: record.title,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    access: record.access,
    state: record.state,
    documentId: meetingDocumentId(record.id),
  };
}

export async function groupRefOf(db: Db, groupId: number): Promise<GroupRef> {
  const [group] = await db
    .select({ kind: groups.kind, slug: groups.slug, name: groups.name })
    .from(groups)
    .where(eq(groups.id, groupId));
  if (!group) throw new Error(`group ${groupId} vanished`);
  return group;
}

/** A meeting's agenda, in order, with the motions it treats and the consultations it discusses. */
export async function agendaOf(db: Db, meetingId: number): Promise<AgendaItem[]> {
  const rows = await db
    .select({
      id: meetingAgendaItems.id,
      title: meetingAgendaItems.title,
      kind: meetingAgendaItems.kind,
      motionId: meetingAgendaItems.motionId,
      motionTitle: motions.title,
      consultationId: meetingAgendaItems.consultationId,
      consultationTitle: consultations.title,
    })
    .from(meetingAgendaItems)
    .leftJoin(motions, eq(motions.id, meetingAgendaItems.motionId))
    .leftJoin(consultations, eq(consultations.id, meetingAgendaItems.consultationId))
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id));
  return rows.map((row, index) => ({
    id: row.id,
    number: index + 1,
    title: row.title,
    kind: row.kind,
    motion: row.motionId !== null ? { id: row.motionId, title: row.motionTitle ?? "" } : null,
    consultation:
      row.consultationId !== null ? { id: row.consultationId, title: row.consultationTitle ?? "" } : null,
    notesDocumentId: meetingNotesDocumentId(meetingId, row.id),
  }));
}

export async function officersOf(db: Db, meetingId: number): Promise<MeetingOfficers> {
  const rows = await db
    .select({ id: meetingOfficers.personId, role: meetingOfficers.role, name: people.name })
    .from(meetingOfficers)
    .innerJoin(people, eq(people.id, meetingOfficers.personId))
    .where(eq(meetingOfficers.meetingId, meetingId))
    .orderBy(asc(people.name));
  const ref = ({ id, name }: { id: string; name: string | null }) => ({ id, name });
  const chair = rows.find((r) => r.role === "chair");
  const secretary = rows.find((r) => r.role === "secretary");
  return {
    chair: chair ? ref(chair) : null,
    secretary: secretary ? ref(secretary) : null,
    adjusters: rows.filter((r) => r.role === "adjuster").map(ref),
  };
}

export async function decisionsOf(db: Db, meetingId: number): Promise<MeetingDecisionRecord[]> {
  const rows = await db
    .select()
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.id));
  return rows.map((row) => ({
    id: row.id,
    itemId: row.itemId,
    text: row.text,
    motionVerdicts: row.motionVerdicts ? JSON.parse(row.motionVerdicts) : null,
    voteId: row.voteId,
    createdAt: row.createdAt,
  }));
}

export async function minutesStatusOf(db: Db, meetingId: number): Promise<MinutesStatus> {
  const [last] = await db
    .select({ version: meetingMinutes.version, frozenAt: meetingMinutes.frozenAt })
    .from(meetingMinutes)
    .where(eq(meetingMinutes.meetingId, meetingId))
    .orderBy(desc(meetingMinutes.version))
    .limit(1);
  if (!last) return { version: 0, approvedBy: [], frozenAt: null };
  const approvals = await db
    .select({ personId: meetingMinutesApprovals.personId })
    .from(meetingMinutesApprovals)
    .where(
      and(
        eq(meetingMinutesApprovals.meetingId, meetingId),
        eq(meetingMinutesApprovals.version, last.version),
      ),
    );
  return { version: last.version, approvedBy: approvals.map((a) => a.personId), frozenAt: last.frozenAt };
}

export async function meetingDetail(db: Db, record: MeetingRecord) {
  const [group, agenda, officers, decisions, minutes] = await Promise.all([
    groupRefOf(db, record.groupId),
    agendaOf(db, record.id),
    officersOf(db, record.id),
    decisionsOf(db, record.id),
    minutesStatusOf(db, record.id),
  ]);
  return {
    ...summaryOf(record, group),
    videoUrl: record.videoUrl,
    settings: settingsOf(record),
    agenda,
    agendaAdoptedAt: record.agendaAdoptedAt,
    officers,
    minutesDocumentId: minutesDocumentId(record.id),
    minutes,
    decisions,
    invitationsSentAt: record.invitationsSentAt,
  };
}

/** Meetings that have not ended yet (or every one, with `past`), soonest first, with their group; at most 200. */
function recordsWhere(db: Db, where: SQL | undefined, past: boolean, now: number) {
  return db
    .select({ meeting: meetings, group: { kind: groups.kind, slug: groups.slug, name: groups.name } })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(past ? where : and(where, gte(meetings.endsAt, now)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(200);
}

export async function groupMeetings(db: Db, groupId: number, past: boolean, now = Date.now()) {
  const rows = await recordsWhere(db, eq(meetings.groupId, groupId), past, now);
  return rows.map((row) => summaryOf(row.meeting, row.group));
}

/** The meetings of the person's groups and those she is an officer of, with their groups. */
export function personMeetingRecords(db: Db, personId: string, past: boolean, now = Date.now()) {
  const herGroups = db
    .select({ id: memberships.groupId })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  const officerOf = db
    .select({ id: meetingOfficers.meetingId })
    .from(meetingOfficers)
    .where(eq(meetingOfficers.personId, personId));
  return recordsWhere(
    db,
    or(inArray(meetings.groupId, herGroups), inArray(meetings.id, officerOf)),
    past,
    now,
  );
}

export async function personMeetings(db: Db, personId: string, past: boolean, now = Date.now()) {
  const rows = await personMeetingRecords(db, personId, past, now);
  return rows.map((row) => summaryOf(row.meeting, row.group));
}

/**
 * A closed secret vote's ballots, ordered by receipt (random), so the list says nothing of
 * who voted when. 404 for a vote of another meeting or an open vote's; 409 while it is open.
 */
export async function publishedBallots(db: Db, meetingId: number, voteId: number): Promise<BallotList> {
  const [vote] = await db
    .select({ closedAt: meetingVotes.closedAt, secret: meetingVotes.secret })
    .from(meetingVotes)
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.meetingId, meetingId)));
  if (!vote?.secret) throw new ApiError(404, "not_found");
  if (vote.closedAt === null) throw new ApiError(409, "meeting_vote_not_closed");
  const rows = await db
    .select({ receipt: meetingBallots.receipt, choices: meetingBallots.choices })
    .from(meetingBallots)
    .where(eq(meetingBallots.voteId, voteId))
    .orderBy(asc(meetingBallots.receipt));
  return {
    voteId,
    ballots: rows.map((r) => ({ receipt: r.receipt, choices: JSON.parse(r.choices) as number[] })),
  };
}
