import { randomBytes } from "node:crypto";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");

/**
 * One `vitest run`, three kinds of test:
 * - worker: inside workerd, with real D1 (migrated per test file) and real Durable Objects;
 * - web: Solid components in a DOM (happy-dom), next to the components they test;
 * - e2e: the built Worker started by wrangler's test harness (test/support/app.ts), over HTTP;
 * - browser: the same, driven by a real Chromium through playwright-core: one app and one
 *   Chromium for all its files, every page checked for accessibility and CSP violations.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                SAMTAL_DEV_MODE: "on",
                ROOM_JURISDICTION: "local",
                ROOM_TOKEN_SECRET: randomBytes(32).toString("hex"),
                RATE_LIMIT_SECRET: randomBytes(32).toString("hex"),
                TEST_MIGRATIONS: migrations,
              },
              // A second, never-migrated database, for testing how the Worker fails without one.
              d1Databases: { EMPTY_DB: "empty-test-db" },
            },
          }),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["test/worker/setup.ts"],
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ["development", "browser"] },
        test: {
          name: "web",
          include: ["web/src/**/*.test.{ts,tsx}"],
          setupFiles: ["web/src/i18n/testing.ts"],
          environment: "happy-dom",
        },
      },
      ...["e2e", "browser"].map((name) => ({
        test: {
          name,
          include: [`test/${name}/**/*.test.ts`],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page waits on the room, the Worker and the build's lazy chunks: on a 2-core CI
          // machine running several browser files at once, vitest's 1 s default for
          // expect.poll fails pages that are merely slow. A poll still ends the moment it holds.
          expect: { poll: { timeout: 10_000 } },
          // One app and one Chromium for all browser test files (test/browser/fixture.ts).
          // Their workers are reused from file to file: a file's only state is the fixture it
          // makes for itself, and a fresh worker per file re-imports playwright-core (seconds).
          globalSetup: name === "browser" ? ["test/browser/global-setup.ts"] : [],
          isolate: name !== "browser",
        },
      })),
    ],
  },
});
