import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { presentNames, roomStatus, textOf, typeInto } from "./editor";
import { appInChromium, phone } from "./fixture";
import { logInAs } from "./pages";

const session = appInChromium();

/**
 * A motion's whole way through the web app, as Göteborg's demo members: Ida Karlsson writes
 * it with Cecilia Ahmadi (on the branch's board), Karin Holm (a member, and chair of the
 * Göteborg district) supports it, Ida submits it, Cecilia's board treats it per att-sats and
 * adopts it, and it lands in the district's list. Then Ida writes offline on another motion and
 * Cecilia receives it when Ida is back. Each test its own new motion: other files do not see them.
 */

async function person(name: string, viewport = phone): Promise<Page> {
  const page = await session.newPage(viewport);
  await logInAs(page, name);
  return page;
}

const motivation = (page: Page) => page.getByRole("textbox", { name: "Motivering" });
const proposal = (page: Page, n: number) =>
  page.getByRole("textbox", { name: `Att-sats ${n}, texten efter ”att”` });
const caretLabels = (page: Page) => page.locator(".collaboration-carets__label").allTextContents();

/** Ida starts a motion from her group's list and invites Cecilia by name; returns the motion's path. */
async function startWithCecilia(ida: Page, title: string): Promise<string> {
  await ida.getByTestId("my-groups").getByTestId("motions-link").first().click();
  await expect.poll(() => ida.locator("h1").textContent()).toBe("Motioner i Göteborg");
  await ida.getByLabel("Rubrik").fill(title);
  await ida.getByTestId("create-motion").click();
  await expect.poll(() => ida.url()).toMatch(/\/motions\/\d+$/);
  await expect.poll(() => ida.getByTestId("motion-title").textContent()).toBe(title);
  await expect.poll(() => roomStatus(ida)).toBe("Ansluten");
  await ida.getByLabel("Sök en medlem med namn").fill("ahm");
  await ida.getByRole("button", { name: "Sök", exact: true }).click();
  await ida.getByRole("button", { name: "Bjud in Cecilia Ahmadi" }).click();
  await expect
    .poll(() => ida.getByTestId("motion-authors").textContent())
    .toBe("Ida Karlsson, Cecilia Ahmadi");
  return new URL(ida.url()).pathname;
}

/** Cecilia opens the motion she was invited to; both see each other present. */
async function coauthorOn(motionPath: string): Promise<Page> {
  const cecilia = await person("Cecilia Ahmadi");
  await cecilia.goto(motionPath);
  await expect.poll(() => roomStatus(cecilia)).toBe("Ansluten");
  await expect.poll(() => presentNames(cecilia)).toEqual(["Cecilia Ahmadi (du)", "Ida Karlsson"]);
  return cecilia;
}

