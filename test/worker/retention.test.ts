import { createScheduledController } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../worker/index";
import { runPurgeJobs } from "../../worker/retention/purge";
import { env, seed } from "./helpers";

beforeAll(async () => {
  await seed();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const minute = 60 * 1000;
const hour = 60 * minute;

async function keysIn(table: string, column: string): Promise<string[]> {
  const rows = await env.DB.prepare(`SELECT ${column} AS k FROM ${table} ORDER BY ${column}`).all<{
    k: string;
  }>();
  return rows.results.map((r) => r.k);
}

/** Rows on both sides of each kind's expiry, as of `now`. */
async function insertRows(now: number) {
  const [national] = (
    await env.DB.prepare("SELECT id FROM groups WHERE kind = 'national'").all<{ id: number }>()
  ).results;
  const statements = [
    ["rate_limits", "old", now - hour, now],
    ["rate_limits", "fresh", now, now + hour],
  ].map(([, key, start, expires]) =>
    env.DB.prepare("INSERT INTO rate_limits (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)").bind(
      key,
      start,
      expires,
    ),
  );
  for (const [hash, expires, used] of [
    ["old-unused", now - 1, null],
    ["old-used", now - minute, now - 2 * minute],
    ["fresh-used", now + minute, now - minute],
    ["fresh-unused", now + 10 * minute, null],
  ] as const) {
    statements.push(
      env.DB.prepare(
        "INSERT INTO login_links (token_hash, person_id, created_at, expires_at, used_at) VALUES (?, 'demo-bengt', ?, ?, ?)",
      ).bind(hash, expires - 15 * minute, expires, used),
    );
  }
  for (const [state, expires] of [
    ["old", now - 1],
    ["fresh", now + minute],
  ] as const) {
    statements.push(
      env.DB.prepare(
        "INSERT INTO oidc_logins (state, nonce, code_verifier, next, created_at, expires_at) VALUES (?, 'n', 'v', NULL, ?, ?)",
      ).bind(state, expires - 10 * minute, expires),
    );
  }
  for (const [id, expires, revoked] of [
    ["old", now - 1, null],
    ["old-revoked", now - hour, now - 2 * hour],
    ["fresh-revoked", now + hour, now - hour],
    ["fresh", now + 24 * hour, null],
  ] as const) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO sessions (secret_hash, public_id, person_id, label, created_at, last_seen_at, expires_at, revoked_at)
         VALUES (?, ?, 'demo-cecilia', 'Browser', ?, ?, ?, ?)`,
      ).bind(`hash-${id}`, id, now - 30 * 24 * hour, now - hour, expires, revoked),
    );
  }
  for (const [id, created, status] of [
    ["old", now - 25 * hour, "staged"],
    ["old-applying", now - 25 * hour, "applying"],
    ["fresh", now - 23 * hour, "staged"],
  ] as const) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO member_imports (id, group_id, created_by, created_at, status, encoding, delimiter, total_rows)
         VALUES (?, ?, 'demo-astrid', ?, ?, 'utf-8', ';', 2)`,
      ).bind(id, national?.id, created, status),
      env.DB.prepare(
        `INSERT INTO member_import_rows (import_id, row_number, name, email, branch, association, roles, status, reason)
         VALUES (?, 1, 'Anna', ?, '1', '', '[]', 'pending', NULL), (?, 2, '', '', '', '', '', 'refused', 'email_invalid')`,
      ).bind(id, `anna-${id}@example.se`, id),
    );
  }
  await env.DB.batch(statements);
}

describe("the schedule", () => {
  it("deletes what has outlived its purpose and keeps what is still in use", async () => {
    const now = Date.now();
    await insertRows(now);
    // The Worker's own `scheduled` export, as the Cron Trigger calls it (it awaits its work).
    await worker.scheduled(createScheduledController({ cron: "0 * * * *" }), env);

    expect(await keysIn("rate_limits", "key")).toEqual(["fresh"]);
    expect(await keysIn("login_links", "token_hash")).toEqual(["fresh-unused", "fresh-used"]);
    expect(await keysIn("oidc_logins", "state")).toEqual(["fresh"]);
    expect(await keysIn("sessions WHERE person_id = 'demo-cecilia'", "public_id")).toEqual([
      "fresh",
      "fresh-revoked",
    ]);
    // Staged names and addresses go with the import's lifetime; refusals (row and reason) stay.
    const staged = await env.DB.prepare(
      "SELECT import_id || ':' || status AS k FROM member_import_rows ORDER BY import_id, row_number",
    ).all<{ k: string }>();
    expect(staged.results.map((r) => r.k)).toEqual([
      "fresh:pending",
      "fresh:refused",
      "old:refused",
      "old-applying:refused",
    ]);
  });

  it("runs every job even when one fails, logs no content, and reports the failure", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    const ran: string[] = [];
    const jobs = {
      first: async () => {
        ran.push("first");
        return 1;
      },
      broken: async () => {
        throw new Error("secret@example.se could not be deleted");
      },
      last: async () => {
        ran.push("last");
        return 2;
      },
    };
    await expect(runPurgeJobs(env, Date.now(), jobs)).rejects.toThrow("purge jobs failed: broken");
    expect(ran).toEqual(["first", "last"]);
    const lines = logged.mock.calls.map((args) => args.join(" ")).join("\n");
    expect(lines).toContain('"job":"broken"');
    expect(lines).not.toContain("secret@example.se");
  });
});
