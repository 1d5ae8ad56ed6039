import { Hono } from "hono";
import type { CurrentGuestSession } from "../identity/guests";
import type { CurrentSession } from "../identity/sessions";
import type { Locale } from "../shared/errors";

/** What every route sees: the Worker's bindings plus per-request values set by middleware. */
export interface AppEnv {
  Bindings: Env;
  Variables: { locale: Locale; session: CurrentSession | null; guestSession: CurrentGuestSession | null };
}

/** A sub-app for one feature, mounted in worker/index.ts with `app.route()`. */
export function featureApp() {
  return new Hono<AppEnv>();
}
