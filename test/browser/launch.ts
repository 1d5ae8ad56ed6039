import { type Browser, chromium } from "playwright-core";
import { chromiumArgs, findChromium, howToGetChromium } from "./chromium";

/** The system's Chromium, headless. Fails with instructions where there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found.\n${howToGetChromium}`);
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}
