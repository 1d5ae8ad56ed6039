import { and, eq, isNull, lt } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getDb } from "../../db/client";
import type { AppEnv } from "../../http/app";
import { featureApp } from "../../http/app";
import { ApiError } from "../../http/errors";
import { allowAttempt } from "../../http/rate-limit";
import { randomSecret, sha256 } from "../../http/secrets";
import { base64urlEncode } from "../../shared/base64url";
import type { AuthProviders, OidcLoginError } from "../../shared/identity";
import { safeNextPath } from "../../shared/paths";
import { oidcLogins, people } from "../schema";
import { startSession } from "../sessions";
import { type OidcConfig, readOidcConfig } from "./config";
import { type Discovery, discover, exchangeCode, fetchUserinfo, OidcFailure, signingKeys } from "./provider";
import { type IdTokenClaims, IdTokenError, verifyIdToken } from "./verify";

/**
 * Log-in through the party's own identity provider over OpenID Connect (e.g. a broker for
 * Swedish e-ID): authorisation code flow with PKCE (S256), state and nonce, endpoints from
 * discovery (provider.ts), and the id_token checked with jose (verify.ts). What is samtal's
 * own is here: the state kept as a hash and bound to the browser by a short-lived cookie,
 * the rate limit, and linking. The person is found by the e-mail address in a configured
 * claim, verified by the provider; nothing else from the provider is kept or logged (no
 * personal identity number, no name, not even that address).
 *
 * Both routes are top-level navigations, so every failure is a redirect to
 * `/login?error=<code>` with a plain-language message there, never a JSON error page.
 */

const stateLifetimeMs = 10 * 60 * 1000;
const startLimit = { limit: 30, windowSeconds: 600 };
const oidcCallbackPath = "/api/auth/oidc/callback";
/** Ties a log-in to the browser that started it (login CSRF): holds the state, 10 minutes. */
const bindingCookie = "samtal_oidc";
const defaultNext = "/me";

async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64urlEncode(new Uint8Array(digest));
}

function loginUrl(error: OidcLoginError, next: string | null): string {
  const params = new URLSearchParams({ error });
  if (next && next !== defaultNext) params.set("next", next);
  return `/login?${params}`;
}

function noStore(c: Context<AppEnv>) {
  c.header("Cache-Control", "no-store");
}

function logFailure(failure: OidcFailure | IdTokenError | Error) {
  const detail =
    failure instanceof OidcFailure
      ? { step: failure.step, code: failure.code, ...(failure.status ? { status: failure.status } : {}) }
      : failure instanceof IdTokenError
        ? { step: "id_token", problem: failure.problem }
        : // Unexpected: only the kind of error, never its message (it could quote a claim).
          { step: "unexpected", error: failure.name };
  console.warn(JSON.stringify({ event: "oidc_login_failed", ...detail }));
}

/** The claimed e-mail address in the form `people.email` holds (trimmed, lower case), if it is one. */
function normaliseEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) return null;
  return email;
}

const isVerified = (value: unknown) => value === true || value === "true";

/**
 * The e-mail claim (and email_verified) from the id_token, or from the userinfo endpoint when
 * the provider puts them only there (many do, for scope-requested claims). The userinfo
 * answer must be about the same `sub`.
 */
async function linkingClaims(
  config: OidcConfig,
  discovery: Discovery,
  idClaims: IdTokenClaims,
  accessToken: string | null,
): Promise<{ email: unknown; verified: unknown }> {
  const needsVerified = config.emailClaim === "email";
  const complete = (claims: Record<string, unknown>) =>
    claims[config.emailClaim] !== undefined && (!needsVerified || claims.email_verified !== undefined);
  const claims =
    !complete(idClaims) && accessToken && discovery.userinfo_endpoint
      ? await fetchUserinfo(discovery.userinfo_endpoint, accessToken, idClaims.sub)
      : idClaims;
  return { email: claims[config.emailClaim], verified: needsVerified ? claims.email_verified : true };
}

