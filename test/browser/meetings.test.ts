import { strFromU8, unzipSync } from "fflate";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium, laptop, phone } from "./fixture";
import { logInAs, sidewaysOverflow } from "./pages";

const session = appInChromium();

/**
 * A travel-free meeting in three browsers. Elin Johansson chairs the Norrbotten district and
 * plans its meetings; the district's only other person in them is Astrid Lindqvist, a
 * national administrator (the national group is above the district), elected adjuster; a
 * guest joins the open meeting by link. Each test plans its own meetings, so other files
 * never see them.
 */

async function person(name: string, viewport = laptop): Promise<Page> {
  const page = await session.newPage(viewport);
  await logInAs(page, name);
  return page;
}

/** Tomorrow in Stockholm at the given time, as a `datetime-local` input takes it. */
function tomorrowAt(time: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(
    Date.now() + 86_400_000,
  );
  return `${day}T${time}`;
}

/** Elin plans a meeting from the district's page; answers its id. */
async function plan(elin: Page, title: string, access: "open" | "members"): Promise<number> {
  await elin.goto("/organisation/district/norrbotten");
  await elin.getByTestId("new-meeting").click();
  await expect.poll(() => elin.locator("h1").textContent()).toBe("Nytt möte");
  await elin.getByLabel("Mötets namn").fill(title);
  await elin.getByLabel("Börjar").fill(tomorrowAt("18:00"));
  await elin.getByLabel("Slutar").fill(tomorrowAt("20:00"));
  await elin.getByLabel(access === "open" ? /^Öppet möte/ : /^Medlemsmöte/).check();
  await elin
    .getByLabel("Dagordning att börja med")
    .selectOption(access === "open" ? "conversation" : "board");
  // Elin chairs as the planner; she names herself secretary and Astrid adjuster by name.
  const search = elin.getByLabel("Sök en medlem med namn");
  await search.fill("elin");
  await search.press("Enter");
  await elin.getByRole("button", { name: "Välj Elin Johansson till mötessekreterare" }).click();
  await search.fill("astrid");
  await elin.getByRole("button", { name: "Sök", exact: true }).click();
  await elin.getByRole("button", { name: "Välj Astrid Lindqvist till justerare" }).click();
  await expect.poll(() => elin.getByTestId("planned-adjusters").textContent()).toContain("Astrid Lindqvist");
  await elin.getByTestId("save-meeting").click();
  await expect.poll(() => elin.url()).toMatch(/\/meetings\/\d+$/);
  await expect.poll(() => elin.locator("h1").textContent()).toBe(title);
  return Number(new URL(elin.url()).pathname.split("/").at(-1));
}

const currentItem = (page: Page) => page.getByTestId("current-item-title").textContent();
const queue = (page: Page) => page.getByTestId("speaker-entry").allTextContents();
const live = (page: Page) => page.getByTestId("live-meeting");

/** How a toggle button looks: its fill and the mark before its label. */
const toggleLook = (button: Locator) =>
  button.evaluate((el) => ({
    background: getComputedStyle(el).backgroundColor,
    mark: getComputedStyle(el, "::before").content,
  }));

async function joinLive(page: Page, meetingId: number) {
  await page.goto(`/meetings/${meetingId}`);
  await expect.poll(() => live(page).getByTestId("room-status").first().textContent()).toBe("Ansluten");
}

