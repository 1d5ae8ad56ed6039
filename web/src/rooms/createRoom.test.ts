import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { createPresence, createRoom, participantsOf } from "./createRoom";
import { FakeRoom, FakeSocket, fakeNetwork } from "./testing";

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
});
afterEach(() => vi.useRealTimers());

describe("createRoom", () => {
  it("follows the connection's state reactively and leaves the room on cleanup", async () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const network = fakeNetwork();
    const { room, dispose } = createRoot((dispose) => ({
      dispose,
      room: createRoom({
        documentId: "scratch:demo",
        doc,
        awareness,
        getToken: async () => ({ token: "t", documentId: "scratch:demo", mode: "write", expiresAt: 0 }),
        baseUrl: "ws://samtal.test/api/rooms",
        WebSocket: FakeSocket,
        environment: network.environment,
      }),
    }));
    expect(room.status()).toBe("connecting");
    await vi.advanceTimersByTimeAsync(0);
    new FakeRoom().accept(FakeSocket.latest(), { mode: "read", name: "Anna" });
    expect([room.status(), room.mode(), room.name(), room.synced()]).toEqual([
      "connected",
      "read",
      "Anna",
      true,
    ]);

    dispose();
    expect(FakeSocket.latest().closedByClient).toBeDefined();
    expect(network.watching).toBe(false);
  });
});

describe("presence", () => {
  function remote(awareness: Awareness, clientId: number, clock: number, state: unknown) {
    const room = new FakeRoom();
    applyAwarenessUpdate(awareness, room.presenceOf(clientId, clock, state), "test");
  }

  it("lists named participants, you first, then by name", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField("user", { name: "Örjan", color: "#1d4ed8" });
    remote(awareness, 1001, 1, { user: { name: "Cecilia", color: "#047857" } });
    remote(awareness, 1002, 1, { user: { name: "Bo", color: "red" } });
    remote(awareness, 1003, 1, { cursor: null });
    remote(awareness, 1004, 1, { user: { name: "  " } });
    remote(awareness, 1005, 1, { user: { name: "Amir", guest: true } });
    expect(participantsOf(awareness)).toEqual([
      { clientId: awareness.clientID, name: "Örjan", color: "#1d4ed8", guest: false, self: true },
      { clientId: 1005, name: "Amir", color: undefined, guest: true, self: false },
      { clientId: 1002, name: "Bo", color: undefined, guest: false, self: false },
      { clientId: 1001, name: "Cecilia", color: "#047857", guest: false, self: false },
    ]);
  });

  it("updates when people come and go", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(null);
    createRoot((dispose) => {
      const people = createPresence(awareness);
      expect(people()).toEqual([]);
      remote(awareness, 7, 1, { user: { name: "Bo" } });
      expect(people().map((p) => p.name)).toEqual(["Bo"]);
      remote(awareness, 8, 1, { user: { name: "Sara", guest: true } });
      expect(people().map((p) => [p.name, p.guest])).toEqual([
        ["Bo", false],
        ["Sara", true],
      ]);
      remote(awareness, 8, 2, null);
      remote(awareness, 7, 2, null);
      expect(people()).toEqual([]);
      dispose();
    });
  });
});
