import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./launch";

const session = appInChromium();

/** A person in her own browser (no shared cookies or storage). */
async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await session.newContext(viewport);
  return context.newPage();
}

const goto = (page: Page, path: string) => page.goto(session.url(path));
const heading = (page: Page) => page.locator("h1");
const accountLink = (page: Page) => page.getByTestId("account-link");

async function logInAs(page: Page, name: string) {
  await goto(page, "/login");
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await expect.poll(() => page.url()).toMatch(/\/me$/);
  await expect.poll(() => page.getByTestId("me-name").textContent()).toBe(name);
}

describe("a person's own data, in a real browser", () => {
  it("downloads her data, erases it, cannot log in again, and the audit log shows a former member", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await logInAs(page, "Greta Berg");
    const privacy = page.getByTestId("privacy");
    expect(await page.getByTestId("audit-link").count()).toBe(0);

    // The export: a JSON file with what samtal holds about her.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      privacy.getByRole("link", { name: "Ladda ner mina uppgifter" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("samtal-mina-uppgifter.json");
    const exported = JSON.parse(await readFile(await download.path(), "utf8")) as {
      person: { name: string; email: string };
    };
    expect(exported.person).toMatchObject({ name: "Greta Berg", email: "greta@samtal.example" });

    // Erasure: what happens is said first, and the word must be typed.
    expect(await privacy.textContent()).toContain("visas som skrivet av en tidigare medlem");
    await privacy.getByRole("button", { name: "Radera mina uppgifter…" }).click();
    const word = privacy.getByLabel("Skriv ordet radera för att bekräfta");
    await expect.poll(() => word.evaluate((el) => el === document.activeElement)).toBe(true);
    await word.fill("ja");
    await privacy.getByRole("button", { name: "Radera mina uppgifter för alltid" }).click();
    await expect
      .poll(() => privacy.getByRole("alert").textContent())
      .toBe("Skriv radera i rutan för att bekräfta.");
    expect(page.url()).toMatch(/\/me$/);
    await word.fill("radera");
    await privacy.getByRole("button", { name: "Radera mina uppgifter för alltid" }).click();
    await expect.poll(() => page.url()).toMatch(/\/me\/erased$/);
    await expect.poll(() => heading(page).textContent()).toBe("Dina uppgifter är raderade");
    await expect.poll(() => accountLink(page).textContent()).toBe("Logga in");
    await goto(page, "/me");
    await expect.poll(() => page.getByTestId("not-logged-in").isVisible()).toBe(true);

    // The demo log-in no longer offers her: she is gone from the list, and stays logged out.
    await goto(page, "/login");
    await page.getByRole("button", { name: /Astrid Lindqvist/ }).waitFor();
    expect(await page.getByRole("button", { name: /Greta Berg/ }).count()).toBe(0);
    expect(await accountLink(page).textContent()).toBe("Logga in");

    // The national administrator's audit log: the erasure, by a former member.
    const admin = await newPage();
    await logInAs(admin, "Astrid Lindqvist");
    await admin.getByTestId("audit-link").click();
    await expect.poll(() => admin.url()).toMatch(/\/admin\/audit$/);
    await expect.poll(() => heading(admin).textContent()).toBe("Administrativ logg");
    const newest = admin.getByTestId("audit-entry").first();
    await expect
      .poll(async () => (await newest.locator("td").allTextContents()).slice(1))
      .toEqual(["Tidigare medlem", "Raderade personuppgifter", "Person demo-greta"]);
    expect(await admin.getByTestId("audit-table").textContent()).not.toContain("Greta");

    // Anyone else is told the log is not for them.
    const member = await newPage();
    await logInAs(member, "Farid Hassan");
    await goto(member, "/admin/audit");
    await expect
      .poll(() => member.getByTestId("audit-denied").textContent())
      .toBe("Den administrativa loggen är bara för partiets nationella administratörer.");
  });
});
