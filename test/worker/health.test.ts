import { describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import app from "../../worker/index";
import type { DevInfo, HealthReport } from "../../worker/shared/health";
import { api, env, errorBody } from "./helpers";

describe("GET /api/health", () => {
  it("reports the version after really querying D1", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthReport;
    expect(body).toMatchObject({ status: "ok", version: packageJson.version, database: { ok: true } });
    expect(typeof body.build).toBe("string");
  });

  it("answers 503 when the database cannot be queried", async () => {
    // The same Worker over a real, empty D1 database (no migrations): the query fails.
    const { EMPTY_DB } = env as unknown as { EMPTY_DB: D1Database };
    const res = await app.fetch(new Request("http://samtal.test/api/health"), { ...env, DB: EMPTY_DB });
    expect(res.status).toBe(503);
    expect((await errorBody(res)).code).toBe("service_unavailable");
  });
});

describe("development switch", () => {
  it("is on in tests, and says which features it enables", async () => {
    const res = await api("/api/dev");
    expect((await res.json()) as DevInfo).toEqual({
      devMode: true,
      features: ["seed", "room-token", "room-stats", "login-as", "outbox"],
    });
  });

  it("refuses development features when the variable is absent, as in the deployed configuration", async () => {
    const { SAMTAL_DEV_MODE: _, ...deployed } = env;
    for (const [method, path] of [
      ["GET", "/api/dev"],
      ["POST", "/api/dev/seed"],
    ] as const) {
      const res = await app.fetch(new Request(`http://samtal.test${path}`, { method }), deployed as Env);
      expect(res.status, path).toBe(404);
      expect((await errorBody(res)).code).toBe("not_found");
    }
  });
});
