import { describe, expect, it } from "vitest";
import { caretNames, editorText, presentNames, roomStatus as status, typeAtEnd } from "./editor";
import { appInChromium, phone } from "./fixture";
import { logInAs, sidewaysOverflow } from "./pages";

const session = appInChromium();

describe("guests, in a real browser", () => {
  it("a member invites a guest to one document; the guest writes there, nowhere else, until withdrawn", async () => {
    const documentId = `scratch:guests-${Date.now().toString(36)}`;
    const member = await session.newPage();
    await logInAs(member, "David Nilsson");
    // A member joins under her session's name at once: nobody asks her for one.
    await member.goto(`/documents/${documentId}`);
    await expect.poll(() => status(member)).toBe("Ansluten");
    expect(await member.getByTestId("document-you").textContent()).toBe("Andra ser dig som David Nilsson.");

    // The invite panel: a link to copy, and the invite in the list.
    const panel = member.getByTestId("invite-panel");
    expect(await panel.getByRole("heading", { name: "Bjud in gäster" }).count()).toBe(1);
    await panel.getByRole("button", { name: "Skapa inbjudningslänk" }).click();
    const linkField = panel.getByLabel("Inbjudningslänk");
    await expect.poll(() => linkField.inputValue()).toMatch(/\/invite#token=[A-Za-z0-9_-]{43}$/);
    const link = await linkField.inputValue();
    expect(await linkField.getAttribute("readonly")).not.toBeNull();
    await expect.poll(() => panel.getByTestId("invite-list").getByRole("listitem").count()).toBe(1);
    await panel.getByRole("button", { name: "Kopiera länk" }).click();
    // Headless Chromium may refuse the clipboard: then the link is selected for copying by hand.
    await expect
      .poll(() => member.getByTestId("invite-status").textContent())
      .toMatch(/^(Länken är kopierad\.|Länken är markerad\.)/);

    // The guest, on her phone: the token leaves the address bar, she gives a name.
    const guest = await session.newPage(phone);
    await guest.goto(link);
    await expect.poll(() => guest.url()).toBe(session.url("/invite"));
    await guest.getByLabel("Vad vill du kallas?").fill("Sara Sympatisör");
    await guest.getByRole("button", { name: "Gå med som gäst" }).click();
    await expect.poll(() => guest.url()).toBe(session.url(`/documents/${documentId}`));
    await expect
      .poll(() => guest.getByTestId("guest-you").textContent())
      .toBe("Du deltar som gäst: Sara Sympatisör");
    expect(await guest.getByTestId("account-link").textContent()).toContain("Sara Sympatisör");
    expect(await guest.getByTestId("invite-panel").count()).toBe(0);
    await expect.poll(() => status(guest)).toBe("Ansluten");

    // Both write; both see both, and the guest is marked as one, in the list and at her caret.
    await typeAtEnd(member, "Från medlemmen.");
    await expect.poll(() => editorText(guest)).toBe("Från medlemmen.");
    await typeAtEnd(guest, " Från gästen.");
    await expect.poll(() => editorText(member)).toBe("Från medlemmen. Från gästen.");
    await expect.poll(() => presentNames(member)).toEqual(["David Nilsson (du)", "Sara Sympatisör (gäst)"]);
    await expect.poll(() => caretNames(member)).toEqual(["Sara Sympatisör (gäst)"]);
    await expect.poll(() => presentNames(guest)).toEqual(["Sara Sympatisör (du, gäst)", "David Nilsson"]);
    await expect.poll(() => caretNames(guest)).toEqual(["David Nilsson"]);
    expect(await sidewaysOverflow(guest)).toBeLessThanOrEqual(0);

    // Another document is not hers: refused, with the way back to her own.
    const elsewhere = await guest.context().newPage();
    await elsewhere.goto("/documents/scratch:other");
    await expect.poll(() => status(elsewhere)).toBe("Du har inte behörighet att öppna det här dokumentet.");
    expect(
      await elsewhere.getByRole("link", { name: "Till dokumentet du är inbjuden till" }).getAttribute("href"),
    ).toBe(`/documents/${documentId}`);
    await elsewhere.close();

    // The member sees her guest, withdraws the invite: the guest's page says so at once.
    const list = panel.getByTestId("invite-list");
    await panel.getByRole("button", { name: "Uppdatera" }).click();
    await expect.poll(() => list.textContent()).toContain("1 gäst har gått med");
    await list.getByRole("button", { name: "Dra tillbaka" }).click();
    await expect
      .poll(() => member.getByTestId("invite-status").textContent())
      .toBe("Inbjudan är tillbakadragen. Gästerna har inte längre tillgång till dokumentet.");
    await expect.poll(() => list.textContent()).toContain("Tillbakadragen");
    expect(await list.getByRole("button", { name: "Dra tillbaka" }).count()).toBe(0);
    await expect.poll(() => status(guest)).toBe("Du har inte längre tillgång till det här dokumentet.");

    // The link no longer lets anyone in, and says so.
    const latecomer = await session.newPage();
    await latecomer.goto(link);
    await latecomer.getByLabel("Vad vill du kallas?").fill("Sen gäst");
    await latecomer.getByRole("button", { name: "Gå med som gäst" }).click();
    await expect
      .poll(() => latecomer.getByTestId("invite-error").textContent())
      .toBe("Inbjudan har dragits tillbaka.");
  });

  it("explains a broken invite link", async () => {
    const page = await session.newPage(phone);
    await page.goto("/invite#token=not-a-token");
    await expect
      .poll(() => page.getByTestId("invite-error").textContent())
      .toBe("Inbjudningslänken är ogiltig. Be den som bjöd in dig om en ny.");
    expect(page.url()).toBe(session.url("/invite"));
  });

  it("an officer (for a scratch document, a national administrator) sees another member's invite and withdraws it", async () => {
    const documentId = `scratch:officer-${Date.now().toString(36)}`;
    const member = await session.newPage();
    await logInAs(member, "David Nilsson");
    await member.goto(`/documents/${documentId}`);
    const panel = member.getByTestId("invite-panel");
    await panel.getByRole("button", { name: "Skapa inbjudningslänk" }).click();
    await expect.poll(() => panel.getByTestId("invite-list").getByRole("listitem").count()).toBe(1);

    const admin = await session.newPage();
    await logInAs(admin, "Astrid Lindqvist");
    await admin.goto(`/documents/${documentId}`);
    const others = admin.getByTestId("others-invite-list");
    await expect.poll(() => others.getByRole("listitem").count()).toBe(1);
    expect(await others.textContent()).toContain("Gjord av David Nilsson");
    await others.getByRole("button", { name: "Dra tillbaka" }).click();
    await expect.poll(() => admin.getByTestId("others-invite-list").count()).toBe(0);

    // David sees his invite withdrawn.
    await panel.getByRole("button", { name: "Uppdatera" }).click();
    await expect
      .poll(() => panel.getByTestId("invite-list").getByRole("listitem").first().textContent())
      .toContain("Tillbakadragen");
  });
});
