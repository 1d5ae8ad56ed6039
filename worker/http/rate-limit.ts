import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { ApiError } from "./errors";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** As for ROOM_TOKEN_SECRET: a shorter secret is a configuration mistake, not a secret. */
const minimumSecretLength = 32;
const encoder = new TextEncoder();
let cachedKey: { secret: string; key: Promise<CryptoKey> } | null = null;

/**
 * The HMAC key from RATE_LIMIT_SECRET (`wrangler secret put` when deploying; local runs
 * generate one at every start). Read from the importable `env`, so that callers pass only
 * the database. Without a secret the limits cannot be kept, so whatever they guard answers
 * 503 rather than run unlimited.
 */
function rateLimitKey(): Promise<CryptoKey> {
  const secret = env.RATE_LIMIT_SECRET;
  if (!secret || secret.length < minimumSecretLength) throw new ApiError(503, "service_unavailable");
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

/**
 * What the table stores for a key: HMAC-SHA256 with the secret, hex. A plain hash of an
 * e-mail or client address would be reversed by hashing a list of addresses; this cannot
 * be without the secret.
 */
export async function storedKey(key: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await rateLimitKey(), encoder.encode(key));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Counts one attempt against `key` in a fixed window and says whether it is allowed.
 * The counter lives in D1, so it holds across isolates and locations (one isolate's
 * memory would not). A new window overwrites the key's old one; keys not seen again are
 * deleted on the schedule once `expires_at` has passed (worker/retention/purge.ts).
 */
export async function allowAttempt(
  db: Db,
  key: string,
  { limit, windowSeconds }: RateLimit,
): Promise<boolean> {
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
  const [row] = await db.all<{ count: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count, expires_at)
    VALUES (${await storedKey(key)}, ${windowStart}, 1, ${windowStart + windowMs})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
      window_start = excluded.window_start,
      expires_at = excluded.expires_at
    RETURNING count`);
  return (row?.count ?? 1) <= limit;
}
