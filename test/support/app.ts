import { randomBytes } from "node:crypto";
import { createTestHarness } from "wrangler";

// No internet here: keep wrangler from fetching the `cf` object and sending metrics.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
process.env.WRANGLER_SEND_METRICS ??= "false";

export interface RunningApp {
  /** Where the Worker listens, e.g. http://127.0.0.1:53211/ */
  url: URL;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The Worker's bindings, for a benchmark that prepares data no route makes (D1 through a proxy). */
  env(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * Starts the real Worker from wrangler.toml (with the built web app as its assets) on a
 * free port, with fresh local storage and the real migrations applied. `devMode: false`
 * runs it exactly as configured for deployment; `devMode: true` adds the development
 * switch, as `npm start` does, and seeds the demo data.
 */
export async function startApp({
  devMode,
  vars = {},
  secrets = {},
}: {
  devMode: boolean;
  /** More variables and secrets for this run (e.g. OpenID Connect settings). */
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
}): Promise<RunningApp> {
  const harness = createTestHarness({
    workers: [
      {
        configPath: "./wrangler.toml",
        // workerd has no Durable Object jurisdictions; everything else is as configured.
        vars: { ROOM_JURISDICTION: "local", ...(devMode ? { SAMTAL_DEV_MODE: "on" } : {}), ...vars },
        secrets: {
          ROOM_TOKEN_SECRET: randomBytes(32).toString("hex"),
          RATE_LIMIT_SECRET: randomBytes(32).toString("hex"),
          ...secrets,
        },
      },
    ],
  });
  const { url } = await harness.listen();
  await harness.getWorker().applyD1Migrations("DB");
  const app: RunningApp = {
    url,
    fetch: (path, init) => fetch(new URL(path, url), init),
    env: () => harness.getWorker().getEnv(),
    close: () => harness.close(),
  };
  if (devMode) {
    const res = await app.fetch("/api/dev/seed", { method: "POST" });
    if (!res.ok) throw new Error(`seeding failed: HTTP ${res.status}`);
  }
  return app;
}
