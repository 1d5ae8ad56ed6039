import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import {
  RoomConnection,
  type RoomConnectionOptions,
  type RoomStatus,
  RoomTokenError,
} from "./RoomConnection";
import { FakeRoom, FakeSocket, fakeNetwork } from "./testing";

let connection: RoomConnection | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
});

afterEach(() => {
  connection?.destroy();
  connection = undefined;
  vi.useRealTimers();
});

/** A client with a fake socket class and network; `random: () => 1` makes backoff exact. */
function setup(overrides: Partial<RoomConnectionOptions> = {}) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const network = fakeNetwork();
  let issued = 0;
  const getToken = vi.fn(
    async (): Promise<RoomTokenResponse> => ({
      token: `token-${++issued}`,
      documentId: "scratch:demo",
      mode: "write",
      expiresAt: Math.floor(Date.now() / 1000) + 300,
    }),
  );
  const statuses: RoomStatus[] = [];
  connection = new RoomConnection({
    documentId: "scratch:demo",
    doc,
    awareness,
    getToken,
    baseUrl: "wss://samtal.test/api/rooms",
    WebSocket: FakeSocket,
    environment: network.environment,
    random: () => 1,
    ...overrides,
  });
  const conn = connection;
  conn.subscribe((state) => {
    if (statuses.at(-1) !== state.status) statuses.push(state.status);
  });
  return { doc, awareness, network, getToken, statuses, connection: conn, text: () => doc.getText("t") };
}

/** Lets the token promise settle (and any due timers run). */
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe("RoomConnection: connecting and syncing", () => {
  it("fetches a token, opens the room's URL with the control channel and is connected once synced", async () => {
    const { connection, getToken, statuses } = setup();
    expect(connection.current.status).toBe("connecting");
    await settle();
    expect(getToken).toHaveBeenCalledTimes(1);
    const socket = FakeSocket.latest();
    expect(socket.url).toBe("wss://samtal.test/api/rooms/scratch%3Ademo?token=token-1&control=1");
    expect(socket.binaryType).toBe("arraybuffer");

    const room = new FakeRoom();
    room.doc.getText("t").insert(0, "Hej");
    room.accept(socket, { mode: "write", name: "Anna" });
    expect(connection.current).toMatchObject({
      status: "connected",
      mode: "write",
      name: "Anna",
      synced: true,
    });
    expect(statuses).toEqual(["connected"]);
  });

  it("syncs both ways: the room's text arrives, local edits go out as updates", async () => {
    const { text } = setup();
    await settle();
    const room = new FakeRoom();
    room.doc.getText("t").insert(0, "Hej");
    room.accept(FakeSocket.latest());
    expect(text().toString()).toBe("Hej");

    text().insert(3, " på dig");
    expect(room.text).toBe("Hej på dig");
    room.doc.getText("t").insert(0, "» ");
    expect(text().toString()).toBe("» Hej på dig");
  });

  it("keeps edits made while disconnected and sends them when it reconnects", async () => {
    const { text, connection } = setup();
    await settle();
    const room = new FakeRoom();
    room.accept(FakeSocket.latest());
    text().insert(0, "Före.");
    FakeSocket.latest().drop(1006);
    expect(connection.current.status).toBe("reconnecting");

    text().insert(5, " Under avbrottet.");
    room.doc.getText("t").insert(0, "Rummet: ");
    expect(room.text).toBe("Rummet: Före.");

    await settle(250);
    room.accept(FakeSocket.latest());
    expect(connection.current.status).toBe("connected");
    expect(room.text).toBe("Rummet: Före. Under avbrottet.");
    expect(text().toString()).toBe(room.text);
  });

  it("is read-only when the room says so, and then does not send edits", async () => {
    const { connection, text } = setup();
    await settle();
    const socket = FakeSocket.latest();
    new FakeRoom().accept(socket, { mode: "read" });
    expect(connection.current.mode).toBe("read");
    const before = socket.sent.length;
    text().insert(0, "x");
    expect(socket.sent.length).toBe(before);
  });
});

