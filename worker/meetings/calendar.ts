import { and, eq, gt, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { EventAttributes } from "ics";
import type { Db } from "../db/client";
import { memberships, people } from "../identity/schema";
import type { Mail } from "../mail/mailer";
import type { MailRenderer, MeetingMailMessage } from "../mail/messages";
import { queueMails } from "../mail/queue";
import { groups } from "../org/schema";
import { partyTimeZone } from "../shared/stockholm";
import { type MeetingRecord, personMeetingRecords } from "./queries";
import { meetings } from "./schema";

/**
 * Meetings in people's calendars: the invitation mailed to a group's members with an
 * `.ics` file, the reminder the day before, and each person's calendar feed. The `ics`
 * library is loaded only when a calendar file is made, off every other request's path.
 */

type CalendarMeeting = Pick<
  MeetingRecord,
  "id" | "title" | "startsAt" | "endsAt" | "videoUrl" | "state" | "updatedAt"
> & { groupName: string };

/** The meeting's page in the web app. */
export function meetingPage(origin: string, meetingId: number): string {
  return `${origin}/meetings/${meetingId}`;
}

function event(meeting: CalendarMeeting, origin: string): EventAttributes {
  const page = meetingPage(origin, meeting.id);
  return {
    // Stable per meeting, so a calendar replaces the event when it changes.
    uid: `meeting-${meeting.id}@samtal`,
    sequence: Math.floor(meeting.updatedAt / 1000),
    start: meeting.startsAt,
    startInputType: "utc",
    startOutputType: "utc",
    end: meeting.endsAt,
    endInputType: "utc",
    endOutputType: "utc",
    title: meeting.title,
    description: [meeting.groupName, page, meeting.videoUrl ? `Video: ${meeting.videoUrl}` : null]
      .filter(Boolean)
      .join("\n"),
    url: page,
    ...(meeting.videoUrl ? { location: meeting.videoUrl } : {}),
    status: "CONFIRMED",
  };
}

/** An iCalendar file of these meetings (`method`: REQUEST for an invitation, PUBLISH for a feed). */
export async function calendarFile(
  list: CalendarMeeting[],
  origin: string,
  method: "REQUEST" | "PUBLISH",
): Promise<string> {
  const { createEvents } = await import("ics");
  const { error, value } = createEvents(
    list.map((m) => event(m, origin)),
    { productId: "samtal", method, calName: "samtal" },
  );
  if (error || value === null) throw error ?? new Error("ics produced nothing");
  return value;
}

/** Start and end as people read them, in Stockholm time. */
function when(meeting: CalendarMeeting): string {
  const format = (ms: number, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: partyTimeZone, ...options }).format(ms);
  return `${format(meeting.startsAt, { dateStyle: "full", timeStyle: "short" })}–${format(meeting.endsAt, { timeStyle: "short" })}`;
}

function meetingMail(
  kind: "invitation" | "reminder",
  meeting: CalendarMeeting,
  origin: string,
): Omit<Mail, "to" | "attachments"> {
  const video = meeting.videoUrl ? `\nVideo: ${meeting.videoUrl}` : "";
  const lead =
    kind === "invitation"
      ? { sv: "Du är inbjuden till ett möte", en: "You are invited to a meeting" }
      : { sv: "Påminnelse: mötet är i morgon", en: "Reminder: the meeting is tomorrow" };
  return {
    subject: `${kind === "invitation" ? "Inbjudan" : "Påminnelse"}: ${meeting.title} (${meeting.groupName})`,
    text: `${lead.sv} i ${meeting.groupName}:

${meeting.title}
${when(meeting)} (svensk tid)${video}
${meetingPage(origin, meeting.id)}

---
${lead.en} of ${meeting.groupName}. Times are Swedish time; the page shows them in yours.`,
  };
}

/**
 * Queues the meeting's mail of `kind` to the group's members: each once, with an address,
 * not erased. The queue's consumer writes each mail with the meeting as it is then
 * (renderMeetingMails). Says how many were queued.
 */
async function queueMemberMails(
  env: Env,
  db: Db,
  kind: "invitation" | "reminder",
  meeting: Pick<MeetingRecord, "id" | "groupId">,
  origin: string,
): Promise<number> {
  const members = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.groupId, meeting.groupId), isNull(people.erasedAt), isNotNull(people.email)));
  await queueMails(
    env,
    members.map(({ personId }) => ({
      kind: `meeting.${kind}` as const,
      meetingId: meeting.id,
      personId,
      origin,
    })),
  );
  return members.length;
}

/**
 * The queue's consumer writes a batch's meeting mails: the meetings read at once, one `.ics`
 * per meeting and origin. A deleted meeting's mail is not sent.
 */
export const renderMeetingMails: MailRenderer<MeetingMailMessage> = async (db, list) => {
  const ids = [...new Set(list.map(({ message }) => message.meetingId))];
  const rows = await db
    .select({ meeting: meetings, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(inArray(meetings.id, ids));
  const byId = new Map(rows.map((r) => [r.meeting.id, { ...r.meeting, groupName: r.groupName }]));
  const files = new Map<string, string>();
  const mails: (Mail | null)[] = [];
  for (const { message, to } of list) {
    const meeting = byId.get(message.meetingId);
    if (!meeting) {
      mails.push(null);
      continue;
    }
    const fileKey = `${meeting.id} ${message.origin}`;
    const content = files.get(fileKey) ?? (await calendarFile([meeting], message.origin, "REQUEST"));
    files.set(fileKey, content);
    const kind = message.kind === "meeting.invitation" ? "invitation" : "reminder";
    mails.push({
      to: to.email,
      ...meetingMail(kind, meeting, message.origin),
      attachments: [{ filename: "invitation.ics", contentType: "text/calendar; method=REQUEST", content }],
    });
  }
  return mails;
};

/** Queues the invitation, with its `.ics`, to every member of the meeting's group. */
export async function sendInvitations(
  env: Env,
  db: Db,
  record: MeetingRecord,
  origin: string,
  now = Date.now(),
) {
  const sent = await queueMemberMails(env, db, "invitation", record, origin);
  await db.update(meetings).set({ invitationsSentAt: now }).where(eq(meetings.id, record.id));
  return { sent, sentAt: now };
}

/** How far ahead the reminder goes out: the day before. */
const reminderLeadMs = 24 * 3600 * 1000;

/**
 * The reminder the day before, for the hourly Cron Trigger: each planned meeting starting
 * within the next day is claimed (its `reminder_sent_at` set, so no run mails it again)
 * and its group's members' reminders queued. `origin`: where the web app is, for the links.
 */
export async function sendMeetingReminders(env: Env, db: Db, now: number, origin: string): Promise<number> {
  const due = await db
    .update(meetings)
    .set({ reminderSentAt: now })
    .where(
      and(
        isNull(meetings.reminderSentAt),
        eq(meetings.state, "planned"),
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, now + reminderLeadMs),
      ),
    )
    .returning();
  for (const record of due) await queueMemberMails(env, db, "reminder", record, origin);
  return due.length;
}

/** A person's calendar feed: her meetings (her groups', those she is an officer of) not ended yet. */
export async function feedFile(db: Db, personId: string, origin: string): Promise<string> {
  const rows = await personMeetingRecords(db, personId, false);
  return calendarFile(
    rows.map((r) => ({ ...r.meeting, groupName: r.group.name })),
    origin,
    "PUBLISH",
  );
}
