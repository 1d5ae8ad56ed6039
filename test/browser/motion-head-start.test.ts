import type { Page, Route, WebSocket } from "playwright-core";
import { describe, expect, it } from "vitest";
import { isEditable, type MotionState } from "../../worker/shared/motions";
import { roomStatus, textOf } from "./editor";
import { appInChromium, phone } from "./fixture";
import { logInAs } from "./pages";

const session = appInChromium();

/**
 * A motion's page opened cold: the Worker writes the motion (and for a text written live, a
 * room token) into the HTML (worker/motions/page.ts), and the page's head start
 * (web/src/motions/headStart.ts) opens the room and draws the first editor
 * (web/src/motions/first) before the app's own code has come (docs/benchmarks.md,
 * "motion-page"). To see what happens before the app runs, the app's entry script is held
 * back until the test lets it go.
 */

const writerCode = /\/assets\/(DocumentEditor|MotionWriter)-[\w-]+\.js$/;
const firstCode = /\/assets\/firstEditor-[\w-]+\.js$/;
const roomToken = /^\/api\/rooms\/[^/]+\/token$/;
const motionAnswer = /^\/api\/motions\/\d+$/;

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
  await page.goto(path, { waitUntil: "commit" });
  return { requested, release };
}

const firstMotivation = (page: Page) => page.locator('[data-first-field="motivation"]');
const fullMotivation = (page: Page) => page.getByTestId("motion-motivation-editor").locator(".ProseMirror");

describe("a motion's page opened cold", () => {
  it("is written in the first editor before the app runs, and the full editor goes on from there", async () => {
    const { page, live } = await cecilia();
    const { requested, release } = await openWithEntryHeld(page, `/motions/${live}`);
    await expect.poll(() => firstMotivation(page).getAttribute("contenteditable")).toBe("true");
    await expect.poll(() => roomStatus(page)).toBe("Ansluten");
    // The motion and its token came with the HTML; the first editor's code, not TipTap's, was fetched.
    expect(requested.filter((path) => motionAnswer.test(path) || roomToken.test(path))).toEqual([]);
    // The first editor's code first: TipTap's starts only once it is here.
    const tiptap = requested.findIndex((path) => /\/assets\/DocumentEditor-/.test(path));
    expect(requested.findIndex((path) => firstCode.test(path))).toBeGreaterThanOrEqual(0);
    expect(tiptap === -1 || tiptap > requested.findIndex((path) => firstCode.test(path))).toBe(true);
    await expect(page.getByRole("textbox", { name: "Motivering" }).textContent()).resolves.toContain(
      "Längs älvstranden",
    );
    await session.check(page);

    // Typing goes straight into the live document: someone else sees it before the app has run.
    const other = await session.newPage(phone);
    await logInAs(other, "Cecilia Ahmadi");
    await other.goto(`/motions/${live}`);
    await firstMotivation(page).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Skrivet tidigt.");
    // What needs the full editor waits for it: no new paragraph, no formatting.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" Samma stycke.");
    // Pasted text comes in as plain text on the same line (as the browser's paste event carries it).
    await firstMotivation(page).evaluate((field) => {
      const data = new DataTransfer();
      data.setData("text/plain", " Klistrat\nin.");
      field.dispatchEvent(
        new InputEvent("beforeinput", { inputType: "insertFromPaste", dataTransfer: data, cancelable: true }),
      );
    });
    await expect
      .poll(() => textOf(fullMotivation(other)))
      .toContain("äldre. Skrivet tidigt. Samma stycke. Klistrat in.");
    expect(await fullMotivation(other).locator("p").count()).toBe(1);
    expect(await fullMotivation(other).locator("strong").count()).toBe(0);

    // The app comes: TipTap takes over the same document and connection, where she was typing.
    release();
    await fullMotivation(page).waitFor();
    await expect.poll(() => page.getByTestId("first-editor").count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains("ProseMirror")))
      .toBe(true);
    await page.keyboard.type(" Sen.");
    await expect.poll(() => textOf(fullMotivation(other))).toContain("Klistrat in. Sen.");
    // One connection all along: the room's token was never asked for again.
    expect(requested.filter((path) => roomToken.test(path))).toEqual([]);
    expect(requested.some((path) => writerCode.test(path))).toBe(true);
  });

  it("starts the app and its own room connection when the first editor's code does not come", async () => {
    const { page, live } = await cecilia();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const sockets: WebSocket[] = [];
    page.on("websocket", (socket) => sockets.push(socket));
    await page.route(firstCode, (route: Route) => route.abort());
    await page.goto(`/motions/${live}`);
    await expect.poll(() => fullMotivation(page).getAttribute("contenteditable")).toBe("true");
    await expect.poll(() => roomStatus(page)).toBe("Ansluten");
    expect(await page.getByTestId("first-editor").count()).toBe(0);
    // The page's token opened the head start's socket, closed since: the writer asked for its own.
    expect(requested.filter((path) => roomToken.test(path))).toEqual([`/api/rooms/motion%3A${live}/token`]);
    await expect.poll(() => sockets.filter((socket) => !socket.isClosed()).length).toBe(1);
    expect(sockets).toHaveLength(2);
    await fullMotivation(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Utan första redigeraren.");
    await expect.poll(() => textOf(fullMotivation(page))).toContain("Utan första redigeraren.");
  });

  it("shows a motion no longer written without yjs, TipTap or a token", async () => {
    const { page, settled } = await cecilia();
    const { requested, release } = await openWithEntryHeld(page, `/motions/${settled}`);
    await page.waitForTimeout(500);
    expect(await page.getByTestId("first-editor").count()).toBe(0);
    release();
    await expect.poll(() => page.getByTestId("motion-reading").isVisible()).toBe(true);
    expect(
      requested.filter(
        (path) =>
          writerCode.test(path) || firstCode.test(path) || roomToken.test(path) || motionAnswer.test(path),
      ),
    ).toEqual([]);
  });
});
