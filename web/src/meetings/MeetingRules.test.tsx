import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import {
  defaultMeetingSettings,
  type MeetingLiveState,
  type MeetingYou,
} from "../../../worker/shared/meetings";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { openMeetingForm, typeInto } from "./formTesting";
import { LiveMeeting } from "./live/LiveMeeting";
import { fakeMeetingRooms, frame, liveState, meetingSocket, sentCommands, youState } from "./live/testing";
import { karin, meetingView } from "./testing";

freshStateForEachTest();
fakeMeetingRooms();

const shownValue = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;

/** The radio for a tie-break in one of the two fieldsets (same option names in both). */
const tieChoice = (legend: string, option: string) =>
  within(screen.getByRole("group", { name: legend })).getByLabelText(option) as HTMLInputElement;

describe("MeetingRules in the plan", () => {
  it("sends every rule a chair sets, in seconds, and refuses numbers the Worker would refuse", async () => {
    loggedIn(karin);
    const api = fakeApi({ "POST /api/meetings": ({ json }) => meetingView({ id: 12, title: json.title }) });
    const history = openMeetingForm("/meetings/new?group=branch%3Agoteborg");
    await screen.findByLabelText(/^Mötets namn/);
    typeInto(/^Mötets namn/, "Årsmöte");
    typeInto(/^Börjar/, "2027-02-20T13:00");
    typeInto(/^Slutar/, "2027-02-20T16:00");
    const fields = screen.getByTestId("meeting-rule-fields") as HTMLDetailsElement;
    expect(fields.open).toBe(false);
    // The defaults, in the units people use.
    expect(shownValue(/^Talartid per inlägg/)).toBe("3");
    expect(shownValue(/^Talartid för replik/)).toBe("60");
    expect(shownValue(/^Tid att anmäla sig/)).toBe("1");
    expect(tieChoice("I vanliga beslut", "Ordförandens utslagsröst").checked).toBe(true);
    expect(tieChoice("I personval", "Lottning").checked).toBe(true);

    typeInto(/^Talartid per inlägg/, "61");
    typeInto(/^Högst antal repliker/, "1.5");
    fireEvent.click(screen.getByTestId("save-meeting"));
    expect(fields.open).toBe(true);
    expect(await screen.findByText("Skriv ett tal från 0 till 60.")).toBeTruthy();
    expect(screen.getByText("Skriv ett heltal från 0 till 10.")).toBeTruthy();
    expect(screen.getByLabelText(/^Talartid per inlägg/).getAttribute("aria-invalid")).toBe("true");
    expect(api.callsTo("POST /api/meetings")).toHaveLength(0);

    fireEvent.click(screen.getByLabelText("De som inte talat på punkten går först"));
    typeInto(/^Talartid per inlägg/, "1,5");
    typeInto(/^Talartid för replik/, "30");
    typeInto(/^Högst antal repliker/, "0");
    typeInto(/^Tid att anmäla sig/, "2");
    fireEvent.click(screen.getByLabelText("Ordningsfrågor får ställas även efter strecket"));
    fireEvent.click(tieChoice("I vanliga beslut", "Lottning"));
    fireEvent.click(tieChoice("I personval", "Ordförandens utslagsröst"));
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/12");
    expect(api.callsTo("POST /api/meetings")[0]?.json?.settings).toEqual({
      firstTimeSpeakersFirst: false,
      speechSeconds: 90,
      replySeconds: 30,
      maxRepliesPerSpeech: 0,
      closingWindowSeconds: 120,
      pointsOfOrderAfterClosing: false,
      tieBreakOrdinary: "lots",
      tieBreakElection: "casting",
    });
  });

  it("starts a new meeting from the rules of the group's latest meeting, and sends only those changed", async () => {
    loggedIn(karin);
    const groupRules = {
      ...defaultMeetingSettings,
      speechSeconds: 120,
      tieBreakElection: "casting" as const,
    };
    const api = fakeApi({
      "GET /api/meetings": () => ({
        group: meetingView().group,
        meetings: [5, 9, 6].map((id) => ({ ...meetingView({ id, title: `Möte ${id}` }) })),
      }),
      "GET /api/meetings/:id": ({ param }) =>
        meetingView({ id: Number(param.id), title: "Höstmötet", settings: groupRules }),
      "POST /api/meetings": () => meetingView({ id: 12 }),
    });
    const history = openMeetingForm("/meetings/new?group=branch%3Agoteborg");
    expect((await screen.findByTestId("meeting-rules-from")).textContent).toBe(
      "Samma regler som förra mötet, Höstmötet.",
    );
    expect(api.callsTo("GET /api/meetings")[0]?.query).toEqual({ group: "branch:goteborg", past: "1" });
    expect(api.callsTo("GET /api/meetings/:id").map((c) => c.param.id)).toEqual(["9"]);
    expect(shownValue(/^Talartid per inlägg/)).toBe("2");
    expect(tieChoice("I personval", "Ordförandens utslagsröst").checked).toBe(true);
    typeInto(/^Mötets namn/, "Vårmöte");
    typeInto(/^Börjar/, "2027-03-20T13:00");
    typeInto(/^Slutar/, "2027-03-20T16:00");
    typeInto(/^Talartid för replik/, "45");
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/12");
    expect(api.callsTo("POST /api/meetings")[0]?.json?.settings).toEqual({ replySeconds: 45 });
  });

  it("shows a planned meeting's rules and sends back only a rule that changed", async () => {
    loggedIn(karin);
    const settings = {
      ...defaultMeetingSettings,
      speechSeconds: 100,
      replySeconds: 45,
      tieBreakOrdinary: "lots" as const,
    };
    const api = fakeApi({
      "GET /api/meetings/:id": () => meetingView({ settings }),
      "PATCH /api/meetings/:id": () => meetingView(),
    });
    const history = openMeetingForm("/meetings/7/edit");
    expect(((await screen.findByLabelText(/^Talartid per inlägg/)) as HTMLInputElement).value).toBe("1,67");
    expect(shownValue(/^Talartid för replik/)).toBe("45");
    expect(tieChoice("I vanliga beslut", "Lottning").checked).toBe(true);
    expect(screen.queryByTestId("meeting-rules-from")).toBeNull();
    typeInto(/^Högst antal repliker/, "3");
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/7");
    // 1,67 minutes reads back as the 100 s it came from: not a change.
    expect(api.callsTo("PATCH /api/meetings/:id")[0]?.json?.settings).toEqual({ maxRepliesPerSpeech: 3 });
  });
});

