import type { BrowserContext, Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../worker/http/security-headers";
import { caretNames, editor, editorText, roomStatus } from "./editor";
import { appInChromium } from "./launch";

const session = appInChromium();

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  url: string;
}

/**
 * A browser context that records every Content-Security-Policy violation on any of its
 * pages, across navigations (the list lives in the test, not in the page).
 */
async function recordingContext(): Promise<{ context: BrowserContext; violations: Violation[] }> {
  const context = await session.newContext();
  const violations: Violation[] = [];
  await context.exposeFunction("reportCspViolation", (violation: Violation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (v: Violation) => void }).reportCspViolation;
    document.addEventListener(
      "securitypolicyviolation",
      (event) =>
        report({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          url: event.documentURI,
        }),
      true,
    );
  });
  return { context, violations };
}

/** Opens a page of the app and checks that its document came with the policy. */
async function openPage(page: Page, path: string): Promise<Response> {
  const response = await page.goto(session.url(path));
  if (!response) throw new Error(`no response for ${path}`);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-security-policy"], path).toBe(
    securityHeaders["Content-Security-Policy"],
  );
  return response;
}

/** Violations are reported through the page's event loop: let it run once more. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe("the Content Security Policy in a real browser", () => {
  it("is enforced: an injected inline script is blocked and reported", async () => {
    const { context, violations } = await recordingContext();
    const page = await context.newPage();
    await openPage(page, "/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await settle(page);
    expect(violations).toEqual([]);

    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.injected = 'yes'";
      document.head.append(script);
      return document.body.dataset.injected === "yes";
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => violations.map((v) => [v.directive, v.blocked]))
      .toEqual([["script-src-elem", "inline"]]);
  });

  it("shows every page to a logged-in person without a violation", async () => {
    const { context, violations } = await recordingContext();
    const page = await context.newPage();
    await openPage(page, "/login");
    await page.getByRole("button", { name: /Bengt Olsson/ }).click();
    await expect.poll(() => page.getByTestId("me-name").textContent()).toBe("Bengt Olsson");
    for (const path of [
      "/",
      "/organisation",
      "/organisation/branch/goteborg",
      "/me",
      "/admin/audit",
      "/members/import",
      "/dev/outbox",
      "/invite",
      "/no-such-page",
    ]) {
      await openPage(page, path);
      await page.locator("h1").first().waitFor();
      await settle(page);
    }
    expect(violations).toEqual([]);
  });

  it("lets a logged-in person edit a shared document with another person's caret, without a violation", async () => {
    const cecilia = await recordingContext();
    const page = await cecilia.context.newPage();
    await openPage(page, "/login");
    await page.getByRole("button", { name: /Cecilia Ahmadi/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/me$/);
    await expect.poll(() => page.getByTestId("me-name").textContent()).toBe("Cecilia Ahmadi");

    await openPage(page, "/documents/scratch:demo");
    await expect.poll(() => page.getByLabel("Ditt namn").inputValue()).toBe("Cecilia Ahmadi");
    await page.getByRole("button", { name: "Gå med" }).click();
    // The room's WebSocket is allowed by connect-src 'self'.
    await expect.poll(() => roomStatus(page)).toBe("Ansluten");
    await editor(page).click();
    await page.keyboard.type("Skrivet under en strikt policy.");
    await expect.poll(() => editorText(page)).toBe("Skrivet under en strikt policy.");
    // TipTap's own stylesheet (a <style> element, allowed by its hash) applies: ligatures
    // off is its rule alone.
    expect(await editor(page).evaluate((element) => getComputedStyle(element).fontVariantLigatures)).toBe(
      "none",
    );

    // Another person joins and selects the text: her caret, name label and selection are
    // coloured through element styles.
    const guest = await recordingContext();
    const other = await guest.context.newPage();
    await openPage(other, "/documents/scratch:demo");
    await other.getByLabel("Ditt namn").fill("Bo Ek");
    await other.getByRole("button", { name: "Gå med" }).click();
    await expect.poll(() => editorText(other)).toBe("Skrivet under en strikt policy.");
    await editor(other).click();
    await other.keyboard.press("Control+A");
    await expect.poll(() => caretNames(page)).toEqual(["Bo Ek"]);
    const label = page.locator(".collaboration-carets__label");
    expect(await label.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    await expect.poll(() => page.locator(".ProseMirror-yjs-selection").count()).toBeGreaterThan(0);

    await settle(page);
    await settle(other);
    expect(cecilia.violations).toEqual([]);
    expect(guest.violations).toEqual([]);
  });
});
