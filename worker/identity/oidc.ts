import { and, eq, isNull, lt } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getDb } from "../db/client";
import type { AppEnv } from "../http/app";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { allowAttempt } from "../http/rate-limit";
import { randomSecret, sha256 } from "../http/secrets";
import { base64urlDecode, base64urlEncode } from "../shared/base64url";
import type { AuthProviders, OidcLoginError } from "../shared/identity";
import { safeNextPath } from "../shared/paths";
import { oidcLogins, people } from "./schema";
import { startSession } from "./sessions";

/**
 * Log-in through the party's own identity provider over OpenID Connect (e.g. a broker for
 * Swedish e-ID): authorisation code flow with PKCE (S256), state and nonce, endpoints from
 * discovery, and the id_token checked here with WebCrypto (signature from the provider's
 * JWKS, issuer, audience, expiry, nonce). The person is found by the e-mail address in a
 * configured claim, verified by the provider; nothing else from the provider is kept or
 * logged (no personal identity number, no name, not even that address).
 *
 * Both routes are top-level navigations, so every failure is a redirect to
 * `/login?error=<code>` with a plain-language message there, never a JSON error page.
 */

const stateLifetimeMs = 10 * 60 * 1000;
const discoveryTtlMs = 10 * 60 * 1000;
const jwksTtlMs = 10 * 60 * 1000;
/** A JWKS is fetched again for an unknown key id, but not more often than this. */
const jwksRefreshMinMs = 30 * 1000;
const fetchTimeoutMs = 10 * 1000;
const clockSkewSeconds = 60;
const maxIdTokenLength = 16 * 1024;
const startLimit = { limit: 30, windowSeconds: 600 };
export const oidcCallbackPath = "/api/auth/oidc/callback";
/** Ties a log-in to the browser that started it (login CSRF): holds the state, 10 minutes. */
const bindingCookie = "samtal_oidc";
const defaultNext = "/me";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  name: string;
}

function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}

/** https, or http on this machine (tests, local providers). */
function isAllowedEndpoint(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const url = URL.parse(value);
  if (!url || url.username || url.password || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url));
}

const warned = new Set<string>();
function warnOnce(event: string, detail: Record<string, unknown>) {
  if (warned.has(event)) return;
  warned.add(event);
  console.warn(JSON.stringify({ event, ...detail }));
}

/** The configuration, or null when OpenID Connect is not (or not correctly) configured. */
export function readOidcConfig(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    warnOnce("oidc_misconfigured", {
      reason: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together",
    });
    return null;
  }
  if (!isAllowedEndpoint(issuer) || URL.parse(issuer)?.search) {
    warnOnce("oidc_misconfigured", { reason: "OIDC_ISSUER must be an https URL without query" });
    return null;
  }
  return {
    issuer,
    clientId,
    clientSecret,
    emailClaim: env.OIDC_EMAIL_CLAIM?.trim() || "email",
    name: env.OIDC_NAME?.trim() || "OpenID Connect",
  };
}

/** A failed step: the code the person sees, and what the log may say (no claim values). */
class OidcFailure extends Error {
  constructor(
    readonly code: OidcLoginError,
    readonly step: string,
    readonly status?: number,
  ) {
    super(`${step}: ${code}`);
    this.name = "OidcFailure";
  }
}

// ---------------------------------------------------------------------------------------
// Discovery and keys, cached per isolate.

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
}

export interface Jwk {
  kty?: string;
  kid?: string;
  use?: string;
  alg?: string;
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
}

const discoveryCache = new Map<string, { at: number; value: Discovery }>();
const jwksCache = new Map<string, { at: number; keys: Jwk[] }>();

/** For tests: forget cached discovery documents and keys. */
export function clearOidcCaches() {
  discoveryCache.clear();
  jwksCache.clear();
}

async function fetchJson(url: string, init: RequestInit, step: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(fetchTimeoutMs) });
  } catch {
    throw new OidcFailure("oidc_unavailable", step);
  }
  if (!response.ok) {
    // The body may say why (`invalid_grant`…), but it is the provider's text: not logged.
    await response.body?.cancel();
    throw new OidcFailure(response.status >= 500 ? "oidc_unavailable" : "oidc_failed", step, response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new OidcFailure("oidc_failed", step, response.status);
  }
}

const trimSlash = (value: string) => value.replace(/\/+$/, "");

