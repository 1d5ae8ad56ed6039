import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { type Db, getDb } from "../db/client";
import { failureDetail } from "../http/errors";
import { memberships, people } from "../identity/schema";
import type { ConsultationMailMessage, MailRenderer } from "../mail/messages";
import { queueMails } from "../mail/queue";
import { groups } from "../org/schema";
import { consultationGroups, consultations } from "./schema";

/**
 * The consultation mail: to the chair and secretary of each asked group when a consultation
 * opens (the hourly job finds newly opened ones), a reminder three days before it closes to
 * the groups that have not submitted, and the summary when the asking level publishes it.
 * Each is claimed in D1 before it is queued (`openingMailedAt`, a group's `remindedAt`,
 * `summaryPublishedAt`), so a retry or an overlapping run never queues it twice; the mail
 * queue's consumer writes each mail (renderConsultationMails) and retries a failed send.
 */

export const reminderBeforeMs = 3 * 24 * 60 * 60 * 1000;

/**
 * Queues `kind` to the chairs and secretaries of the asked groups (erased people and those
 * without an address get none): all, those that answered, or those claimed for a reminder at
 * one instant; once per person and group, so one who both chairs and keeps the minutes gets
 * one. Chosen by a condition, never by a list of ids: D1 binds at most 100 values per
 * statement, and a national consultation asks thousands of groups.
 */
async function queueOfficerMails(
  env: Env,
  db: Db,
  kind: ConsultationMailMessage["kind"],
  consultationId: number,
  which: "all" | "answered" | { remindedAt: number },
) {
  const chosen =
    which === "all"
      ? sql`1`
      : which === "answered"
        ? gt(consultationGroups.latestVersion, 0)
        : eq(consultationGroups.remindedAt, which.remindedAt);
  const officers = await db
    .selectDistinct({ groupId: consultationGroups.groupId, personId: memberships.personId })
    .from(consultationGroups)
    .innerJoin(memberships, eq(memberships.groupId, consultationGroups.groupId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(consultationGroups.consultationId, consultationId),
        chosen,
        inArray(memberships.role, ["chair", "secretary"]),
        isNull(people.erasedAt),
        isNotNull(people.email),
      ),
    );
  await queueMails(
    env,
    officers.map(({ groupId, personId }) => ({ kind, consultationId, groupId, personId })),
  );
}

/** Whom a mail greets: one officer of one group. */
interface Recipient {
  name: string | null;
  groupName: string;
}