describe("motions in the browser", () => {
  it("are written together, supported, submitted, treated per att-sats and forwarded", async () => {
    const title = `Skolgårdar med träd ${Date.now().toString(36)}`;

    // Ida starts a motion from her group's list and invites Cecilia by name.
    const ida = await person("Ida Karlsson", { width: 1280, height: 900 });
    const motionPath = await startWithCecilia(ida, title);

    // Both write at once, each in her own part; each sees the other's text, caret and presence.
    const cecilia = await coauthorOn(motionPath);
    await expect.poll(() => presentNames(ida)).toEqual(["Ida Karlsson (du)", "Cecilia Ahmadi"]);
    // The motivation has the formatting toolbar; the title and the att-satser are one line of plain text.
    expect(await ida.getByRole("toolbar").evaluateAll((bars) => bars.map((b) => b.ariaLabel))).toEqual([
      "Textformat: Motivering",
    ]);
    // Its hint points to those buttons first; the shortcuts are a note for keyboards.
    expect(await ida.getByTestId("motion-motivation-editor").locator(".hint").allTextContents()).toEqual([
      "Rubriker, listor, fetstil, kursiv och länkar gör du med knapparna ovanför texten.",
      "Med tangentbord: Ctrl+B fetstil, Ctrl+I kursiv; ## och mellanslag ger en rubrik, - en punktlista och 1. en numrerad lista.",
    ]);

    await typeInto(ida, motivation(ida), "Skolgårdarna i Göteborg är heta och kala om sommaren.");
    await typeInto(cecilia, proposal(cecilia, 1), "arbetarekommunen verkar för träd på alla skolgårdar");
    await expect
      .poll(() => textOf(motivation(cecilia)))
      .toBe("Skolgårdarna i Göteborg är heta och kala om sommaren.");
    await expect
      .poll(() => textOf(proposal(ida, 1)))
      .toBe("arbetarekommunen verkar för träd på alla skolgårdar");
    await expect.poll(() => caretLabels(ida)).toContain("Cecilia Ahmadi");

    await ida.getByTestId("add-proposal").click();
    await typeInto(ida, proposal(ida, 2), "skolgårdarna får skuggtak");
    await expect.poll(() => textOf(proposal(cecilia, 2))).toBe("skolgårdarna får skuggtak");
    await expect.poll(() => caretLabels(cecilia)).toContain("Ida Karlsson");

    // Opened for support: Karin, a member who does not write it, reads it live and supports it.
    await ida.getByTestId("open-for-support").click();
    await expect.poll(() => ida.getByTestId("motion-state").textContent()).toBe("Samlar stöd");
    const karin = await person("Karin Holm");
    await karin.goto(motionPath);
    await expect.poll(() => karin.getByTestId("read-only-notice").isVisible()).toBe(true);
    await expect.poll(() => textOf(proposal(karin, 2))).toBe("skolgårdarna får skuggtak");
    expect(await karin.getByRole("toolbar").count()).toBe(0);
    expect(await karin.getByTestId("motion-motivation-editor").locator(".hint").count()).toBe(0);
    await karin.getByTestId("support").click();
    await expect.poll(() => karin.getByTestId("supported").textContent()).toBe("Du stödjer motionen.");

    // Submitted to the branch's open period: the text is frozen and read with line numbers.
    await ida.reload();
    await expect.poll(() => ida.getByTestId("motion-supporters").textContent()).toBe("1 stödjer");
    // The branch's demo period asks for no supporters, and says so beside its name.
    await expect
      .poll(() => ida.getByTestId("period-rules").textContent())
      .toMatch(/^Lämnas in senast .+\. Inga stödpersoner krävs\.$/);
    await ida.getByTestId("submit-motion").click();
    await expect.poll(() => ida.getByTestId("motion-state").textContent()).toBe("Inlämnad");
    const lines = ida.getByTestId("motion-reading").getByRole("listitem");
    await expect.poll(() => lines.count()).toBe(4);
    expect(await lines.allTextContents()).toEqual([
      title,
      "Skolgårdarna i Göteborg är heta och kala om sommaren.",
      "att arbetarekommunen verkar för träd på alla skolgårdar",
      "att skolgårdarna får skuggtak",
    ]);
    expect(await ida.getByTestId("motion-writer").count()).toBe(0);
    expect(await ida.getByTestId("motion-reading").locator(".meta").first().textContent()).toMatch(
      /^Versionen är inlämnad och låstes .+\. Radnumrerad med högst 80 tecken per rad\.$/,
    );

    // The board (Cecilia) answers per att-sats, the meeting decides, and sending it on waits for an open period.
    await cecilia.reload();
    const treat = cecilia.getByTestId("treat-panel");
    await treat.getByLabel("Yttrande").fill("Styrelsen delar motionärernas uppfattning.");
    const second = treat.getByTestId("statement-proposal").nth(1);
    await second.getByLabel("Bifall med ändrad lydelse").check();
    await second.getByLabel("Ny lydelse, texten efter ”att”").fill("skolgårdarna får skugga");
    await treat.getByTestId("save-statement").click();
    await expect.poll(() => cecilia.getByTestId("motion-state").textContent()).toBe("Besvarad av styrelsen");
    await treat.getByTestId("save-decision").click();
    await expect.poll(() => cecilia.getByTestId("motion-state").textContent()).toBe("Beslutad");
    await treat.getByTestId("save-conclusion").click();
    await expect
      .poll(() => cecilia.getByTestId("save-conclusion-error").textContent())
      .toBe("Det finns ingen öppen motionstid att lämna motionen till.");

    // Karin, the district's chair, opens its motion period; now the motion is adopted and forwarded.
    await karin.goto("/motions?group=district%3Agoteborg");
    // On her phone the way to start a motion is on the first screen, above the district's list.
    const listHeading = karin.getByRole("heading", { name: "Gruppens motioner" });
    await expect.poll(() => listHeading.isVisible()).toBe(true);
    const start = await karin.getByTestId("create-motion").boundingBox();
    const listTop = (await listHeading.boundingBox())?.y ?? 0;
    expect(start && start.y + start.height).toBeLessThanOrEqual(phone.height);
    expect(start?.y).toBeLessThan(listTop);
    await karin.getByLabel("Namn").fill("Motionstid till distriktskongressen");
    await karin
      .getByLabel("Sista dag")
      .fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await karin.getByTestId("create-period").click();
    await expect
      .poll(() => karin.getByTestId("period-list").textContent())
      .toContain("Motionstid till distriktskongressen");

    await treat.getByTestId("save-conclusion").click();
    await expect
      .poll(() => cecilia.getByTestId("motion-state").textContent())
      .toBe("Antagen som egen och skickad vidare");
    const statementRows = cecilia.getByTestId("motion-verdicts").locator("tbody tr");
    expect(await statementRows.nth(1).textContent()).toContain(
      "Bifall med ändrad lydelse: att skolgårdarna får skugga",
    );

    await karin.reload();
    const item = karin.getByTestId("motion-item").filter({ hasText: title });
    await expect.poll(() => item.getByTestId("motion-item-sender").textContent()).toBe("Från Göteborg");
    await item.getByRole("link", { name: title }).click();
    await expect.poll(() => karin.getByTestId("motion-sender").textContent()).toBe("Göteborg");
    await expect
      .poll(() => karin.getByTestId("motion-reading").getByRole("listitem").allTextContents())
      .toEqual([
        title,
        "Skolgårdarna i Göteborg är heta och kala om sommaren.",
        "att arbetarekommunen verkar för träd på alla skolgårdar",
        "att skolgårdarna får skugga",
      ]);
  });

  it("keeps what an author types offline and hands it to the other on return", async () => {
    const ida = await person("Ida Karlsson", { width: 1280, height: 900 });
    const cecilia = await coauthorOn(
      await startWithCecilia(ida, `Fler parkbänkar ${Date.now().toString(36)}`),
    );
    await typeInto(ida, motivation(ida), "Äldre behöver vila.");
    await expect.poll(() => textOf(motivation(cecilia))).toBe("Äldre behöver vila.");

    await ida.context().setOffline(true);
    await expect.poll(() => roomStatus(ida)).toMatch(/^Offline – dina ändringar sparas/);
    // Ida's page closes its socket when it goes offline, and the room drops her presence at
    // once; when that close cannot get out (it raced the emulated network going down, seen on
    // a busy machine), her presence ends as Yjs awareness does, 30 s after her last renewal.
    await expect.poll(() => presentNames(cecilia), { timeout: 35_000 }).toEqual(["Cecilia Ahmadi (du)"]);
    await typeInto(ida, motivation(ida), " Skrivet utan nät.");
    expect(await textOf(motivation(ida))).toBe("Äldre behöver vila. Skrivet utan nät.");
    expect(await textOf(motivation(cecilia))).toBe("Äldre behöver vila.");

    await ida.context().setOffline(false);
    await expect.poll(() => roomStatus(ida)).toBe("Ansluten");
    await expect.poll(() => textOf(motivation(cecilia))).toBe("Äldre behöver vila. Skrivet utan nät.");
    await expect.poll(() => presentNames(cecilia)).toEqual(["Cecilia Ahmadi (du)", "Ida Karlsson"]);
  });

  it("shows nothing of a motion one may not see: its page is not found", async () => {
    const david = await person("David Nilsson");
    await david.goto("/motions/1");
    await expect.poll(() => david.locator("h1").textContent()).toBe("Sidan finns inte");
  });
});
