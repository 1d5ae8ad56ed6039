import { beforeEach, expect, vi } from "vitest";
import {
  defaultMeetingSettings,
  type MeetingCommand,
  type MeetingLiveState,
  type MeetingYou,
  type Participant,
  type VoteView,
} from "../../../../worker/shared/meetings";
import { fakeApi } from "../../api/testing";
import { FakeSocket } from "../../rooms/testing";

/** A live meeting's shared snapshot as the room sends it, with the fields a test names. */
export function liveState(fields: Partial<MeetingLiveState> = {}): MeetingLiveState {
  return {
    meetingId: 7,
    state: "open",
    access: "members",
    settings: defaultMeetingSettings,
    agenda: [
      { id: 1, number: 1, title: "Mötets öppnande", kind: "formal", motionId: null },
      { id: 2, number: 2, title: "Bostäder", kind: "discussion", motionId: null },
    ],
    currentItemId: 1,
    agendaAdopted: false,
    officers: [{ participantId: "demo-karin", role: "chair" }],
    speakers: null,
    polls: [],
    votes: [],
    decisions: [],
    ...fields,
  };
}

/** An open vote on item 1, "Bifall?", with the fields a test names. */
export function voteView(fields: Partial<VoteView> = {}): VoteView {
  return {
    id: 9,
    itemId: 1,
    question: "Bifall?",
    options: ["Ja", "Nej"],
    secret: true,
    open: true,
    eligible: 2,
    voted: 0,
    counts: null,
    ...fields,
  };
}

/** The receiver's own part of a snapshot. */
export function youState(fields: Partial<MeetingYou> = {}): MeetingYou {
  return {
    participantId: "demo-ida",
    guest: false,
    officer: [],
    votingRight: true,
    checkedIn: true,
    pollAnswers: {},
    votedIn: [],
    stats: null,
    ...fields,
  };
}

/** A participant entry as the room lists it: a present member with a vote, checked in, unless `extra` says otherwise. */
export function participant(id: string, name: string, extra: Partial<Participant> = {}): Participant {
  return {
    id,
    name,
    guest: false,
    officer: [],
    votingRight: true,
    checkedIn: true,
    present: true,
    ...extra,
  };
}

/** The token route, answering every room with a token of this mode. */
export const tokenFor =
  (mode: "read" | "write") =>
  ({ param }: { param: { documentId: string } }) => ({
    token: `token-for-${param.documentId}`,
    documentId: param.documentId,
    mode,
    expiresAt: Math.floor(Date.now() / 1000) + 300,
  });

/** Before each test: rooms answer with write tokens, and sockets are fakes the test drives. */
export function fakeMeetingRooms() {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.stubGlobal("WebSocket", FakeSocket);
    fakeApi({ "POST /api/rooms/:documentId/token": tokenFor("write") });
  });
}

/** The meeting room's socket (the notes and minutes have their own), opened. */
export async function meetingSocket() {
  await expect.poll(() => FakeSocket.instances.some((s) => s.url.includes("meeting%3A7?"))).toBe(true);
  const socket = FakeSocket.instances.find((s) => s.url.includes("meeting%3A7?")) as FakeSocket;
  socket.open();
  return socket;
}

export const frame = (socket: FakeSocket, message: object) => socket.receive(JSON.stringify(message));
export const sentCommands = (socket: FakeSocket) =>
  socket.sent.map((data) => JSON.parse(String(data)) as MeetingCommand);
