import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from "jose";
import type { OidcLoginError } from "../../shared/identity";
import { isAllowedEndpoint, type OidcConfig } from "./config";

/**
 * Talking to the provider: its discovery document, its signing keys, the token request and
 * userinfo. Every failure is an `OidcFailure` naming the step; the provider's own error
 * text is never logged (it may quote what the person typed).
 */

const discoveryTtlMs = 10 * 60 * 1000;
/** jose keeps a key set this long, and fetches it again for an unknown key id at most this often. */
const jwksCacheMaxAgeMs = 10 * 60 * 1000;
const jwksCooldownMs = 30 * 1000;
const fetchTimeoutMs = 10 * 1000;

/** A failed step: the code the person sees, and what the log may say (no claim values). */
export class OidcFailure extends Error {
  constructor(
    readonly code: OidcLoginError,
    readonly step: string,
    readonly status?: number,
  ) {
    super(`${step}: ${code}`);
    this.name = "OidcFailure";
  }
}

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
}

// Cached per isolate.
const discoveryCache = new Map<string, { at: number; value: Discovery }>();
const keySets = new Map<string, JWTVerifyGetKey>();

/** For tests: forget cached discovery documents and keys. */
export function clearOidcCaches() {
  discoveryCache.clear();
  keySets.clear();
}

async function providerFetch(url: string, init: RequestInit, step: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: "manual",
      signal: init.signal ?? AbortSignal.timeout(fetchTimeoutMs),
    });
  } catch {
    throw new OidcFailure("oidc_unavailable", step);
  }
  if (!response.ok) {
    // The body may say why (`invalid_grant`…), but it is the provider's text: not logged.
    await response.body?.cancel();
    throw new OidcFailure(response.status >= 500 ? "oidc_unavailable" : "oidc_failed", step, response.status);
  }
  return response;
}

async function fetchJson(url: string, init: RequestInit, step: string): Promise<unknown> {
  const response = await providerFetch(url, init, step);
  try {
    return await response.json();
  } catch {
    throw new OidcFailure("oidc_failed", step, response.status);
  }
}

const trimSlash = (value: string) => value.replace(/\/+$/, "");

export async function discover(config: OidcConfig): Promise<Discovery> {
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

/**
 * The provider's signing keys for `verifyIdToken`: jose's remote key set, one per `jwks_uri`
 * and isolate, fetched through `providerFetch` so that an unreachable or broken key set is
 * an `OidcFailure` like any other step.
 */
export function signingKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), {
      cacheMaxAge: jwksCacheMaxAgeMs,
      cooldownDuration: jwksCooldownMs,
      timeoutDuration: fetchTimeoutMs,
      [customFetch]: async (url, init) => {
        const body = (await fetchJson(url, init, "jwks")) as { keys?: unknown } | null;
        if (!Array.isArray(body?.keys)) throw new OidcFailure("oidc_unavailable", "jwks_document");
        return Response.json(body);
      },
    });
    keySets.set(jwksUri, keys);
  }
  return keys;
}

export async function exchangeCode(
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

/** The userinfo claims, which must be about the same `sub` as the id_token. */
export async function fetchUserinfo(
  userinfoEndpoint: string,
  accessToken: string,
  subject: string,
): Promise<Record<string, unknown>> {
  const info = (await fetchJson(
    userinfoEndpoint,
    { headers: { Accept: "application/json", Authorization: `Bearer ${accessToken}` } },
    "userinfo",
  )) as Record<string, unknown> | null;
  if (!info || typeof info !== "object" || info.sub !== subject) {
    throw new OidcFailure("oidc_failed", "userinfo_subject");
  }
  return info;
}
