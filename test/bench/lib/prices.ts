/**
 * Cloudflare's published prices for the Workers Paid plan, in USD, as read on 2026-11-28
 * (no internet here: read from the documentation's own source, github.com/cloudflare/cloudflare-docs,
 * and checked against the developers.cloudflare.com page text in the search index):
 *
 * - Workers: https://developers.cloudflare.com/workers/platform/pricing/
 *   (src/content/docs/workers/platform/pricing.mdx, commit 07acbb6)
 * - Durable Objects: https://developers.cloudflare.com/durable-objects/platform/pricing/
 *   (src/content/partials/durable-objects/durable-objects-pricing.mdx, commit 07e200b; the FAQ
 *   "When does a Durable Object incur duration charges?", do-faq-pricing.mdx, commit 20a026a)
 * - D1: https://developers.cloudflare.com/d1/platform/pricing/
 *   (src/content/partials/workers/d1-pricing.mdx, commit 25a83ce)
 *
 * What the model relies on from those pages: outgoing WebSocket messages are free; 20
 * incoming WebSocket messages bill as one Durable Object request; a WebSocket upgrade is one
 * Worker request (and one request to the object); duration is billed for 128 MB while an
 * object runs or is idle but cannot hibernate (pending timers or I/O), never while it is
 * idle and able to hibernate; each setAlarm() is one row written; static assets are free.
 */
export const pricesReadOn = "2026-11-28";

export const prices = {
  /** The plan's monthly minimum, which includes the allowances below. */
  subscription: 5,
  workers: {
    requests: { included: 10_000_000, perMillion: 0.3 },
    cpuMs: { included: 30_000_000, perMillion: 0.02 },
  },
  durableObjects: {
    requests: { included: 1_000_000, perMillion: 0.15 },
    incomingWebSocketMessagesPerRequest: 20,
    /** Billed memory per object, in GB, whatever it uses (the pages' examples use 128 MB / 1 GB). */
    billedGb: 0.128,
    gbSeconds: { included: 400_000, perMillion: 12.5 },
    rowsRead: { included: 25_000_000_000, perMillion: 0.001 },
    rowsWritten: { included: 50_000_000, perMillion: 1 },
    storedGbMonths: { included: 5, perUnit: 0.2 },
  },
  d1: {
    rowsRead: { included: 25_000_000_000, perMillion: 0.001 },
    rowsWritten: { included: 50_000_000, perMillion: 1 },
    storedGbMonths: { included: 5, perUnit: 0.75 },
  },
} as const;
