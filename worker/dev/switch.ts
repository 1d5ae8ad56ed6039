import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app";
import { ApiError } from "../http/errors";

/**
 * The one switch for features that must never reach a deployment: demo seeding, demo log-in,
 * room tokens for anyone, room statistics and the mail outbox. It is a variable that local
 * runs and tests set (scripts/start.ts, vitest.config.ts, the e2e harness) and that
 * wrangler.toml deliberately lacks, so a deployed Worker has it off whatever the build mode.
 */
export const devModeVariable = "SAMTAL_DEV_MODE";

export function isDevMode(env: object): boolean {
  return (env as Record<string, unknown>)[devModeVariable] === "on";
}

/** Answers 404, as if the route did not exist, unless development mode is on. */
export const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!isDevMode(c.env)) throw new ApiError(404, "not_found");
  await next();
});
