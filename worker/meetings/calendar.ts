import { and, eq, gt, isNotNull, isNull, lte } from "drizzle-orm";
import type { EventAttributes } from "ics";
import type { Db } from "../db/client";
import { memberships, people } from "../identity/schema";
import { type Mail, sendMail } from "../mail/mailer";
import { groups } from "../org/schema";
import { meetingTimeZone } from "../shared/meetings";
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
    new Intl.DateTimeFormat("sv-SE", { timeZone: meetingTimeZone, ...options }).format(ms);
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

/** The group's members to mail: each once, with an address, not erased. */
async function recipients(db: Db, groupId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: people.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.groupId, groupId), isNull(people.erasedAt), isNotNull(people.email)));
  return rows.flatMap((r) => (r.email ? [r.email] : []));
}

async function mailMembers(
  env: Env,
  db: Db,
  kind: "invitation" | "reminder",
  meeting: CalendarMeeting & { groupId: number },
  origin: string,
): Promise<number> {
  const to = await recipients(db, meeting.groupId);
  const content = await calendarFile([meeting], origin, "REQUEST");
  const mail = meetingMail(kind, meeting, origin);
  const attachments = [{ filename: "invitation.ics", contentType: "text/calendar; method=REQUEST", content }];
  for (const address of to) await sendMail(env, { to: address, ...mail, attachments });
  return to.length;
}

async function withGroupName(db: Db, record: MeetingRecord) {
  const [group] = await db.select({ name: groups.name }).from(groups).where(eq(groups.id, record.groupId));
  return { ...record, groupName: group?.name ?? "" };
}

/** Mails the invitation, with its `.ics`, to every member of the meeting's group. */
export async function sendInvitations(
  env: Env,
  db: Db,
  record: MeetingRecord,
  origin: string,
  now = Date.now(),
) {
  const sent = await mailMembers(env, db, "invitation", await withGroupName(db, record), origin);
  await db.update(meetings).set({ invitationsSentAt: now }).where(eq(meetings.id, record.id));
  return { sent, sentAt: now };
}

/** How far ahead the reminder goes out: the day before. */
const reminderLeadMs = 24 * 3600 * 1000;

/**
 * The reminder the day before, for the hourly Cron Trigger: each planned meeting starting
 * within the next day is claimed (its `reminder_sent_at` set, so no run mails it again)
 * and its group's members mailed. `origin`: where the web app is, for the links.
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
  for (const record of due) await mailMembers(env, db, "reminder", await withGroupName(db, record), origin);
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
