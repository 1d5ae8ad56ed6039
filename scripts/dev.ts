/**
 * `npm run dev`: Vite with hot reload for the web app, and the Worker, D1 and Durable
 * Objects in the same process through @cloudflare/vite-plugin (see vite.config.ts, which
 * also turns development mode on there).
 */
import { portFromEnv, runOrExit, serveWithDemoData } from "./lib";

const port = portFromEnv(5173);
await runOrExit("wrangler", ["d1", "migrations", "apply", "DB", "--local"]);
await serveWithDemoData("vite", ["--port", String(port), "--strictPort"], `http://localhost:${port}`);
