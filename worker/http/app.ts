import { Hono } from "hono";
import type { Locale } from "../shared/errors";

/** What every route sees: the Worker's bindings plus per-request values set by middleware. */
export interface AppEnv {
  Bindings: Env;
  Variables: { locale: Locale };
}

/** A sub-app for one feature, mounted in worker/index.ts with `app.route()`. */
export function featureApp() {
  return new Hono<AppEnv>();
}
