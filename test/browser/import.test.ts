import { describe, expect, it } from "vitest";
import { appInChromium, phone } from "./fixture";
import { heading, logInAs, sidewaysOverflow } from "./pages";

const session = appInChromium();

/** Excel's Swedish "CSV": semicolons and Windows-1252 (Latin-1 covers å, ä and ö byte for byte). */
const file = Buffer.from(
  [
    "Namn;E-post;Arbetarekommun;Förening;Roller",
    "Åsa Öberg;asa.oberg@example.se;Göteborg;S-föreningen Majorna;styrelseledamot",
    "Eva Gran;eva.gran@example.se;Malmö;;",
    "Pär Ström;par.strom@example.se;1480;;",
  ].join("\r\n"),
  "latin1",
);

describe("member import, in a real browser", () => {
  it("Cecilia imports a small file from my pages on a phone: one refused row, progress, summary", async () => {
    const page = await session.newPage(phone);
    await logInAs(page, "Cecilia Ahmadi");

    await page.getByRole("link", { name: "Importera medlemmar" }).click();
    await expect.poll(() => heading(page).textContent()).toBe("Importera medlemmar");
    expect(await page.getByLabel("Importera för").inputValue()).toBe("branch:goteborg");
    await page
      .getByLabel("CSV-fil")
      .setInputFiles({ name: "medlemmar.csv", mimeType: "text/csv", buffer: file });
    await page.getByRole("button", { name: "Ladda upp och granska" }).click();

    await expect
      .poll(() => page.getByTestId("import-counts").getByRole("listitem").allTextContents())
      .toEqual(["3 rader i filen", "2 kan importeras", "1 nekades"]);
    expect(await page.getByText("Teckenkodning Windows-1252, avgränsare semikolon.").count()).toBe(1);
    const refused = page.getByTestId("refused-rows");
    expect(await refused.getByRole("rowheader").allTextContents()).toEqual(["3"]);
    expect(await refused.getByRole("cell").allTextContents()).toEqual([
      "Arbetarekommunen ligger utanför det du importerar för.",
    ]);
    // The import's id is in the address, so a reload comes back to the review.
    expect(page.url()).toMatch(/\/members\/import\?import=[A-Za-z0-9_-]{22}$/);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Importera 2 medlemmar" }).click();
    const summary = page.getByTestId("import-summary");
    await expect.poll(() => summary.textContent()).toContain("2 medlemmar importerades.");
    expect(await summary.textContent()).toContain("1 rad nekades och importerades inte.");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Importen är klar");

    await page.reload();
    await expect
      .poll(() => page.getByTestId("import-summary").textContent())
      .toContain("2 medlemmar importerades.");
  });
});
