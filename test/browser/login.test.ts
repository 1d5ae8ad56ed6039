import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { OutboxMessage } from "../../worker/shared/identity";
import { appInChromium, phone } from "./fixture";
import { accountLink, heading, logInAs, sidewaysOverflow } from "./pages";

const session = appInChromium();

const neutral = "Om adressen finns registrerad är en inloggningslänk på väg. Den gäller i 15 minuter.";

async function outbox(): Promise<OutboxMessage[]> {
  return (await (await session.fetch("/api/dev/outbox")).json()) as OutboxMessage[];
}

/** The mail is written just after the response (so timing reveals nothing): wait for it. */
async function waitForMail(to: string, after: number): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(async () => {
      found = (await outbox()).find((m) => m.to === to && m.id > after);
      return found !== undefined;
    })
    .toBe(true);
  if (!found) throw new Error(`no mail to ${to}`);
  return found;
}

async function requestLink(page: Page, email: string): Promise<string> {
  await page.goto("/login");
  await page.getByLabel("Din e-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  const result = page.getByTestId("login-result");
  await expect.poll(() => result.textContent()).toContain(neutral);
  return (await result.textContent()) ?? "";
}

describe("log-in by e-mail link, in a real browser", () => {
  it("logs in through the development outbox, once per link, and logs out", async () => {
    const page = await session.newPage();
    const before = (await outbox())[0]?.id ?? 0;
    await page.goto("/");
    await expect.poll(() => accountLink(page).textContent()).toBe("Logga in");

    const answer = await requestLink(page, "bengt@samtal.example");
    await waitForMail("bengt@samtal.example", before);

    // The outbox, from the log-in page's development link: the newest mail first.
    await page.getByRole("link", { name: "Öppna utvecklingspostlådan" }).click();
    // (The Swedish title carries a soft hyphen, for narrow screens.)
    await expect
      .poll(async () => (await heading(page).textContent())?.replace(/\u00AD/g, ""))
      .toBe("Utvecklingspostlådan");
    const newest = page.getByTestId("outbox-mail").first();
    expect(await newest.getByTestId("outbox-to").textContent()).toBe("bengt@samtal.example");
    const link = newest.getByRole("link", { name: /\/login\/verify#token=/ });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/\/login\/verify#token=[A-Za-z0-9_-]{43}$/);

    await link.click();
    await expect.poll(() => page.url()).toMatch(/\/me$/);
    await expect.poll(() => heading(page).textContent()).toBe("Mina sidor");
    expect(await page.getByTestId("me-name").textContent()).toBe("Bengt Olsson");
    const groups = page.getByTestId("my-groups");
    expect(await groups.getByRole("link", { name: "Göteborg", exact: true }).count()).toBe(1);
    expect(await groups.getByRole("list", { name: "Roller i Göteborg" }).textContent()).toContain(
      "Ordförande",
    );
    await expect.poll(() => accountLink(page).textContent()).toMatch(/^Bengt\b/);
    // The token never stays in the address bar or in history.
    expect(page.url()).not.toContain("token");
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/dev\/outbox$/);
    await page.goForward();
    await expect.poll(() => page.getByTestId("me-name").textContent()).toBe("Bengt Olsson");

    // The same link again, as if opened a second time from the mail: refused, and says why.
    const again = await session.newPage();
    await again.goto(href);
    await expect
      .poll(() => again.getByTestId("verify-error").textContent())
      .toBe("Inloggningslänken är redan använd. Varje länk fungerar en gång. Begär en ny.");
    expect(again.url()).not.toContain("token");
    expect(await again.getByRole("link", { name: "Begär en ny inloggningslänk" }).getAttribute("href")).toBe(
      "/login",
    );

    // An unknown address gets exactly the same answer, and no mail is written for it.
    const stranger = await session.newPage();
    expect(await requestLink(stranger, "nobody@samtal.example")).toBe(answer);
    const latest = (await outbox())[0]?.id ?? 0;
    await requestLink(stranger, "cecilia@samtal.example");
    await waitForMail("cecilia@samtal.example", latest);
    expect((await outbox()).some((m) => m.to === "nobody@samtal.example")).toBe(false);

    // Log out: the header offers log-in again, and my pages ask for it.
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect.poll(() => accountLink(page).textContent()).toBe("Logga in");
    await expect.poll(() => page.getByTestId("logged-out").textContent()).toBe("Du är utloggad.");
    await page.reload();
    await expect.poll(() => page.getByTestId("not-logged-in").isVisible()).toBe(true);
  });

  it("logs in as a demo person in one click, on a phone, and shows her groups", async () => {
    const page = await session.newPage(phone);
    await logInAs(page, "Cecilia Ahmadi");
    const roles = page.getByTestId("my-groups").getByRole("list", { name: "Roller i Göteborg" });
    expect(await roles.getByRole("listitem").allTextContents()).toEqual([
      "Styrelseledamot",
      "Medlemsansvarig",
      "Medlem",
    ]);
    await expect.poll(() => accountLink(page).textContent()).toMatch(/^Cecilia\b/);
    // A shared document takes her in under her name.
    await page.goto("/documents/scratch:login-test");
    await expect
      .poll(() => page.getByTestId("document-you").textContent())
      .toBe("Andra ser dig som Cecilia Ahmadi.");
    for (const path of ["/me", "/login"]) {
      await page.goto(path);
      await heading(page).waitFor();
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
  });

  it("ends another device's session from my pages", async () => {
    // No other test logs Farid in: his sessions here are the only ones.
    const laptop = await session.newPage();
    const mobile = await session.newPage(phone);
    await logInAs(laptop, "Farid Hassan");
    await logInAs(mobile, "Farid Hassan");

    const sessions = mobile.getByTestId("my-sessions");
    await expect.poll(() => sessions.getByRole("listitem").count()).toBe(2);
    expect(await sessions.getByText("Den här enheten", { exact: true }).count()).toBe(1);
    await sessions.getByRole("button", { name: "Logga ut den här enheten" }).click();
    await expect.poll(() => mobile.getByTestId("sessions-status").textContent()).toMatch(/är utloggad\.$/);
    await expect.poll(() => sessions.getByRole("listitem").count()).toBe(1);

    await laptop.reload();
    await expect.poll(() => laptop.getByTestId("not-logged-in").isVisible()).toBe(true);
    await expect.poll(() => accountLink(laptop).textContent()).toBe("Logga in");
    await mobile.reload();
    await expect.poll(() => mobile.getByTestId("me-name").textContent()).toBe("Farid Hassan");
  });
});
