import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { appInChromium, phone } from "./fixture";
import { heading as pageHeading, sidewaysOverflow } from "./pages";

const session = appInChromium();
let page: Page;

beforeEach(async () => {
  // A fresh context per test: no language choice or history carried over.
  page = await session.newPage();
});

const heading = () => pageHeading(page);
const htmlLang = () => page.evaluate(() => document.documentElement.lang);

describe("the organisation in a real browser", () => {
  it("starts in Swedish and switches to English and back", async () => {
    await page.goto("/organisation");
    const switchButton = page.getByTestId("language-switch");
    await expect.poll(htmlLang).toBe("sv");
    await expect.poll(() => switchButton.textContent()).toMatch(/English/);
    const swedishHeading = await heading().textContent();

    await switchButton.click();
    await expect.poll(htmlLang).toBe("en");
    await expect.poll(() => switchButton.textContent()).toMatch(/Svenska/);
    await expect.poll(() => heading().textContent()).not.toBe(swedishHeading);

    // The choice survives a reload.
    await page.reload();
    await expect.poll(htmlLang).toBe("en");
    await page.getByTestId("language-switch").click();
    await expect.poll(() => heading().textContent()).toBe(swedishHeading);
  });

  it("browses from a district to a branch to its associations", async () => {
    await page.goto("/organisation");
    await page.getByRole("link", { name: "Göteborgs partidistrikt" }).click();
    await expect.poll(() => page.url()).toMatch(/\/organisation\/district\/goteborg$/);
    await expect.poll(() => heading().textContent()).toBe("Göteborgs partidistrikt");

    await page.getByRole("link", { name: "Göteborg", exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/organisation\/branch\/goteborg$/);
    await expect.poll(() => heading().textContent()).toBe("Göteborg");
    await expect.poll(() => page.getByRole("link", { name: "S-föreningen Majorna" }).count()).toBe(1);
  });

  it("finds a branch by search and opens it", async () => {
    await page.goto("/organisation");
    await page.getByTestId("org-search").fill("kiru");
    const results = page.getByTestId("org-search-results");
    const kiruna = results.getByRole("link", { name: /^Kiruna(?![\p{L}\p{N}])/u }).first();
    await kiruna.waitFor();
    await kiruna.click();
    await expect.poll(() => page.url()).toMatch(/\/organisation\/branch\/kiruna$/);
    await expect.poll(() => heading().textContent()).toBe("Kiruna");
  });

  it("explains a page that does not exist, in plain language", async () => {
    await page.goto("/organisation/branch/atlantis");
    await expect.poll(() => heading().textContent()).toMatch(/finns inte/i);
    await page.goto("/no/such/page");
    await expect.poll(() => heading().textContent()).toMatch(/finns inte/i);
    expect(await page.getByRole("link", { name: /organisation/i }).count()).toBeGreaterThan(0);
  });

  it("fits a 360 px phone screen without sideways scrolling", async () => {
    await page.setViewportSize(phone);
    for (const path of ["/", "/organisation", "/organisation/district/vastra-gotaland-norra"]) {
      await page.goto(path);
      await heading().waitFor();
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
  });

  it("can be used with the keyboard alone", async () => {
    await page.goto("/organisation");
    await heading().waitFor();
    // Let the page settle (session check, focus moved to <main>) before tabbing through it.
    await page.waitForLoadState("networkidle");
    // Tab until the search field has focus, then type and follow a result with Enter.
    const searchFocused = () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "org-search");
    for (let i = 0; i < 30 && !(await searchFocused()); i++) await page.keyboard.press("Tab");
    expect(await searchFocused()).toBe(true);
    await page.keyboard.type("malm");
    await page
      .getByTestId("org-search-results")
      .getByRole("link", { name: /^Malmö(?![\p{L}\p{N}])/u })
      .first()
      .waitFor();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (focused.startsWith("Malmö")) break;
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => heading().textContent()).toBe("Malmö");
  });
});