async function discover(config: OidcConfig): Promise<Discovery> {
  const cached = discoveryCache.get(config.issuer);
  if (cached && Date.now() - cached.at < discoveryTtlMs) return cached.value;
  const doc = (await fetchJson(
    `${trimSlash(config.issuer)}/.well-known/openid-configuration`,
    { headers: { Accept: "application/json" } },
    "discovery",
  )) as Partial<Discovery> | null;
  const valid =
    doc &&
    typeof doc.issuer === "string" &&
    trimSlash(doc.issuer) === trimSlash(config.issuer) &&
    isAllowedEndpoint(doc.authorization_endpoint) &&
    isAllowedEndpoint(doc.token_endpoint) &&
    isAllowedEndpoint(doc.jwks_uri) &&
    (doc.userinfo_endpoint === undefined || isAllowedEndpoint(doc.userinfo_endpoint)) &&
    (doc.code_challenge_methods_supported === undefined ||
      (Array.isArray(doc.code_challenge_methods_supported) &&
        doc.code_challenge_methods_supported.includes("S256")));
  if (!valid) throw new OidcFailure("oidc_unavailable", "discovery_document");
  const value = doc as Discovery;
  discoveryCache.set(config.issuer, { at: Date.now(), value });
  return value;
}

async function signingKeys(jwksUri: string, refresh: boolean): Promise<Jwk[]> {
  const cached = jwksCache.get(jwksUri);
  const age = cached ? Date.now() - cached.at : Number.POSITIVE_INFINITY;
  if (cached && age < jwksTtlMs && !(refresh && age > jwksRefreshMinMs)) return cached.keys;
  const body = (await fetchJson(jwksUri, { headers: { Accept: "application/json" } }, "jwks")) as {
    keys?: unknown;
  } | null;
  if (!body || !Array.isArray(body.keys)) throw new OidcFailure("oidc_unavailable", "jwks_document");
  const keys = body.keys.filter((k): k is Jwk => typeof k === "object" && k !== null);
  jwksCache.set(jwksUri, { at: Date.now(), keys });
  return keys;
}

// ---------------------------------------------------------------------------------------
// The id_token, checked with WebCrypto.

const supportedAlgorithms = {
  RS256: {
    kty: "RSA",
    import: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    verify: { name: "RSASSA-PKCS1-v1_5" },
  },
  ES256: {
    kty: "EC",
    import: { name: "ECDSA", namedCurve: "P-256" },
    verify: { name: "ECDSA", hash: "SHA-256" },
  },
} as const;
type Algorithm = keyof typeof supportedAlgorithms;

function decodeBase64url(value: string): Uint8Array<ArrayBuffer> {
  const bytes = base64urlDecode(value);
  if (!bytes) throw new Error("not base64url");
  return bytes;
}

function decodeJson(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(decodeBase64url(part)),
  );
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
  return value as Record<string, unknown>;
}

/** Why an id_token was refused; for the log and for tests, never shown with claim values. */
export type IdTokenProblem =
  | "malformed"
  | "algorithm"
  | "no_key"
  | "signature"
  | "issuer"
  | "audience"
  | "expired"
  | "not_yet_valid"
  | "nonce";

export class IdTokenError extends Error {
  constructor(readonly problem: IdTokenProblem) {
    super(`id_token refused: ${problem}`);
    this.name = "IdTokenError";
  }
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  /** Seconds since the epoch; now by default. */
  now?: number;
}

function keyFor(keys: Jwk[], alg: Algorithm, kid: unknown): Jwk | undefined {
  const { kty } = supportedAlgorithms[alg];
  const candidates = keys.filter(
    (k) =>
      k.kty === kty &&
      (k.use === undefined || k.use === "sig") &&
      (k.alg === undefined || k.alg === alg) &&
      (alg !== "ES256" || k.crv === "P-256"),
  );
  if (typeof kid === "string") return candidates.find((k) => k.kid === kid);
  return candidates.length === 1 ? candidates[0] : undefined;
}

