import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingView } from "../../worker/shared/meetings";
import { env } from "./helpers";
import { addMeetingPeople, joinMeeting, type MeetingClient, planMeeting } from "./meetings-fixtures";

/**
 * The voting roll kept from the participant list: the chair and the secretary check members
 * in and out and give or take their vote; nobody else may. A member checked out casts no
 * ballot, in a vote opened after it or in one already open.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

async function rollLine(meetingId: number, personId: string) {
  return env.DB.prepare(
    "SELECT voting_right, checked_in FROM meeting_roll WHERE meeting_id = ? AND person_id = ?",
  )
    .bind(meetingId, personId)
    .first<{ voting_right: number; checked_in: number }>();
}

describe("the voting roll kept by the chair and the secretary", () => {
  let meeting: MeetingView;
  let bengt: MeetingClient;
  let cecilia: MeetingClient;
  let hanna: MeetingClient;
  let ivar: MeetingClient;

  beforeAll(async () => {
    meeting = await planMeeting(as("demo-bengt"), {
      title: "Medlemsmöte med röstlängd",
      template: "board",
      officers: { secretary: "demo-cecilia" },
    });
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    cecilia = await joinMeeting(meeting.id, as("demo-cecilia"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    ivar = await joinMeeting(meeting.id, as("demo-ivar"));
    await bengt.command({ type: "meeting.open" });
    await bengt.command({ type: "agenda.goto", itemId: meeting.agenda[2]?.id ?? 0 });
  });

  it("refuses a member who keeps the roll for others", async () => {
    const before = JSON.stringify([...bengt.participants.values()]);
    await hanna.refused(
      { type: "roll.check", participantId: "demo-ivar", checkedIn: false },
      "meeting_not_allowed",
    );
    await hanna.refused(
      { type: "roll.set", participantId: "demo-ivar", votingRight: false },
      "meeting_not_allowed",
    );
    await bengt.sync();
    expect(JSON.stringify([...bengt.participants.values()])).toBe(before);
    expect(await rollLine(meeting.id, "demo-ivar")).toEqual({ voting_right: 1, checked_in: 1 });
  });

  it("lets the secretary check a member out: everyone sees it, the roll records it, a vote leaves him out", async () => {
    const from = ivar.frames.length;
    await cecilia.command({ type: "roll.check", participantId: "demo-ivar", checkedIn: false });
    const own = await ivar.next("participant", (f) => f.participant.id === "demo-ivar", from);
    expect(own.participant).toMatchObject({ votingRight: true, checkedIn: false });
    await hanna.next("participant", (f) => f.participant.id === "demo-ivar" && !f.participant.checkedIn, 0);
    expect(await rollLine(meeting.id, "demo-ivar")).toEqual({ voting_right: 1, checked_in: 0 });

    await bengt.command({ type: "vote.open", question: "Bifall?", options: ["Ja", "Nej"], secret: false });
    const vote = (await bengt.view()).votes.at(-1);
    expect(vote).toMatchObject({ open: true, eligible: 3 });
    const voteId = vote?.id ?? 0;
    await ivar.refused({ type: "vote.cast", voteId, choices: [0] }, "meeting_no_vote_right");
    // Checked back in, he still is not on the roll this vote was opened on.
    await bengt.command({ type: "roll.check", participantId: "demo-ivar", checkedIn: true });
    await ivar.next("participant", (f) => f.participant.id === "demo-ivar" && f.participant.checkedIn, from);
    expect(await rollLine(meeting.id, "demo-ivar")).toEqual({ voting_right: 1, checked_in: 1 });
    await ivar.refused({ type: "vote.cast", voteId, choices: [0] }, "meeting_no_vote_right");
    await bengt.command({ type: "vote.close", voteId });
  });

  it("refuses the ballot of a voter checked out while the vote is open", async () => {
    await bengt.command({ type: "vote.open", question: "Avslag?", options: ["Ja", "Nej"], secret: true });
    const vote = (await bengt.view()).votes.at(-1);
    expect(vote).toMatchObject({ open: true, eligible: 4 });
    const voteId = vote?.id ?? 0;
    await bengt.command({ type: "roll.check", participantId: "demo-hanna", checkedIn: false });
    await hanna.refused({ type: "vote.cast", voteId, choices: [1] }, "meeting_no_vote_right");
    await ivar.command({ type: "vote.cast", voteId, choices: [0] });
    await bengt.next("tally", (f) => f.voteId === voteId && f.voted === 1, 0);
    await bengt.command({ type: "vote.close", voteId });
    await bengt.command({ type: "roll.check", participantId: "demo-hanna", checkedIn: true });
  });

  it("lets the secretary take a vote away and give it back, recorded", async () => {
    await cecilia.command({ type: "roll.set", participantId: "demo-ivar", votingRight: false });
    expect(await rollLine(meeting.id, "demo-ivar")).toEqual({ voting_right: 0, checked_in: 0 });
    await ivar.refused({ type: "roll.check", checkedIn: true }, "meeting_no_vote_right");
    await cecilia.refused(
      { type: "roll.check", participantId: "demo-ivar", checkedIn: true },
      "meeting_no_vote_right",
    );
    await cecilia.command({ type: "roll.set", participantId: "demo-ivar", votingRight: true });
    await cecilia.command({ type: "roll.check", participantId: "demo-ivar", checkedIn: true });
    expect(await rollLine(meeting.id, "demo-ivar")).toEqual({ voting_right: 1, checked_in: 1 });
    for (const client of [bengt, cecilia, hanna, ivar]) client.close();
  });
});
