import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type RunningApp, startApp } from "../support/app";
import { chromiumArgs, findChromium, howToGetChromium } from "./chromium";

/** The system's Chromium, headless. Fails with instructions where there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found.\n${howToGetChromium}`);
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

/**
 * For a browser test file: the app in development mode and Chromium, started before the
 * file's tests and closed after them, with every browser context opened through
 * `newContext` (one per person: no shared cookies or storage).
 */
export function appInChromium() {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ devMode: true }), launchChromium()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the app is started in beforeAll");
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    /** A URL of the running app. */
    url: (path: string) => new URL(path, started(app).url).href,
    async newContext(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
      const context = await started(browser).newContext({ viewport });
      contexts.push(context);
      return context;
    },
  };
}