async function importKey(jwk: Jwk, alg: Algorithm): Promise<CryptoKey> {
  const { import: params } = supportedAlgorithms[alg];
  const material: JsonWebKey =
    alg === "RS256" ? { kty: "RSA", n: jwk.n, e: jwk.e } : { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
  // Short RSA keys are refused: 2048 bits at least.
  if (alg === "RS256" && decodeBase64url(jwk.n ?? "").length < 256) throw new IdTokenError("no_key");
  return crypto.subtle.importKey("jwk", material, params, false, ["verify"]);
}

/**
 * Verifies an id_token's signature with a key from `keys` (RS256 or ES256; never "none"
 * or a shared-secret algorithm) and its claims: `iss`, `aud` (and `azp` when several
 * audiences), `exp`, `iat`/`nbf` with a small clock skew, and `nonce`. Returns the claims.
 * `keys` may be called a second time with `refresh` for a key id it did not have.
 */
export async function verifyIdToken(
  token: string,
  keys: (refresh: boolean) => Promise<Jwk[]>,
  expected: IdTokenExpectations,
): Promise<Record<string, unknown>> {
  if (token.length > maxIdTokenLength) throw new IdTokenError("malformed");
  const parts = token.split(".");
  if (parts.length !== 3) throw new IdTokenError("malformed");
  const [headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    header = decodeJson(headerPart);
    claims = decodeJson(payloadPart);
    signature = decodeBase64url(signaturePart);
  } catch {
    throw new IdTokenError("malformed");
  }
  const alg = header.alg;
  if (typeof alg !== "string" || !Object.hasOwn(supportedAlgorithms, alg) || header.crit !== undefined) {
    throw new IdTokenError("algorithm");
  }
  const algorithm = alg as Algorithm;
  const jwk =
    keyFor(await keys(false), algorithm, header.kid) ?? keyFor(await keys(true), algorithm, header.kid);
  if (!jwk) throw new IdTokenError("no_key");
  let key: CryptoKey;
  try {
    key = await importKey(jwk, algorithm);
  } catch {
    throw new IdTokenError("no_key");
  }
  const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  const valid = await crypto.subtle.verify(supportedAlgorithms[algorithm].verify, key, signature, signed);
  if (!valid) throw new IdTokenError("signature");

  const now = expected.now ?? Math.floor(Date.now() / 1000);
  if (claims.iss !== expected.issuer) throw new IdTokenError("issuer");
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new IdTokenError("audience");
  if (claims.azp !== undefined && claims.azp !== expected.clientId) throw new IdTokenError("audience");
  if (audiences.length > 1 && claims.azp === undefined) throw new IdTokenError("audience");
  if (typeof claims.exp !== "number" || claims.exp + clockSkewSeconds <= now)
    throw new IdTokenError("expired");
  if (typeof claims.iat !== "number" || claims.iat - clockSkewSeconds > now) {
    throw new IdTokenError("not_yet_valid");
  }
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf - clockSkewSeconds > now)) {
    throw new IdTokenError("not_yet_valid");
  }
  if (typeof claims.sub !== "string" || !claims.sub) throw new IdTokenError("malformed");
  if (typeof claims.nonce !== "string" || claims.nonce !== expected.nonce) throw new IdTokenError("nonce");
  return claims;
}

// ---------------------------------------------------------------------------------------
// The two steps.

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

async function exchangeCode(
  config: OidcConfig,
  discovery: Discovery,
  code: string,
  redirectUri: string,
  codeVerifier: string,
): Promise<{ idToken: string; accessToken: string | null }> {
  const methods = discovery.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    code_verifier: codeVerifier,
  });
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Content-Type": "application/x-www-form-urlencoded",
  };
  if (methods.includes("client_secret_basic")) {
    // RFC 6749 2.3.1: both parts form-encoded before Basic.
    const credentials = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
    headers.Authorization = `Basic ${btoa(credentials)}`;
  } else if (methods.includes("client_secret_post")) {
    body.set("client_id", config.clientId);
    body.set("client_secret", config.clientSecret);
  } else {
    throw new OidcFailure("oidc_failed", "token_auth_method");
  }
  const answer = (await fetchJson(discovery.token_endpoint, { method: "POST", headers, body }, "token")) as {
    id_token?: unknown;
    access_token?: unknown;
  } | null;
  if (typeof answer?.id_token !== "string") throw new OidcFailure("oidc_failed", "token_response");
  return {
    idToken: answer.id_token,
    accessToken: typeof answer.access_token === "string" ? answer.access_token : null,
  };
}

/**
 * The e-mail claim (and email_verified) from the id_token, or from the userinfo endpoint when
 * the provider puts them only there (many do, for scope-requested claims). The userinfo
 * answer must be about the same `sub`.
 */
async function linkingClaims(
  config: OidcConfig,
  discovery: Discovery,
  idClaims: Record<string, unknown>,
  accessToken: string | null,
): Promise<{ email: unknown; verified: unknown }> {
  const needsVerified = config.emailClaim === "email";
  const complete = (claims: Record<string, unknown>) =>
    claims[config.emailClaim] !== undefined && (!needsVerified || claims.email_verified !== undefined);
  let claims = idClaims;
  if (!complete(idClaims) && accessToken && discovery.userinfo_endpoint) {
    const info = (await fetchJson(
      discovery.userinfo_endpoint,
      { headers: { Accept: "application/json", Authorization: `Bearer ${accessToken}` } },
      "userinfo",
    )) as Record<string, unknown> | null;
    if (!info || typeof info !== "object" || info.sub !== idClaims.sub) {
      throw new OidcFailure("oidc_failed", "userinfo_subject");
    }
    claims = info;
  }
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
      const idClaims = await verifyIdToken(
        tokens.idToken,
        (refresh) => signingKeys(discovery.jwks_uri, refresh),
        { issuer: discovery.issuer, clientId: config.clientId, nonce: pending.nonce },
      );
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
