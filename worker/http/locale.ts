import { createMiddleware } from "hono/factory";
import { negotiateLocale } from "../shared/errors";
import type { AppEnv } from "./app";

/** Picks the response language once per request, from Accept-Language (Swedish by default). */
export const localeMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("locale", negotiateLocale(c.req.header("Accept-Language")));
  await next();
});
