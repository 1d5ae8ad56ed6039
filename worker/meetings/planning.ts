import { and, desc, eq, gt, inArray, isNull, notInArray } from "drizzle-orm";
import type { z } from "zod";
import type { GroupResource } from "../access/permissions";
import { consultationGroups, consultations } from "../consultations/schema";
import { type Db, getDb } from "../db/client";
import { ApiError } from "../http/errors";
import { withdrawInvites } from "../identity/guests";
import { guestInvites, memberships, people } from "../identity/schema";
import { motions } from "../motions/schema";
import type { createMeetingSchema, updateMeetingSchema } from "../shared/meeting-schemas";
import {
  type AgendaItemKind,
  type MeetingAccess,
  type MeetingOfficerRole,
  type MeetingSettings,
  meetingDocumentId,
} from "../shared/meetings";
import { agendaTemplates, hasDecisions } from "./agenda";
import type { MeetingRecord } from "./queries";
import { meetingAgendaItems, meetingOfficers, meetings } from "./schema";

/** Planning a meeting: creating it and changing it until it opens (then the meeting room takes over). */

type CreateInput = z.output<typeof createMeetingSchema>;
type UpdateInput = z.output<typeof updateMeetingSchema>;
type AgendaInput = {
  id?: number | undefined;
  title: string;
  kind: AgendaItemKind;
  motionId: number | null;
  consultationId: number | null;
};
type OfficersInput = CreateInput["officers"];

function refuse(code: ConstructorParameters<typeof ApiError>[1]): never {
  throw new ApiError(422, code);
}

/** An open meeting decides nothing: no decision items, no motions to treat. */
function checkAccess(access: MeetingAccess, agenda: AgendaInput[]): void {
  if (access === "open" && (hasDecisions(agenda) || agenda.some((item) => item.motionId !== null))) {
    refuse("meeting_open_no_decisions");
  }
}

/** Motions on the agenda: of the meeting's group and past their drafts. */
async function checkMotions(db: Db, groupId: number, agenda: AgendaInput[]): Promise<void> {
  const ids = [...new Set(agenda.flatMap((item) => (item.motionId !== null ? [item.motionId] : [])))];
  if (!ids.length) return;
  const found = await db
    .select({ id: motions.id })
    .from(motions)
    .where(
      and(
        inArray(motions.id, ids),
        eq(motions.groupId, groupId),
        notInArray(motions.state, ["draft", "collecting"]),
      ),
    );
  if (found.length !== ids.length) refuse("meeting_motion_not_in_group");
}

/**
 * Consultations on the agenda: published, and asking the meeting's group (its workspace is
 * what the item opens). A discussion, so open meetings may hold them too.
 */
async function checkConsultations(db: Db, groupId: number, agenda: AgendaInput[]): Promise<void> {
  const ids = [
    ...new Set(agenda.flatMap((item) => (item.consultationId !== null ? [item.consultationId] : []))),
  ];
  if (!ids.length) return;
  const found = await db
    .select({
      id: consultations.id,
      publishedAt: consultations.publishedAt,
      asked: consultationGroups.groupId,
    })
    .from(consultations)
    .leftJoin(
      consultationGroups,
      and(eq(consultationGroups.consultationId, consultations.id), eq(consultationGroups.groupId, groupId)),
    )
    .where(inArray(consultations.id, ids));
  if (found.some((row) => row.publishedAt === null)) refuse("meeting_consultation_not_published");
  if (found.length !== ids.length || found.some((row) => row.asked === null))
    refuse("meeting_consultation_not_asked");
}

