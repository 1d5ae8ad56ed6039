/**
 * `npm start`: the whole app on this machine, as a user would run it. A production build of
 * the web app, local D1 migrated and seeded with demo data, served by the real Worker on
 * local workerd. Safe to run again: migrations and the seed are idempotent.
 */
import { localVars, portFromEnv, runOrExit, serveWithDemoData } from "./lib";

const port = portFromEnv(8787);
const origin = `http://localhost:${port}`;
await runOrExit("vite", ["build", "--logLevel", "warn"]);
await runOrExit("wrangler", ["d1", "migrations", "apply", "DB", "--local"]);
await serveWithDemoData(
  "wrangler",
  ["dev", "--port", String(port), ...localVars(origin), "--show-interactive-dev-session=false"],
  origin,
);
