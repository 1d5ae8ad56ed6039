import { spawnSync } from "node:child_process";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { chromiumArgs, findChromium, howToGetChromium } from "../../browser/chromium";
import { type RunningApp, startApp } from "../../support/app";
import { repoRoot } from "../../support/workerd";
import { median } from "../lib/harness";
import { loadAverage, ms, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { pinWorkerd } from "./login-timing";

/**
 * Issue 9: the motion page on a mid-range phone. The production build of the web app
 * (`vite build`) served by the real Worker (wrangler's harness, development mode for the demo
 * log-in, workerd moved to the servers' core) and opened in the system's Chromium
 * (playwright-core, headless, on this process's core) with DevTools' emulation:
 *
 * - CPU: `Emulation.setCPUThrottlingRate` 4 (4× slower than this machine's core).
 * - Network: "slow 3G" as the issue gives it, `Network.emulateNetworkConditions` with 400 ms
 *   latency (added to every request's round trip) and 400 kbit/s (50,000 bytes/s) each way.
 *   DevTools' own "Slow 3G" preset applies the same throughput with 2,000 ms (400 ms × 5,
 *   its request-level adjustment): not what is measured here. Each slow-3G open takes turns
 *   with one on Lighthouse's mobile figures (below), reported as a reference without a target.
 * - A phone's viewport (360 × 740).
 *
 * Each run is a cold open: a new browser context, logged in as demo Cecilia Ahmadi on the log-in
 * page in a page of its own, its cache then emptied (Network.clearBrowserCache) and that page
 * closed; then `/motions/<id>` of her seeded draft "Fler bänkar längs älven" in a new page.
 *
 * "Editable" is the first moment, from navigation start (the page's performance.timeOrigin),
 * at which the motivation is contenteditable AND the room reports "connected" (which it does
 * once synced): in the first editor (web/src/motions/first, drawn from the live document before
 * TipTap arrives) or in TipTap's, whichever is first. Observed in the page by a MutationObserver
 * installed before any of the app's scripts, so no polling delay is counted. "Full editor" is
 * when TipTap's motivation is contenteditable. Each run then types a character into the
 * motivation at once and records when it appears there, and when it shows in TipTap's editor
 * after the hand-over (kept, not typed again): the state was truly editable and nothing typed
 * in the first editor is lost.
 *
 * JavaScript: every response Chromium classes as a script during the open, its body gzipped
 * by Node's zlib at level 9 (the target's measure), beside the bytes actually transferred (the
 * local server compresses with gzip itself: `content-encoding` is reported) and brotli's size
 * (Cloudflare sends brotli to a browser that accepts it; Chromium offers it over HTTPS only). The median run's
 * requests, with start and end, show where the time goes.
 */
const runs = 5;
const targetMs = 2500;
const targetJsBytes = 200 * 1024;
type Network = { latency: number; downloadThroughput: number; uploadThroughput: number };
const slow3g: Network = { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
/**
 * A reference: Lighthouse's mobile figures as they stand (150 ms, 1.6 Mbit/s down, 750 kbit/s
 * up; Lighthouse's own DevTools throttling applies 562.5 ms and 90 % of those rates).
 */
const slow4g: Network = { latency: 150, downloadThroughput: 204_800, uploadThroughput: 93_750 };
const phone = { width: 360, height: 740 };
const motionTitle = "Fler bänkar längs älven";
const typed = "¤";

interface Script {
  url: string;
  bytes: number;
  gzip9: number;
  /** Brotli at its highest quality (11, as a build would precompress) and at 5 (a fast on-the-fly level). */
  brotli11: number;
  brotli5: number;
  transferred: number;
  encoding: string;
}

interface Request {
  name: string;
  /** ms from the document's request. */
  start: number;
  end: number;
  /** Bytes on the wire. */
  bytes: number;
}

interface Open {
  editableMs: number;
  fullEditorMs: number;
  typedMs: number;
  /** When the typed character showed in TipTap's motivation. */
  keptMs: number;
  scripts: Script[];
  waterfall: Request[];
}

declare global {
  interface Window {
    __motionEditableAt?: number;
    __fullEditorAt?: number;
    __typedAt?: number;
    __keptAt?: number;
  }
}

/** The id of demo Cecilia's seeded draft, as she sees it in her branch's list. */
async function seededDraft(app: RunningApp): Promise<number> {
  const login = await app.fetch("/api/dev/login-as", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId: "demo-cecilia" }),
  });
  const session = /__Host-samtal_session=([^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")?.[1];
  if (!session) throw new Error(`log-in as demo Cecilia: HTTP ${login.status}, no session`);
  const res = await app.fetch("/api/motions?group=branch:goteborg", {
    headers: { Cookie: `__Host-samtal_session=${session}` },
  });
  const list = (await res.json()) as { motions: { id: number; title: string; state: string }[] };
  const draft = list.motions.find((m) => m.title === motionTitle && m.state === "draft");
  if (!draft) throw new Error(`the seeded draft "${motionTitle}" is missing`);
  return draft.id;
}

/**
 * Records, in the page, when the motivation becomes editable (see the top of this file). No
 * named functions inside: tsx keeps names by wrapping them in a `__name` helper the page lacks.
 */
function watchEditable() {
  if (!location.pathname.startsWith("/motions/")) return;
  new MutationObserver(() => {
    const full = document.querySelector('[data-testid="motion-motivation-editor"] [contenteditable="true"]');
    const first = document.querySelector('[data-first-field="motivation"][contenteditable="true"]');
    const connected = document.querySelector('.room-status[data-status="connected"]');
    const now = performance.now();
    if (window.__motionEditableAt === undefined && (full || first) && connected)
      window.__motionEditableAt = now;
    if (window.__fullEditorAt === undefined && full && connected) window.__fullEditorAt = now;
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["contenteditable", "data-status"],
  });
}

/**
 * What the page's DevTools session sees of the network: every request's start and end (in
 * ms from the document's request, roughly navigation start) and bytes on the wire, the
 * WebSocket's handshake, and the scripts' bodies.
 */
function recordNetwork(cdp: CDPSession) {
  const requests = new Map<string, Request & { type: string; encoding: string }>();
  let origin: number | undefined;
  const at = (timestamp: number) => timestamp * 1000 - (origin ?? timestamp * 1000);
  const begin = (requestId: string, name: string, timestamp: number, type = "") =>
    requests.set(requestId, {
      name,
      start: at(timestamp),
      end: Number.NaN,
      bytes: 0,
      type,
      encoding: "none",
    });
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.type === "Document") origin ??= event.timestamp * 1000;
    begin(event.requestId, `${event.request.method} ${new URL(event.request.url).pathname}`, event.timestamp);
  });
  cdp.on("Network.responseReceived", (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.type = event.type;
    const encoding = Object.entries(event.response.headers).find(
      ([k]) => k.toLowerCase() === "content-encoding",
    );
    request.encoding = encoding ? String(encoding[1]) : "none";
  });
  cdp.on("Network.loadingFinished", (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.end = at(event.timestamp);
    request.bytes = event.encodedDataLength;
  });
  cdp.on("Network.webSocketWillSendHandshakeRequest", (event) => {
    begin(event.requestId, "WebSocket to the room", event.timestamp, "WebSocket");
  });
  cdp.on("Network.webSocketHandshakeResponseReceived", (event) => {
    const request = requests.get(event.requestId);
    if (request) request.end = at(event.timestamp);
  });
  return {
    waterfall: (): Request[] =>
      [...requests.values()]
        .sort((a, b) => a.start - b.start)
        .map(({ name, start, end, bytes }) => ({ name, start, end, bytes })),
    scripts: async (): Promise<Script[]> =>
      Promise.all(
        [...requests]
          .filter(([, request]) => request.type === "Script")
          .map(async ([requestId, request]) => {
            const { body, base64Encoded } = await cdp.send("Network.getResponseBody", { requestId });
            const bytes = Buffer.from(body, base64Encoded ? "base64" : "utf8");
            return {
              url: request.name.replace(/^GET /, ""),
              encoding: request.encoding,
              transferred: request.bytes,
              bytes: bytes.length,
              gzip9: gzipSync(bytes, { level: 9 }).length,
              brotli11: brotli(bytes, 11),
              brotli5: brotli(bytes, 5),
            };
          }),
      ),
  };
}

