import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
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
  await astrid.getByTestId("publish-consultation").click();
  await expect.poll(() => astrid.getByTestId("consultation-phase").textContent()).toBe("Öppet för svar");
  return new URL(astrid.url()).pathname;
}

describe("consultations in the browser", () => {
  it("are asked by the office and seen by an asked branch on its page", async () => {
    const title = `Rådslag om skolan ${Date.now().toString(36)}`;
    const astrid = await person("Astrid Lindqvist", laptop);
    const path = await askNorrbotten(astrid, title);

    const lena = await person("Lena Åberg");
    await lena.goto("/organisation/branch/lulea");
    await lena.getByTestId("consultations-link").click();
    await lena.getByRole("link", { name: title }).click();
    await expect.poll(() => new URL(lena.url()).pathname).toBe(path);
    await expect
      .poll(() => lena.getByTestId("question-list").getByRole("listitem").first().textContent())
      .toContain("Vad behöver skolan i er kommun?");
    await expect.poll(() => lena.getByTestId("workspace-link").textContent()).toBe("Svara för Luleå");
  });
});
