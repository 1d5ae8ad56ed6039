import type { Page } from "playwright-core";
import { expect } from "vitest";

/** What the browser tests read on any page of the app. */
export const heading = (page: Page) => page.locator("h1");
export const accountLink = (page: Page) => page.getByTestId("account-link");

/** How far the page scrolls sideways: more than 0 means it does not fit the screen. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * All browser test files share one app, so its demo people too. Five belong to one
 * test file each, which depends on what happens to them: Bengt Olsson (login.test.ts: his
 * sessions' buttons), Farid Hassan (login.test.ts counts his sessions), Greta Berg
 * (privacy.test.ts erases her), and Lena Åberg and Mats Öhman (consultations.test.ts: the
 * Luleå branch's answers). Any test may log in as the others (Ida Karlsson and Karin
 * Holm were added for motions.test.ts, which opens the Göteborg district's motion period).
 *
 * Logs in as a demo person with one click ("Logga in som" on the log-in page, development
 * mode) and waits for her page. The page's context must be the fixture's (relative URLs).
 */
export async function logInAs(page: Page, name: string) {
  await page.goto("/login");
  await page
    .getByTestId("demo-login")
    .getByRole("button", { name: new RegExp(`^${name}\\b`) })
    .click();
  await expect.poll(() => page.url()).toMatch(/\/me$/);
  await expect.poll(() => page.getByTestId("me-name").textContent()).toBe(name);
}