/**
 * Logs in as demo Cecilia with the log-in page's "Logga in som" button (development mode) in a
 * page of its own, then empties the context's cache and closes that page: the measured open
 * starts with the session cookie and nothing else.
 */
async function logIn(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/login");
  await page
    .getByTestId("demo-login")
    .getByRole("button", { name: /^Cecilia Ahmadi\b/ })
    .click();
  await page.waitForURL(/\/me$/);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await page.close();
}

/** One cold open; `conditions` undefined: no emulation at all (nor of the CPU). */
async function openCold(browser: Browser, app: RunningApp, path: string, conditions?: Network) {
  const context = await browser.newContext({ viewport: phone, baseURL: app.url.href });
  try {
    await context.addInitScript(watchEditable);
    await logIn(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const network = recordNetwork(cdp);
    if (conditions) {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...conditions });
    }
    await page.goto(path, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__motionEditableAt !== undefined, null, {
      timeout: 60_000,
      polling: 100,
    });
    const { typedMs, keptMs } = await typeOne(page);
    const open: Open = {
      editableMs: await page.evaluate(() => window.__motionEditableAt as number),
      fullEditorMs: await page.evaluate(() => window.__fullEditorAt as number),
      typedMs,
      keptMs,
      scripts: await network.scripts(),
      waterfall: network.waterfall(),
    };
    return open;
  } finally {
    await context.close();
  }
}

