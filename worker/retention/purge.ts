import { lte } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Db, getDb } from "../db/client";
import { failureDetail } from "../http/errors";
import { purgeEndedGuests } from "../identity/guests";
import { loginLinks, oidcLogins, rateLimits, sessions } from "../identity/schema";
import { purgeExpiredImports } from "../members/imports";
import { spentRoomTokens } from "../rooms/schema";

/** Deletes what has outlived its purpose as of `now`; says how many rows went. */
export type PurgeJob = (db: Db, now: number) => Promise<number>;

/** The rows of a table whose `expiresAt` has come: the same test the code that reads them applies. */
const expired =
  (table: SQLiteTable & { expiresAt: SQLiteColumn }): PurgeJob =>
  async (db, now) =>
    (await db.delete(table).where(lte(table.expiresAt, now))).meta.changes;

/**
 * Everything the schedule deletes (README, "Privacy: what is kept and for how long"). A new
 * kind of data that must not outlive its purpose adds one line here.
 */
export const purgeJobs = {
  // Counters whose window has ended limit nothing any more.
  rate_limits: expired(rateLimits),
  // Log-in links past their 15 minutes, used or not.
  login_links: expired(loginLinks),
  // OpenID Connect log-ins not completed within their 10 minutes.
  oidc_logins: expired(oidcLogins),
  // Sessions past their 30 days, ended ones included; a live session is never touched.
  sessions: expired(sessions),
  // Member-register files not applied within 24 hours: their staged names and addresses.
  member_import_rows: purgeExpiredImports,
  // Guests' display names and sessions, a day after their invite was withdrawn or ended.
  guests: purgeEndedGuests,
  // Spent room token ids: once the token has expired it cannot be replayed anyway.
  spent_room_tokens: expired(spentRoomTokens),
} satisfies Record<string, PurgeJob>;

/**
 * Runs each job in turn; one failing does not stop the others. Logs how many rows each
 * deleted (counts only), and throws at the end if any failed, so that the Cron Trigger's
 * invocation shows as failed to the operator.
 */
export async function runPurgeJobs(
  env: Env,
  now: number,
  jobs: Record<string, PurgeJob> = purgeJobs,
): Promise<Record<string, number>> {
  const db = getDb(env.DB);
  const deleted: Record<string, number> = {};
  const failed: string[] = [];
  for (const [job, purge] of Object.entries(jobs)) {
    try {
      deleted[job] = await purge(db, now);
    } catch (err) {
      failed.push(job);
      console.error(JSON.stringify({ event: "purge_failed", job, ...failureDetail(err) }));
    }
  }
  console.log(JSON.stringify({ event: "purge", deleted }));
  if (failed.length) throw new Error(`purge jobs failed: ${failed.join(", ")}`);
  return deleted;
}
