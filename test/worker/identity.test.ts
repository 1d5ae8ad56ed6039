import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Me, OutboxMessage, SessionInfo } from "../../worker/shared/identity";
import { api, errorBody, seed } from "./helpers";

beforeAll(async () => {
  await seed();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

async function outbox(): Promise<OutboxMessage[]> {
  return (await (await api("/api/dev/outbox")).json()) as OutboxMessage[];
}

/** The mail is sent after the response (so timing reveals nothing): wait for it. */
async function waitForMail(to: string, after: number): Promise<OutboxMessage> {
  for (let i = 0; i < 50; i++) {
    const mail = (await outbox()).find((m) => m.to === to && m.id > after);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no mail to ${to}`);
}

const lastMailId = async () => (await outbox())[0]?.id ?? 0;
const tokenFrom = (mail: OutboxMessage) => /#token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] ?? "";
const cookieFrom = (res: Response) =>
  /(__Host-samtal_session=[^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];

async function logIn(email: string): Promise<string> {
  const before = await lastMailId();
  await api("/api/auth/login", json({ email }));
  const res = await api("/api/auth/verify", json({ token: tokenFrom(await waitForMail(email, before)) }));
  const cookie = cookieFrom(res);
  if (res.status !== 200 || !cookie) throw new Error(`log-in failed: ${res.status}`);
  return cookie;
}

describe("log-in by e-mail link", () => {
  it("answers the same for a member and for an unknown address, and mails only the member", async () => {
    const before = await lastMailId();
    const known = await api("/api/auth/login", json({ email: "  Bengt@Samtal.Example " }));
    const unknown = await api("/api/auth/login", json({ email: "nobody@samtal.example" }));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    const mail = await waitForMail("bengt@samtal.example", before);
    expect(mail.text).toContain("/login/verify#token=");
    expect((await outbox()).some((m) => m.to === "nobody@samtal.example")).toBe(false);
  });

  it("logs in with the link once, with a secure session cookie, and shows the person's groups", async () => {
    const before = await lastMailId();
    await api("/api/auth/login", json({ email: "cecilia@samtal.example" }));
    const token = tokenFrom(await waitForMail("cecilia@samtal.example", before));
    const res = await api("/api/auth/verify", json({ token }));
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-samtal_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const me = (await (await api("/api/me", { headers: { Cookie: cookieFrom(res) ?? "" } })).json()) as Me;
    expect(me.name).toBe("Cecilia Ahmadi");
    const goteborg = me.groups.find((g) => g.group.slug === "goteborg");
    expect(goteborg?.roles).toEqual(["board_member", "welcome_officer", "member"]);

    const again = await api("/api/auth/verify", json({ token }));
    expect((await errorBody(again)).code).toBe("login_link_used");
  });

  it("refuses an expired, unknown or malformed link with its own message", async () => {
    const before = await lastMailId();
    await api("/api/auth/login", json({ email: "david@samtal.example" }));
    const token = tokenFrom(await waitForMail("david@samtal.example", before));
    await env.DB.prepare("UPDATE login_links SET expires_at = ? WHERE used_at IS NULL")
      .bind(Date.now() - 1)
      .run();
    expect((await errorBody(await api("/api/auth/verify", json({ token })))).code).toBe("login_link_expired");
    const unknown = "A".repeat(43);
    expect((await errorBody(await api("/api/auth/verify", json({ token: unknown })))).code).toBe(
      "login_link_invalid",
    );
    const malformed = await api("/api/auth/verify", json({ token: "short" }));
    expect(malformed.status).toBe(400);
    expect((await errorBody(malformed)).code).toBe("validation_failed");
  });

  it("stores only hashes of log-in links and sessions", async () => {
    const cookie = await logIn("elin@samtal.example");
    const secret = cookie.split("=")[1] ?? "";
    const rows = await env.DB.prepare("SELECT secret_hash FROM sessions").all<{ secret_hash: string }>();
    expect(rows.results.some((r) => r.secret_hash === secret)).toBe(false);
    expect(rows.results.every((r) => /^[0-9a-f]{64}$/.test(r.secret_hash))).toBe(true);
    const links = await env.DB.prepare("SELECT token_hash FROM login_links").all<{ token_hash: string }>();
    expect(links.results.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it("refuses a bad e-mail address with 400", async () => {
    const res = await api("/api/auth/login", json({ email: "not an address" }));
    expect(res.status).toBe(400);
    expect((await errorBody(res)).issues?.[0]?.path).toBe("email");
  });
});

describe("sessions", () => {
  it("treats a tampered cookie as no session", async () => {
    const res = await api("/api/me", { headers: { Cookie: "__Host-samtal_session=forged-value" } });
    expect(res.status).toBe(401);
    expect((await errorBody(res)).code).toBe("not_logged_in");
  });

  it("lists a person's sessions and ends another one; logging out ends the current one", async () => {
    const phone = await logIn("farid@samtal.example");
    const laptop = await logIn("farid@samtal.example");
    const list = (await (
      await api("/api/me/sessions", { headers: { Cookie: laptop } })
    ).json()) as SessionInfo[];
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current);
    const ended = await api(`/api/me/sessions/${other?.id}`, {
      method: "DELETE",
      headers: { Cookie: laptop },
    });
    expect(ended.status).toBe(204);
    expect((await api("/api/me", { headers: { Cookie: phone } })).status).toBe(401);
    expect((await api("/api/me", { headers: { Cookie: laptop } })).status).toBe(200);

    const out = await api("/api/auth/logout", { method: "POST", headers: { Cookie: laptop } });
    expect(out.status).toBe(204);
    expect((await api("/api/me", { headers: { Cookie: laptop } })).status).toBe(401);
  });

  it("cannot end someone else's session", async () => {
    const greta = await logIn("greta@samtal.example");
    const astrid = await logIn("astrid@samtal.example");
    const [gretaSession] = (await (
      await api("/api/me/sessions", { headers: { Cookie: greta } })
    ).json()) as SessionInfo[];
    const res = await api(`/api/me/sessions/${gretaSession?.id}`, {
      method: "DELETE",
      headers: { Cookie: astrid },
    });
    expect(res.status).toBe(404);
    expect((await api("/api/me", { headers: { Cookie: greta } })).status).toBe(200);
  });
});

describe("cross-site request forgery", () => {
  it("refuses state-changing requests from another site, with or without a cookie", async () => {
    const cookie = await logIn("bengt@samtal.example");
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign) {
      const res = await api("/api/auth/logout", { method: "POST", headers: { Cookie: cookie, ...headers } });
      expect(res.status).toBe(403);
      expect((await errorBody(res)).code).toBe("cross_site_refused");
    }
    expect((await api("/api/me", { headers: { Cookie: cookie } })).status).toBe(200);
    const sameSite = await api("/api/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://samtal.test", "Sec-Fetch-Site": "same-origin" },
    });
    expect(sameSite.status).toBe(204);
  });
});

describe("demo log-in", () => {
  it("logs in as a demo person in one click, only in development", async () => {
    const res = await api("/api/dev/login-as", json({ personId: "demo-astrid" }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as Me).groups[0]?.roles).toEqual(["national_admin"]);
    const people = (await (await api("/api/dev/people")).json()) as { id: string }[];
    expect(people.map((p) => p.id)).toContain("demo-bengt");
  });
});

describe("logging in again", () => {
  it("ends the session the browser already had", async () => {
    const first = await logIn("david@samtal.example");
    const res = await api("/api/dev/login-as", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: first },
      body: JSON.stringify({ personId: "demo-greta" }),
    });
    expect(res.status).toBe(200);
    expect((await api("/api/me", { headers: { Cookie: first } })).status).toBe(401);
  });
});
