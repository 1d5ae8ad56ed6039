import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { withEnv } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import app from "../../worker/index";
import { env, logInAs, postJson, seed } from "./helpers";

beforeAll(async () => {
  await seed();
});

afterEach(() => {
  vi.restoreAllMocks();
});

interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * A log-in request from `client` through the Worker, as in helpers' `api`, but with an
 * execution context of our own, so that the work done after the response can be waited for,
 * and with bindings of our own (`overrides`), which the rate limiter reads as the importable env.
 */
async function requestLink(email: string, client: string, overrides: Partial<Env> = {}): Promise<Answer> {
  const ctx = createExecutionContext();
  // A plain copy: the importable env the Worker reads (withEnv) must not point at itself.
  const bindings = { ...env, ...overrides } as Env;
  const request = new Request("http://samtal.test/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": client },
    body: JSON.stringify({ email }),
  });
  const res = (await withEnv(bindings, () => app.fetch(request, bindings, ctx))) as Response;
  const answer = { status: res.status, headers: [...res.headers], body: await res.text() };
  await waitOnExecutionContext(ctx);
  return answer;
}

async function mailsTo(email: string): Promise<string[]> {
  const rows = await env.DB.prepare('SELECT text FROM dev_outbox WHERE "to" = ? ORDER BY id')
    .bind(email)
    .all<{ text: string }>();
  return rows.results.map((r) => r.text);
}

const tokenIn = (mail: string | undefined) => /#token=([A-Za-z0-9_-]{43})/.exec(mail ?? "")?.[1] ?? "";

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function hmac(secret: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

const sha256 = async (text: string) =>
  hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));

async function storedKeys(): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT key FROM rate_limits").all<{ key: string }>();
  return rows.results.map((r) => r.key);
}

describe("the log-in form tells nobody who is a member", () => {
  it("answers a member and an unknown address alike (status, headers, body), even when the member's mail fails", async () => {
    const member = await requestLink("bengt@samtal.example", "192.0.2.1");
    const nobody = await requestLink("nobody@samtal.example", "192.0.2.2");
    expect(member.status).toBe(202);
    expect(nobody).toEqual(member);
    expect(await mailsTo("bengt@samtal.example")).toHaveLength(1);

    // The member's work happens after the response: break it, and her answer is unchanged,
    // while the failure is logged without her address.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await env.DB.prepare("ALTER TABLE dev_outbox RENAME TO dev_outbox_away").run();
    try {
      expect(await requestLink("bengt@samtal.example", "192.0.2.3")).toEqual(member);
    } finally {
      await env.DB.prepare("ALTER TABLE dev_outbox_away RENAME TO dev_outbox").run();
    }
    const lines = logged.mock.calls.map((args) => args.join(" "));
    expect(lines.some((l) => l.includes('"event":"login_mail_failed"'))).toBe(true);
    expect(lines.join("\n")).not.toMatch(/bengt|@/);
  });

  it("cannot be used to lock a member out: requests from anywhere answer 202, and she gets her links", async () => {
    const answers: Answer[] = [];
    for (let i = 1; i <= 6; i++) answers.push(await requestLink("cecilia@samtal.example", `198.51.100.${i}`));
    const unknown = await requestLink("nobody-else@samtal.example", "198.51.100.7");
    for (const answer of answers) expect(answer).toEqual(unknown);

    // Her inbox gets the first three links of this window and no more, silently.
    const mails = await mailsTo("cecilia@samtal.example");
    expect(mails).toHaveLength(3);
    const verified = await postJson("/api/auth/verify", { token: tokenIn(mails.at(-1)) });
    expect(verified.status).toBe(200);
  });

  it("refuses only too many requests from one client, whoever they are for", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const email = i % 2 === 0 ? "david@samtal.example" : `unknown${i}@samtal.example`;
      statuses.push((await requestLink(email, "203.0.113.9")).status);
    }
    expect(new Set(statuses)).toEqual(new Set([202]));
    const member = await requestLink("david@samtal.example", "203.0.113.9");
    const nobody = await requestLink("unknown99@samtal.example", "203.0.113.9");
    expect(member.status).toBe(429);
    expect(nobody).toEqual(member);
    expect(JSON.parse(member.body).error.code).toBe("too_many_attempts");
  });
});

describe("rate-limit data", () => {
  it("keys counters by an HMAC with the secret, and keeps none for addresses nobody has", async () => {
    await requestLink("elin@samtal.example", "192.0.2.50");
    await requestLink("not-a-member@samtal.example", "192.0.2.51");
    const keys = await storedKeys();
    const secret = env.RATE_LIMIT_SECRET ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(32);

    expect(keys).toContain(await hmac(secret, "login:email:elin@samtal.example"));
    expect(keys).toContain(await hmac(secret, "login:address:192.0.2.50"));
    expect(keys).toContain(await hmac(secret, "login:address:192.0.2.51"));
    // Not an unsalted hash (the old scheme included), not the same under another secret.
    for (const plain of ["login:email:elin@samtal.example", "rate-limit:login:email:elin@samtal.example"]) {
      expect(keys).not.toContain(await sha256(plain));
    }
    expect(keys).not.toContain(await hmac(`${secret}x`, "login:email:elin@samtal.example"));
    // Nobody is mailed at an unknown address, so no counter of it is needed or kept.
    expect(keys).not.toContain(await hmac(secret, "login:email:not-a-member@samtal.example"));
  });

  it("answers 503 rather than run unlimited when the deployment lacks the secret", async () => {
    const before = (await storedKeys()).length;
    for (const secret of [undefined, "too short"]) {
      const answer = await requestLink("bengt@samtal.example", "192.0.2.60", { RATE_LIMIT_SECRET: secret });
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body).error.code).toBe("service_unavailable");
    }
    expect((await storedKeys()).length).toBe(before);
  });

  it("erasure deletes the person's counter, and leaves others'", async () => {
    await requestLink("farid@samtal.example", "192.0.2.70");
    await requestLink("greta@samtal.example", "192.0.2.71");
    const secret = env.RATE_LIMIT_SECRET ?? "";
    const farids = await hmac(secret, "login:email:farid@samtal.example");
    const gretas = await hmac(secret, "login:email:greta@samtal.example");
    expect(await storedKeys()).toEqual(expect.arrayContaining([farids, gretas]));

    const erased = await postJson("/api/me/data/erase", { confirm: "erase" }, await logInAs("demo-farid"));
    expect(erased.status).toBe(204);
    const keys = await storedKeys();
    expect(keys).not.toContain(farids);
    expect(keys).toContain(gretas);
  });
});
