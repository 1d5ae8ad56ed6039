import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { caretNames, editor, editorText, roomStatus as status } from "./editor";
import { appInChromium } from "./launch";

const session = appInChromium();

/** A fresh document per test, so tests do not see each other's text. */
const newDocumentId = (() => {
  let n = 0;
  return () => `scratch:browser-${Date.now().toString(36)}-${++n}`;
})();

/** One person in their own browser context (no shared storage), on the document's page. */
async function open(
  documentId: string,
  search = "",
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.newContext(viewport);
  const page = await context.newPage();
  await page.goto(new URL(`/documents/${documentId}${search}`, session.app.url).href);
  return { context, page };
}

async function join(
  documentId: string,
  name: string,
  search = "",
  viewport?: { width: number; height: number },
) {
  const person = await open(documentId, search, viewport);
  await person.page.getByLabel("Ditt namn").fill(name);
  await person.page.getByRole("button", { name: "Gå med" }).click();
  await editor(person.page).waitFor();
  return person;
}

const presentNames = (page: Page) => page.getByTestId("presence").getByRole("listitem").allTextContents();

async function typeAtEnd(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

describe("a shared document in the browser", () => {
  it("shows each person the other's text, named caret and presence, on a phone too", async () => {
    const documentId = newDocumentId();
    const anna = await join(documentId, "Anna Andersson", "", { width: 360, height: 740 });
    const bo = await join(documentId, "Bo Ek");
    await expect.poll(() => status(anna.page)).toBe("Ansluten");
    await expect.poll(() => status(bo.page)).toBe("Ansluten");
    expect(await editor(anna.page).getAttribute("aria-label")).toBe("Dokumentets text");

    await typeAtEnd(anna.page, "Hej från Anna.");
    await expect.poll(() => editorText(bo.page)).toBe("Hej från Anna.");
    await typeAtEnd(bo.page, " Och Bo.");
    await expect.poll(() => editorText(anna.page)).toBe("Hej från Anna. Och Bo.");
    await expect.poll(() => editorText(bo.page)).toBe("Hej från Anna. Och Bo.");

    await expect.poll(() => caretNames(anna.page)).toEqual(["Bo Ek"]);
    await expect.poll(() => caretNames(bo.page)).toEqual(["Anna Andersson"]);
    await expect.poll(() => presentNames(anna.page)).toEqual(["Anna Andersson (du)", "Bo Ek"]);
    await expect.poll(() => presentNames(bo.page)).toEqual(["Bo Ek (du)", "Anna Andersson"]);
    // Nothing (a name label near the edge included) makes the phone scroll sideways.
    const overflow = await anna.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("keeps what is typed offline and sends it on reconnect", async () => {
    const documentId = newDocumentId();
    const anna = await join(documentId, "Anna Andersson");
    const bo = await join(documentId, "Bo Ek");
    await typeAtEnd(anna.page, "Före.");
    await expect.poll(() => editorText(bo.page)).toBe("Före.");
    await expect.poll(() => caretNames(bo.page)).toEqual(["Anna Andersson"]);

    await anna.context.setOffline(true);
    await expect.poll(() => status(anna.page)).toMatch(/^Offline – dina ändringar sparas/);
    // Bo no longer sees Anna: the room noticed she left.
    await expect.poll(() => presentNames(bo.page)).toEqual(["Bo Ek (du)"]);
    await typeAtEnd(anna.page, " Skrivet offline.");
    expect(await editorText(anna.page)).toBe("Före. Skrivet offline.");
    expect(await editorText(bo.page)).toBe("Före.");

    await anna.context.setOffline(false);
    await expect.poll(() => status(anna.page)).toBe("Ansluten");
    await expect.poll(() => editorText(bo.page)).toBe("Före. Skrivet offline.");
    // Presence comes back too, caret and all.
    await expect.poll(() => presentNames(bo.page)).toEqual(["Bo Ek (du)", "Anna Andersson"]);
    await expect.poll(() => caretNames(bo.page)).toEqual(["Anna Andersson"]);
  });

  it("makes the editor read-only for a reader", async () => {
    const documentId = newDocumentId();
    const anna = await join(documentId, "Anna Andersson");
    await typeAtEnd(anna.page, "Bara för läsning.");
    const reader = await join(documentId, "Läsaren", "?mode=read");
    await expect.poll(() => editorText(reader.page)).toBe("Bara för läsning.");
    await expect.poll(() => editor(reader.page).getAttribute("contenteditable")).toBe("false");
    expect(await reader.page.getByTestId("read-only-notice").textContent()).toBe(
      "Du kan bara läsa det här dokumentet.",
    );
    expect(await status(reader.page)).toBe("Ansluten");
  });

  it("fetches a new token at once when the room says the last one expired", async () => {
    const { page } = await open(newDocumentId());
    let requests = 0;
    await page.route("**/api/dev/room-token", async (route) => {
      requests++;
      // The first token is already expired when it reaches the room.
      const body = { ...route.request().postDataJSON(), ...(requests === 1 ? { ttlSeconds: -60 } : {}) };
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByLabel("Ditt namn").fill("Anna");
    await page.getByRole("button", { name: "Gå med" }).click();
    await expect.poll(() => status(page)).toBe("Ansluten");
    expect(requests).toBe(2);
  });

  it("stops and says why when the room refuses the token, without retrying", async () => {
    const { page } = await open(newDocumentId());
    let requests = 0;
    await page.route("**/api/dev/room-token", async (route) => {
      requests++;
      const response = await route.fetch();
      const body = { ...(await response.json()), token: "not-a-valid-token" };
      await route.fulfill({ response, json: body });
    });
    await page.getByLabel("Ditt namn").fill("Anna");
    await page.getByRole("button", { name: "Gå med" }).click();
    await expect
      .poll(() => status(page))
      .toBe("Din behörighet till dokumentet kunde inte bekräftas. Ladda om sidan.");
    await page.waitForTimeout(1500);
    expect(requests).toBe(1);
    expect(await editor(page).getAttribute("contenteditable")).toBe("false");
  });

  it("explains that shared documents need log-in where there are no development tokens", async () => {
    const { page } = await open(newDocumentId());
    // What a deployed Worker without development mode answers.
    await page.route("**/api/dev/room-token", (route) =>
      route.fulfill({
        status: 404,
        contentType: "application/json",
        body: '{"error":{"code":"not_found","message":"x"}}',
      }),
    );
    await page.getByLabel("Ditt namn").fill("Anna");
    await page.getByRole("button", { name: "Gå med" }).click();
    await expect.poll(() => status(page)).toMatch(/Logga in för att öppna/);
    expect(await editor(page).count()).toBe(0);
  });
});