/** The officers as rows; each must be a member of the group (or of one above it) and not erased. */
async function officerRows(
  db: Db,
  group: GroupResource,
  officers: OfficersInput,
  defaultChair: string | null,
): Promise<{ personId: string; role: MeetingOfficerRole }[]> {
  const rows: { personId: string; role: MeetingOfficerRole }[] = [];
  const chair = officers.chair === undefined ? defaultChair : officers.chair;
  if (chair) rows.push({ personId: chair, role: "chair" });
  if (officers.secretary) rows.push({ personId: officers.secretary, role: "secretary" });
  for (const adjuster of new Set(officers.adjusters ?? []))
    rows.push({ personId: adjuster, role: "adjuster" });
  const ids = [...new Set(rows.map((r) => r.personId))];
  if (ids.length) {
    const found = await db
      .selectDistinct({ id: memberships.personId })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(
        and(
          inArray(memberships.personId, ids),
          inArray(memberships.groupId, group.path),
          isNull(people.erasedAt),
        ),
      );
    if (found.length !== ids.length) refuse("meeting_officer_not_member");
  }
  return rows;
}

/** The officers an update names, the others as they are. */
async function mergedOfficers(db: Db, meetingId: number, change: OfficersInput): Promise<OfficersInput> {
  const rows = await db.select().from(meetingOfficers).where(eq(meetingOfficers.meetingId, meetingId));
  const held = (role: MeetingOfficerRole) => rows.filter((r) => r.role === role).map((r) => r.personId);
  return {
    chair: change.chair === undefined ? (held("chair")[0] ?? null) : change.chair,
    secretary: change.secretary === undefined ? (held("secretary")[0] ?? null) : change.secretary,
    adjusters: change.adjusters ?? held("adjuster"),
  };
}

/**
 * The rules of the group's most recently planned meeting: a group keeps its rules from one
 * meeting to the next unless a meeting is given others (issue 10: "per group or meeting").
 */
async function latestGroupSettings(db: Db, groupId: number): Promise<Partial<MeetingSettings>> {
  const [latest] = await db
    .select({ settings: meetings.settings })
    .from(meetings)
    .where(eq(meetings.groupId, groupId))
    .orderBy(desc(meetings.id))
    .limit(1);
  return latest ? (JSON.parse(latest.settings) as Partial<MeetingSettings>) : {};
}

/**
 * A new meeting for `group`, planned by `personId`, who chairs it unless the input names a
 * chair. Rules the input leaves out are those of the group's latest meeting.
 */
export async function createMeeting(
  db: Db,
  group: GroupResource,
  input: CreateInput,
  personId: string | null,
  now = Date.now(),
): Promise<number> {
  const agenda: AgendaInput[] = [
    ...agendaTemplates[input.template].map((item) => ({ ...item, motionId: null, consultationId: null })),
    ...input.agenda,
  ];
  checkAccess(input.access, agenda);
  await checkMotions(db, group.groupId, agenda);
  await checkConsultations(db, group.groupId, agenda);
  const officers = await officerRows(db, group, input.officers, personId);
  const settings = { ...(await latestGroupSettings(db, group.groupId)), ...input.settings };
  const [created] = await db
    .insert(meetings)
    .values({
      groupId: group.groupId,
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      access: input.access,
      videoUrl: input.videoUrl,
      settings: JSON.stringify(settings),
      createdBy: personId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meetings.id });
  if (!created) throw new Error("meeting insert returned nothing");
  const statements = [
    ...agenda.map((item, position) =>
      db.insert(meetingAgendaItems).values({
        meetingId: created.id,
        position,
        title: item.title,
        kind: item.kind,
        motionId: item.motionId,
        consultationId: item.consultationId,
        createdAt: now,
      }),
    ),
    ...officers.map((o) => db.insert(meetingOfficers).values({ meetingId: created.id, ...o })),
  ];
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return created.id;
}

/**
 * Changes a planned meeting. `agenda` replaces the agenda: items named by id keep their id
 * (and so their notes); items left out are removed.
 */