describe("meetings in the browser", () => {
  it("an open meeting: a guest joins by link, speaks after a replik and first-time priority, answers a poll, cannot vote; a reload returns to the item", async () => {
    const title = `Samtal om skolan ${Date.now().toString(36)}`;
    const elin = await person("Elin Johansson");
    const meetingId = await plan(elin, title, "open");

    // The meeting is on the district's page and on Astrid's own page.
    const astrid = await person("Astrid Lindqvist", phone);
    await expect
      .poll(() => astrid.getByTestId("my-meetings").getByRole("link", { name: title }).count())
      .toBe(1);

    // Elin makes a guest link; the guest follows it on her phone and lands on the meeting.
    await elin.getByTestId("create-invite").click();
    const link = await elin.getByTestId("invite-link").inputValue();
    const guest = await session.newPage(phone);
    await guest.goto(link);
    await guest.getByLabel("Vad vill du kallas?").fill("Sara Sympatisör");
    await guest.getByRole("button", { name: "Gå med som gäst" }).click();
    await expect.poll(() => guest.url()).toBe(session.url(`/meetings/${meetingId}`));

    // Everyone joins live; the chair opens the meeting and moves to the second item.
    await joinLive(elin, meetingId);
    await joinLive(astrid, meetingId);
    await expect.poll(() => live(guest).getByTestId("room-status").first().textContent()).toBe("Ansluten");
    await elin.getByTestId("open-meeting").click();
    await elin.getByRole("button", { name: "Gå till punkt 2: Samtal" }).click();
    for (const page of [elin, astrid, guest]) await expect.poll(() => currentItem(page)).toBe("§ 2 Samtal");
    await expect
      .poll(() => elin.getByTestId("participant").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("Sara Sympatisör (gäst)")]));
    expect(await guest.getByTestId("meeting-controls").count()).toBe(0);
    // A phone shows the current item before the agenda; a laptop puts the agenda to its left.
    const boxes = (page: Page) =>
      Promise.all([
        page.getByTestId("current-item").boundingBox(),
        page.getByTestId("live-agenda").boundingBox(),
      ]);
    const [guestItem, guestAgenda] = await boxes(guest);
    expect(guestItem?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(guestAgenda?.y ?? 0);
    const [elinItem, elinAgenda] = await boxes(elin);
    expect(elinAgenda?.x ?? Number.POSITIVE_INFINITY).toBeLessThan(elinItem?.x ?? 0);

    // Astrid speaks, then asks again; the guest, first on this item, goes before her;
    // Elin's replik to Astrid's speech goes first of all.
    await astrid.getByTestId("ask-speech").click();
    await expect.poll(() => queue(elin)).toHaveLength(1);
    await elin.getByTestId("speaker-next").click();
    await expect.poll(() => guest.getByTestId("current-speaker").textContent()).toContain("Astrid Lindqvist");
    expect(await guest.getByTestId("speech-timer").textContent()).toMatch(/^Talartid kvar: [0-3]:[0-5]\d$/);
    await astrid.getByTestId("ask-speech").click();
    await expect.poll(() => queue(elin)).toHaveLength(1);
    await guest.getByTestId("ask-speech").click();
    await elin.getByTestId("ask-reply").click();
    await expect
      .poll(() => queue(astrid))
      .toEqual([
        "1. Elin JohanssonReplikFörsta gången",
        "2. Sara Sympatisör (gäst)Första gången",
        "3. Astrid LindqvistTa tillbaka",
      ]);
    // The chair sees who spoke how long, and the split: Astrid's was a first-time speech (a reply is no speech).
    await elin.getByTestId("speaker-next").click();
    await expect.poll(() => guest.getByTestId("current-speaker").textContent()).toContain("Elin Johansson");
    await expect
      .poll(() => elin.getByTestId("speaking-stats").textContent())
      .toMatch(/förstagångstalare: 1\. Av dem som talat förut: 0\..*Astrid Lindqvist.*Elin Johansson/);

    // A quick poll: the guest answers, everyone sees the result.
    await elin.getByTestId("new-poll").getByLabel("Fråga", { exact: true }).fill("Ska vi ses igen?");
    await elin.getByTestId("new-poll").getByLabel("Svarsalternativ").fill("Ja\nNej");
    await elin.getByTestId("open-poll").click();
    const poll = guest.getByTestId("poll").first();
    await poll.getByLabel("Ja").check();
    await poll.getByTestId("poll-answer").click();
    await expect.poll(() => poll.getByTestId("poll-answered").count()).toBe(1);
    await expect
      .poll(() => elin.getByTestId("poll").first().getByTestId("poll-count").allTextContents())
      .toEqual(["1", "0"]);

    // No vote for the guest: an open meeting decides nothing.
    expect(await guest.getByTestId("votes").textContent()).toContain("Ett öppet möte fattar inga beslut");
    expect(await sidewaysOverflow(guest)).toBeLessThanOrEqual(0);

    // A reload mid-meeting returns to the item under treatment within 2 s.
    await guest.reload();
    const started = Date.now();
    await expect.poll(() => currentItem(guest), { timeout: 2000 }).toBe("§ 2 Samtal");
    expect(Date.now() - started).toBeLessThan(2000);
    await expect.poll(() => live(guest).getByTestId("room-status").first().textContent()).toBe("Ansluten");
  });

  it("a members-only meeting: the member votes in secret, keeps a receipt and finds her ballot; two proposals, the order approved, a demanded count decides the step, a reservation; a guest cannot get in", async () => {
    const title = `Styrelsemöte ${Date.now().toString(36)}`;
    const elin = await person("Elin Johansson");
    const meetingId = await plan(elin, title, "members");
    const astrid = await person("Astrid Lindqvist", phone);
    await joinLive(elin, meetingId);
    await joinLive(astrid, meetingId);
    await elin.getByTestId("open-meeting").click();
    await expect.poll(() => currentItem(astrid)).toBe("§ 1 Mötets öppnande");

    // Astrid, an adjuster from the national level, has no vote until the chair adjusts the roll.
    expect(await astrid.getByTestId("roll-status").textContent()).toContain("inte rösträtt");
    await elin.getByRole("button", { name: "Rösträtt: Astrid Lindqvist" }).click();
    await astrid.getByTestId("roll-check").click();
    await expect.poll(() => astrid.getByTestId("roll-status").textContent()).toContain("Du är anmäld");

    // A secret vote: Astrid votes once and gets a receipt; the chair closes the vote.
    await elin.getByTestId("new-vote").getByLabel("Fråga", { exact: true }).fill("Bifall till förslaget?");
    await elin.getByTestId("vote-secret").check();
    await elin.getByTestId("open-vote").click();
    const vote = astrid.getByTestId("vote").first();
    await expect.poll(() => vote.getByTestId("cast-vote").count()).toBe(1);

    // The chair keeps the roll from the participant list, by keyboard, on a phone too: Astrid,
    // checked out, has no vote button (the room would refuse her ballot); checked back in, she votes.
    await elin.setViewportSize(phone);
    const onRoll = elin.getByRole("button", { name: "Anmäld närvarande i röstlängden: Astrid Lindqvist" });
    await onRoll.focus();
    await elin.keyboard.press("Enter");
    await expect.poll(() => onRoll.getAttribute("aria-pressed")).toBe("false");
    // Off and on look different even under a finger's lingering hover, and not by colour alone.
    await onRoll.hover();
    const off = await toggleLook(onRoll);
    expect(off.mark).toBe("none");
    await expect.poll(() => vote.getByTestId("vote-cannot").textContent()).toContain("inte anmäld");
    expect(await vote.getByTestId("cast-vote").count()).toBe(0);
    expect(await sidewaysOverflow(elin)).toBeLessThanOrEqual(0);
    await elin.keyboard.press("Enter");
    await expect.poll(() => onRoll.getAttribute("aria-pressed")).toBe("true");
    const on = await toggleLook(onRoll);
    expect(on.mark).toContain("✓");
    expect(on.background).not.toBe(off.background);
    await elin.setViewportSize(laptop);
    await vote.getByLabel("Ja").check();
    await vote.getByTestId("cast-vote").click();
    await expect.poll(() => vote.getByTestId("vote-receipt").count()).toBe(1);
    const receipt = (await vote.locator(".receipt-code").textContent()) ?? "";
    expect(receipt.length).toBeGreaterThan(3);
    await expect.poll(() => elin.getByTestId("vote-turnout").first().textContent()).toContain("1 av");
    await elin.getByTestId("close-vote").click();
    await vote.getByTestId("show-ballots").click();
    await expect.poll(() => vote.getByTestId("own-ballot").textContent()).toContain(receipt);
    expect(await vote.getByTestId("own-ballot").textContent()).toContain("Ja");

    // The decision goes on the item; the secretary adds to the minutes the room has drafted.
    await elin.getByLabel("Beslutets lydelse").fill("Mötet biföll förslaget.");
    await elin.getByLabel("Efter omröstning").selectOption({ label: "Bifall till förslaget?" });
    await elin.getByRole("button", { name: "Protokollför beslutet" }).click();
    await expect
      .poll(() => astrid.getByTestId("decision").first().textContent())
      .toContain("Mötet biföll förslaget.");
    const minutesEditor = elin.getByTestId("minutes").locator(".ProseMirror");
    await expect.poll(() => minutesEditor.textContent()).toContain("Mötet biföll förslaget.");
    await minutesEditor.click();
    await elin.keyboard.press("Control+End");
    await elin.keyboard.press("Enter");
    await elin.keyboard.type("Protokollet fördes digitalt.");

    // The formal procedure: Astrid proposes approval and Elin rejection; the chair's order
    // puts them against each other and the meeting approves it; Astrid demands a count,
    // votes, and the count decides the step; she enters a reservation against the decision.
    await astrid.getByTestId("add-proposal").click();
    await expect.poll(() => elin.getByTestId("proposal").count()).toBe(1);
    await elin.getByTestId("new-proposal").getByLabel("Slag av yrkande").selectOption("reject");
    await elin.getByTestId("add-proposal").click();
    await expect
      .poll(() => astrid.getByTestId("proposal").allTextContents())
      .toEqual([
        expect.stringMatching(/^Yrkande \d+: Bifall av Astrid Lindqvist/),
        expect.stringMatching(/^Yrkande \d+: Avslag av Elin Johansson/),
      ]);
    const draft = elin.getByTestId("order-draft");
    await draft.getByLabel(/: Bifall$/).check();
    await draft.getByLabel(/: Avslag$/).check();
    await elin.getByTestId("propose-order").click();
    await elin.getByTestId("approve-order").click();
    await expect.poll(() => astrid.getByTestId("order-status").textContent()).toBe("Godkänd av mötet.");
    expect(await astrid.getByTestId("new-proposal").count()).toBe(0);
    await astrid.getByTestId("demand-count").click();
    await expect.poll(() => elin.getByTestId("count-demanded").count()).toBe(1);
    const count = astrid.getByTestId("vote").first();
    await count.getByLabel(/\(bifall\)$/).check();
    await count.getByTestId("cast-vote").click();
    await expect.poll(() => count.getByTestId("vote-done").count()).toBe(1);
    await elin.getByTestId("close-vote").click();
    await elin.getByTestId("decide-by-count").click();
    await expect
      .poll(() => astrid.getByTestId("step-outcome").textContent())
      .toMatch(/^Beslut enligt yrkande \d+ \(votering\)\.$/);
    const stepDecision = astrid.getByTestId("decision").last();
    expect(await stepDecision.textContent()).toContain("Mötet beslutade efter votering enligt yrkande");
    await stepDecision.getByLabel(/^Text till beslut/).fill("Jag ville ha avslag på punkt två.");
    await stepDecision.getByTestId("reserve").click();
    await expect
      .poll(() => elin.getByTestId("decision").last().getByTestId("reservation").textContent())
      .toBe("Astrid Lindqvist reserverade sig: Jag ville ha avslag på punkt två.");

    // The chair closes the meeting; the secretary hands the minutes in; the adjuster approves them.
    await elin.getByTestId("close-meeting").click();
    await elin.getByTestId("submit-minutes").click();
    await expect.poll(() => elin.getByTestId("minutes-status").textContent()).toMatch(/^Version 1 är lämnad/);
    await astrid.reload();
    await astrid.getByTestId("approve-minutes").click();
    await expect
      .poll(() => astrid.getByTestId("minutes-status").textContent())
      .toBe("Version 1 är justerad och låst.");

    // The approved minutes: a print view, and a DOCX whose text is the minutes.
    await astrid.getByTestId("minutes-print-link").click();
    await expect.poll(() => astrid.locator("h1").textContent()).toBe(title);
    expect(await astrid.getByTestId("minutes-page").textContent()).toContain("Protokollet fördes digitalt.");
    expect(await astrid.getByTestId("minutes-officers").textContent()).toContain("JusterareAstrid Lindqvist");
    const [download] = await Promise.all([
      astrid.waitForEvent("download"),
      astrid.getByTestId("minutes-docx").click(),
    ]);
    const bytes: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) bytes.push(chunk as Buffer);
    const docx = unzipSync(new Uint8Array(Buffer.concat(bytes)));
    const xml = strFromU8(docx["word/document.xml"] ?? new Uint8Array());
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
    expect(text).toContain(title);
    expect(text).toContain("Mötet biföll förslaget.");
    expect(text).toContain("Protokollet fördes digitalt.");

    // A guest session is for open meetings only: this one does not exist for anyone else.
    const stranger = await session.newPage(phone);
    await stranger.goto(`/meetings/${meetingId}`);
    await expect.poll(() => stranger.locator("h1").textContent()).not.toBe(title);
  });

  it("the demo meeting's consultation item opens the branch's workspace, which names the meeting back", async () => {
    const title = "Medlemsmöte: vi svarar på rådslaget";
    const ida = await person("Ida Karlsson", phone);
    await ida.goto("/organisation/branch/goteborg");
    await ida.getByTestId("meeting-list").getByRole("link", { name: title }).click();
    await expect.poll(() => ida.locator("h1").textContent()).toBe(title);
    const meetingPath = new URL(ida.url()).pathname;
    await ida
      .getByTestId("meeting-consultations")
      .getByRole("link", { name: /^Öppna rådslagets arbetsyta/ })
      .click();
    await expect.poll(() => ida.locator("h1").textContent()).toBe("Svaret från Göteborg");
    await ida.getByTestId("workspace-meeting").click();
    await expect.poll(() => new URL(ida.url()).pathname).toBe(meetingPath);
  });
});

