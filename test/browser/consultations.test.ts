import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../support/xlsx";
import { presentNames, textOf, typeInto } from "./editor";
import { appInChromium, laptop, phone } from "./fixture";
import { logInAs } from "./pages";

const session = appInChromium();

/**
 * A consultation's whole loop in the web app. Astrid Lindqvist (the national office) asks the
 * branches of the Norrbotten district; Lena Åberg (chair of Luleå) and Mats Öhman (a member
 * there) answer together. Lena and Mats belong to this file alone; each test asks a
 * consultation of its own, so the Luleå branch's other consultations do not matter.
 */

async function person(name: string, viewport = phone): Promise<Page> {
  const page = await session.newPage(viewport);
  await logInAs(page, name);
  return page;
}

/** Astrid writes a consultation for Norrbotten's branches from her groups and publishes it; returns its path. */
async function askNorrbotten(astrid: Page, title: string): Promise<string> {
  await astrid.getByTestId("my-groups").getByTestId("consultations-link").first().click();
  await astrid.getByTestId("new-consultation").click();
  await astrid.getByLabel("Rubrik").fill(title);
  await astrid.getByLabel("Inledning").fill("Vi vill **höra** er.\n\n- om skolan\n- om vården");
  await astrid.getByLabel("Frågan").fill("Vad behöver skolan i er kommun?");
  await astrid.getByTestId("add-question").click();
  await astrid.getByLabel("Typ av fråga").nth(1).selectOption("single");
  await astrid.getByLabel("Frågan").nth(1).fill("Vad är viktigast?");
  await astrid.getByLabel("Svarsalternativ").fill("Lärare\nLokaler");
  await astrid.getByLabel("Norrbottens partidistrikt").check();
  await astrid.getByTestId("save-consultation").click();
  await expect.poll(() => astrid.getByTestId("consultation-title").textContent()).toBe(title);
  await expect.poll(() => astrid.getByTestId("consultation-phase").textContent()).toBe("Utkast");

  await astrid.getByTestId("preview-consultation").click();
  await expect.poll(() => astrid.getByTestId("preview-count").textContent()).toMatch(/^Frågar \d+ grupper\./);
  expect(await astrid.getByTestId("consultation-preview").getByRole("strong").textContent()).toBe("höra");
  const asked = (await astrid.getByTestId("preview-count").textContent())?.match(
    /^Frågar (\d+) grupper\./,
  )?.[1];
  // Publishing mails every group asked, so it asks first, with the same count as the preview.
  await astrid.getByTestId("publish-consultation").click();
  await expect
    .poll(() => astrid.getByTestId("publish-confirm").getByRole("paragraph").first().textContent())
    .toBe(`Publicera och skicka till ${asked} grupper?`);
  expect(await astrid.getByTestId("consultation-phase").first().textContent()).toBe("Utkast");
  await astrid.getByTestId("confirm-publish").click();
  await expect.poll(() => astrid.getByTestId("consultation-phase").textContent()).toBe("Öppet för svar");
  return new URL(astrid.url()).pathname;
}

const firstAnswer = (page: Page) => page.getByRole("textbox", { name: "Svar på fråga 1" });

/** Opens the Luleå branch's workspace from the consultation's page, and waits until its rooms are joined. */
async function openWorkspace(page: Page, path: string) {
  await page.goto(path);
  await page.getByTestId("workspace-link").click();
  await expect.poll(() => page.getByTestId("room-status").textContent()).toBe("Ansluten");
}

