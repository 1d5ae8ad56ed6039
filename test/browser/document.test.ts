import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { RoomMode, RoomTokenResponse } from "../../worker/shared/rooms";
import {
  caretNames,
  editor,
  editorText,
  joinDocument,
  presentNames,
  roomStatus as status,
  typeAtEnd,
} from "./editor";
import { appInChromium, phone, type Viewport } from "./fixture";
import { logInAs, sidewaysOverflow } from "./pages";

const session = appInChromium();

/** A fresh document per test, so tests do not see each other's text. */
const newDocumentId = (() => {
  let n = 0;
  return () => `scratch:browser-${Date.now().toString(36)}-${++n}`;
})();

/** A demo person, logged in in her own browser, in the document. */
async function member(name: string, documentId: string, viewport?: Viewport): Promise<Page> {
  const page = await session.newPage(viewport);
  await logInAs(page, name);
  await joinDocument(page, documentId);
  return page;
}

describe("a shared document in the browser", () => {
  it("shows each member the other's text, named caret and presence, on a phone too", async () => {
    // The demo document: no other test writes in it.
    const elin = await member("Elin Johansson", "scratch:demo", phone);
    const cecilia = await member("Cecilia Ahmadi", "scratch:demo");
    await expect.poll(() => status(elin)).toBe("Ansluten");
    await expect.poll(() => status(cecilia)).toBe("Ansluten");
    expect(await editor(elin).getAttribute("aria-label")).toBe("Dokumentets text");

    await typeAtEnd(elin, "Hej från Elin.");
    await expect.poll(() => editorText(cecilia)).toBe("Hej från Elin.");
    await typeAtEnd(cecilia, " Och Cecilia.");
    await expect.poll(() => editorText(elin)).toBe("Hej från Elin. Och Cecilia.");
    await expect.poll(() => editorText(cecilia)).toBe("Hej från Elin. Och Cecilia.");

    // The names come from their sessions.
    await expect.poll(() => caretNames(elin)).toEqual(["Cecilia Ahmadi"]);
    await expect.poll(() => caretNames(cecilia)).toEqual(["Elin Johansson"]);
    await expect.poll(() => presentNames(elin)).toEqual(["Elin Johansson (du)", "Cecilia Ahmadi"]);
    await expect.poll(() => presentNames(cecilia)).toEqual(["Cecilia Ahmadi (du)", "Elin Johansson"]);
    // Nothing (a name label near the edge included) makes the phone scroll sideways.
    expect(await sidewaysOverflow(elin)).toBeLessThanOrEqual(0);
  });

  it("formats with the toolbar, on a phone too: bold pressed there is <strong> for the other", async () => {
    const documentId = newDocumentId();
    const elin = await member("Elin Johansson", documentId, phone);
    const cecilia = await member("Cecilia Ahmadi", documentId);
    await expect.poll(() => status(elin)).toBe("Ansluten");
    const toolbar = elin.getByRole("toolbar", { name: "Textformat: Dokumentets text" });
    const bold = toolbar.getByRole("button", { name: "Fetstil" });
    await typeAtEnd(elin, "Vanlig ");
    expect(await bold.getAttribute("aria-pressed")).toBe("false");
    await bold.click();
    expect(await bold.getAttribute("aria-pressed")).toBe("true");
    await elin.keyboard.type("fet");
    await expect.poll(() => ownTextOf(cecilia, "strong")).toBe("fet");
    await expect.poll(() => editorText(cecilia)).toBe("Vanlig fet");

    // Reached from the keyboard: one Tab stop, the arrow keys move along it.
    await toolbar.getByRole("button", { name: "Rubrik" }).focus();
    await elin.keyboard.press("End");
    await elin.keyboard.press("ArrowLeft");
    await expect.poll(() => elin.evaluate(() => document.activeElement?.textContent)).toBe("Numrerad lista");
    await elin.keyboard.press("Enter");
    await expect.poll(() => ownTextOf(cecilia, "ol > li")).toBe("Vanlig fet");
    expect(await sidewaysOverflow(elin)).toBeLessThanOrEqual(0);
  });

  it("keeps what is typed offline and sends it on reconnect", async () => {
    const documentId = newDocumentId();
    const elin = await member("Elin Johansson", documentId);
    const cecilia = await member("Cecilia Ahmadi", documentId);
    await typeAtEnd(elin, "Före.");
    await expect.poll(() => editorText(cecilia)).toBe("Före.");
    await expect.poll(() => caretNames(cecilia)).toEqual(["Elin Johansson"]);

    await elin.context().setOffline(true);
    await expect.poll(() => status(elin)).toMatch(/^Offline – dina ändringar sparas/);
    // Cecilia no longer sees Elin: the room noticed she left.
    await expect.poll(() => presentNames(cecilia)).toEqual(["Cecilia Ahmadi (du)"]);
    await typeAtEnd(elin, " Skrivet offline.");
    expect(await editorText(elin)).toBe("Före. Skrivet offline.");
    expect(await editorText(cecilia)).toBe("Före.");

    await elin.context().setOffline(false);
    await expect.poll(() => status(elin)).toBe("Ansluten");
    await expect.poll(() => editorText(cecilia)).toBe("Före. Skrivet offline.");
    // Presence comes back too, caret and all.
    await expect.poll(() => presentNames(cecilia)).toEqual(["Cecilia Ahmadi (du)", "Elin Johansson"]);
    await expect.poll(() => caretNames(cecilia)).toEqual(["Elin Johansson"]);
  });

  it("makes the editor read-only for a reader", async () => {
    const documentId = newDocumentId();
    const elin = await member("Elin Johansson", documentId);
    await typeAtEnd(elin, "Bara för läsning.");
    // Every member may write a scratch document: the reader's session token is swapped for a
    // read-only one from the development endpoint, so that the room (not the page) decides.
    const reader = await session.newPage();
    await logInAs(reader, "David Nilsson");
    await answerTokenRequests(reader, () => devToken(documentId, "David Nilsson", "read"));
    await joinDocument(reader, documentId);
    await expect.poll(() => editorText(reader)).toBe("Bara för läsning.");
    await expect.poll(() => editor(reader).getAttribute("contenteditable")).toBe("false");
    expect(await reader.getByTestId("read-only-notice").textContent()).toBe(
      "Du kan bara läsa det här dokumentet.",
    );
    expect(await status(reader)).toBe("Ansluten");
    expect(await reader.getByRole("toolbar").count()).toBe(0);
  });

  it("fetches a new token at once when the room says the last one expired", async () => {
    const documentId = newDocumentId();
    const page = await session.newPage();
    await logInAs(page, "Astrid Lindqvist");
    // The first token is already expired when it reaches the room; the next is her session's own.
    const answered = await answerTokenRequests(page, (request) =>
      request === 1 ? devToken(documentId, "Astrid Lindqvist", "write", -60) : undefined,
    );
    await joinDocument(page, documentId);
    await expect.poll(() => status(page)).toBe("Ansluten");
    expect(answered()).toBe(2);
  });

  it("stops and says why when the room refuses the token, without retrying", async () => {
    const page = await session.newPage();
    await logInAs(page, "Elin Johansson");
    let requests = 0;
    await page.route("**/api/rooms/*/token", async (route) => {
      requests++;
      const response = await route.fetch();
      const body = { ...(await response.json()), token: "not-a-valid-token" };
      await route.fulfill({ response, json: body });
    });
    await joinDocument(page, newDocumentId());
    await expect
      .poll(() => status(page))
      .toBe("Din behörighet till dokumentet kunde inte bekräftas. Ladda om sidan.");
    await page.waitForTimeout(1500);
    expect(requests).toBe(1);
    expect(await editor(page).getAttribute("contenteditable")).toBe("false");
  });

  it("asks someone who is not logged in to log in, and brings her back to the document", async () => {
    const documentId = newDocumentId();
    const page = await session.newPage();
    const asked = await answerTokenRequests(page, () => undefined);
    await page.goto(`/documents/${documentId}`);
    const prompt = page.getByTestId("document-login");
    await expect.poll(() => prompt.textContent()).toMatch(/Logga in för att läsa och skriva/);
    expect(await editor(page).count()).toBe(0);
    expect(await page.getByRole("textbox").count()).toBe(0);
    expect(asked()).toBe(0);

    await prompt.getByRole("link", { name: "Logga in" }).click();
    await page
      .getByTestId("demo-login")
      .getByRole("button", { name: /^Elin Johansson\b/ })
      .click();
    await expect.poll(() => page.url()).toBe(session.url(`/documents/${documentId}`));
    await expect.poll(() => status(page)).toBe("Ansluten");
    expect(await page.getByTestId("document-you").textContent()).toBe("Andra ser dig som Elin Johansson.");
    expect(asked()).toBe(1);
  });
});

