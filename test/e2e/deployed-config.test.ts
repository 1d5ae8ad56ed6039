import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import type { HealthReport } from "../../worker/shared/health";
import { type RunningApp, startApp } from "../support/app";

// The Worker exactly as wrangler.toml deploys it: no development switch.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ devMode: false });
});
afterAll(() => app?.close());

describe("the deployed configuration", () => {
  it("creates rooms in the EU jurisdiction and carries no development settings", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    expect(config.vars.ROOM_JURISDICTION).toBe("eu");
    expect(Object.keys(config.vars)).not.toContain("SAMTAL_DEV_MODE");
    expect(Object.keys(config.vars)).not.toContain("ROOM_TOKEN_SECRET");
    expect(config.durable_objects.bindings.map((b: { class_name: string }) => b.class_name)).toContain(
      "DocumentRoom",
    );
  });

  it("serves health with a real database query", async () => {
    const res = await app.fetch("/api/health");
    expect(res.status).toBe(200);
    expect(((await res.json()) as HealthReport).database.ok).toBe(true);
  });

  it("refuses every development-only feature", async () => {
    for (const [method, path] of [
      ["GET", "/api/dev"],
      ["POST", "/api/dev/seed"],
      ["POST", "/api/dev/room-token"],
      ["GET", "/api/dev/rooms/scratch:x/stats"],
      ["POST", "/api/dev/rooms/scratch:x/compact"],
      ["GET", "/api/dev/people"],
      ["POST", "/api/dev/login-as"],
      ["GET", "/api/dev/outbox"],
    ]) {
      const res = await app.fetch(path as string, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    const groups = await app.fetch("/api/org/search?q=stockholm");
    expect(((await groups.json()) as { hits: unknown[] }).hits).toEqual([]);
  });

  it("serves the web app for any page path (SPA fallback) and JSON errors under /api", async () => {
    const page = await app.fetch("/organisation/branch/goteborg");
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toContain("text/html");
    expect(await page.text()).toContain('<div id="root"');
    const api = await app.fetch("/api/nothing-here");
    expect(api.status).toBe(404);
    expect(api.headers.get("Content-Type")).toContain("application/json");
  });
});
