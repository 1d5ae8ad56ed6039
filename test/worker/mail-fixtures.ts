import type { MailMessage } from "../../worker/mail/messages";
import { env } from "./helpers";

/**
 * The mail queue in tests: the real queue, and its real consumer delivers each batch within
 * wrangler.toml's `max_batch_timeout` (1 s). A poll for delivered mail gets more than vitest's
 * default 1 s, for a busy machine.
 */
export const delivered = { timeout: 10_000 } as const;

/**
 * The test environment with its mail queue counted: every `sendBatch` call and message goes
 * through to the real queue and is recorded, so a test can say what was (not) queued
 * without waiting for a delivery that should never come.
 */
export function countedQueue(base: Env = env) {
  const batches: MailMessage[][] = [];
  const queue = {
    sendBatch(messages: Iterable<MessageSendRequest<MailMessage>>, options?: QueueSendBatchOptions) {
      const list = [...messages];
      batches.push(list.map((m) => m.body));
      return base.MAIL_QUEUE.sendBatch(list, options);
    },
  };
  return {
    env: { ...base, MAIL_QUEUE: queue as unknown as Queue } satisfies Env,
    batches,
    queued: () => batches.flat(),
  };
}
