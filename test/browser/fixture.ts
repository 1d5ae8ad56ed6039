import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { PageChecks } from "./checks";

export type Viewport = { width: number; height: number };
export const laptop: Viewport = { width: 1280, height: 800 };
export const phone: Viewport = { width: 360, height: 740 };

/**
 * For a browser test file: the shared Chromium (test/browser/global-setup.ts) and the app,
 * the shared one unless `appUrl` names another (a file that needs its own configuration).
 *
 * Every page is checked without the test asking, because the only way a test gets a page
 * is through `newContext` or `newPage`, and every context made there is watched: each page
 * in it (pages a test opens itself and pop-ups included) runs axe-core against WCAG 2.0 and
 * 2.1, levels A and AA, whenever it settles, before the test navigates away from it or
 * closes it, and once more when the test ends; and any Content-Security-Policy violation
 * is recorded. After each test its contexts are closed and the test fails with everything
 * found (page, rule, help, elements; or the blocked directive and address).
 */
export function appInChromium({ appUrl = () => inject("appUrl") }: { appUrl?: () => string | URL } = {}) {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  const url = (path: string) => new URL(path, appUrl()).href;
  const checks = new PageChecks(() => new URL(appUrl()).origin);

  beforeAll(async () => {
    browser = await chromium.connect(inject("chromiumEndpoint"));
  });
  afterEach(async () => {
    const open = contexts;
    contexts = [];
    try {
      await Promise.all(open.flatMap((context) => context.pages()).map((page) => checks.check(page)));
    } finally {
      await Promise.all(open.map((context) => context.close().catch(() => {})));
    }
    const found = checks.take();
    if (found.length > 0) {
      throw new Error(`The pages this test visited have problems:\n${found.map((f) => `- ${f}`).join("\n")}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  const newContext = async (viewport = laptop): Promise<BrowserContext> => {
    if (!browser) throw new Error("Chromium is connected in beforeAll");
    // Relative addresses (page.goto("/login")) are the app's.
    const context = await browser.newContext({ viewport, baseURL: url("/") });
    contexts.push(context);
    await checks.watch(context);
    return context;
  };

  return {
    /** An address of the app. */
    url,
    fetch: (path: string, init?: RequestInit) => fetch(url(path), init),
    /** A browser of its own for one person: no shared cookies or storage. */
    newContext,
    /** A page in a new context: one person, on a laptop unless given a phone's viewport. */
    newPage: async (viewport = laptop): Promise<Page> => (await newContext(viewport)).newPage(),
    /** Checks a page as it is now (after any check under way); what is found fails the test. */
    check: (page: Page) => checks.check(page),
    /** What the checks found so far, which then no longer fails the test: for test/browser/fixture.test.ts. */
    takeFindings: () => checks.take(),
  };
}
