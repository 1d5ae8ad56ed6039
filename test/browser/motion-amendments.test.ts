import { buffer } from "node:stream/consumers";
import { strFromU8, unzipSync } from "fflate";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { roomStatus } from "./editor";
import { appInChromium, laptop, phone, type Viewport } from "./fixture";
import { logInAs, sidewaysOverflow } from "./pages";

const session = appInChromium();

/**
 * Comments, amendments, versions and downloads on a motion of its own, as Göteborg's demo
 * members: Ida Karlsson writes it and comments on a passage, then proposes an amendment once
 * it is submitted; Karin Holm proposes one to overlapping lines; Cecilia Ahmadi, on the
 * branch's board, accepts Ida's. Karin reads on a phone.
 */

async function person(name: string, viewport: Viewport = laptop): Promise<Page> {
  const page = await session.newPage(viewport);
  await logInAs(page, name);
  return page;
}

const motivation = (page: Page) => page.getByRole("textbox", { name: "Motivering" });
const proposal = (page: Page, n: number) =>
  page.getByRole("textbox", { name: `Att-sats ${n}, texten efter ”att”` });
const marks = (page: Page) => page.locator(".motion-comment-mark").allTextContents();

const paragraphs = [
  "Skolgårdarna i Göteborg är heta och kala om sommaren, och barnen har ingenstans att söka skugga när solen står som högst under rasterna och på fritids om eftermiddagarna.",
  "Träd ger skugga, svalka och en bättre miljö för lek och lärande. De binder dagvatten när det regnar kraftigt och gör luften renare för barnen som vistas där varje dag.",
  "Flera andra kommuner har redan planterat träd på alla sina skolgårdar och sett att barnen leker mer, bråkar mindre och orkar mer på lektionerna efter rasterna.",
  "Kostnaden är liten jämfört med vinsten, och skolornas egna elever kan vara med och välja vilka träd som ska planteras och var de ska stå på gården.",
];

/** Lines first–last in the amendment form, and the wording with one word swapped. */
async function amend(page: Page, first: number, last: number, from: string, to: string) {
  const form = page.getByTestId("amend-form");
  await form.getByLabel("Från rad").selectOption(String(first));
  await form.getByLabel("Till rad").selectOption(String(last));
  const wording = form.getByLabel("Ny lydelse för raderna");
  const text = await wording.inputValue();
  expect(text).toContain(from);
  await wording.fill(text.replace(from, to));
  await form.getByTestId("propose-amendment").click();
  await expect.poll(() => form.getByRole("status").textContent()).toBe("Ändringsyrkandet är lämnat.");
}

const amendments = (page: Page) => page.getByTestId("motion-reading").getByTestId("amendment");
const stateOf = (card: Locator) => card.getByTestId("amendment-state").textContent();

