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

/** One INSERT statement per row of values. */
const insert = (query: string, rows: unknown[][]) =>
  rows.map((values) => env.DB.prepare(query).bind(...values));

/** Rows on both sides of each kind's expiry, as of `now`. */
async function insertRows(now: number) {
  const national = await env.DB.prepare("SELECT id FROM groups WHERE kind = 'national'").first<number>("id");
  const imports: [string, number, string][] = [
    ["old", now - 25 * hour, "staged"],
    ["old-applying", now - 25 * hour, "applying"],
    ["fresh", now - 23 * hour, "staged"],
  ];
  await env.DB.batch([
    ...insert("INSERT INTO rate_limits (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)", [
      ["old", now - hour, now],
      ["fresh", now, now + hour],
    ]),
    ...insert(
      "INSERT INTO login_links (token_hash, person_id, created_at, expires_at, used_at) VALUES (?, 'demo-bengt', ?, ?, ?)",
      [
        ["old-unused", now - 16 * minute, now - 1, null],
        ["old-used", now - 16 * minute, now - minute, now - 2 * minute],
        ["fresh-used", now - 14 * minute, now + minute, now - minute],
        ["fresh-unused", now - 5 * minute, now + 10 * minute, null],
      ],
    ),
    ...insert(
      "INSERT INTO oidc_logins (state, nonce, code_verifier, next, created_at, expires_at) VALUES (?, 'n', 'v', NULL, ?, ?)",
      [
        ["old", now - 11 * minute, now - 1],
        ["fresh", now - 9 * minute, now + minute],
      ],
    ),
    ...insert(
      `INSERT INTO sessions (secret_hash, public_id, person_id, label, created_at, last_seen_at, expires_at, revoked_at)
       VALUES ('hash-' || ?1, ?1, 'demo-cecilia', 'Browser', ?2 - 30 * 86400000, ?2 - 3600000, ?3, ?4)`,
      [
        ["old", now, now - 1, null],
        ["old-revoked", now, now - hour, now - 2 * hour],
        ["fresh-revoked", now, now + hour, now - hour],
        ["fresh", now, now + 24 * hour, null],
      ],
    ),
    ...insert(
      `INSERT INTO member_imports (id, group_id, created_by, created_at, status, encoding, delimiter, total_rows)
       VALUES (?, ?, 'demo-astrid', ?, ?, 'utf-8', ';', 2)`,
      imports.map(([id, created, status]) => [id, national, created, status]),
    ),
    ...insert(
      `INSERT INTO member_import_rows (import_id, row_number, name, email, branch, association, roles, status, reason)
       VALUES (?1, 1, 'Anna', 'anna-' || ?1 || '@example.se', '1', '', '[]', 'pending', NULL),
              (?1, 2, '', '', '', '', '', 'refused', 'email_invalid')`,
      imports.map(([id]) => [id]),
    ),
  ]);
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