const greeting = (r: Recipient) => `Hej${r.name ? ` ${r.name}` : ""}!`;
const stockholm = (at: number) =>
  new Intl.DateTimeFormat("sv-SE", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(at);

function openingMail(title: string, closesAt: number) {
  return (r: Recipient) => ({
    subject: `Nytt rådslag: ${title} / New consultation`,
    text: `${greeting(r)}

${r.groupName} är tillfrågad i rådslaget "${title}". Svara tillsammans i samtal (Rådslag) senast ${stockholm(closesAt)}.
Ordföranden eller sekreteraren lämnar in gruppens svar.

---
${r.groupName} is asked in the consultation "${title}". Answer together in samtal (Consultations) by ${new Date(closesAt).toISOString()}.`,
  });
}

function reminderMail(title: string, closesAt: number) {
  return (r: Recipient) => ({
    subject: `Påminnelse: ${title} / Reminder`,
    text: `${greeting(r)}

${r.groupName} har ännu inte lämnat in sitt svar på rådslaget "${title}". Sista svarsdag är ${stockholm(closesAt)}.

---
${r.groupName} has not yet submitted its answer to the consultation "${title}". The deadline is ${new Date(closesAt).toISOString()}.`,
  });
}

function feedbackMail(title: string) {
  return (r: Recipient) => ({
    subject: `Återkoppling på rådslaget: ${title} / Feedback`,
    text: `${greeting(r)}

Nu finns återkopplingen på rådslaget "${title}" i samtal: vad ni sa och vad vi gör med det, och vilka av ${r.groupName}s synpunkter som citeras.

---
The feedback on the consultation "${title}" is in samtal: what you said, what we do with it, and which of ${r.groupName}'s points are quoted.`,
  });
}

/** Queues the opening mail of every consultation that has opened and not been announced yet. */
export async function sendOpeningMails(env: Env, now: number): Promise<number> {
  const db = getDb(env.DB);
  const claimed = await db
    .update(consultations)
    .set({ openingMailedAt: now })
    .where(
      and(
        isNotNull(consultations.publishedAt),
        lte(consultations.opensAt, now),
        gt(consultations.closesAt, now),
        isNull(consultations.openingMailedAt),
      ),
    )
    .returning({ id: consultations.id });
  for (const c of claimed) await queueOfficerMails(env, db, "consultation.opening", c.id, "all");
  return claimed.length;
}

/** Reminds, once per group, the asked groups that have not submitted, from three days before the deadline. */
export async function sendReminders(env: Env, now: number): Promise<number> {
  const db = getDb(env.DB);
  const due = db
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(
        isNotNull(consultations.publishedAt),
        lte(consultations.opensAt, now),
        gt(consultations.closesAt, now),
        lte(consultations.closesAt, now + reminderBeforeMs),
      ),
    );
  const claimed = await db
    .update(consultationGroups)
    .set({ remindedAt: now })
    .where(
      and(
        inArray(consultationGroups.consultationId, due),
        eq(consultationGroups.latestVersion, 0),
        isNull(consultationGroups.remindedAt),
      ),
    )
    .returning({ consultationId: consultationGroups.consultationId });
  for (const id of new Set(claimed.map((g) => g.consultationId)))
    await queueOfficerMails(env, db, "consultation.reminder", id, { remindedAt: now });
  return claimed.length;
}

/** Tells the participating groups (those that submitted) that the summary is published. */
export async function sendFeedbackMails(env: Env, consultationId: number): Promise<void> {
  await queueOfficerMails(env, getDb(env.DB), "consultation.feedback", consultationId, "answered");
}

/**
 * The queue's consumer writes a batch's consultation mails: the consultations and groups
 * read in one round trip, each mail as of delivery.
 */
export const renderConsultationMails: MailRenderer<ConsultationMailMessage> = async (db, list) => {
  const [asked, named] = await db.batch([
    db
      .select({ id: consultations.id, title: consultations.title, closesAt: consultations.closesAt })
      .from(consultations)
      .where(inArray(consultations.id, [...new Set(list.map(({ message }) => message.consultationId))])),
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(inArray(groups.id, [...new Set(list.map(({ message }) => message.groupId))])),
  ]);
  const byId = new Map(asked.map((c) => [c.id, c]));
  const groupNames = new Map(named.map((g) => [g.id, g.name]));
  return list.map(({ message, to }) => {
    const c = byId.get(message.consultationId);
    const groupName = groupNames.get(message.groupId);
    if (!c || groupName === undefined) return null;
    const write =
      message.kind === "consultation.opening"
        ? openingMail(c.title, c.closesAt)
        : message.kind === "consultation.reminder"
          ? reminderMail(c.title, c.closesAt)
          : feedbackMail(c.title);
    return { to: to.email, ...write({ name: to.name, groupName }) };
  });
};

/** The hourly run (the scheduled handler in worker/index.ts): opening mails, then reminders. */
export async function runConsultationMail(env: Env, now: number): Promise<void> {
  for (const [job, run] of [
    ["consultation_opening", sendOpeningMails],
    ["consultation_reminders", sendReminders],
  ] as const) {
    try {
      const claimed = await run(env, now);
      console.log(JSON.stringify({ event: "consultation_mail", job, claimed }));
    } catch (err) {
      console.error(JSON.stringify({ event: "consultation_mail_failed", job, ...failureDetail(err) }));
    }
  }
}
