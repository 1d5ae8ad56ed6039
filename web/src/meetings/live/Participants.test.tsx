import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { MeetingAccess, MeetingOfficerRole } from "../../../../worker/shared/meetings";
import { loggedIn } from "../../identity/session";
import { freshStateForEachTest } from "../../identity/testing";
import { karin, meetingView } from "../testing";
import { LiveMeeting } from "./LiveMeeting";
import {
  fakeMeetingRooms,
  frame,
  liveState,
  meetingSocket,
  participant,
  sentCommands,
  youState,
} from "./testing";

freshStateForEachTest();
fakeMeetingRooms();

const ida = participant("demo-ida", "Ida Karlsson");
const olle = participant("demo-olle", "Olle Berg", { checkedIn: false });
const borta = participant("demo-borta", "Borta Person", { present: false });
const gone = participant("demo-gone", "Gått Hem", { present: false, checkedIn: false });

/** The live meeting as `role` (or a plain member) sees it, with Ida, Olle and two who left. */
async function meetingAs(role: MeetingOfficerRole | null, access: MeetingAccess = "members") {
  loggedIn(karin);
  render(() => <LiveMeeting meeting={meetingView()} />);
  const socket = await meetingSocket();
  frame(socket, {
    type: "participants",
    participants: [
      ida,
      olle,
      borta,
      gone,
      participant("demo-karin", "Karin Holm", { officer: role ? [role] : [] }),
    ],
  });
  frame(socket, {
    type: "state",
    version: 1,
    meeting: liveState({
      access,
      officers: role ? [{ participantId: "demo-karin", role }] : [],
    }),
    you: youState({ participantId: "demo-karin", officer: role ? [role] : [] }),
  });
  await screen.findByTestId("participants");
  return socket;
}

const row = (name: string) =>
  screen.getAllByTestId("participant").find((li) => li.textContent?.includes(name)) as HTMLElement;

describe("Participants", () => {
  it("lets the chair check a member out and in, the button keeping the focus, and take a vote", async () => {
    const socket = await meetingAs("chair");
    expect(screen.getAllByTestId("participant").map((li) => li.dataset.present)).toEqual([
      "true",
      "true",
      "true",
      "false",
    ]);
    // Olle is here but checked out; Borta left checked in, so a vote would count him: listed, marked.
    expect(within(row("Olle Berg")).getByTestId("roll-pill").textContent).toBe("Anmäld frånvarande");
    expect(row("Borta Person").textContent).toContain("har lämnat mötet");
    expect(screen.queryByText(/Gått Hem/)).toBeNull();

    const check = screen.getByRole("button", { name: "Anmäld närvarande i röstlängden: Ida Karlsson" });
    expect(check.getAttribute("aria-pressed")).toBe("true");
    check.focus();
    fireEvent.click(check);
    expect(sentCommands(socket).at(-1)).toEqual({
      type: "roll.check",
      participantId: "demo-ida",
      checkedIn: false,
    });
    frame(socket, { type: "participant", participant: { ...ida, checkedIn: false } });
    await expect.poll(() => check.getAttribute("aria-pressed")).toBe("false");
    expect(document.activeElement).toBe(check);
    expect(within(row("Ida Karlsson")).getByTestId("roll-pill").textContent).toBe("Anmäld frånvarande");
    fireEvent.click(check);
    expect(sentCommands(socket).at(-1)).toEqual({
      type: "roll.check",
      participantId: "demo-ida",
      checkedIn: true,
    });

    fireEvent.click(screen.getByRole("button", { name: "Rösträtt: Olle Berg" }));
    expect(sentCommands(socket).at(-1)).toEqual({
      type: "roll.set",
      participantId: "demo-olle",
      votingRight: false,
    });
    frame(socket, { type: "participant", participant: { ...olle, votingRight: false } });
    // Without a vote there is nothing to check in: only the vote can be given back.
    await expect.poll(() => within(row("Olle Berg")).queryByTestId("roll-check-other")).toBeNull();
    expect(within(row("Olle Berg")).getByTestId("roll-set").getAttribute("aria-pressed")).toBe("false");
  });

  it("gives the secretary the roll but not the election of officers", async () => {
    const socket = await meetingAs("secretary");
    expect(within(row("Ida Karlsson")).queryByRole("button", { name: /^Justerare/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Anmäld närvarande i röstlängden: Olle Berg" }));
    expect(sentCommands(socket).at(-1)).toEqual({
      type: "roll.check",
      participantId: "demo-olle",
      checkedIn: true,
    });
  });

  it("shows a member the roll without tools, and who is here only", async () => {
    await meetingAs(null);
    expect(screen.queryByTestId("roll-check-other")).toBeNull();
    expect(screen.queryByTestId("roll-set")).toBeNull();
    expect(screen.queryByText(/Borta Person/)).toBeNull();
    expect(within(row("Ida Karlsson")).getByTestId("roll-pill").textContent).toBe("Röstar");
  });

  it("keeps no roll in an open meeting", async () => {
    await meetingAs("chair", "open");
    expect(screen.queryByTestId("roll-check-other")).toBeNull();
    expect(screen.queryByTestId("roll-set")).toBeNull();
    expect(within(row("Ida Karlsson")).getByRole("button", { name: "Justerare: Ida Karlsson" })).toBeTruthy();
  });
});
