import { vi } from "vitest";
import type { MailMessage } from "../../worker/mail/messages";
import { env } from "./helpers";

/**
 * The mail queue in tests: the real queue, whose real consumer delivers each batch within
 * wrangler.toml's `max_batch_timeout` (1 s). A poll for delivered mail gets more than vitest's
 * default 1 s, for a busy machine.
 */
export const delivered = { timeout: 10_000 } as const;

/**
 * Records what is put on the mail queue from now on, the route's and the hourly run's alike
 * (they share this isolate's `env`); every call still goes to the real queue. A test can so
 * say what was not queued without waiting for a delivery that should never come.
 */
export function watchMailQueue() {
  const sendBatch = vi.spyOn(env.MAIL_QUEUE, "sendBatch");
  sendBatch.mockClear();
  const batches = () =>
    sendBatch.mock.calls.map(([messages]) => [...messages].map((m) => m.body as MailMessage));
  return { batches, queued: () => batches().flat(), stop: () => sendBatch.mockRestore() };
}
