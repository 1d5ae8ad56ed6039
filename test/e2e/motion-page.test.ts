import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app";
import { headStartOf } from "../support/head-start";

// The Worker with the built web app, routed as wrangler.toml says (run_worker_first): which
// paths reach worker/motions/page.ts and which the assets layer answers alone.
let app: RunningApp;
let cookie: string;
let motionId: number;
let plainPage: string;

beforeAll(async () => {
  app = await startApp({ devMode: true });
  const login = await app.fetch("/api/dev/login-as", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId: "demo-bengt" }),
  });
  cookie = /(__Host-samtal_session=[^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
  expect(cookie).not.toBe("");
  const created = await app.fetch("/api/motions?group=branch:goteborg", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ kind: "motion", title: "Fler cykelbanor" }),
  });
  expect(created.status).toBe(201);
  motionId = ((await created.json()) as { id: number }).id;
  plainPage = await (await app.fetch("/nothing/here")).text();
  expect(plainPage).toContain('<div id="root">');
});
afterAll(() => app?.close());

describe("a motion's page from the real Worker", () => {
  it("carries the motion and a write token for its author", async () => {
    const res = await app.fetch(`/motions/${motionId}`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const data = headStartOf(await res.text());
    expect(data?.motion).toMatchObject({ id: motionId, title: "Fler cykelbanor", state: "draft" });
    expect(data?.token).toMatchObject({ documentId: `motion:${motionId}`, mode: "write" });
  });

  const plainPaths = {
    "the motion's page without a session": [() => `/motions/${motionId}`, false],
    "the motion list (/motions, which the Worker does not run for)": [() => "/motions", true],
    "a path under /motions that names no motion": [() => "/motions/new", true],
  } as const;
  for (const [what, [path, withCookie]] of Object.entries(plainPaths)) {
    it(`serves ${what} as the assets serve any page`, async () => {
      const res = await app.fetch(path(), withCookie ? { headers: { Cookie: cookie } } : {});
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(plainPage);
    });
  }
});
