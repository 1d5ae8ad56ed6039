import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app";
import { ApiError } from "./errors";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery: a state-changing request must come from our own pages.
 * Browsers say where a request comes from (Sec-Fetch-Site, Origin) and pages cannot forge
 * either; a request with neither is not from a browser, so it carries no ambient cookie
 * a third-party page could have borrowed. SameSite=Lax cookies are the second layer.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (!safeMethods.has(c.req.method)) {
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    const ownOrigin = new URL(c.req.url).origin;
    if (site && site !== "same-origin" && site !== "none") throw new ApiError(403, "cross_site_refused");
    if (origin && origin !== ownOrigin) throw new ApiError(403, "cross_site_refused");
  }
  await next();
});
