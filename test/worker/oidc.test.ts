import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createLocalJWKSet, type JWK as Jwk } from "jose";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clearOidcCaches, signingKeys } from "../../worker/identity/oidc/provider";
import { verifyIdToken } from "../../worker/identity/oidc/verify";
import app from "../../worker/index";
import { base64urlEncode as base64url } from "../../worker/shared/base64url";
import { api, errorBody, seed } from "./helpers";

/**
 * The OpenID Connect client's own checks, driven directly: the id_token verifier with
 * keys made here, and the routes with a provider answered by a stubbed `fetch` (the real
 * provider, end to end in Chromium, is test/browser/oidc.test.ts).
 */

beforeAll(async () => {
  await seed();
});

afterEach(() => {
  vi.unstubAllGlobals();
  clearOidcCaches();
});

const encoder = new TextEncoder();
const encodeJson = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));
const now = () => Math.floor(Date.now() / 1000);

interface Signer {
  alg: "RS256" | "ES256";
  kid: string;
  jwk: Jwk;
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

async function makeSigner(alg: "RS256" | "ES256", kid: string): Promise<Signer> {
  const params =
    alg === "RS256"
      ? {
          name: "RSASSA-PKCS1-v1_5",
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: "SHA-256",
        }
      : { name: "ECDSA", namedCurve: "P-256" };
  const pair = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
  const jwk = { ...((await crypto.subtle.exportKey("jwk", pair.publicKey)) as Jwk), kid, use: "sig", alg };
  const signParams = alg === "RS256" ? { name: "RSASSA-PKCS1-v1_5" } : { name: "ECDSA", hash: "SHA-256" };
  return {
    alg,
    kid,
    jwk,
    async sign(claims, header = {}) {
      const input = `${encodeJson({ alg, kid, typ: "JWT", ...header })}.${encodeJson(claims)}`;
      const signature = await crypto.subtle.sign(signParams, pair.privateKey, encoder.encode(input));
      return `${input}.${base64url(new Uint8Array(signature))}`;
    },
  };
}

const issuer = "https://idp.samtal.test";
const clientId = "samtal";
const nonce = "n-0S6_WzA2Mj";
const goodClaims = () => ({
  iss: issuer,
  aud: clientId,
  sub: "24400320",
  nonce,
  iat: now(),
  exp: now() + 300,
});

describe("verifyIdToken", () => {
  let rsa: Signer;
  let ec: Signer;
  let keys: Jwk[];
  const expected = { issuer, clientId, nonce };
  const keySource = () => createLocalJWKSet({ keys });

  beforeAll(async () => {
    [rsa, ec] = await Promise.all([makeSigner("RS256", "rsa-1"), makeSigner("ES256", "ec-1")]);
    keys = [rsa.jwk, ec.jwk];
  });

  it("accepts a good token signed with RS256 or ES256", async () => {
    for (const signer of [rsa, ec]) {
      const claims = await verifyIdToken(await signer.sign(goodClaims()), keySource(), expected);
      expect(claims.sub).toBe("24400320");
    }
    const several = { ...goodClaims(), aud: ["other", clientId], azp: clientId };
    await expect(verifyIdToken(await rsa.sign(several), keySource(), expected)).resolves.toBeDefined();
  });

  it("refuses a bad signature, an unknown key, and algorithms it does not allow", async () => {
    const token = await rsa.sign(goodClaims());
    const [header, payload] = token.split(".");
    const forged = `${header}.${encodeJson({ ...goodClaims(), sub: "someone-else" })}.${token.split(".")[2]}`;
    await expect(verifyIdToken(forged, keySource(), expected)).rejects.toMatchObject({
      problem: "signature",
    });
    const other = await makeSigner("RS256", "rsa-1");
    await expect(verifyIdToken(await other.sign(goodClaims()), keySource(), expected)).rejects.toMatchObject({
      problem: "signature",
    });
    await expect(
      verifyIdToken(await rsa.sign(goodClaims(), { kid: "unknown" }), keySource(), expected),
    ).rejects.toMatchObject({ problem: "no_key" });
    const unsigned = `${encodeJson({ alg: "none" })}.${payload}.`;
    await expect(verifyIdToken(unsigned, keySource(), expected)).rejects.toMatchObject({
      problem: "algorithm",
    });
    const hmac = `${encodeJson({ alg: "HS256", kid: "rsa-1" })}.${payload}.c2ln`;
    await expect(verifyIdToken(hmac, keySource(), expected)).rejects.toMatchObject({ problem: "algorithm" });
    // An RS256 header naming the EC key finds no RSA key by that id.
    const mixed = await rsa.sign(goodClaims(), { kid: "ec-1" });
    await expect(verifyIdToken(mixed, keySource(), expected)).rejects.toMatchObject({ problem: "no_key" });
    for (const garbage of ["", "a.b", "a.b.c", `${header}.%%%.sig`]) {
      await expect(verifyIdToken(garbage, keySource(), expected)).rejects.toMatchObject({
        problem: "malformed",
      });
    }
  });

  it("checks issuer, audience, expiry and nonce", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ iss: "https://evil.test" }, "issuer"],
      [{ aud: "someone-else" }, "audience"],
      [{ aud: [clientId, "other"] }, "audience"],
      [{ azp: "other" }, "audience"],
      [{ exp: now() - 120 }, "expired"],
      [{ exp: undefined }, "expired"],
      [{ iat: now() + 600 }, "not_yet_valid"],
      [{ nbf: now() + 600 }, "not_yet_valid"],
      [{ nonce: "another" }, "nonce"],
      [{ nonce: undefined }, "nonce"],
    ];
    for (const [change, problem] of cases) {
      const token = await ec.sign({ ...goodClaims(), ...change });
      await expect(verifyIdToken(token, keySource(), expected), problem).rejects.toMatchObject({ problem });
    }
    // A clock a little behind the provider's is fine.
    const justExpired = await ec.sign({ ...goodClaims(), exp: now() - 10 });
    await expect(verifyIdToken(justExpired, keySource(), expected)).resolves.toBeDefined();
  });

  it("fetches the keys again for a key id it does not know (key rotation)", async () => {
    const rotated = await makeSigner("ES256", "ec-2");
    const calls: boolean[] = [];
    // The provider's key set as the Worker fetches it: the old key first, the new one on a refresh.
    vi.stubGlobal("fetch", async () => {
      const refresh = calls.length > 0;
      calls.push(refresh);
      return Response.json({ keys: refresh ? [rotated.jwk] : [ec.jwk] });
    });
    const source = signingKeys(`${issuer}/jwks`);
    await expect(verifyIdToken(await ec.sign(goodClaims()), source, expected)).resolves.toBeDefined();
    // jose fetches the set again for an unknown key id once 30 s have passed since the last fetch.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31_000 });
    try {
      await expect(verifyIdToken(await rotated.sign(goodClaims()), source, expected)).resolves.toBeDefined();
    } finally {
      vi.useRealTimers();
    }
    expect(calls).toEqual([false, true]);
  });
});

