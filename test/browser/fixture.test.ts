import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./fixture";

const session = appInChromium();

/** Serves `body` at an address of the app (the Worker never sees it), with `headers`. */
async function serve(page: Page, path: string, body: string, headers: Record<string, string> = {}) {
  await page.route(path, (route) => route.fulfill({ contentType: "text/html", headers, body }));
}

/**
 * Waits until the fixture's checks have found something matching `pattern` in `tab`, and
 * closes it: what was found is taken here, and the check at the end of the test must not
 * find it again.
 */
async function found(tab: Page, pattern: RegExp): Promise<string[]> {
  const findings: string[] = [];
  await expect
    .poll(() => {
      findings.push(...session.takeFindings());
      return findings.join("\n");
    })
    .toMatch(pattern);
  await tab.close();
  // A check under way when the tab closed may still add to what was found.
  await session.check(tab);
  findings.push(...session.takeFindings());
  return findings;
}

const page = (content: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head><body><main><h1>Prov</h1>${content}</main></body></html>`;

describe("the browser fixture checks every page", () => {
  it("reports an accessibility violation on a page as loaded, with rule, element and help", async () => {
    const tab = await session.newPage();
    await serve(tab, "/fixture/unlabelled", page('<input type="text" id="name">'));
    await tab.goto("/fixture/unlabelled");
    const findings = await found(tab, /label/);
    expect(findings).toContainEqual(
      expect.stringMatching(/^\/fixture\/unlabelled: label: Form elements must have labels \(#name\)$/),
    );
  });

  it("checks a state reached by a click, not only by a load", async () => {
    const tab = await session.newPage();
    const script = `document.querySelector("button").addEventListener("click", () =>
      document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="data:," id="late">'));`;
    await serve(tab, "/fixture/later", page(`<button type="button">Visa</button><script>${script}</script>`));
    await tab.goto("/fixture/later");
    await tab.getByRole("button", { name: "Visa" }).click();
    expect(await found(tab, /image-alt/)).toContainEqual(
      expect.stringMatching(/^\/fixture\/later: image-alt: .*\(#late\)$/),
    );
  });

  it("reports a Content-Security-Policy violation", async () => {
    const tab = await session.newPage();
    await serve(tab, "/fixture/csp", page('<img src="/fixture/blocked.png" alt="Blockerad">'), {
      "Content-Security-Policy": "img-src 'none'",
    });
    await tab.goto("/fixture/csp");
    expect(await found(tab, /Content-Security-Policy/)).toContainEqual(
      expect.stringMatching(
        /^\/fixture\/csp: Content-Security-Policy img-src blocked http:\/\/.*\/fixture\/blocked\.png/,
      ),
    );
  });

  it("reports a message key shown instead of its text", async () => {
    const tab = await session.newPage();
    await serve(
      tab,
      "/fixture/key",
      page('<p>meetings.title</p><button type="button" aria-label="motions.att">+</button>'),
    );
    await tab.goto("/fixture/key");
    const findings = await found(tab, /message key/);
    expect(findings).toContainEqual("/fixture/key: shows the message key meetings.title as text");
    expect(findings).toContainEqual("/fixture/key: shows the message key motions.att as text");
  });

  it("finds nothing on a page without problems, and itself breaks no strict policy", async () => {
    const tab = await session.newPage();
    // axe-core and the fixture's own scripts run in the page, yet cause no CSP violation.
    await serve(tab, "/fixture/clean", page("<p>Inget att anmärka på.</p>"), {
      "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'",
    });
    await tab.goto("/fixture/clean");
    await tab.getByText("Inget att anmärka på.").waitFor();
    // The fixture itself checks the page once more after the test and would fail it.
  });
});
