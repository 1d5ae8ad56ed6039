import { getDb } from "../db/client";
import { isDevMode } from "../dev/switch";
import { devOutbox } from "../identity/schema";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * One way out for mail, chosen by configuration:
 * - development (SAMTAL_DEV_MODE=on): the development outbox (/api/dev/outbox, shown at
 *   /dev/outbox) and the terminal; nothing leaves the machine;
 * - MAIL_TRANSPORT = "http": POST { from, to, subject, text } as JSON to MAIL_HTTP_URL with
 *   `Authorization: Bearer MAIL_HTTP_TOKEN` (most transactional mail services, or a relay
 *   of the party's own, take this shape).
 * Without either, nothing is sent and an operator-facing error is logged (no address).
 */
export async function sendMail(env: Env, mail: Mail): Promise<void> {
  if (isDevMode(env)) {
    await getDb(env.DB)
      .insert(devOutbox)
      .values({ ...mail, createdAt: Date.now() });
    console.log(`[development mail] To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  if (env.MAIL_TRANSPORT === "http" && env.MAIL_HTTP_URL && env.MAIL_HTTP_TOKEN) {
    const res = await fetch(env.MAIL_HTTP_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.MAIL_HTTP_TOKEN}` },
      body: JSON.stringify({ from: env.MAIL_FROM ?? "samtal <no-reply@samtal.invalid>", ...mail }),
    });
    if (!res.ok) console.error(JSON.stringify({ event: "mail_failed", status: res.status }));
    return;
  }
  console.error(JSON.stringify({ event: "mail_not_configured" }));
}
