import { Hono } from "hono";
import type { Locale } from "../shared/errors";
import type { CurrentGuestSession, CurrentSession } from "./identity";

/** What every route sees: the Worker's bindings plus per-request values set by middleware. */
export interface AppEnv {
  Bindings: Env;
  Variables: { locale: Locale; session: CurrentSession | null; guestSession: CurrentGuestSession | null };
}

/** A sub-app for one feature, mounted in worker/index.ts with `app.route()`. */
export function featureApp() {
  return new Hono<AppEnv>();
}
