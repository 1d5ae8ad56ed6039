import type { MailMessage } from "./messages";

/**
 * Cloudflare Queues' limits on one `sendBatch`: 100 messages and 256 KB together. A message
 * here is a few ids (~150 bytes), so the count binds first; the size is counted anyway, with
 * room for each message's envelope.
 */
const maxBatchMessages = 100;
const maxBatchBytes = 256 * 1024;
const envelopeBytes = 128;

/**
 * Puts mails on the mail queue, as many `sendBatch` calls as the limits need. A national
 * consultation's thousands of mails cost a request or the hourly run a few dozen calls
 * instead of thousands of sends; the consumer sends and retries them.
 */
export async function queueMails(env: Env, messages: MailMessage[]): Promise<void> {
  let batch: MessageSendRequest<MailMessage>[] = [];
  let bytes = 0;
  for (const body of messages) {
    const size = new TextEncoder().encode(JSON.stringify(body)).byteLength + envelopeBytes;
    if (batch.length === maxBatchMessages || bytes + size > maxBatchBytes) {
      await env.MAIL_QUEUE.sendBatch(batch);
      batch = [];
      bytes = 0;
    }
    batch.push({ body, contentType: "json" });
    bytes += size;
  }
  if (batch.length) await env.MAIL_QUEUE.sendBatch(batch);
}
