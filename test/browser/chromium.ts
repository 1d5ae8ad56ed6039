import { existsSync } from "node:fs";

/** Where Chromium is found, in order. CHROMIUM_PATH wins, for machines that keep it elsewhere. */
const candidates = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export function findChromium(): string | undefined {
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

export const howToGetChromium = `Install one from your system's packages (Debian/Ubuntu: sudo apt-get install chromium),
or point CHROMIUM_PATH at a Chrome or Chromium binary. Never 'npx playwright install':
no browser downloads are needed or wanted.`;

/**
 * Flags for a quiet, headless Chromium on a machine without internet: without the
 * background-networking ones it keeps trying to reach Google's hosts.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