describe("motion amendments, versions and comments in the browser", () => {
  it("comments follow their words; overlapping amendments conflict; accepting one makes a version to compare and download", async () => {
    const title = `Träd på skolgårdar ${Date.now().toString(36)}`;
    const ida = await person("Ida Karlsson");
    await ida.goto("/motions?group=branch%3Agoteborg");
    await ida.getByLabel("Rubrik").fill(title);
    await ida.getByTestId("create-motion").click();
    await expect.poll(() => ida.url()).toMatch(/\/motions\/\d+$/);
    const motionPath = new URL(ida.url()).pathname;
    await expect.poll(() => roomStatus(ida)).toBe("Ansluten");

    await motivation(ida).click();
    for (const [i, text] of paragraphs.entries()) {
      if (i > 0) await ida.keyboard.press("Enter");
      await ida.keyboard.insertText(text);
    }
    await proposal(ida, 1).click();
    await ida.keyboard.insertText("skolgårdarna i Göteborg får träd");

    // Ida selects "Göteborg" in the motivation's first paragraph and comments on it.
    await motivation(ida).click();
    await ida.keyboard.press("Control+Home");
    for (let i = 0; i < "Skolgårdarna i ".length; i++) await ida.keyboard.press("ArrowRight");
    for (let i = 0; i < "Göteborg".length; i++) await ida.keyboard.press("Shift+ArrowRight");
    const comments = ida.getByTestId("motion-comments");
    await comments.getByTestId("start-comment").click();
    await comments.getByLabel("Kommentar").fill("Skriv hela kommunens namn?");
    await comments.getByTestId("save-comment").click();
    const thread = comments.getByTestId("comment-thread");
    await expect.poll(() => thread.locator(".motion-thread-quote").textContent()).toBe("Om ”Göteborg”");
    await expect.poll(() => marks(ida)).toEqual(["Göteborg"]);

    // Text typed before the passage moves it; the comment still marks the same words.
    await motivation(ida).click();
    await ida.keyboard.press("Control+Home");
    await ida.keyboard.insertText("I dag: ");
    await expect.poll(() => marks(ida)).toEqual(["Göteborg"]);
    await expect.poll(() => motivation(ida).textContent()).toMatch(/^I dag: Skolgårdarna i Göteborg är heta/);
    await expect.poll(() => thread.getByTestId("comment-current").textContent()).toBe("Står nu: ”Göteborg”");
    await thread.getByLabel("Svar").fill("Ja, Göteborgs kommun.");
    await thread.getByTestId("send-reply").click();
    await expect
      .poll(() => thread.getByTestId("comment").allTextContents())
      .toEqual(["Ida Karlsson: Skriv hela kommunens namn?", "Ida Karlsson: Ja, Göteborgs kommun."]);
    await thread.getByTestId("resolve-comment").click();
    await expect
      .poll(() => thread.getByTestId("comment-resolved").textContent())
      .toBe("Löst av Ida Karlsson");
    await expect.poll(() => marks(ida)).toEqual([]);

    // Submitted: version 1, read with its line numbers; the first paragraph is lines 2–4.
    await ida.getByTestId("submit-motion").click();
    await expect.poll(() => ida.getByTestId("motion-state").textContent()).toBe("Inlämnad");
    const lineTexts = ida.getByTestId("motion-reading").locator(".motion-line-text");
    await expect.poll(() => lineTexts.count()).toBeGreaterThanOrEqual(12);
    const version1 = await lineTexts.allTextContents();
    expect(version1[1]).toMatch(/^I dag: Skolgårdarna i Göteborg/);
    expect(version1[4]).toMatch(/^Träd ger skugga/);

    // The DOCX of version 1 has its numbered lines, each fifth number printed.
    const [download] = await Promise.all([
      ida.waitForEvent("download"),
      ida.getByTestId("download-docx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^motion-\d+-version-1\.docx$/);
    const files = unzipSync(new Uint8Array(await buffer(await download.createReadStream())));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    for (const line of version1) expect(runs).toContain(line.replaceAll("&", "&amp;"));
    expect(runs).toContain("5");
    expect(runs).toContain("10");

    // Ida and Karin propose amendments to overlapping lines: both shown as in conflict.
    await amend(ida, 2, 3, "heta och kala", "varma och karga");
    const karin = await person("Karin Holm", phone);
    await karin.goto(motionPath);
    await amend(karin, 3, 4, "eftermiddagarna", "eftermiddagen");
    await expect.poll(() => amendments(karin).count()).toBe(2);
    for (const card of await amendments(karin).all()) {
      await expect.poll(() => card.getByTestId("amendment-conflict").isVisible()).toBe(true);
      expect(await stateOf(card)).toBe("Öppet");
    }
    // On a phone the amendments, their words and the form fit the screen.
    expect(await sidewaysOverflow(karin)).toBe(0);
    const first = amendments(karin).first();
    expect((await first.locator("del").allTextContents()).join(" ")).toMatch(/struket: heta .*struket: kala/);
    expect((await first.locator("ins").allTextContents()).join(" ")).toMatch(
      /tillagt: varma .*tillagt: karga/,
    );

    // Cecilia, on the board, accepts Ida's: version 2 is read; Karin's needs rework.
    const cecilia = await person("Cecilia Ahmadi");
    await cecilia.goto(motionPath);
    const idas = amendments(cecilia).filter({ hasText: "Av Ida Karlsson" });
    await idas.getByTestId("accept-amendment").click();
    await expect
      .poll(() => cecilia.getByRole("heading", { name: "Motionen, version 2" }).isVisible())
      .toBe(true);
    const others = cecilia.getByTestId("other-amendment");
    await expect
      .poll(() => others.getByTestId("amendment-state").allTextContents())
      .toEqual(["Bifallet", "Behöver skrivas om"]);
    await expect
      .poll(() => cecilia.getByTestId("motion-reading").locator(".motion-line-text").nth(1).textContent())
      .toMatch(/varma och karga/);

    // The versions compare word by word; version 1 reads again on request.
    await cecilia.getByTestId("compare-versions").click();
    const diff = cecilia.getByTestId("version-diff");
    await expect
      .poll(async () => (await diff.locator("del").allTextContents()).join(" "))
      .toMatch(/heta.*kala/);
    expect((await diff.locator("ins").allTextContents()).join(" ")).toMatch(/varma.*karga/);
    await cecilia.getByRole("button", { name: "Läs version 1" }).click();
    await expect
      .poll(() => cecilia.getByRole("heading", { name: "Motionen, version 1" }).isVisible())
      .toBe(true);
    await expect
      .poll(() => cecilia.getByTestId("motion-reading").locator(".motion-line-text").allTextContents())
      .toEqual(version1);
  });
});
