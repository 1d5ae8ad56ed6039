import { type SpawnOptions, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

/** No internet here or on most volunteer laptops: keep wrangler from phoning home. */
export const offlineEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

/**
 * `wrangler dev --var` arguments for a local run: the development switch
 * (worker/dev/switch.ts), no Durable Object jurisdiction (workerd has none), and a room
 * token secret and a rate-limit secret made fresh at every start (tokens live minutes;
 * clients fetch new ones; counters simply start again), and the app's own address, which the
 * hourly meeting reminders link to (without it they are not sent).
 */
export function localVars(origin: string): string[] {
  return [
    "SAMTAL_DEV_MODE:on",
    `PUBLIC_ORIGIN:${origin}`,
    "ROOM_JURISDICTION:local",
    `ROOM_TOKEN_SECRET:${randomBytes(32).toString("hex")}`,
    `RATE_LIMIT_SECRET:${randomBytes(32).toString("hex")}`,
  ].flatMap((v) => ["--var", v]);
}

/** Runs a command from node_modules/.bin (npm puts it first on PATH) and resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: offlineEnv, ...options });
    child.on("error", (err) => {
      console.error(`could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(command: string, args: string[]): Promise<void> {
  const code = await run(command, args);
  if (code !== 0) {
    console.error(`\n✗ ${command} ${args.join(" ")} failed (exit ${code})`);
    process.exit(code);
  }
}

/** Polls a URL until it answers 2xx, or throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/**
 * Starts a long-running server (wrangler dev or vite), waits until the Worker answers,
 * seeds the demo data and prints where to go. The server's exit ends this process.
 */
export async function serveWithDemoData(command: string, args: string[], origin: string): Promise<void> {
  const server = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env: offlineEnv });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
  try {
    await waitFor(`${origin}/api/health`);
    const seeded = await fetch(`${origin}/api/dev/seed`, { method: "POST" });
    if (!seeded.ok) throw new Error(`seeding demo data failed: HTTP ${seeded.status}`);
    const counts = (await seeded.json()) as Record<string, number>;
    console.log(`
  ┌──────────────────────────────────────────────────────────────────┐
    samtal is running at ${origin}
    Demo data: ${counts.district} districts, ${counts.branch} branches, ${counts.association} associations,
    ${counts.side} side organisations (development mode is on).
    Log in at ${origin}/login ("Logga in som" a demo person); mail goes to ${origin}/dev/outbox.
    Stop with Ctrl+C.
  └──────────────────────────────────────────────────────────────────┘
`);
  } catch (err) {
    console.error(`\n✗ ${(err as Error).message}`);
    stop();
    process.exitCode = 1;
  }
}

export function portFromEnv(fallback: number): number {
  const port = Number(process.env.PORT ?? fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(2);
  }
  return port;
}
