import { and, inArray, isNotNull, isNull } from "drizzle-orm";
import { renderConsultationMails } from "../consultations/mail";
import { type Db, getDb } from "../db/client";
import { failureDetail } from "../http/errors";
import { people } from "../identity/schema";
import { renderMeetingMails } from "../meetings/calendar";
import { type Mail, sendMail } from "./mailer";
import { type MailMessage, type MailRecipient, type MailRenderer, mailMessageSchema } from "./messages";

/**
 * The mail queue's consumer (the Worker's `queue` handler): each message's recipient is read
 * (one query for the batch), each feature writes its mails (a query or two for the batch),
 * and each mail is sent. A sent mail is acknowledged; a failed send is retried alone, later
 * each time, until the queue's `max_retries` (wrangler.toml) moves it to the dead-letter
 * queue. A message whose person was erased, or has no address, or whose meeting is gone, is
 * acknowledged unsent: there is nobody or nothing left to tell.
 */

/** The platform's limit on simultaneous outgoing connections from one invocation. */
const parallelSends = 6;
/** The first retry after a minute, then twice as long each time (1, 2, 4, 8, 16 minutes). */
const firstRetrySeconds = 60;

export function retryDelaySeconds(attempts: number): number {
  return firstRetrySeconds * 2 ** Math.max(0, attempts - 1);
}

type Queued = { handle: Message<unknown>; body: MailMessage };

export async function deliverMail(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  const queued: Queued[] = [];
  for (const handle of batch.messages) {
    const parsed = mailMessageSchema.safeParse(handle.body);
    if (parsed.success) queued.push({ handle, body: parsed.data });
    else {
      // Retrying cannot make it valid; the message itself may hold anything, so none of it is logged.
      console.error(JSON.stringify({ event: "mail_message_invalid" }));
      handle.ack();
    }
  }
  const recipients = await recipientsOf(db, [...new Set(queued.map((q) => q.body.personId))]);
  const addressed: (Queued & { to: MailRecipient })[] = [];
  for (const q of queued) {
    const to = recipients.get(q.body.personId);
    if (to) addressed.push({ ...q, to });
    else q.handle.ack();
  }
  const meetingMails = addressed.flatMap((a) => ("meetingId" in a.body ? [{ ...a, message: a.body }] : []));
  const consultationMails = addressed.flatMap((a) =>
    "consultationId" in a.body ? [{ ...a, message: a.body }] : [],
  );
  const written = [
    ...(await write(db, meetingMails, renderMeetingMails)),
    ...(await write(db, consultationMails, renderConsultationMails)),
  ];
  await inParallel(written, async ({ handle, mail }) => {
    if (!mail || (await sent(env, mail))) handle.ack();
    else handle.retry({ delaySeconds: retryDelaySeconds(handle.attempts) });
  });
}

/** Whether the mail went out; a send that throws (the outbox's D1 write) counts as failed. */
async function sent(env: Env, mail: Mail): Promise<boolean> {
  try {
    return await sendMail(env, mail);
  } catch (err) {
    console.error(JSON.stringify({ event: "mail_failed", ...failureDetail(err) }));
    return false;
  }
}

/** The batch's recipients who can still be mailed, by id. */
async function recipientsOf(db: Db, ids: string[]): Promise<Map<string, MailRecipient>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: people.id, email: people.email, name: people.name })
    .from(people)
    .where(and(inArray(people.id, ids), isNull(people.erasedAt), isNotNull(people.email)));
  return new Map(rows.flatMap((r) => (r.email ? [[r.id, { ...r, email: r.email }] as const] : [])));
}

/** One feature's mails; if writing them fails (D1 unavailable), its messages are retried. */
async function write<M extends MailMessage>(
  db: Db,
  list: { handle: Message<unknown>; message: M; to: MailRecipient }[],
  render: MailRenderer<M>,
): Promise<{ handle: Message<unknown>; mail: Mail | null }[]> {
  if (!list.length) return [];
  try {
    const mails = await render(db, list);
    return list.map(({ handle }, i) => ({ handle, mail: mails[i] ?? null }));
  } catch (err) {
    console.error(JSON.stringify({ event: "mail_render_failed", ...failureDetail(err) }));
    for (const { handle } of list) handle.retry({ delaySeconds: retryDelaySeconds(handle.attempts) });
    return [];
  }
}

/** Runs `work` on every item, at most `parallelSends` at a time. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelSends, items.length) }, worker));
}
