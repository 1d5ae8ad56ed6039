import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { isEditable, type MotionState } from "../../worker/shared/motions";
import { roomStatus } from "./editor";
import { appInChromium, phone } from "./fixture";
import { logInAs } from "./pages";

const session = appInChromium();

/**
 * The head start (web/src/motions/headStart.ts) starts what a motion's page needs before the
 * app's own code runs: the page's chunks at once, and yjs, TipTap and a room token once the
 * motion's answer says its text is written live (docs/benchmarks.md, "motion-page"). To tell
 * its requests from the app's, the app's entry script is held back until the test lets it
 * go: whatever is requested meanwhile was asked for by the head start.
 */

const writerCode = /\/assets\/(DocumentEditor|createRoom|MotionWriter)-[\w-]+\.js$/;
const pageCode = /\/assets\/MotionPage-[\w-]+\.js$/;
const roomToken = /^\/api\/rooms\/[^/]+\/token$/;

/** Demo Cecilia Ahmadi's seeded motions in her branch: one written live, one no longer. */
async function cecilia(): Promise<{ page: Page; live: number; settled: number }> {
  const page = await session.newPage(phone);
  await logInAs(page, "Cecilia Ahmadi");
  const res = await page.request.get("/api/motions?group=branch:goteborg");
  const { motions } = (await res.json()) as { motions: { id: number; title: string; state: MotionState }[] };
  const live = motions.find((m) => m.title === "Fler bänkar längs älven" && m.state === "draft");
  const settled = motions.find((m) => !isEditable(m.state));
  if (!live || !settled) throw new Error("the demo data's Göteborg motions are missing");
  return { page, live: live.id, settled: settled.id };
}

/**
 * Opens `path` cold (the cache emptied) with the app's entry script held back until
 * `release()`; `requested` lists the paths the page asks for, in order.
 */
async function openWithEntryHeld(page: Page, path: string) {
  const requested: string[] = [];
  let release = () => {};
  const entryHeld = new Promise<void>((resolve) => {
    release = resolve;
  });
  const client = await page.context().newCDPSession(page);
  await client.send("Network.clearBrowserCache");
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route: Route) => {
    await entryHeld;
    await route.continue();
  });
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  const answer = page.waitForResponse((response) =>
    /^\/api\/motions\/\d+$/.test(new URL(response.url()).pathname),
  );
  await page.goto(path, { waitUntil: "commit" });
  await answer;
  return { requested, release };
}

describe("a motion's page opened cold", () => {
  it("asks for the page's code and, for a motion written live, yjs, TipTap and a room token before the app runs", async () => {
    const { page, live } = await cecilia();
    const { requested, release } = await openWithEntryHeld(page, `/motions/${live}`);
    await page.waitForRequest((request) => /\/assets\/DocumentEditor-[\w-]+\.js$/.test(request.url()), {
      timeout: 10_000,
    });
    await expect.poll(() => requested.filter((path) => writerCode.test(path)).length).toBe(3);
    expect(requested.some((path) => pageCode.test(path))).toBe(true);
    await expect
      .poll(() => requested.filter((path) => roomToken.test(path)))
      .toEqual([`/api/rooms/motion%3A${live}/token`]);
    release();
    await expect.poll(() => roomStatus(page)).toBe("Ansluten");
    // The room took that token rather than asking again.
    expect(requested.filter((path) => roomToken.test(path))).toHaveLength(1);
    await expect
      .poll(() => page.getByRole("textbox", { name: "Motivering" }).getAttribute("contenteditable"))
      .toBe("true");
  });

  it("asks for one room token when the app has run before the motion's answer comes", async () => {
    const { page, live } = await cecilia();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    let release = () => {};
    const answerHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/motions/${live}`, async (route: Route) => {
      await answerHeld;
      await route.continue();
    });
    await page.goto(`/motions/${live}`, { waitUntil: "commit" });
    // The app asks who is logged in once it runs: from then on its route waits on the same answer.
    await page.waitForRequest((request) => new URL(request.url()).pathname === "/api/me");
    release();
    await expect.poll(() => roomStatus(page)).toBe("Ansluten");
    expect(requested.filter((path) => roomToken.test(path))).toEqual([`/api/rooms/motion%3A${live}/token`]);
  });

  it("does not load yjs and TipTap nor ask for a token for a motion no longer written", async () => {
    const { page, settled } = await cecilia();
    const { requested, release } = await openWithEntryHeld(page, `/motions/${settled}`);
    // The head start decides as soon as the answer has come; give it ample time to be wrong.
    await page.waitForTimeout(500);
    expect(requested.some((path) => pageCode.test(path))).toBe(true);
    expect(requested.filter((path) => writerCode.test(path) || roomToken.test(path))).toEqual([]);
    release();
    await expect.poll(() => page.getByTestId("motion-reading").isVisible()).toBe(true);
    expect(requested.filter((path) => writerCode.test(path))).toEqual([]);
  });
});
