import type { Locator, Page } from "playwright-core";

/** The shared-document page, as the browser tests read it. */
export const roomStatus = (page: Page) => page.getByTestId("room-status").textContent();
export const editor = (page: Page) => page.locator(".ProseMirror");

/** The editor's own text: other people's carets (with their name labels) sit inside it. */
export const editorText = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector(".ProseMirror");
    if (!root) return null;
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent;
  });

export const caretNames = (page: Page) => page.locator(".collaboration-carets__label").allTextContents();

export const presentNames = (page: Page) =>
  page.getByTestId("presence").getByRole("listitem").allTextContents();

export async function typeAtEnd(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

/** Opens a shared document as whoever is logged in on the page (she joins at once), and waits for the editor. */
export async function joinDocument(page: Page, documentId: string) {
  await page.goto(`/documents/${documentId}`);
  await editor(page).waitFor();
}

/** One editor's own text, on a page with several: without other people's carets and their name labels. */
export const textOf = (editor: Locator) =>
  editor.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent;
  });

/** Types at the end of one editor of several. */
export async function typeInto(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}
