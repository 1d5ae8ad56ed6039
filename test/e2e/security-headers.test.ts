import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../../worker/http/security-headers";
import { type RunningApp, startApp } from "../support/app";

// The Worker exactly as wrangler.toml deploys it, with the built web app as its assets.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ devMode: false });
});
afterAll(() => app?.close());

const builtAsset = (extension: string) => {
  const name = readdirSync("dist/web/assets").find((file) => file.endsWith(extension));
  if (!name) throw new Error(`no ${extension} file in dist/web/assets: run vite build first`);
  return `/assets/${name}`;
};

/** What every response must carry, written out here so that a weakened policy fails. */
const expectedPolicy = {
  "default-src": "'self'",
  "script-src": "'self'",
  "img-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};
const expectedHeaders = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function policyOf(res: Response): Map<string, string> {
  const header = res.headers.get("Content-Security-Policy") ?? "";
  return new Map(
    header.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(" ")];
    }),
  );
}

describe("security headers from the real Worker", () => {
  const paths = {
    "the home page": "/",
    "a deep link (SPA fallback)": "/organisation/branch/goteborg",
    "a built script": () => builtAsset(".js"),
    "a built stylesheet": () => builtAsset(".css"),
    "a public file": "/favicon.svg",
    "an API route": "/api/health",
    "an API error": "/api/nothing-here",
  };

  for (const [what, path] of Object.entries(paths)) {
    it(`sets them on ${what}`, async () => {
      const res = await app.fetch(typeof path === "string" ? path : path());
      expect(res.status).toBeLessThan(500);
      const policy = policyOf(res);
      for (const [directive, sources] of Object.entries(expectedPolicy)) {
        expect(policy.get(directive), directive).toBe(sources);
      }
      // Styles: our own, plus exactly one hash (TipTap's stylesheet), never 'unsafe-inline'.
      expect(policy.get("style-src")).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]{43}='$/);
      for (const [name, value] of Object.entries(expectedHeaders)) {
        expect(res.headers.get(name), name).toBe(value);
      }
      const disabled = (res.headers.get("Permissions-Policy") ?? "").split(", ");
      for (const feature of ["camera", "microphone", "geolocation", "display-capture"]) {
        expect(disabled, feature).toContain(`${feature}=()`);
      }
      // The assets layer and the Worker send exactly the same values.
      for (const [name, value] of Object.entries(securityHeaders)) {
        expect(res.headers.get(name), name).toBe(value);
      }
    });
  }

  it("sets them on the page a browser gets for a deep link, which really is the app", async () => {
    const res = await app.fetch("/documents/scratch:demo");
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(await res.text()).toContain('<div id="root"');
    expect(res.headers.get("Content-Security-Policy")).toBe(securityHeaders["Content-Security-Policy"]);
  });

  it("never serves the rules file itself", async () => {
    const res = await app.fetch("/_headers");
    expect(await res.text()).not.toContain("Content-Security-Policy");
  });

  it("builds a page the policy can run: no inline script or style in index.html", () => {
    const html = readFileSync("dist/web/index.html", "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });
});