describe("the routes without configuration", () => {
  it("say there is no provider and answer 404", async () => {
    expect(await (await api("/api/auth/providers")).json()).toEqual({ oidc: null });
    for (const path of ["/api/auth/oidc/start", "/api/auth/oidc/callback?state=x&code=y"]) {
      const res = await api(path);
      expect(res.status, path).toBe(404);
      expect((await errorBody(res)).code).toBe("not_found");
    }
  });
});

// ---------------------------------------------------------------------------------------
// The routes against a provider answered by a stubbed fetch.

const clientSecret = "s3cret";
const configured = {
  ...env,
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: clientId,
  OIDC_CLIENT_SECRET: clientSecret,
  OIDC_NAME: "Freja eID",
};

async function call(path: string, init: RequestInit = {}, bindings: Env = configured): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, "https://samtal.test"), init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

interface FakeProvider {
  /** What the next id_token says, on top of a good one for the last authorisation request. */
  claims: Record<string, unknown>;
  tokenRequests: URLSearchParams[];
  tokenAuth: (string | null)[];
}

async function fakeProvider(authMethods = ["client_secret_basic"]): Promise<FakeProvider> {
  const signer = await makeSigner("ES256", "k1");
  const fake: FakeProvider = { claims: {}, tokenRequests: [], tokenAuth: [] };
  const pending = new Map<string, { nonce: string; challenge: string }>();
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== issuer) throw new TypeError("network");
    switch (url.pathname) {
      case "/.well-known/openid-configuration":
        return json({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          token_endpoint_auth_methods_supported: authMethods,
          code_challenge_methods_supported: ["S256"],
        });
      case "/jwks":
        return json({ keys: [signer.jwk] });
      case "/token": {
        const body = new URLSearchParams(await request.text());
        fake.tokenRequests.push(body);
        fake.tokenAuth.push(request.headers.get("Authorization"));
        const grant = pending.get(body.get("code") ?? "");
        const digest = await crypto.subtle.digest("SHA-256", encoder.encode(body.get("code_verifier") ?? ""));
        if (!grant || base64url(new Uint8Array(digest)) !== grant.challenge) {
          return json({ error: "invalid_grant" }, 400);
        }
        const claims = {
          ...goodClaims(),
          nonce: grant.nonce,
          email: "bengt@samtal.example",
          email_verified: true,
          ...fake.claims,
        };
        return json({ access_token: "at", token_type: "Bearer", id_token: await signer.sign(claims) });
      }
      default:
        return json({ error: "not_found" }, 404);
    }
  });
  // The code for an authorisation request is its state, remembered with nonce and challenge.
  fakeAuthorize = (location) => {
    const params = new URL(location).searchParams;
    const state = params.get("state") ?? "";
    pending.set(state, { nonce: params.get("nonce") ?? "", challenge: params.get("code_challenge") ?? "" });
    return state;
  };
  return fake;
}
let fakeAuthorize: (location: string) => string = () => "";

