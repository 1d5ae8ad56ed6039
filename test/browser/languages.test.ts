import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./fixture";
import { heading, logInAs } from "./pages";

const session = appInChromium();

/** The page's main heading, once it is the one expected. */
async function showsHeading(page: Page, text: string) {
  await expect.poll(() => heading(page).first().textContent()).toBe(text);
}

/** Switches to `locale` with the language switch, which remembers it for the pages opened next. */
async function chooseLanguage(page: Page, locale: "sv" | "en") {
  const lang = () => page.evaluate(() => document.documentElement.lang);
  if ((await lang()) !== locale) await page.getByTestId("language-switch").click();
  await expect.poll(lang).toBe(locale);
}

/**
 * Each feature's Swedish strings come with the feature's code (web/src/i18n/index.ts), so each
 * page is opened from its address, as from a link or a bookmark: nothing another page loaded
 * helps it. The fixture fails the test on any message key shown as text, in either language.
 */
describe("every feature's pages, opened from their address", () => {
  const pages = [
    { path: "/", sv: "Välkommen till samtal", en: "Welcome to samtal" },
    { path: "/organisation", sv: "Organisationen", en: "The organisation" },
    { path: "/organisation/branch/goteborg", sv: "Göteborg", en: "Göteborg" },
    { path: "/me", sv: "Mina sidor", en: "My pages" },
    { path: "/motions?group=branch:goteborg", sv: "Motioner i Göteborg", en: "Motions in Göteborg" },
    { path: "/consultations", sv: "Rådslag", en: "Consultations" },
    { path: "/members/import", sv: "Importera medlemmar", en: "Import members" },
    { path: "/dev/outbox", sv: "Utvecklings\u00ADpostlådan", en: "Development outbox" },
  ];

  it("show their own strings in Swedish and in English", async () => {
    const page = await session.newPage();
    await logInAs(page, "Cecilia Ahmadi");
    for (const locale of ["sv", "en"] as const) {
      await chooseLanguage(page, locale);
      for (const { path, ...headings } of pages) {
        await page.goto(path);
        await showsHeading(page, headings[locale]);
      }

      await page.goto("/motions?group=branch:goteborg");
      await page.getByRole("link", { name: "Fler bänkar längs älven" }).click();
      await showsHeading(page, "Fler bänkar längs älven");
      await page.reload();
      const backToList = { sv: "Till motionerna i Göteborg", en: "To the motions in Göteborg" }[locale];
      await page.getByRole("link", { name: backToList }).waitFor();
      await page.locator('[contenteditable="true"]').first().waitFor();

      await page.goto("/organisation/branch/goteborg");
      await page.getByRole("link", { name: "Årsmöte i Göteborgs arbetarekommun" }).click();
      await page.reload();
      await showsHeading(page, "Årsmöte i Göteborgs arbetarekommun");
      await page.getByText({ sv: "När", en: "When" }[locale], { exact: true }).waitFor();
    }
  });

  it("the audit log, for a national administrator, in Swedish and in English", async () => {
    const page = await session.newPage();
    await logInAs(page, "Astrid Lindqvist");
    for (const locale of ["sv", "en"] as const) {
      await chooseLanguage(page, locale);
      await page.goto("/admin/audit");
      await showsHeading(page, { sv: "Administrativ logg", en: "Audit log" }[locale]);
    }
  });
});
