import packageJson from "../../package.json";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import type { HealthReport } from "../shared/health";

export const healthRoutes = featureApp().get("/", async (c) => {
  const started = Date.now();
  try {
    // A real query: operators need to know the database answers, not just the Worker.
    await c.env.DB.prepare("SELECT count(*) FROM groups").first();
  } catch {
    throw new ApiError(503, "service_unavailable");
  }
  const report: HealthReport = {
    status: "ok",
    version: packageJson.version,
    build: c.env.CF_VERSION_METADATA?.id || "local",
    database: { ok: true, latencyMs: Date.now() - started },
  };
  c.header("Cache-Control", "no-store");
  return c.json(report);
});
