/**
 * `npm test`: everything CI checks, in one command with one exit code.
 * lint/format → generated types up to date → typecheck (Worker, web, Node) → web build →
 * `wrangler deploy --dry-run` (proves the bundle builds for Cloudflare) → vitest (Worker
 * tests in workerd, web component tests, end-to-end tests against the real Worker, and
 * browser tests in Chromium). `npm run check` runs everything but vitest.
 */
import { findChromium, howToGetChromium } from "../test/browser/chromium";
import { run } from "./lib";

const checkOnly = process.argv.includes("--check-only");
const timings: [string, number][] = [];

async function step(name: string, command: string, args: string[]) {
  const started = performance.now();
  console.log(`\n▶ ${name}`);
  const code = await run(command, args);
  timings.push([name, performance.now() - started]);
  if (code !== 0) {
    console.error(`\n✗ ${name} failed (exit ${code})`);
    printTimings();
    process.exit(code);
  }
}

function printTimings() {
  console.log("\nTimings:");
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(28)} ${(ms / 1000).toFixed(1)} s`);
}

function loudly(lines: string) {
  const bar = "!".repeat(78);
  console.error(`\n${bar}\n${lines}\n${bar}\n`);
}

await step("lint and format (biome)", "biome", ["check", "."]);
await step("Env types up to date", "wrangler", ["types", "--check"]);
await step("typecheck Worker", "tsc", ["-p", "worker"]);
await step("typecheck web", "tsc", ["-p", "web"]);
await step("typecheck Node scripts", "tsc", ["-p", "tsconfig.node.json"]);
await step("build web app", "vite", ["build", "--logLevel", "warn"]);
await step("wrangler deploy --dry-run", "wrangler", ["deploy", "--dry-run", "--outdir", ".wrangler/dry-run"]);
if (checkOnly) {
  printTimings();
  process.exit(0);
}

const projects = ["worker", "web", "e2e", "browser"];
const chromium = findChromium();
if (!chromium) {
  if (process.env.CI === "true") {
    loudly(
      `NO CHROMIUM FOUND, and CI=true: the browser tests cannot run, so this run fails.\n${howToGetChromium}`,
    );
    process.exit(1);
  }
  loudly(`NO CHROMIUM FOUND: the browser tests (test/browser) are NOT running.\n${howToGetChromium}`);
  projects.pop();
}
await step("tests (vitest)", "vitest", ["run", ...projects.flatMap((p) => ["--project", p])]);
printTimings();
if (!chromium) loudly("Reminder: the browser tests did not run (no Chromium). See above.");
