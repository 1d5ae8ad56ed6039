import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { startApp } from "../support/app";
import { chromiumArgs, findChromium, howToGetChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared app (development mode, demo data seeded), e.g. http://127.0.0.1:53211/ */
    appUrl: string;
    /** Where the shared Chromium listens for `chromium.connect`. */
    chromiumEndpoint: string;
  }
}

/**
 * The browser project's one app and one Chromium, started before its first file and shared
 * by all of them (test/browser/fixture.ts connects each file to them). Starting both per
 * file cost seconds per file, and every feature adds browser tests. The price is shared
 * data: a test uses its own documents and the demo people no other file changes.
 */
export default async function startAppAndChromium(project: TestProject) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found.\n${howToGetChromium}`);
  const [app, server] = await Promise.allSettled([
    startApp({ devMode: true }),
    chromium.launchServer({ executablePath, args: chromiumArgs, headless: true }),
  ]);
  const stop = async () => {
    await Promise.allSettled(
      [app, server].map((started) => started.status === "fulfilled" && started.value.close()),
    );
  };
  if (app.status === "rejected" || server.status === "rejected") {
    await stop();
    throw [app, server].find((started): started is PromiseRejectedResult => started.status === "rejected")
      ?.reason;
  }
  project.provide("appUrl", app.value.url.href);
  project.provide("chromiumEndpoint", server.value.wsEndpoint());
  return stop;
}
