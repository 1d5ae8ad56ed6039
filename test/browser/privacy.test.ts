import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { appInChromium, phone } from "./fixture";
import { accountLink, heading, logInAs } from "./pages";

const session = appInChromium();

describe("a person's own data, in a real browser", () => {
  it("downloads her data, erases it, cannot log in again, and the audit log shows a former member", async () => {
    // Greta is erased for good: no other test uses her.
    const page = await session.newPage(phone);
    await logInAs(page, "Greta Berg");
    const privacy = page.getByTestId("privacy");
    expect(await page.getByTestId("audit-link").count()).toBe(0);

    // The export: a JSON file with what samtal holds about her.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      privacy.getByRole("link", { name: "Ladda ner mina uppgifter" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("samtal-mina-uppgifter.json");
    // A Chromium this test connected to keeps the file on its side: read it from there.
    const exported = JSON.parse(await text(await download.createReadStream())) as {
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
    await page.goto("/me");
    await expect.poll(() => page.getByTestId("not-logged-in").isVisible()).toBe(true);

    // The demo log-in no longer offers her: she is gone from the list, and stays logged out.
    await page.goto("/login");
    await page.getByRole("button", { name: /Astrid Lindqvist/ }).waitFor();
    expect(await page.getByRole("button", { name: /Greta Berg/ }).count()).toBe(0);
    expect(await accountLink(page).textContent()).toBe("Logga in");

    // The national administrator's audit log: the erasure, by a former member.
    const admin = await session.newPage();
    await logInAs(admin, "Astrid Lindqvist");
    await admin.getByTestId("audit-link").click();
    await expect.poll(() => admin.url()).toMatch(/\/admin\/audit$/);
    await expect.poll(() => heading(admin).textContent()).toBe("Administrativ logg");
    // Other tests write to the same log (invites, imports): find her erasure among them.
    const erasure = admin.getByTestId("audit-entry").filter({ hasText: "Person demo-greta" });
    await expect
      .poll(async () => (await erasure.locator("td").allTextContents()).slice(1))
      .toEqual(["Tidigare medlem", "Raderade personuppgifter", "Person demo-greta"]);
    expect(await admin.getByTestId("audit-table").textContent()).not.toContain("Greta");

    // Anyone else is told the log is not for them.
    const member = await session.newPage();
    await logInAs(member, "Elin Johansson");
    await member.goto("/admin/audit");
    await expect
      .poll(() => member.getByTestId("audit-denied").textContent())
      .toBe("Den administrativa loggen är bara för partiets nationella administratörer.");
  });
});
