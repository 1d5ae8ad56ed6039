import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RoomTokenResponse } from "../../../../worker/shared/rooms";
import { RoomTokenError } from "../../rooms/RoomConnection";
import { FakeSocket, fakeNetwork } from "../../rooms/testing";
import { MeetingConnection, type MeetingConnectionOptions, type MeetingRefusal } from "./MeetingConnection";
import { liveState, youState } from "./testing";

let connection: MeetingConnection | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
});

afterEach(() => {
  connection?.destroy();
  connection = undefined;
  vi.useRealTimers();
});

function setup(overrides: Partial<MeetingConnectionOptions> = {}) {
  const network = fakeNetwork();
  let issued = 0;
  const getToken = vi.fn(
    async (): Promise<RoomTokenResponse> => ({
      token: `token-${++issued}`,
      documentId: "meeting:7",
      mode: "write",
      expiresAt: Math.floor(Date.now() / 1000) + 300,
    }),
  );
  const refusals: MeetingRefusal[] = [];
  const receipts: string[] = [];
  connection = new MeetingConnection({
    documentId: "meeting:7",
    getToken,
    baseUrl: "ws://samtal.test/api/rooms",
    WebSocket: FakeSocket,
    environment: network.environment,
    random: () => 1,
    onRefusal: (refusal) => refusals.push(refusal),
    onReceipt: ({ receipt }) => receipts.push(receipt),
    ...overrides,
  });
  return { connection, network, getToken, refusals, receipts };
}

const frame = (socket: FakeSocket, message: object) => socket.receive(JSON.stringify(message));

describe("MeetingConnection", () => {
  it("joins with a fresh token, keeps the room's snapshot and participants, and sends commands as JSON", async () => {
    const { connection } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    expect(socket.url).toBe("ws://samtal.test/api/rooms/meeting%3A7?token=token-1");
    socket.open();
    frame(socket, {
      type: "participants",
      participants: [
        {
          id: "demo-karin",
          name: "Karin Holm",
          guest: false,
          officer: ["chair"],
          votingRight: true,
          checkedIn: true,
          present: true,
        },
      ],
    });
    frame(socket, { type: "state", version: 3, meeting: liveState({ currentItemId: 2 }), you: youState() });
    expect(connection.current.status).toBe("connected");
    expect(connection.current.meeting?.currentItemId).toBe(2);
    frame(socket, {
      type: "participant",
      participant: {
        id: "guest-1",
        name: "Bo Ek",
        guest: true,
        officer: [],
        votingRight: false,
        checkedIn: false,
        present: true,
      },
    });
    expect(connection.current.participants.map((p) => p.name)).toEqual(["Karin Holm", "Bo Ek"]);
    // An older snapshot arriving late changes nothing.
    frame(socket, { type: "state", version: 2, meeting: liveState({ currentItemId: 1 }), you: youState() });
    expect(connection.current.meeting?.currentItemId).toBe(2);
    expect(connection.send({ type: "speaker.request", kind: "speech" })).toBe(true);
    expect(socket.sent).toEqual([JSON.stringify({ type: "speaker.request", kind: "speech" })]);
  });

  it("hands refusals and receipts on, and counts ballots from tally frames", async () => {
    const { connection, refusals, receipts } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    socket.open();
    const vote = {
      id: 4,
      itemId: 1,
      question: "Bifall?",
      options: ["Ja", "Nej"],
      secret: true,
      open: true,
      eligible: 3,
      voted: 0,
      counts: null,
    };
    frame(socket, { type: "state", version: 1, meeting: liveState({ votes: [vote] }), you: youState() });
    frame(socket, { type: "tally", voteId: 4, voted: 2 });
    expect(connection.current.meeting?.votes[0]?.voted).toBe(2);
    frame(socket, {
      type: "error",
      code: "meeting_already_voted",
      message: "Du har redan röstat.",
      ref: "vote.cast",
    });
    frame(socket, { type: "vote.receipt", voteId: 4, receipt: "K7Q2-MX9D" });
    expect(refusals).toEqual([
      { code: "meeting_already_voted", message: "Du har redan röstat.", ref: "vote.cast" },
    ]);
    expect(receipts).toEqual(["K7Q2-MX9D"]);
  });

  it("reconnects after a dropped socket with a new token, and stops when the room revokes access", async () => {
    const { connection, getToken } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const first = FakeSocket.latest();
    first.open();
    frame(first, { type: "state", version: 1, meeting: liveState(), you: youState() });
    first.drop(1006);
    expect(connection.current.status).toBe("reconnecting");
    expect(connection.send({ type: "sync" })).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(getToken).toHaveBeenCalledTimes(2);
    const second = FakeSocket.latest();
    expect(second.token).toBe("token-2");
    second.open();
    frame(second, { type: "state", version: 5, meeting: liveState({ currentItemId: 2 }), you: youState() });
    expect(connection.current).toMatchObject({ status: "connected", version: 5 });
    second.drop(4410, "access_revoked");
    expect(connection.current).toMatchObject({ status: "closed", reason: "access_revoked" });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("takes her own participant entry as her roles and place on the roll (a chair's change reaches her that way)", async () => {
    const { connection } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    socket.open();
    frame(socket, {
      type: "state",
      version: 1,
      meeting: liveState(),
      you: youState({ votingRight: false, checkedIn: false }),
    });
    frame(socket, {
      type: "participant",
      participant: {
        id: "demo-ida",
        name: "Ida Karlsson",
        guest: false,
        officer: ["adjuster"],
        votingRight: true,
        checkedIn: false,
        present: true,
      },
    });
    expect(connection.current.you).toMatchObject({
      votingRight: true,
      checkedIn: false,
      officer: ["adjuster"],
    });
    frame(socket, {
      type: "participant",
      participant: {
        id: "demo-bo",
        name: "Bo",
        guest: false,
        officer: ["chair"],
        votingRight: true,
        checkedIn: true,
        present: true,
      },
    });
    expect(connection.current.you?.officer).toEqual(["adjuster"]);
  });

  it("does not retry when no token will be given", async () => {
    const { connection } = setup({
      getToken: async () => {
        throw new RoomTokenError("refused", "login_required");
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.current).toMatchObject({ status: "closed", reason: "login_required" });
    expect(FakeSocket.instances).toHaveLength(0);
  });
});
