import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app";
import { appInChromium } from "./fixture";

/**
 * OpenID Connect log-in end to end: a real OpenID provider (the `oidc-provider` package,
 * with its built-in development log-in form: any login, any password) on a free port, the
 * real Worker configured for it, and a real Chromium between them.
 */

const clientId = "samtal-test";
const clientSecret = randomBytes(24).toString("hex");
const providerName = "Test-ID";
const { privateKey: signingKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

let server: Server | undefined;
let app: RunningApp | undefined;
/** The paths the provider was asked for, in order (no query strings). */
const providerRequests: string[] = [];

const started = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error("started in beforeAll");
  return value;
};

beforeAll(async () => {
  // The provider's address first (the Worker needs its issuer), its configuration after
  // (it needs the Worker's callback address).
  const listening = createServer();
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;

  app = await startApp({
    devMode: true,
    vars: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_NAME: providerName },
    secrets: { OIDC_CLIENT_SECRET: clientSecret },
  });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [new URL("/api/auth/oidc/callback", app.url).href],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    // The development log-in form: whatever is typed as the login becomes the account id.
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: sub, email_verified: true }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    jwks: { keys: [{ ...signingKey.export({ format: "jwk" }), kid: "test-rsa", use: "sig", alg: "RS256" }] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
  });
  const handle = provider.callback();
  listening.on("request", (req, res) => {
    providerRequests.push(new URL(req.url ?? "/", issuer).pathname);
    handle(req, res);
  });
});

afterAll(async () => {
  await app?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** The shared Chromium, on this file's own app (configured for the provider). */
const session = appInChromium({ appUrl: () => started(app).url });

/** A person in her own browser (no shared cookies). Nothing leaves the machine. */
async function newPage(): Promise<Page> {
  const context = await session.newContext();
  // The provider's development pages import a web font; there is no internet here.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  return context.newPage();
}

const url = session.url;
const sessionCookie = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name === "__Host-samtal_session");

const samtalOrigin = () => new URL(started(app).url).origin;

/** Clicks "Logga in med …" on the log-in page and waits for the provider's form. */
async function startAtLoginPage(page: Page, from = "/login") {
  await page.goto(url(from));
  await page.getByRole("link", { name: `Logga in med ${providerName}` }).click();
  await page.locator('input[name="login"]').waitFor();
}

/** The provider's development form (any login, any password), and consent if it asks. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  await page.waitForURL((at) => at.origin === samtalOrigin() || at.pathname.includes("/interaction/"));
  if (new URL(page.url()).origin !== samtalOrigin() && (await consent.isVisible().catch(() => false))) {
    await consent.click();
  }
}

/** From the log-in page through the provider back to samtal. */
async function logInAtProvider(page: Page, login: string, from = "/login") {
  await startAtLoginPage(page, from);
  await signInAtProvider(page, login);
  await page.waitForURL((at) => at.origin === samtalOrigin());
}

/**
 * Makes the provider's answer (its redirect to the Worker's callback) stop short of the
 * Worker: the redirect chain after each form post on the provider is followed here, with
 * the browser's cookies, and the callback address is kept instead of opened.
 */
async function holdProviderAnswer(page: Page): Promise<() => string | undefined> {
  let held: string | undefined;
  await page.route(
    (at) => at.origin !== samtalOrigin() && at.pathname.startsWith("/interaction/"),
    async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      let location = (await route.fetch({ maxRedirects: 0 })).headers().location;
      let at = new URL(route.request().url());
      while (location) {
        at = new URL(location, at);
        if (at.origin === samtalOrigin()) {
          held = at.href;
          return route.fulfill({ status: 200, contentType: "text/plain", body: "held" });
        }
        location = (await page.request.get(at.href, { maxRedirects: 0 })).headers().location;
      }
      return route.fulfill({ status: 303, headers: { Location: at.href } });
    },
  );
  return () => held;
}

const pathAndQuery = (page: Page) => {
  const at = new URL(page.url());
  return `${at.pathname}${at.search}`;
};

