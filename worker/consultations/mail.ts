import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { type Db, getDb } from "../db/client";
import { failureDetail } from "../http/errors";
import { memberships, people } from "../identity/schema";
import { sendMail } from "../mail/mailer";
import { groups } from "../org/schema";
import { consultationGroups, consultations } from "./schema";

/**
 * The consultation mail: to the chair and secretary of each asked group when a consultation
 * opens (the hourly job finds newly opened ones), a reminder three days before it closes to
 * the groups that have not submitted, and the summary when the asking level publishes it.
 * Each is claimed in D1 before it is sent (`openingMailedAt`, a group's `remindedAt`,
 * `summaryPublishedAt`), so a retry or an overlapping run never sends it twice; a mail that
 * fails after its claim is logged, not resent.
 */

export const reminderBeforeMs = 3 * 24 * 60 * 60 * 1000;

interface Recipient {
  email: string;
  name: string | null;
  groupName: string;
}

/**
 * The chairs and secretaries of the asked groups (erased people have no address): all, those
 * that answered, or those claimed for a reminder at one instant. Chosen by a condition, never
 * by a list of ids: D1 binds at most 100 values per statement, and a national consultation
 * asks thousands of groups.
 */
async function officersOf(
  db: Db,
  consultationId: number,
  which: "all" | "answered" | { remindedAt: number },
) {
  const chosen =
    which === "all"
      ? sql`1`
      : which === "answered"
        ? gt(consultationGroups.latestVersion, 0)
        : eq(consultationGroups.remindedAt, which.remindedAt);
  return db
    .select({ email: people.email, name: people.name, groupName: groups.name })
    .from(consultationGroups)
    .innerJoin(groups, eq(groups.id, consultationGroups.groupId))
    .innerJoin(memberships, eq(memberships.groupId, consultationGroups.groupId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(consultationGroups.consultationId, consultationId),
        chosen,
        inArray(memberships.role, ["chair", "secretary"]),
        isNotNull(people.email),
      ),
    ) as Promise<Recipient[]>;
}

async function mailEach(
  env: Env,
  recipients: Recipient[],
  write: (r: Recipient) => { subject: string; text: string },
) {
  // One message per address and group: a person who both chairs and keeps the minutes gets one.
  const seen = new Set<string>();
  for (const r of recipients) {
    const key = `${r.email}\n${r.groupName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await sendMail(env, { to: r.email, ...write(r) });
  }
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

/** Mails the asked groups of every consultation that has opened and not been announced yet. */
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
    .returning({ id: consultations.id, title: consultations.title, closesAt: consultations.closesAt });
  for (const c of claimed)
    await mailEach(env, await officersOf(db, c.id, "all"), openingMail(c.title, c.closesAt));
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
  const consultationIds = new Set(claimed.map((g) => g.consultationId));
  for (const id of consultationIds) {
    const [c] = await db.select().from(consultations).where(eq(consultations.id, id));
    if (c)
      await mailEach(env, await officersOf(db, id, { remindedAt: now }), reminderMail(c.title, c.closesAt));
  }
  return claimed.length;
}

/** Tells the participating groups (those that submitted) that the summary is published. */
export async function sendFeedbackMails(env: Env, consultationId: number, title: string): Promise<void> {
  await mailEach(env, await officersOf(getDb(env.DB), consultationId, "answered"), feedbackMail(title));
}

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
