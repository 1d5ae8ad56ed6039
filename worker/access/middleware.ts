import type { Context, Input } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app";
import { ApiError } from "../http/errors";
import type { Person } from "../http/identity";
import { currentIdentity } from "./identity";
import {
  type Action,
  authorize,
  concealmentOf,
  type IdentityFor,
  type Resource,
  type ResourceOf,
} from "./permissions";

/** What a guarded handler reads with `c.get()`: who is asking and the resource, typed for the action. */
export interface Guarded<A extends Action, R extends Resource> {
  Variables: { identity: IdentityFor<A>; resource: Extract<R, ResourceOf<A>> };
}

/**
 * Guards a route with one row of the permission table: finds who is asking, resolves the
 * resource with `resolve` (which may read what validators before it accepted; see
 * `Validated` in worker/http/validate.ts) and asks authorize(). It answers one way:
 * - 401 `not_logged_in`: nobody is logged in (asked before the resource is looked up);
 * - 404 `not_found`: `resolve` found nothing;
 * - 403 `forbidden`: the table refuses;
 * except where the row conceals existence: then a refusal is 404, or an absence 403.
 * The resolver may return more than the table needs (the record a handler works on); the
 * handler gets it back as `c.get("resource")`.
 */
export function requirePermission<
  A extends Action,
  R extends Resource,
  I extends Input = Record<never, never>,
>(action: A, resolve: (c: Context<AppEnv, string, I>) => Promise<R | null> | R | null) {
  const conceal = concealmentOf(action);
  const absent = () => (conceal === "absence-as-refusal" ? forbidden() : notFound());
  const refused = () => (conceal === "refusal-as-absence" ? notFound() : forbidden());
  return createMiddleware<AppEnv & Guarded<A, R>, string, I>(async (c, next) => {
    // The request as it was before this middleware's variables (Hono's Context is invariant in them).
    const before = c as unknown as Context<AppEnv, string, I>;
    const identity = await currentIdentity(before);
    if (identity.kind === "anonymous") throw new ApiError(401, "not_logged_in");
    const resource = await resolve(before);
    if (!resource) throw absent();
    if (!authorize(identity, action, resource)) throw refused();
    // authorize() checked both: a guest only where the row admits guests, the resource of the row's type.
    c.set("identity", identity as IdentityFor<A>);
    c.set("resource", resource as Extract<R, ResourceOf<A>>);
    await next();
  });
}

/**
 * Guards a person's own things (her page, sessions, data, the invites she made, log-out).
 * There is no resource to judge, so no row: any logged-in person may, also one whose last
 * membership ended. A guest has no account, so to these routes she is nobody: 401, which
 * the web app reads as "no person logged in".
 */
export const requirePerson = createMiddleware<AppEnv & { Variables: { identity: Person } }>(
  async (c, next) => {
    const identity = await currentIdentity(c as unknown as Context<AppEnv>);
    if (identity.kind !== "person") throw new ApiError(401, "not_logged_in");
    c.set("identity", identity);
    await next();
  },
);

const forbidden = () => new ApiError(403, "forbidden");
const notFound = () => new ApiError(404, "not_found");