describe("log-in through OpenID Connect, against a real provider", () => {
  it("offers the provider on the log-in page only when one is configured", async () => {
    const res = await started(app).fetch("/api/auth/providers");
    expect(await res.json()).toEqual({ oidc: { name: providerName } });
    const page = await newPage();
    await page.goto(url("/login"));
    const button = page.getByRole("link", { name: `Logga in med ${providerName}` });
    await button.waitFor();
    expect(await button.getAttribute("href")).toBe("/api/auth/oidc/start");

    // A Worker without the settings answers { oidc: null } (test/worker/oidc.test.ts).
    const plain = await newPage();
    await plain.route(
      (at) => at.pathname === "/api/auth/providers",
      (route) => route.fulfill({ json: { oidc: null } }),
    );
    await plain.goto(url("/login"));
    await plain.getByTestId("login-email").waitFor();
    await plain.waitForLoadState("networkidle");
    expect(await plain.getByRole("link", { name: /^Logga in med/ }).count()).toBe(0);
  });

  it("logs a member in by her verified e-mail and lands on her page", async () => {
    const page = await newPage();
    providerRequests.length = 0;
    await logInAtProvider(page, "bengt@samtal.example");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/me");
    await expect.poll(() => page.getByTestId("me-name").textContent()).toBe("Bengt Olsson");
    expect(await sessionCookie(page)).toBeDefined();
    // Nothing of the log-in stays in the address bar.
    expect(page.url()).not.toMatch(/code=|state=/);
    // The Worker itself exchanged the code and fetched the keys (and, since this provider
    // puts scope claims there, asked userinfo for the e-mail).
    expect(providerRequests).toEqual(expect.arrayContaining(["/auth", "/token", "/jwks", "/me"]));
  });

  it("goes on to the page the person came from, and only on this site", async () => {
    const page = await newPage();
    await logInAtProvider(page, "cecilia@samtal.example", "/login?next=/org");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/org");
    await page.goto(url("/me"));
    await expect.poll(() => page.getByTestId("me-name").textContent()).toBe("Cecilia Ahmadi");

    const other = await newPage();
    await other.goto(url(`/api/auth/oidc/start?next=${encodeURIComponent("//evil.example/")}`));
    await signInAtProvider(other, "farid@samtal.example");
    await other.waitForURL((at) => at.origin === samtalOrigin());
    await expect.poll(() => pathAndQuery(other)).toBe("/me");
  });

  it("sends someone who is no member back to the log-in page, with a message and no session", async () => {
    const page = await newPage();
    await logInAtProvider(page, "stranger@elsewhere.example");
    await expect.poll(() => pathAndQuery(page)).toBe("/login?error=oidc_no_member");
    await expect
      .poll(() => page.getByTestId("oidc-error").textContent())
      .toMatch(/^Du loggade in, men vi hittar ingen medlem med den e-postadress/);
    expect(await sessionCookie(page)).toBeUndefined();
    expect((await page.request.get(url("/api/me"))).status()).toBe(401);
    // The button is still there (once the page has asked for the providers), to try again.
    await expect.poll(() => page.getByRole("link", { name: `Logga in med ${providerName}` }).count()).toBe(1);
  });

  it("says so when the person cancels at the provider", async () => {
    const page = await newPage();
    await startAtLoginPage(page);
    await page.getByRole("link", { name: "[ Cancel ]" }).click();
    await page.waitForURL((at) => at.origin === samtalOrigin());
    await expect.poll(() => pathAndQuery(page)).toBe("/login?error=oidc_cancelled");
    await expect
      .poll(() => page.getByTestId("oidc-error").textContent())
      .toBe("Inloggningen avbröts hos inloggningstjänsten. Du är inte inloggad.");
    expect(await sessionCookie(page)).toBeUndefined();
  });

  it("refuses a tampered state, and a genuine answer opened in another browser: no session", async () => {
    const page = await newPage();
    // The provider's genuine answer is held back instead of reaching the Worker.
    const held = await holdProviderAnswer(page);
    await startAtLoginPage(page);
    await signInAtProvider(page, "bengt@samtal.example");
    await expect.poll(held).toBeDefined();
    const answer = new URL(held() ?? "");
    expect(answer.searchParams.get("code")).toBeTruthy();

    // Someone else's browser opens it (login CSRF): refused, and the answer is spent.
    const attacker = await newPage();
    await attacker.goto(answer.href);
    await expect.poll(() => pathAndQuery(attacker)).toBe("/login?error=oidc_expired");
    await expect
      .poll(() => attacker.getByTestId("oidc-error").textContent())
      .toBe("Inloggningen tog för lång tid eller startades i en annan webbläsare. Försök igen.");
    expect(await sessionCookie(attacker)).toBeUndefined();

    // The same answer with its state changed, in the browser that started it: refused too.
    const tampered = new URL(answer);
    tampered.searchParams.set("state", `${answer.searchParams.get("state")?.slice(0, -1)}A`);
    await page.goto(tampered.href);
    await expect.poll(() => pathAndQuery(page)).toBe("/login?error=oidc_expired");
    expect(await sessionCookie(page)).toBeUndefined();

    // Without a browser: a redirect, never an error page or a stack trace.
    const res = await started(app).fetch("/api/auth/oidc/callback?state=not-a-state&code=x", {
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?error=oidc_expired");
    expect(res.headers.get("Set-Cookie") ?? "").not.toContain("samtal_session=");
  });
});
