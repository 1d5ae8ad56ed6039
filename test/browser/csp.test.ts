import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../worker/http/security-headers";
import { caretNames, editor, editorText, roomStatus } from "./editor";
import { appInChromium } from "./fixture";
import { logInAs } from "./pages";

const session = appInChromium();

/*
 * The fixture (test/browser/fixture.ts) records every CSP violation in every page of every
 * browser test and fails the test on any; these tests prove the policy itself: that it is
 * sent, that it blocks what it must, and that the app's pages and the editor need nothing
 * it refuses.
 */

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
    const page = await session.newPage();
    await openPage(page, "/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await settle(page);
    expect(session.takeFindings()).toEqual([]);

    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.injected = 'yes'";
      document.head.append(script);
      return document.body.dataset.injected === "yes";
    });
    expect(ran).toBe(false);
    const found: string[] = [];
    await expect
      .poll(() => {
        found.push(...session.takeFindings());
        return found.join("\n");
      })
      .toMatch(/script-src-elem/);
    // Taken, so the fixture does not fail this test for the violation it provoked on purpose.
    expect(found.every((finding) => /script-src-elem/.test(finding))).toBe(true);
  });

  it("shows every page to a logged-in person without a violation", async () => {
    const page = await session.newPage();
    await logInAs(page, "Astrid Lindqvist");
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
    expect(session.takeFindings()).toEqual([]);
  });

  it("lets a logged-in person edit a shared document with another person's caret, without a violation", async () => {
    // A document of its own: other browser files edit scratch:demo at the same time.
    const documentPath = `/documents/scratch:csp-${Date.now().toString(36)}`;
    const page = await session.newPage();
    await logInAs(page, "Cecilia Ahmadi");

    await openPage(page, documentPath);
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
    const other = await session.newPage();
    await logInAs(other, "David Nilsson");
    await openPage(other, documentPath);
    await expect.poll(() => editorText(other)).toBe("Skrivet under en strikt policy.");
    await editor(other).click();
    await other.keyboard.press("Control+A");
    await expect.poll(() => caretNames(page)).toEqual(["David Nilsson"]);
    const label = page.locator(".collaboration-carets__label");
    expect(await label.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    await expect.poll(() => page.locator(".ProseMirror-yjs-selection").count()).toBeGreaterThan(0);

    await settle(page);
    await settle(other);
    expect(session.takeFindings()).toEqual([]);
  });
});