/** The motivation as it is editable now: the first editor's until TipTap's has taken over. */
const editableMotivation =
  '[data-testid="motion-motivation-editor"] [contenteditable="true"], [data-first-field="motivation"][contenteditable="true"]';

/**
 * Types one character into the motivation as soon as it is editable; when (from navigation
 * start) it appears there, and when it shows in TipTap's editor (after the hand-over, if it was
 * typed in the first editor).
 */
async function typeOne(page: Page): Promise<{ typedMs: number; keptMs: number }> {
  const motivation = page.locator(editableMotivation).first();
  await page.evaluate((char) => {
    new MutationObserver((_, observer) => {
      const now = performance.now();
      const anywhere = [
        ...document.querySelectorAll(
          '[data-testid="motion-motivation-editor"] .ProseMirror, [data-first-field="motivation"]',
        ),
      ];
      if (window.__typedAt === undefined && anywhere.some((e) => e.textContent?.includes(char)))
        window.__typedAt = now;
      const full = document.querySelector('[data-testid="motion-motivation-editor"] .ProseMirror');
      if (full?.textContent?.includes(char)) {
        window.__keptAt = now;
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, typed);
  await motivation.click();
  await page.keyboard.press("End");
  await page.keyboard.type(typed);
  await page.waitForFunction(() => window.__keptAt !== undefined, null, { timeout: 60_000, polling: 100 });
  return page.evaluate(() => ({ typedMs: window.__typedAt as number, keptMs: window.__keptAt as number }));
}

const brotli = (bytes: Buffer, quality: number) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const chunkName = (path: string) => path.replace(/\/assets\//, "");

function printRequests(which: string, open: Open, network = slow3g) {
  const wire = open.waterfall.reduce((sum, r) => sum + r.bytes, 0);
  console.log(
    `\nRequests of ${which} (ms from the document's request; editable at ${ms(open.editableMs)}); ` +
      `${kb(wire)} on the wire in all, ${ms((wire / network.downloadThroughput) * 1000)} at ${(network.downloadThroughput * 8) / 1000} kbit/s alone:\n`,
  );
  console.log(
    table(
      ["request", "start", "end", "on the wire"],
      open.waterfall.map((r) => [chunkName(r.name), ms(r.start), ms(r.end), kb(r.bytes)]),
    ),
  );
}

function row(name: string, opens: Open[], of: (values: number[]) => number): string[] {
  const figure = (pick: (o: Open) => number) => ms(of(opens.map(pick)));
  return [
    name,
    figure((o) => o.editableMs),
    figure((o) => o.typedMs),
    figure((o) => o.fullEditorMs),
    figure((o) => o.keptMs),
  ];
}

function report(opens: Open[], unthrottled: Open, on4g: Open[]) {
  const editable = opens.map((o) => o.editableMs);
  console.log(
    table(
      ["run", "editable", "typed character shown", "full editor (TipTap)", "typed character in TipTap"],
      [
        ...opens.map((o, i) => [
          String(i + 1),
          ms(o.editableMs),
          ms(o.typedMs),
          ms(o.fullEditorMs),
          ms(o.keptMs),
        ]),
        row("median", opens, median),
        row("max", opens, (values) => Math.max(...values)),
        row("4x CPU, Lighthouse's mobile figures: median (reference)", on4g, median),
        row("no emulation (reference)", [unthrottled], median),
      ],
    ),
  );
  const scripts = [...(opens[0]?.scripts ?? [])].sort((a, b) => b.gzip9 - a.gzip9);
  const total = (f: (s: Script) => number) => scripts.reduce((sum, s) => sum + f(s), 0);
  const encodings = [...new Set(scripts.map((s) => s.encoding))].join(", ");
  console.log(
    `\nJavaScript loaded by the open: ${scripts.length} scripts, ${kb(total((s) => s.bytes))} as served, ` +
      `${kb(total((s) => s.gzip9))} gzipped (zlib level 9); ${kb(total((s) => s.transferred))} transferred ` +
      `(content-encoding: ${encodings}); with brotli, as Cloudflare sends to browsers that take it: ` +
      `${kb(total((s) => s.brotli11))} at quality 11, ${kb(total((s) => s.brotli5))} at 5.\n`,
  );
  console.log(
    table(
      ["script", "bytes", "gzip -9", "brotli 11"],
      scripts.map((s) => [chunkName(s.url), kb(s.bytes), kb(s.gzip9), kb(s.brotli11)]),
    ),
  );
  // Where the time went: the median run's requests, and the slowest run's when it stands out.
  const typical = opens.find((o) => o.editableMs === median(editable));
  const slowest = opens.find((o) => o.editableMs === Math.max(...editable));
  if (typical) printRequests("the median run", typical);
  if (slowest && slowest.editableMs > 1.5 * median(editable)) printRequests("the slowest run", slowest);
  // On the faster reference link the CPU, not the bytes, sets the pace: its order differs.
  const typical4g = on4g.find((o) => o.editableMs === median(on4g.map((o4g) => o4g.editableMs)));
  if (typical4g)
    printRequests("the median run on Lighthouse's mobile figures (reference)", typical4g, slow4g);
  console.log(
    `\n4x CPU, ${slow3g.latency} ms latency, ${(slow3g.downloadThroughput * 8) / 1000} kbit/s each way, ` +
      `${phone.width}x${phone.height}; ${runs} cold opens, each in a new context; ${loadAverage()}.`,
  );
  console.log(
    verdicts([
      {
        what: `editable (median of ${runs}) <= ${ms(targetMs)}`,
        value: `${ms(median(editable))} (max ${ms(Math.max(...editable))})`,
        pass: median(editable) <= targetMs,
      },
      {
        what: "JavaScript loaded (gzip) <= 200 KB",
        value: kb(total((s) => s.gzip9)),
        pass: total((s) => s.gzip9) <= targetJsBytes,
      },
    ]),
  );
}

async function run(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found.\n${howToGetChromium}`);
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("vite build failed");
  const app = await startApp({ devMode: true });
  let browser: Browser | undefined;
  try {
    const pinned = pinWorkerd();
    console.log(
      pinned.length ? `workerd (pid ${pinned.join(", ")}) on the servers' core.` : "workerd not pinned.",
    );
    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const path = `/motions/${await seededDraft(app)}`;
    // The room's first open (a new Durable Object, the document loaded) is not the phone's.
    const unthrottled = await openCold(browser, app, path);
    const opens: Open[] = [];
    const on4g: Open[] = [];
    for (let i = 0; i < runs; i++) {
      opens.push(await openCold(browser, app, path, slow3g));
      on4g.push(await openCold(browser, app, path, slow4g));
    }
    report(opens, unthrottled, on4g);
  } finally {
    await browser?.close();
    await app.close();
  }
}

export const motionPageScenarios: Record<string, Scenario> = {
  "motion-page": {
    description: `a motion's page opened cold in Chromium with 4x CPU and slow 3G: editable <= ${targetMs / 1000} s, JavaScript <= 200 KB gzipped`,
    run,
  },
};