/** The text of the first element matching `selector` in the editor, without other people's carets. */
const ownTextOf = (page: Page, selector: string) =>
  editor(page).evaluate((root, selector) => {
    const found = root.querySelector(selector)?.cloneNode(true) as HTMLElement | undefined;
    for (const caret of found?.querySelectorAll(".collaboration-carets__caret") ?? []) caret.remove();
    return found?.textContent ?? null;
  }, selector);

/** A development token (POST /api/dev/room-token), for what a session's token never is. */
async function devToken(
  documentId: string,
  name: string,
  mode: RoomMode,
  ttlSeconds?: number,
): Promise<RoomTokenResponse> {
  const res = await session.fetch("/api/dev/room-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ documentId, name, mode, ttlSeconds }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as RoomTokenResponse;
}

/**
 * Answers the page's session token requests (`POST /api/rooms/:id/token`) with what `answer`
 * gives for the nth request, or lets the request through when it gives nothing. Returns
 * how many were made.
 */
async function answerTokenRequests(
  page: Page,
  answer: (request: number) => Promise<RoomTokenResponse> | undefined,
): Promise<() => number> {
  let requests = 0;
  await page.route("**/api/rooms/*/token", async (route) => {
    const token = answer(++requests);
    if (token) await route.fulfill({ json: await token });
    else await route.continue();
  });
  return () => requests;
}
