import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../api/testing";
import { loggedIn } from "../../identity/session";
import { freshStateForEachTest } from "../../identity/testing";
import { motionView, version } from "../../motions/testing";
import { karin, meetingView, minutesVersion } from "../testing";
import { LiveMeeting } from "./LiveMeeting";
import {
  fakeMeetingRooms,
  frame,
  liveState,
  meetingSocket,
  participant,
  sentCommands,
  tokenFor,
  voteView,
  youState,
} from "./testing";

freshStateForEachTest();
fakeMeetingRooms();

describe("LiveMeeting", () => {
  it("follows the room: the current item, who is present with guests marked, the speaker list and its timer", async () => {
    loggedIn(karin);
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    frame(socket, {
      type: "participants",
      participants: [
        participant("demo-ida", "Ida Karlsson"),
        participant("guest-1", "Bo Ek", { guest: true, votingRight: false, checkedIn: false }),
        participant("demo-away", "Borta Person", { present: false }),
      ],
    });
    const speech = { participantId: "demo-ida", name: "Ida Karlsson", guest: false, replyTo: null };
    frame(socket, {
      type: "state",
      version: 4,
      meeting: liveState({
        currentItemId: 2,
        speakers: {
          itemId: 2,
          state: "open",
          closesAt: null,
          current: {
            id: 1,
            ...speech,
            kind: "speech",
            firstOnItem: true,
            startedAt: Date.now(),
            seconds: 120,
          },
          queue: [
            {
              id: 2,
              participantId: "guest-1",
              name: "Bo Ek",
              guest: true,
              kind: "reply",
              replyTo: "demo-ida",
              firstOnItem: true,
            },
          ],
        },
      }),
      you: youState({ participantId: "demo-karin" }),
    });
    expect((await screen.findByTestId("current-item-title")).textContent).toBe("§ 2 Bostäder");
    const current = screen
      .getAllByTestId("live-agenda-item")
      .find((li) => li.getAttribute("aria-current") === "step");
    expect(current?.textContent).toContain("Bostäder");
    expect(screen.getAllByTestId("participant").map((li) => li.textContent)).toEqual([
      "Ida KarlssonRöstar",
      "Bo Ek (gäst)",
    ]);
    expect(screen.getByTestId("speech-timer").textContent).toMatch(/[12]:[0-5]\d$/);
    const entry = screen.getByTestId("speaker-entry");
    expect(entry.textContent).toContain("Bo Ek (gäst)");
    expect(within(entry).getByText("Replik")).toBeTruthy();
    expect(within(entry).getByTestId("first-time")).toBeTruthy();
    expect(screen.queryByTestId("chair-speaker-controls")).toBeNull();
    fireEvent.click(screen.getByTestId("ask-reply"));
    expect(sentCommands(socket)).toEqual([{ type: "speaker.request", kind: "reply" }]);
    frame(socket, {
      type: "error",
      code: "meeting_reply_not_possible",
      message: "x",
      ref: "speaker.request",
    });
    expect((await screen.findByTestId("meeting-refusal")).textContent).not.toBe("");
  });

  it("gives the chair her controls, from the state the room sends", async () => {
    loggedIn(karin);
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    frame(socket, {
      type: "state",
      version: 1,
      meeting: liveState({
        currentItemId: 1,
        speakers: {
          itemId: 1,
          state: "open",
          closesAt: null,
          current: null,
          queue: [
            {
              id: 5,
              participantId: "a",
              name: "Anna",
              guest: false,
              kind: "speech",
              replyTo: null,
              firstOnItem: false,
            },
            {
              id: 6,
              participantId: "b",
              name: "Berit",
              guest: false,
              kind: "speech",
              replyTo: null,
              firstOnItem: true,
            },
          ],
        },
      }),
      you: youState({
        participantId: "demo-karin",
        officer: ["chair"],
        stats: {
          perPerson: [{ participantId: "a", name: "Anna", seconds: 95, speeches: 2 }],
          firstTimeSpeeches: 3,
          repeatSpeeches: 1,
        },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Flytta Berit upp" }));
    fireEvent.click(screen.getByTestId("speaker-next"));
    fireEvent.click(screen.getByRole("button", { name: "Gå till punkt 2: Bostäder" }));
    expect(sentCommands(socket)).toEqual([
      { type: "speaker.move", entryId: 6, to: 0 },
      { type: "speaker.next" },
      { type: "agenda.goto", itemId: 2 },
    ]);
    expect(screen.getByTestId("speaking-stats").textContent).toContain("1:35");
    expect(screen.getByTestId("speaking-stats").textContent).toContain("förstagångstalare: 3");
    const rules = within(screen.getByTestId("live-rules"));
    fireEvent.click(rules.getByLabelText("De som inte talat på punkten går först"));
    fireEvent.input(rules.getByLabelText(/^Talartid per inlägg/), { target: { value: "2" } });
    fireEvent.click(rules.getByRole("button", { name: "Spara reglerna" }));
    const addItem = within(screen.getByTestId("add-item"));
    fireEvent.input(addItem.getByLabelText("Ny punkt"), { target: { value: "Övriga frågor" } });
    fireEvent.click(addItem.getByRole("button", { name: "Lägg till" }));
    expect(sentCommands(socket).slice(3)).toEqual([
      { type: "settings.update", settings: { firstTimeSpeakersFirst: false, speechSeconds: 120 } },
      { type: "agenda.add", title: "Övriga frågor", kind: "discussion" },
    ]);
    // Once the agenda is adopted, an item comes only with the decision that adds it.
    frame(socket, {
      type: "state",
      version: 2,
      meeting: liveState({ agendaAdopted: true }),
      you: youState({ officer: ["chair"] }),
    });
    fireEvent.input(await addItem.findByLabelText(/^Beslutet att lägga till punkten/), {
      target: { value: "Mötet beslöt att ta upp frågan." },
    });
    fireEvent.input(addItem.getByLabelText("Ny punkt"), { target: { value: "Lokalfrågan" } });
    fireEvent.click(addItem.getByRole("button", { name: "Lägg till" }));
    expect(sentCommands(socket).at(-1)).toEqual({
      type: "agenda.add",
      title: "Lokalfrågan",
      kind: "discussion",
      decision: "Mötet beslöt att ta upp frågan.",
    });
  });

  it("puts the current item and the agenda before speakers, polls and votes, and offers new polls and votes only while open", async () => {
    loggedIn(karin);
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    const chairState = (state: "planned" | "open") =>
      frame(socket, {
        type: "state",
        version: state === "planned" ? 1 : 2,
        meeting: liveState({ state, currentItemId: state === "open" ? 1 : null }),
        you: youState({ participantId: "demo-karin", officer: ["chair"] }),
      });
    chairState("planned");
    await screen.findByTestId("open-meeting");
    expect(screen.getByTestId("polls")).toBeTruthy();
    expect(screen.queryByTestId("new-poll")).toBeNull();
    expect(screen.queryByTestId("new-vote")).toBeNull();
    chairState("open");
    await screen.findByTestId("new-poll");
    expect(screen.getByTestId("new-vote")).toBeTruthy();
    const order = ["current-item", "live-agenda", "speakers", "polls", "votes", "participants"].map((id) =>
      screen.getByTestId(id),
    );
    for (const [before, after] of order.slice(0, -1).map((el, i) => [el, order[i + 1]] as const)) {
      expect(before.compareDocumentPosition(after as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it("sends the chair to the vote in progress when closing the meeting waits for it", async () => {
    loggedIn(karin);
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    const vote = voteView({ secret: false, voted: 1 });
    frame(socket, {
      type: "state",
      version: 1,
      meeting: liveState({ votes: [vote] }),
      you: youState({ participantId: "demo-karin", officer: ["chair"] }),
    });
    fireEvent.click(await screen.findByTestId("close-meeting"));
    expect(sentCommands(socket)).toEqual([{ type: "meeting.close" }]);
    frame(socket, { type: "error", code: "meeting_close_vote_open", message: "x", ref: "meeting.close" });
    const refusal = await screen.findByTestId("meeting-refusal");
    expect(refusal.textContent).toContain("En omröstning pågår. Avsluta den innan du avslutar mötet.");
    fireEvent.click(within(refusal).getByRole("button", { name: "Gå till omröstningen som pågår: Bifall?" }));
    expect(document.activeElement).toBe(screen.getByTestId("close-vote"));
  });

  it("tells a guest why she cannot vote, and lets a voter vote once and keep her receipt", async () => {
    loggedIn(karin);
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    const vote = voteView();
    frame(socket, {
      type: "state",
      version: 1,
      meeting: liveState({ votes: [vote] }),
      you: youState({ guest: true, votingRight: false, checkedIn: false }),
    });
    expect((await screen.findByTestId("vote-cannot")).textContent).toContain("gäst");
    // Nobody has asked to speak on the item yet: its list is there, empty and open.
    expect(screen.getByTestId("speakers-state").textContent).toBe("Talarlistan är öppen.");
    expect(screen.queryByTestId("cast-vote")).toBeNull();
    frame(socket, { type: "you", version: 1, you: youState() });
    fireEvent.click(await screen.findByLabelText("Ja"));
    fireEvent.click(screen.getByTestId("cast-vote"));
    expect(sentCommands(socket)).toEqual([{ type: "vote.cast", voteId: 9, choices: [0] }]);
    frame(socket, { type: "vote.receipt", voteId: 9, receipt: "H4K2-9QXM" });
    frame(socket, { type: "you", version: 1, you: youState({ votedIn: [9] }) });
    expect((await screen.findByTestId("vote-receipt")).textContent).toContain("H4K2-9QXM");
    expect(screen.getByTestId("vote-done")).toBeTruthy();
  });

  it("lets the secretary hand in the minutes once the meeting closed, and an adjuster approve them", async () => {
    loggedIn(karin);
    const version = (frozen: boolean) =>
      minutesVersion({
        frozenAt: frozen ? Date.now() : null,
        approvals: frozen
          ? [{ person: { id: "demo-karin", name: "Karin Holm" }, approvedAt: Date.now() }]
          : [],
      });
    const api = fakeApi({
      "POST /api/rooms/:documentId/token": tokenFor("read"),
      "POST /api/meetings/:id/minutes": () => version(false),
      "POST /api/meetings/:id/minutes/:version/approval": () => version(true),
    });
    render(() => <LiveMeeting meeting={meetingView({ can: ["meeting.attend"] })} />);
    const socket = await meetingSocket();
    frame(socket, {
      type: "state",
      version: 1,
      meeting: liveState({ state: "closed" }),
      you: youState({ participantId: "demo-karin", officer: ["secretary", "adjuster"] }),
    });
    fireEvent.click(await screen.findByTestId("submit-minutes"));
    await expect
      .poll(() => screen.getByTestId("minutes-status").textContent)
      .toMatch(/^Version 1 är lämnad till justering/);
    fireEvent.click(screen.getByTestId("approve-minutes"));
    await expect
      .poll(() => screen.getByTestId("minutes-status").textContent)
      .toBe("Version 1 är justerad och låst.");
    expect(screen.getByTestId("minutes-print-link").getAttribute("href")).toBe("/meetings/7/minutes/1");
    expect(api.callsTo("POST /api/meetings/:id/minutes/:version/approval")[0]?.param).toEqual({
      id: "7",
      version: "1",
    });
  });

  it("tells the chair she keeps the minutes while no secretary is elected, and lets her hand them in", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "POST /api/rooms/:documentId/token": tokenFor("write"),
      "POST /api/meetings/:id/minutes": () => minutesVersion({ frozenAt: null, approvals: [] }),
    });
    render(() => (
      <LiveMeeting meeting={meetingView({ can: ["meeting.attend", "meeting.manage", "meeting.minutes"] })} />
    ));
    const socket = await meetingSocket();
    const closed = (officers: { participantId: string; role: "chair" | "secretary" }[], version: number) =>
      frame(socket, {
        type: "state",
        version,
        meeting: liveState({ state: "closed", officers }),
        you: youState({ participantId: "demo-karin", officer: ["chair"] }),
      });
    closed([{ participantId: "demo-karin", role: "chair" }], 1);
    expect((await screen.findByTestId("minutes-chair-writes")).textContent).toBe(
      "Ingen mötessekreterare är vald, så du som mötesordförande skriver protokollet och lämnar det till justerarna.",
    );
    fireEvent.click(screen.getByTestId("submit-minutes"));
    await expect.poll(() => api.callsTo("POST /api/meetings/:id/minutes").length).toBe(1);
    // Once the meeting elects a secretary, the minutes are hers: the note goes.
    closed(
      [
        { participantId: "demo-karin", role: "chair" },
        { participantId: "demo-ida", role: "secretary" },
      ],
      2,
    );
    await expect.poll(() => screen.queryByTestId("minutes-chair-writes")).toBeNull();
  });

  it("records the decision on a motion's item with a verdict per att-sats, the board's proposal first", async () => {
    loggedIn(karin);
    fakeApi({
      "POST /api/rooms/:documentId/token": tokenFor("write"),
      "GET /api/motions/:id": () =>
        motionView({
          id: 42,
          title: "Fler bänkar",
          statement: {
            version: 1,
            text: "",
            proposals: [{ verdict: "approve" }, { verdict: "reject" }],
            createdAt: 0,
          },
          versions: [{ number: 1, reason: "submitted", createdAt: 0 }],
        }),
      "GET /api/motions/:id/versions/:number": () => ({
        ...version,
        proposals: [
          { key: "a", text: "bänkar sätts upp", json: { type: "doc" } },
          { key: "b", text: "de målas röda", json: { type: "doc" } },
        ],
      }),
    });
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    frame(socket, {
      type: "state",
      version: 1,
      meeting: liveState({
        currentItemId: 3,
        agenda: [{ id: 3, number: 1, title: "Motioner", kind: "decision", motionId: 42 }],
      }),
      you: youState({ participantId: "demo-karin", officer: ["chair"] }),
    });
    const second = await screen.findByLabelText("Att-sats 2: att de målas röda");
    expect((second as HTMLInputElement).value).toBe("reject");
    fireEvent.change(second, { target: { value: "answered" } });
    fireEvent.input(screen.getByLabelText("Beslutets lydelse"), {
      target: { value: "Mötet beslöt enligt styrelsen." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Protokollför beslutet" }));
    expect(sentCommands(socket).at(-1)).toEqual({
      type: "decision.record",
      text: "Mötet beslöt enligt styrelsen.",
      motionVerdicts: [{ verdict: "approve" }, { verdict: "answered" }],
    });
  });
});