interface Started {
  state: string;
  code: string;
  cookie: string;
  location: URL;
}

async function start(query = ""): Promise<Started> {
  const res = await call(`/api/auth/oidc/start${query}`);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("Location") ?? "");
  const cookie = /(__Host-samtal_oidc=[^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
  return {
    state: location.searchParams.get("state") ?? "",
    code: fakeAuthorize(location.href),
    cookie,
    location,
  };
}

const callback = (s: Started, cookie = s.cookie, extra = "") =>
  call(`/api/auth/oidc/callback?code=${s.code}&state=${s.state}${extra}`, { headers: { Cookie: cookie } });
const sessionSet = (res: Response) =>
  (res.headers.get("Set-Cookie") ?? "").includes("__Host-samtal_session=");

describe("the routes with a provider", () => {
  it("name the provider, and start the code flow with PKCE, state and nonce", async () => {
    await fakeProvider();
    expect(await (await call("/api/auth/providers")).json()).toEqual({ oidc: { name: "Freja eID" } });
    const { location, cookie } = await start("?next=/org");
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/auth`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({
      response_type: "code",
      client_id: clientId,
      redirect_uri: "https://samtal.test/api/auth/oidc/callback",
      scope: "openid email",
      code_challenge_method: "S256",
    });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toContain(params.state);
  });

  it("logs a member in, goes on to `next`, and the state works once", async () => {
    const provider = await fakeProvider();
    const flow = await start("?next=/org");
    const res = await callback(flow);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/org");
    expect(sessionSet(res)).toBe(true);
    expect(provider.tokenAuth[0]).toBe(`Basic ${btoa(`${clientId}:${clientSecret}`)}`);
    expect(provider.tokenRequests[0]?.get("redirect_uri")).toBe("https://samtal.test/api/auth/oidc/callback");

    const again = await callback(flow);
    expect(again.headers.get("Location")).toBe("/login?error=oidc_expired");
    expect(sessionSet(again)).toBe(false);
  });

  it("uses client_secret_post when that is all the provider takes, and drops a foreign `next`", async () => {
    const provider = await fakeProvider(["client_secret_post"]);
    const res = await callback(await start(`?next=${encodeURIComponent("//evil.example")}`));
    expect(res.headers.get("Location")).toBe("/me");
    expect(provider.tokenAuth[0]).toBeNull();
    expect(provider.tokenRequests[0]?.get("client_secret")).toBe(clientSecret);
  });

  it("refuses a log-in finished in another browser than the one that started it", async () => {
    await fakeProvider();
    const flow = await start();
    const res = await callback(flow, "");
    expect(res.headers.get("Location")).toBe("/login?error=oidc_expired");
    expect(sessionSet(res)).toBe(false);
  });

  it("sends each failure back to the log-in page with its own code, never a session", async () => {
    const provider = await fakeProvider();
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "nobody@samtal.example" }, "oidc_no_member"],
      [{ email_verified: false }, "oidc_email_unverified"],
      [{ email_verified: undefined }, "oidc_email_unverified"],
      [{ email: 42 }, "oidc_failed"],
      [{ aud: "another-client" }, "oidc_failed"],
      [{ iss: "https://evil.test" }, "oidc_failed"],
    ];
    for (const [claims, code] of cases) {
      provider.claims = claims;
      const res = await callback(await start());
      expect(res.status).toBe(302);
      expect(res.headers.get("Location"), code).toBe(`/login?error=${code}`);
      expect(sessionSet(res)).toBe(false);
    }
    // The e-mail claim is compared as the register keeps it: trimmed, lower case.
    provider.claims = { email: "  Bengt@Samtal.Example " };
    expect((await callback(await start())).headers.get("Location")).toBe("/me");

    // A wrong code (or verifier) is refused by the provider.
    provider.claims = {};
    const flow = await start();
    const wrongCode = await callback({ ...flow, code: "other" });
    expect(wrongCode.headers.get("Location")).toBe("/login?error=oidc_failed");
    // The person cancelled at the provider.
    const mine = await start();
    const denied = await call(`/api/auth/oidc/callback?error=access_denied&state=${mine.state}`, {
      headers: { Cookie: mine.cookie },
    });
    expect(denied.headers.get("Location")).toBe("/login?error=oidc_cancelled");
  });

  it("takes the e-mail from another claim when configured, without email_verified", async () => {
    const provider = await fakeProvider();
    provider.claims = { email: undefined, email_verified: undefined, work_email: "cecilia@samtal.example" };
    const flow = await start();
    const ok = await call(
      `/api/auth/oidc/callback?code=${flow.code}&state=${flow.state}`,
      { headers: { Cookie: flow.cookie } },
      { ...configured, OIDC_EMAIL_CLAIM: "work_email" },
    );
    expect(ok.headers.get("Location")).toBe("/me");
    expect(sessionSet(ok)).toBe(true);
  });

  it("says the provider is unreachable, as a redirect, not an error page", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("network");
    });
    const res = await call("/api/auth/oidc/start?next=/org");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?error=oidc_unavailable&next=%2Forg");
  });

  it("counts a half-configured or plain-http provider as none", async () => {
    const half = { ...env, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId };
    expect(await (await call("/api/auth/providers", {}, half)).json()).toEqual({ oidc: null });
    const http = { ...configured, OIDC_ISSUER: "http://idp.example" };
    expect((await call("/api/auth/oidc/start", {}, http)).status).toBe(404);
  });
});