describe("LiveRules", () => {
  /** Karin in the live meeting; the room's snapshots come through `snapshot`. */
  async function inRoom(you: MeetingYou) {
    loggedIn(karin);
    render(() => <LiveMeeting meeting={meetingView()} />);
    const socket = await meetingSocket();
    let version = 0;
    const snapshot = (meeting: Partial<MeetingLiveState> = {}) => {
      version += 1;
      frame(socket, { type: "state", version, meeting: liveState(meeting), you });
    };
    return { socket, snapshot };
  }

  it("shows everyone the rules in force, and the chair nothing to change them with", async () => {
    const { snapshot } = await inRoom(youState());
    snapshot({
      officers: [{ participantId: "someone-else", role: "chair" }],
      settings: { ...defaultMeetingSettings, speechSeconds: 90, replySeconds: 30, maxRepliesPerSpeech: 0 },
    });
    const summary = await screen.findByTestId("rules-summary");
    expect(summary.textContent).toContain("1,5 min per inlägg, 30 s per replik");
    expect(summary.textContent).toContain("Inga repliker");
    expect(summary.textContent).toContain("utslagsröst i vanliga beslut, lottning i personval");
    expect(
      within(screen.getByTestId("live-rules")).queryByRole("button", { name: "Spara reglerna" }),
    ).toBeNull();
  });

  it("sends the chair's changed rules only, keeps her typing through other changes, and follows the room", async () => {
    const { socket, snapshot } = await inRoom(youState({ participantId: "demo-karin", officer: ["chair"] }));
    // Until the meeting opens the room takes no commands: the plan's form sets the rules.
    snapshot({ state: "planned" });
    const rules = within(await screen.findByTestId("live-rules"));
    expect(rules.queryByRole("button", { name: "Spara reglerna" })).toBeNull();
    snapshot();
    await rules.findByRole("button", { name: "Spara reglerna" });
    const replies = () => rules.getByLabelText(/^Högst antal repliker/) as HTMLInputElement;
    fireEvent.input(replies(), { target: { value: "11" } });
    fireEvent.click(rules.getByRole("button", { name: "Spara reglerna" }));
    expect(await rules.findByText("Skriv ett heltal från 0 till 10.")).toBeTruthy();
    expect(sentCommands(socket)).toEqual([]);

    fireEvent.input(replies(), { target: { value: "4" } });
    fireEvent.click(
      within(rules.getByRole("group", { name: "I personval" })).getByLabelText("Ordförandens utslagsröst"),
    );
    // A snapshot with the same rules (someone asked to speak) leaves the draft alone.
    snapshot({ currentItemId: 2 });
    expect(replies().value).toBe("4");
    fireEvent.click(rules.getByRole("button", { name: "Spara reglerna" }));
    expect(sentCommands(socket)).toEqual([
      { type: "settings.update", settings: { maxRepliesPerSpeech: 4, tieBreakElection: "casting" } },
    ]);

    snapshot({
      settings: { ...defaultMeetingSettings, maxRepliesPerSpeech: 4, tieBreakElection: "casting" },
    });
    expect(await screen.findByText(/utslagsröst i personval/)).toBeTruthy();
    expect(rules.getByTestId("rules-summary").textContent).toContain("Högst 4 per inlägg");
  });
});