export async function updateMeeting(
  db: Db,
  group: GroupResource,
  record: MeetingRecord,
  input: UpdateInput,
  now = Date.now(),
): Promise<void> {
  if (record.state !== "planned") refuse("meeting_not_planned");
  const startsAt = input.startsAt ?? record.startsAt;
  const endsAt = input.endsAt ?? record.endsAt;
  if (endsAt <= startsAt)
    throw new ApiError(400, "validation_failed", [
      { path: "endsAt", message: "the meeting ends after it starts" },
    ]);
  const access = input.access ?? record.access;
  const current = await db
    .select({
      id: meetingAgendaItems.id,
      title: meetingAgendaItems.title,
      kind: meetingAgendaItems.kind,
      motionId: meetingAgendaItems.motionId,
      consultationId: meetingAgendaItems.consultationId,
    })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, record.id));
  const agenda: AgendaInput[] = input.agenda ?? current;
  checkAccess(access, agenda);
  if (input.agenda) {
    await checkMotions(db, group.groupId, agenda);
    await checkConsultations(db, group.groupId, agenda);
    const known = new Set(current.map((item) => item.id));
    if (input.agenda.some((item) => item.id !== undefined && !known.has(item.id)))
      throw new ApiError(404, "not_found");
  }
  const officers = input.officers
    ? await officerRows(db, group, await mergedOfficers(db, record.id, input.officers), null)
    : null;
  const kept = new Set(agenda.flatMap((item) => (item.id !== undefined ? [item.id] : [])));
  await db.batch([
    db
      .update(meetings)
      .set({
        title: input.title ?? record.title,
        startsAt,
        endsAt,
        access,
        videoUrl: input.videoUrl === undefined ? record.videoUrl : input.videoUrl,
        settings: JSON.stringify({ ...JSON.parse(record.settings), ...input.settings }),
        updatedAt: now,
      })
      .where(and(eq(meetings.id, record.id), eq(meetings.state, "planned"))),
    ...(input.agenda
      ? [
          db
            .delete(meetingAgendaItems)
            .where(
              and(
                eq(meetingAgendaItems.meetingId, record.id),
                notInArray(meetingAgendaItems.id, [...kept, 0]),
              ),
            ),
          ...input.agenda.map((item, position) =>
            item.id !== undefined
              ? db
                  .update(meetingAgendaItems)
                  .set({
                    position,
                    title: item.title,
                    kind: item.kind,
                    motionId: item.motionId,
                    consultationId: item.consultationId,
                  })
                  .where(and(eq(meetingAgendaItems.id, item.id), eq(meetingAgendaItems.meetingId, record.id)))
              : db.insert(meetingAgendaItems).values({
                  meetingId: record.id,
                  position,
                  title: item.title,
                  kind: item.kind,
                  motionId: item.motionId,
                  consultationId: item.consultationId,
                  createdAt: now,
                }),
          ),
        ]
      : []),
    ...(officers
      ? [
          db.delete(meetingOfficers).where(eq(meetingOfficers.meetingId, record.id)),
          ...officers.map((o) => db.insert(meetingOfficers).values({ meetingId: record.id, ...o })),
        ]
      : []),
  ]);
}

/**
 * After a planned meeting switched from open to members-only: its guest invites are
 * withdrawn as `actorId` (audited, their guests' sessions ended, their sockets to the meeting
 * room and its notes closed), so the links admit nobody, and switching back to open revives
 * none of them: the organiser makes a new link.
 */
export async function turnAwayGuests(
  env: Env,
  record: MeetingRecord,
  input: UpdateInput,
  actorId: string,
  now = Date.now(),
): Promise<void> {
  if (record.access !== "open" || input.access !== "members") return;
  const invites = await getDb(env.DB)
    .select({ id: guestInvites.id })
    .from(guestInvites)
    .where(
      and(
        eq(guestInvites.documentId, meetingDocumentId(record.id)),
        isNull(guestInvites.revokedAt),
        gt(guestInvites.expiresAt, now),
      ),
    );
  await withdrawInvites(
    env,
    invites.map((i) => i.id),
    actorId,
    { reason: "meeting_members_only" },
  );
}