describe("RoomConnection: reconnecting", () => {
  it("backs off exponentially with a fresh token for every attempt, and resets after a sync", async () => {
    const { getToken, connection } = setup();
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    FakeSocket.latest().drop(1006);
    expect(connection.current.status).toBe("reconnecting");

    // Each failed attempt (closed before opening) doubles the wait: 250, 500, 1000 ms.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const sockets = FakeSocket.instances.length;
      let waited = 0;
      while (FakeSocket.instances.length === sockets) {
        await settle(50);
        waited += 50;
      }
      waits.push(waited);
      FakeSocket.latest().drop(1006);
    }
    expect(waits).toEqual([250, 500, 1000]);
    expect(getToken).toHaveBeenCalledTimes(4);
    expect(new Set(FakeSocket.instances.map((s) => s.token)).size).toBe(4);
    // Closed before opening: the room cannot be reached.
    expect(connection.current.status).toBe("offline");

    await settle(2000);
    new FakeRoom().accept(FakeSocket.latest());
    expect(connection.current.status).toBe("connected");
    FakeSocket.latest().drop(1006);
    const sockets = FakeSocket.instances.length;
    await settle(249);
    expect(FakeSocket.instances.length).toBe(sockets);
    await settle(1);
    expect(FakeSocket.instances.length).toBe(sockets + 1);
  });

  it.each([
    "read_only",
    "document_too_large",
    "message_too_big",
    "malformed_message",
    "token_invalid",
    "access_revoked",
  ] as const)("stops for good on %s and says why", async (reason) => {
    const { getToken, connection, network } = setup();
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    FakeSocket.latest().closeWith(reason);
    expect(connection.current).toMatchObject({ status: "closed", reason });

    await settle(60_000);
    network.offline();
    network.online();
    network.visible();
    await settle(60_000);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(connection.current.status).toBe("closed");
  });

  it("reconnects at once with a new token on token_expired", async () => {
    const { getToken, connection } = setup();
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    FakeSocket.latest().closeWith("token_expired");
    await settle(0);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(FakeSocket.latest().token).toBe("token-2");
    new FakeRoom().accept(FakeSocket.latest());
    expect(connection.current).toMatchObject({ status: "connected", reason: undefined });
  });

  it("backs off on rate_limited and keeps the reason to show while reconnecting", async () => {
    const { connection } = setup();
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    FakeSocket.latest().closeWith("rate_limited");
    expect(connection.current).toMatchObject({ status: "reconnecting", reason: "rate_limited" });
    await settle(249);
    expect(FakeSocket.instances).toHaveLength(1);
    await settle(1);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("goes offline with the browser and reconnects at once when it is back", async () => {
    const { network, connection, getToken } = setup();
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    const first = FakeSocket.latest();

    network.offline();
    expect(connection.current.status).toBe("offline");
    expect(first.closedByClient).toBeDefined();

    network.online();
    expect(connection.current.status).toBe("reconnecting");
    await settle(0);
    expect(getToken).toHaveBeenCalledTimes(2);
    new FakeRoom().accept(FakeSocket.latest());
    expect(connection.current.status).toBe("connected");
  });

  it("says offline when the token cannot be fetched, and stops when none will be given", async () => {
    let calls = 0;
    const { connection } = setup({
      getToken: async () => {
        calls++;
        if (calls === 1) throw new RoomTokenError("unreachable");
        throw new RoomTokenError("refused", "login_required");
      },
    });
    await settle();
    expect(connection.current.status).toBe("offline");
    await settle(250);
    expect(connection.current).toMatchObject({ status: "closed", reason: "login_required" });
    expect(FakeSocket.instances).toHaveLength(0);
  });

  it("retries a passing token failure with backoff, as reconnecting", async () => {
    let calls = 0;
    const { connection } = setup({
      getToken: async () => {
        calls++;
        if (calls < 3) throw new RoomTokenError("failed");
        return { token: "ok", documentId: "scratch:demo", mode: "write", expiresAt: 0 };
      },
    });
    await settle();
    expect(connection.current.status).toBe("connecting");
    await settle(250 + 500);
    expect(calls).toBe(3);
    expect(FakeSocket.latest().token).toBe("ok");
  });

  it("starts again when asked after a close", async () => {
    const { connection } = setup();
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    FakeSocket.latest().closeWith("malformed_message");
    connection.reconnect();
    expect(connection.current.status).toBe("reconnecting");
    await settle();
    new FakeRoom().accept(FakeSocket.latest());
    expect(connection.current).toMatchObject({ status: "connected", reason: undefined });
  });

  it("gives up on a silent socket: pings after sending, reconnects without a pong", async () => {
    const { connection, text } = setup({ quietMs: 1000, pongTimeoutMs: 1000 });
    await settle();
    const room = new FakeRoom();
    const socket = FakeSocket.latest();
    room.accept(socket);
    // The room goes quiet (a dead network path): it stops reading and answering.
    socket.peer = undefined;
    text().insert(0, "hallå?");
    await settle(1000);
    expect(socket.pings).toBe(1);
    expect(connection.current.status).toBe("connected");
    await settle(1000);
    expect(socket.closedByClient).toBeDefined();
    expect(connection.current.status).toBe("reconnecting");
    await settle(250);
    room.accept(FakeSocket.latest());
    expect(room.text).toBe("hallå?");
  });

  it("does not ping a room that answers", async () => {
    const { awareness } = setup({ quietMs: 1000, pongTimeoutMs: 1000 });
    await settle();
    const room = new FakeRoom();
    const socket = FakeSocket.latest();
    room.accept(socket);
    const before = socket.pings;
    awareness.setLocalStateField("user", { name: "Anna", color: "#1d4ed8" });
    room.sendPresence(room.presenceOf(42, 1, { user: { name: "Bo" } }));
    await settle(5000);
    expect(socket.pings).toBe(before);
  });
});

describe("RoomConnection: presence", () => {
  it("applies others' presence, forgets it on disconnect and accepts it again on reconnect", async () => {
    const { awareness } = setup();
    await settle();
    const room = new FakeRoom();
    room.accept(FakeSocket.latest());
    room.sendPresence(room.presenceOf(42, 3, { user: { name: "Bo", color: "#047857" } }));
    expect(awareness.getStates().get(42)).toEqual({ user: { name: "Bo", color: "#047857" } });

    FakeSocket.latest().drop(1006);
    expect(awareness.getStates().has(42)).toBe(false);

    await settle(250);
    room.accept(FakeSocket.latest());
    // The same state with the same clock, as the room's snapshot for a new connection.
    room.sendPresence(room.presenceOf(42, 3, { user: { name: "Bo", color: "#047857" } }));
    expect(awareness.getStates().has(42)).toBe(true);
  });

  it("sends only its own presence, and a clock past the room's removal on reconnect", async () => {
    const { awareness, doc } = setup();
    await settle();
    const room = new FakeRoom();
    room.accept(FakeSocket.latest());
    awareness.setLocalStateField("user", { name: "Anna", color: "#1d4ed8" });
    await settle(40);
    expect(room.awareness.getStates().get(doc.clientID)).toMatchObject({ user: { name: "Anna" } });
    const clock = room.awareness.meta.get(doc.clientID)?.clock ?? -1;

    FakeSocket.latest().drop(1006);
    // What the real room tells the others when a connection leaves: removed, at clock + 1.
    room.sendPresence(room.presenceOf(doc.clientID, clock + 1, null));
    room.awareness.meta.set(doc.clientID, { clock: clock + 1, lastUpdated: Date.now() });
    room.awareness.states.delete(doc.clientID);

    await settle(250);
    room.accept(FakeSocket.latest());
    expect(room.awareness.getStates().get(doc.clientID)).toMatchObject({ user: { name: "Anna" } });
  });
});

describe("RoomConnection: destroy", () => {
  it("closes the socket and leaves no timers or listeners behind", async () => {
    const { connection, network, text } = setup();
    const room = new FakeRoom();
    // Awareness keeps its own interval (one per Awareness, cleared by its destroy).
    const awarenessIntervals = vi.getTimerCount();
    await settle();
    room.accept(FakeSocket.latest());
    FakeSocket.latest().drop(1006);
    expect(vi.getTimerCount()).toBeGreaterThan(awarenessIntervals);
    await settle(250);
    const socket = FakeSocket.latest();

    connection.destroy();
    expect(socket.closedByClient).toEqual({ code: 1000, reason: "leaving" });
    expect(socket.onmessage).toBeNull();
    expect(network.watching).toBe(false);
    expect(vi.getTimerCount()).toBe(awarenessIntervals);
    text().insert(0, "efteråt");
    await settle(60_000);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("ignores a token that arrives after destroy", async () => {
    let resolve: (token: RoomTokenResponse) => void = () => {};
    const { connection } = setup({ getToken: () => new Promise((r) => (resolve = r)) });
    connection.destroy();
    resolve({ token: "late", documentId: "scratch:demo", mode: "write", expiresAt: 0 });
    await settle();
    expect(FakeSocket.instances).toHaveLength(0);
  });
});

describe("RoomConnection: sending", () => {
  const updateFrames = (socket: FakeSocket) =>
    socket.sent.filter((d) => typeof d !== "string" && d[0] === 0 && d[1] === 2).length;
  const presenceFrames = (socket: FakeSocket) =>
    socket.sent.filter((d) => typeof d !== "string" && d[0] === 1).length;

  it("sends the first edit at once and merges a burst into one message per interval", async () => {
    const { text, awareness } = setup({ sendIntervalMs: 40 });
    await settle();
    const room = new FakeRoom();
    const socket = FakeSocket.latest();
    room.accept(socket);
    await settle(100);
    const [updatesBefore, presenceBefore] = [updateFrames(socket), presenceFrames(socket)];

    for (const [i, char] of [..."Snabbt skrivet"].entries()) {
      text().insert(i, char);
      awareness.setLocalStateField("cursor", i);
    }
    expect(updateFrames(socket) - updatesBefore).toBe(1);
    expect(presenceFrames(socket) - presenceBefore).toBe(1);
    expect(room.text).toBe("S");

    await settle(40);
    expect(updateFrames(socket) - updatesBefore).toBe(2);
    expect(presenceFrames(socket) - presenceBefore).toBe(2);
    expect(room.text).toBe("Snabbt skrivet");
    expect(room.awareness.getStates().get(awareness.clientID)).toMatchObject({ cursor: 13 });
  });

  it("leaves edits pending on a lost socket to the next sync", async () => {
    const { text, connection } = setup({ sendIntervalMs: 40 });
    await settle();
    const room = new FakeRoom();
    room.accept(FakeSocket.latest());
    text().insert(0, "a");
    text().insert(1, "b");
    FakeSocket.latest().drop(1006);
    await settle(40);
    expect(room.text).toBe("a");
    await settle(250);
    room.accept(FakeSocket.latest());
    expect(connection.current.status).toBe("connected");
    expect(room.text).toBe("ab");
  });
});