export const oidcRoutes = featureApp()
  .get("/providers", (c) => {
    const config = readOidcConfig(c.env);
    return c.json({ oidc: config ? { name: config.name } : null } satisfies AuthProviders);
  })
  .get("/oidc/start", async (c) => {
    const config = readOidcConfig(c.env);
    if (!config) throw new ApiError(404, "not_found");
    noStore(c);
    const next = safeNextPath(c.req.query("next")) ?? null;
    try {
      const db = getDb(c.env.DB);
      const address = c.req.header("CF-Connecting-IP") ?? "local";
      if (!(await allowAttempt(db, `oidc:address:${address}`, startLimit))) {
        return c.redirect(loginUrl("too_many_attempts", next), 302);
      }
      const discovery = await discover(config);
      const state = randomSecret();
      const nonce = randomSecret();
      const codeVerifier = randomSecret();
      const now = Date.now();
      await db.insert(oidcLogins).values({
        // Only a hash of the state: a leaked table starts nothing.
        state: await sha256(state),
        nonce,
        codeVerifier,
        next,
        createdAt: now,
        expiresAt: now + stateLifetimeMs,
      });
      c.executionCtx.waitUntil(
        db
          .delete(oidcLogins)
          .where(lt(oidcLogins.expiresAt, now))
          .then(() => {}),
      );
      const target = new URL(discovery.authorization_endpoint);
      const params = {
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: new URL(oidcCallbackPath, c.req.url).href,
        scope: "openid email",
        state,
        nonce,
        code_challenge: await codeChallenge(codeVerifier),
        code_challenge_method: "S256",
      };
      for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
      setCookie(c, bindingCookie, state, {
        prefix: "host",
        httpOnly: true,
        secure: true,
        // Lax: sent on the provider's top-level redirect back to the callback.
        sameSite: "Lax",
        path: "/",
        maxAge: stateLifetimeMs / 1000,
      });
      return c.redirect(target.href, 302);
    } catch (error) {
      const failure = error instanceof OidcFailure ? error : new OidcFailure("oidc_failed", "start");
      logFailure(error instanceof OidcFailure ? error : (error as Error));
      return c.redirect(loginUrl(failure.code, next), 302);
    }
  })
  .get("/oidc/callback", async (c) => {
    const config = readOidcConfig(c.env);
    if (!config) throw new ApiError(404, "not_found");
    noStore(c);
    const bound = getCookie(c, bindingCookie, "host");
    deleteCookie(c, bindingCookie, { prefix: "host", path: "/", secure: true });
    let next: string | null = null;
    try {
      const db = getDb(c.env.DB);
      const state = c.req.query("state") ?? "";
      if (!/^[A-Za-z0-9_-]{43}$/.test(state)) throw new OidcFailure("oidc_expired", "state_format");
      // Deleting and reading in one statement: of two uses of the same state, one wins.
      const [pending] = await db
        .delete(oidcLogins)
        .where(eq(oidcLogins.state, await sha256(state)))
        .returning();
      if (!pending) throw new OidcFailure("oidc_expired", "state_unknown");
      next = pending.next;
      if (pending.expiresAt <= Date.now()) throw new OidcFailure("oidc_expired", "state_expired");
      if (bound !== state) throw new OidcFailure("oidc_expired", "state_other_browser");

      const providerError = c.req.query("error");
      if (providerError) {
        throw new OidcFailure(
          providerError === "access_denied" ? "oidc_cancelled" : "oidc_failed",
          "provider",
        );
      }
      const discovery = await discover(config);
      // RFC 9207: when the provider names itself in the response, it must be this one.
      const responseIssuer = c.req.query("iss");
      if (responseIssuer !== undefined && responseIssuer !== discovery.issuer) {
        throw new OidcFailure("oidc_failed", "response_issuer");
      }
      const code = c.req.query("code");
      if (!code || code.length > 2048) throw new OidcFailure("oidc_failed", "code");

      const redirectUri = new URL(oidcCallbackPath, c.req.url).href;
      const tokens = await exchangeCode(config, discovery, code, redirectUri, pending.codeVerifier);
      const idClaims = await verifyIdToken(tokens.idToken, signingKeys(discovery.jwks_uri), {
        issuer: discovery.issuer,
        clientId: config.clientId,
        nonce: pending.nonce,
      });
      const { email: claimed, verified } = await linkingClaims(
        config,
        discovery,
        idClaims,
        tokens.accessToken,
      );
      const email = normaliseEmail(claimed);
      if (!email) throw new OidcFailure("oidc_failed", "email_claim");
      if (!isVerified(verified)) throw new OidcFailure("oidc_email_unverified", "email_verified");

      const [person] = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.email, email), isNull(people.erasedAt)))
        .limit(1);
      if (!person) throw new OidcFailure("oidc_no_member", "member");
      await startSession(c, person.id);
      return c.redirect(next ?? defaultNext, 302);
    } catch (error) {
      const failure =
        error instanceof OidcFailure
          ? error
          : error instanceof IdTokenError
            ? new OidcFailure("oidc_failed", "id_token")
            : new OidcFailure("oidc_failed", "callback");
      logFailure(error instanceof Error ? error : failure);
      return c.redirect(loginUrl(failure.code, next), 302);
    }
  });