describe("consultations in the browser", () => {
  it("are asked by the office and seen by an asked branch on its page", async () => {
    const title = `Rådslag om skolan ${Date.now().toString(36)}`;
    const astrid = await person("Astrid Lindqvist", laptop);
    const path = await askNorrbotten(astrid, title);

    const lena = await person("Lena Åberg");
    await lena.goto("/organisation/branch/lulea");
    await lena.getByTestId("open-consultations").getByRole("link", { name: title }).click();
    await expect.poll(() => new URL(lena.url()).pathname).toBe(path);
    await expect
      .poll(() => lena.getByTestId("question-list").getByRole("listitem").first().textContent())
      .toContain("Vad behöver skolan i er kommun?");
    await expect.poll(() => lena.getByTestId("workspace-link").textContent()).toBe("Svara för Luleå");
  });

  it("are answered together live, submitted, read, searched, exported and answered back", async () => {
    const title = `Rådslag om skolan ${Date.now().toString(36)}`;
    const astrid = await person("Astrid Lindqvist", laptop);
    const path = await askNorrbotten(astrid, title);
    await astrid.getByTestId("results-link").click();
    const overall = () => astrid.getByTestId("rate-overall").textContent();
    await expect.poll(overall).toMatch(/^Har svarat: 0 av \d+ \(0 %\)\.$/);
    const asked = Number(/av (\d+)/.exec((await overall()) ?? "")?.[1]);

    // Lena (on her phone) and Mats write the branch's answer together, each seeing the other.
    const lena = await person("Lena Åberg");
    await openWorkspace(lena, path);
    const mats = await person("Mats Öhman", laptop);
    await openWorkspace(mats, path);
    await expect.poll(() => presentNames(lena)).toEqual(["Lena Åberg (du)", "Mats Öhman"]);
    // The choice question's comment box says what it is for, on the screen, not only to a screen reader.
    await expect.poll(() => lena.getByTestId("comment-label").textContent()).toBe("Kommentar till fråga 2");
    expect(await lena.getByTestId("comment-label").isVisible()).toBe(true);
    await typeInto(lena, firstAnswer(lena), "Fler lärare i glesbygden. ");
    await expect.poll(() => textOf(firstAnswer(mats))).toBe("Fler lärare i glesbygden. ");
    await typeInto(mats, firstAnswer(mats), "Och skolskjuts.");
    await expect.poll(() => textOf(firstAnswer(lena))).toBe("Fler lärare i glesbygden. Och skolskjuts.");
    await expect
      .poll(() => lena.locator(".collaboration-carets__label").allTextContents())
      .toContain("Mats Öhman");
    const chosen = lena.waitForResponse((r) => r.url().endsWith("/choices") && r.ok());
    await lena.getByLabel("Lokaler").check();
    await chosen;
    await mats.reload();
    await expect.poll(() => mats.getByLabel("Lokaler").isChecked()).toBe(true);

    // The chair submits: the answer is frozen as version 1, and the live texts close until it is reopened.
    await lena.getByTestId("submit-answer").click();
    await expect.poll(() => lena.getByTestId("workspace-status").textContent()).toBe("Svar inlämnat");
    await expect.poll(() => lena.getByTestId("answer-version").count()).toBe(1);
    expect(await lena.getByTestId("answer-record").textContent()).toContain(
      "Fler lärare i glesbygden. Och skolskjuts.",
    );
    await expect.poll(() => lena.getByTestId("answer-writer").count()).toBe(0);

    // The office sees the rate change, searches the answer, tags it and exports it.
    await astrid.getByTestId("refresh-results").click();
    await expect.poll(overall).toBe(`Har svarat: 1 av ${asked} (${Math.round(100 / asked)} %).`);
    await astrid.getByLabel("Sök i svaren").fill("skolskjuts");
    await astrid.getByTestId("filter-answers").click();
    await expect.poll(() => astrid.getByTestId("answer-count").textContent()).toBe("1 svar.");
    const row = astrid.getByTestId("answer-row");
    expect(await row.textContent()).toContain("Luleå");
    expect(await row.getByTestId("answer-text").textContent()).toBe(
      "Fler lärare i glesbygden. Och skolskjuts.",
    );
    await astrid.getByLabel("Nytt tema").fill("Skolan");
    await astrid.getByTestId("create-tag").click();
    await row.getByRole("button", { name: "Skolan" }).click();
    await expect
      .poll(() => row.getByRole("button", { name: "Skolan" }).getAttribute("aria-pressed"))
      .toBe("true");
    await expect.poll(() => astrid.getByTestId("tag-counts").textContent()).toContain("Skolan 1 svar");

    const [download] = await Promise.all([
      astrid.waitForEvent("download"),
      astrid.getByTestId("export-xlsx").click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const rows = readXlsx(new Uint8Array(Buffer.concat(chunks)));
    const lulea = rows.filter((r) => r.includes("Luleå"));
    expect(lulea.map((r) => r.at(-2))).toContain("Fler lärare i glesbygden. Och skolskjuts.");
    expect(lulea.map((r) => r.at(-1))).toContain("Skolan");

    // The office quotes the branch and publishes the summary; the branch reads both.
    await row.getByTestId("quote-toggle").click();
    await row.getByLabel("Det som citeras").fill("Och skolskjuts.");
    await row.getByTestId("save-quote").click();
    await expect.poll(() => astrid.getByTestId("quotes").textContent()).toContain("Och skolskjuts.");
    await astrid
      .getByLabel(/^Vad ni sa, och vad vi gör med det/)
      .fill("Vi hörde er: **skolskjutsen** först.");
    await astrid.getByTestId("publish-feedback").click();
    await expect.poll(() => astrid.getByTestId("feedback-published").isVisible()).toBe(true);

    await lena.goto(path);
    await expect
      .poll(() => lena.getByTestId("consultation-summary").textContent())
      .toContain("Vi hörde er: skolskjutsen först.");
    await lena.getByTestId("workspace-link").click();
    await expect.poll(() => lena.getByTestId("quoted").textContent()).toContain("Och skolskjuts.");
  });
});