describe("meeting rules in the browser", () => {
  it("the chair changes the rules live on her phone from the plan's fields; everyone sees the rules in force", async () => {
    const title = `Regler ${Date.now().toString(36)}`;
    const elin = await person("Elin Johansson", phone);
    const meetingId = await plan(elin, title, "members");
    const astrid = await person("Astrid Lindqvist");
    await joinLive(elin, meetingId);
    await joinLive(astrid, meetingId);
    const summary = (page: Page) => page.getByTestId("rules-summary").textContent();
    await expect.poll(() => summary(astrid)).toContain("3 min per inlägg, 1 min per replik");
    expect(await astrid.getByRole("button", { name: "Spara reglerna" }).count()).toBe(0);
    await elin.getByTestId("open-meeting").click();

    // Changed live only (the room's rules), so other tests' meetings in the district keep theirs.
    const rules = elin.getByTestId("live-rules");
    await rules.getByText("Ändra reglerna").click();
    await rules.getByLabel(/^Talartid per inlägg/).fill("1,5");
    await rules.getByLabel(/^Högst antal repliker/).fill("0");
    await rules.getByRole("group", { name: "I vanliga beslut" }).getByLabel("Lottning").press("Space");
    await rules.getByRole("button", { name: "Spara reglerna" }).click();
    await expect.poll(() => summary(astrid)).toContain("1,5 min per inlägg");
    expect(await summary(astrid)).toContain("Inga repliker");
    expect(await summary(astrid)).toContain("lottning i vanliga beslut, lottning i personval");
    expect(await sidewaysOverflow(elin)).toBeLessThanOrEqual(0);
  });
});
