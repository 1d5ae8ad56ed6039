import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { sha256 } from "./secrets";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one attempt against `key` in a fixed window and says whether it is allowed.
 * The counter lives in D1, so it holds across isolates and locations (one isolate's
 * memory would not). Keys are hashed: no address or e-mail is stored.
 */
export async function allowAttempt(
  db: Db,
  key: string,
  { limit, windowSeconds }: RateLimit,
): Promise<boolean> {
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
  const hashed = await sha256(`rate-limit:${key}`);
  const [row] = await db.all<{ count: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${hashed}, ${windowStart}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING count`);
  return (row?.count ?? 1) <= limit;
}
