import { getDb } from "../db/client";
import { isDevMode } from "../dev/switch";
import { failureDetail } from "../http/errors";
import { devOutbox } from "../identity/schema";

/** A file sent with a mail: a calendar invitation (`.ics`), say. Text only. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** How the development outbox shows a mail: its text, then each attachment as it would arrive. */
function outboxText({ text, attachments = [] }: Mail): string {
  return [text, ...attachments.map((a) => `--- ${a.filename} (${a.contentType}) ---\n${a.content}`)].join(
    "\n\n",
  );
}

/**
 * One way out for mail, chosen by configuration:
 * - development (SAMTAL_DEV_MODE=on): the development outbox (/api/dev/outbox, shown at
 *   /dev/outbox) and the terminal; nothing leaves the machine;
 * - MAIL_TRANSPORT = "http": POST { from, to, subject, text, attachments? } as JSON to MAIL_HTTP_URL with
 *   `Authorization: Bearer MAIL_HTTP_TOKEN` (most transactional mail services, or a relay
 *   of the party's own, take this shape); each attachment as { filename, contentType,
 *   content } with the content base64-encoded, as those services take files.
 * Without either, nothing is sent and an operator-facing error is logged (no address).
 * Says whether the mail was handed over, so that the queue's consumer can retry one that was
 * not; a failure is logged with its status or kind only, never the address or the text.
 */
export async function sendMail(env: Env, mail: Mail): Promise<boolean> {
  if (isDevMode(env)) {
    const text = outboxText(mail);
    await getDb(env.DB)
      .insert(devOutbox)
      .values({ to: mail.to, subject: mail.subject, text, createdAt: Date.now() });
    console.log(`[development mail] To: ${mail.to}\nSubject: ${mail.subject}\n\n${text}\n`);
    return true;
  }
  if (env.MAIL_TRANSPORT === "http" && env.MAIL_HTTP_URL && env.MAIL_HTTP_TOKEN) {
    try {
      const res = await fetch(env.MAIL_HTTP_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.MAIL_HTTP_TOKEN}` },
        body: JSON.stringify({
          from: env.MAIL_FROM ?? "samtal <no-reply@samtal.invalid>",
          ...mail,
          attachments: mail.attachments?.map((a) => ({ ...a, content: base64(a.content) })),
        }),
      });
      // The body is the service's business; reading nothing of it still frees the connection.
      await res.body?.cancel();
      if (res.ok) return true;
      console.error(JSON.stringify({ event: "mail_failed", status: res.status }));
    } catch (err) {
      console.error(JSON.stringify({ event: "mail_failed", ...failureDetail(err) }));
    }
    return false;
  }
  console.error(JSON.stringify({ event: "mail_not_configured" }));
  return false;
}

/** UTF-8 text as base64. */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(""));
}
