import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { roomStub } from "../../worker/rooms/address";
import type { DocumentRoom } from "../../worker/rooms/DocumentRoom";
import { defaultRoomLimits } from "../../worker/rooms/limits";
import { frame } from "../support/room-peer";
import { api, logInAs, seed } from "./helpers";
import { connect, joinWithSession, openSocket, roomToken } from "./rooms";

let counter = 0;
const freshDoc = () => `test:room-${Date.now()}-${counter++}`;

describe("sync", () => {
  it("two clients converge, and a late joiner gets the whole document", async () => {
    const id = freshDoc();
    const [anna, bo] = await Promise.all([connect(id, { name: "Anna" }), connect(id, { name: "Bo" })]);
    await Promise.all([anna.synced(), bo.synced()]);
    anna.doc.getText("t").insert(0, "Hej ");
    bo.doc.getText("t").insert(0, "världen");
    await anna.waitFor(() => anna.text.length === 11, 5000, "anna sees both");
    await bo.waitFor(() => bo.text === anna.text, 5000, "bo converges");

    const cecilia = await connect(id, { name: "Cecilia" });
    await cecilia.synced();
    await cecilia.waitFor(() => cecilia.text === anna.text, 5000, "late joiner");
    for (const peer of [anna, bo, cecilia]) peer.close();
  });

  it("sends offline edits made before connecting", async () => {
    const id = freshDoc();
    const peer = await connect(id);
    await peer.synced();
    peer.close();
    // Edits made while disconnected are in the doc; a new socket's handshake carries them.
    const offline = await connect(id, { name: "Offline" });
    offline.doc.getText("t").insert(0, "skrivet offline");
    const reader = await connect(id, { name: "Läsare", mode: "read" });
    await reader.waitFor(() => reader.text === "skrivet offline", 5000, "offline edit");
    offline.close();
    reader.close();
  });
});

describe("durability", () => {
  it("serves the same document after the object is evicted, with no client's help", async () => {
    const id = freshDoc();
    const writer = await connect(id);
    await writer.synced();
    writer.doc.getText("t").insert(0, "bevarad text");
    // Wait until the room has stored it: a reader sees it.
    const check = await connect(id, { mode: "read" });
    await check.waitFor(() => check.text === "bevarad text");
    writer.close();
    check.close();

    await evictDurableObject(roomStub(env, id), { webSockets: "close" });
    const after = await connect(id, { mode: "read" });
    await after.waitFor(() => after.text === "bevarad text", 5000, "text after eviction");
    after.close();
  });

  it("keeps connections and presence through hibernation", async () => {
    const id = freshDoc();
    const anna = await connect(id, { name: "Anna" });
    const bo = await connect(id, { name: "Bo" });
    await Promise.all([anna.synced(), bo.synced()]);
    anna.awareness.setLocalState({ user: { name: "Anna", color: "#aa0033" } });
    await bo.waitFor(() => bo.awareness.getStates().has(anna.doc.clientID), 5000, "presence");

    await evictDurableObject(roomStub(env, id), { webSockets: "hibernate" });
    anna.doc.getText("t").insert(0, "efter viloläge");
    await bo.waitFor(() => bo.text === "efter viloläge", 5000, "edit after hibernation");
    // Ownership of Anna's presence survived: Bo still cannot overwrite it.
    const before = JSON.stringify(bo.awareness.getStates().get(anna.doc.clientID));
    bo.sendAwareness(spoofedAwareness(anna.doc.clientID, 999, { user: { name: "Fake" } }));
    await anna.waitFor(() => anna.text.length > 0);
    expect(JSON.stringify(bo.awareness.getStates().get(anna.doc.clientID))).toBe(before);
    anna.close();
    bo.close();
  });

  it("compaction leaves the document unchanged and shrinks the log", async () => {
    const id = freshDoc();
    const writer = await connect(id);
    await writer.synced();
    const text = writer.doc.getText("t");
    for (let i = 0; i < 200; i++) text.insert(text.length, `rad ${i}\n`);
    text.delete(0, 50);
    const expected = text.toString();
    const reader = await connect(id, { mode: "read" });
    await reader.waitFor(() => reader.text === expected, 5000, "all edits stored");

    const stub = roomStub(env, id);
    const before = await runInDurableObject(stub, (room: DocumentRoom, state) => ({
      log: state.storage.sql.exec("SELECT count(*) AS n FROM room_log").one().n as number,
      state: room.readState(),
    }));
    expect(before.log).toBeGreaterThan(100);
    await runInDurableObject(stub, (room: DocumentRoom) => room.compactNow());
    const after = await runInDurableObject(stub, (_room: DocumentRoom, state) => ({
      log: state.storage.sql.exec("SELECT count(*) AS n FROM room_log").one().n as number,
      parts: state.storage.sql.exec("SELECT count(*) AS n FROM room_snapshot").one().n as number,
    }));
    expect(after).toEqual({ log: 0, parts: 1 });

    // Reload from storage alone and compare with what the room had before compaction.
    await evictDurableObject(stub, { webSockets: "close" });
    const fresh = await connect(id, { mode: "read" });
    await fresh.waitFor(() => fresh.text === expected, 5000, "text after compaction");
    const reference = new Y.Doc();
    Y.applyUpdate(reference, before.state);
    expect(fresh.text).toBe(reference.getText("t").toString());
    fresh.close();
    writer.close();
  });
});

describe("storage cost", () => {
  it("writes one row per edit and nothing else", async () => {
    const id = freshDoc();
    const writer = await connect(id);
    await writer.synced();
    const stub = roomStub(env, id);
    const before = await stub.stats();
    const text = writer.doc.getText("t");
    for (let i = 0; i < 10; i++) text.insert(text.length, `${i}`);
    const reader = await connect(id, { mode: "read" });
    await reader.waitFor(() => reader.text === "0123456789", 5000, "all ten edits");
    const after = await stub.stats();
    // Billed per row: the log's rows only, nothing else (no sqlite_sequence row per append).
    expect(after.rowsWritten - before.rowsWritten).toBe(10);
    expect(after.databaseBytes).toBeGreaterThan(0);
    writer.close();
    reader.close();
  });
});

describe("compaction when the last person leaves", () => {
  it("stores a finished session as one snapshot, and the next join gets the same document", async () => {
    const id = freshDoc();
    const writer = await connect(id);
    await writer.synced();
    const text = writer.doc.getText("t");
    for (let i = 0; i < 20; i++) text.insert(text.length, `rad ${i}\n`);
    const reader = await connect(id, { mode: "read" });
    await reader.waitFor(() => reader.text === text.toString(), 5000, "all edits stored");
    const expected = reader.text;
    const stub = roomStub(env, id);
    const logRows = () =>
      runInDurableObject(
        stub,
        (_room: DocumentRoom, state) =>
          state.storage.sql.exec("SELECT count(*) AS n FROM room_log").one().n as number,
      );
    expect(await logRows()).toBe(20);

    reader.close();
    await reader.closed;
    // One person still there: nothing happens yet.
    expect(await logRows()).toBe(20);
    const before = await stub.stats();
    writer.close();
    await writer.closed;
    const deadline = Date.now() + 5000;
    while ((await logRows()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await logRows()).toBe(0);
    // Billed rows: the snapshot and the emptied log's table, not one per log row deleted.
    expect((await stub.stats()).rowsWritten - before.rowsWritten).toBeLessThan(10);

    const fresh = await connect(id, { mode: "read" });
    await fresh.waitFor(() => fresh.text === expected, 5000, "the document after compaction");
    fresh.close();
  });
});

describe("access", () => {
  it("refuses a read-only client's writes with a named close, and stores nothing", async () => {
    const id = freshDoc();
    const reader = await connect(id, { mode: "read", control: true });
    await reader.synced();
    reader.doc.getText("t").insert(0, "får inte skrivas");
    const closed = await reader.closed;
    expect(closed).toEqual({ code: 4403, reason: "read_only" });
    expect(reader.controlMessages).toContainEqual({ type: "closing", reason: "read_only" });
    const check = await connect(id, { mode: "read" });
    await check.synced();
    expect(check.text).toBe("");
    check.close();
  });

  it("lets a read-only client reconnect with its whole delete set (no write)", async () => {
    const id = freshDoc();
    const writer = await connect(id);
    await writer.synced();
    writer.doc.getText("t").insert(0, "abcdef");
    writer.doc.getText("t").delete(0, 3);
    const reader = await connect(id, { mode: "read" });
    await reader.waitFor(() => reader.text === "def");
    // Its next handshake repeats everything it knows, including deletions: not a write.
    reader.send(frame(0, 1, Y.encodeStateAsUpdate(reader.doc)));
    writer.doc.getText("t").insert(3, "g");
    await reader.waitFor(() => reader.text === "defg", 5000, "reader still connected");
    writer.close();
    reader.close();
  });

  it("never lets a bad or expired token reach the room", async () => {
    const id = freshDoc();
    const cases: [string, number, string][] = [
      ["garbage", 4401, "token_invalid"],
      [await roomToken(freshDoc(), "Anna"), 4401, "token_invalid"], // for another document
      [`${(await roomToken(id, "Anna")).slice(0, -2)}xx`, 4401, "token_invalid"], // tampered
      [await roomToken(id, "Anna", "write", -10), 4402, "token_expired"],
    ];
    for (const [token, code, reason] of cases) {
      const ws = await openSocket(id, token);
      const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
        ws.addEventListener("close", (e) => resolve({ code: e.code, reason: e.reason })),
      );
      expect(closed).toEqual({ code, reason });
    }
    // None of those touched the room: it was never created.
    const { listDurableObjectIds } = await import("cloudflare:test");
    const ids = await listDurableObjectIds(env.DOCUMENT_ROOMS);
    const target = env.DOCUMENT_ROOMS.idFromName(id).toString();
    expect(ids.map((i) => i.toString())).not.toContain(target);
  });

  it("answers a plain HTTP request to a room with 426, and a bad id with 400", async () => {
    const { exports } = await import("cloudflare:workers");
    const plain = await exports.default.fetch(`http://samtal.test/api/rooms/test:x?token=abc`);
    expect(plain.status).toBe(426);
    const bad = await exports.default.fetch(`http://samtal.test/api/rooms/no%20colon?token=abc`, {
      headers: { Upgrade: "websocket" },
    });
    expect(bad.status).toBe(400);
  });
});

function spoofedAwareness(clientId: number, clock: number, state: unknown) {
  return awarenessUpdate([[clientId, clock, JSON.stringify(state)]]);
}

function awarenessUpdate(entries: [number, number, string][]) {
  const bytes: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    bytes.push(n);
  };
  varUint(entries.length);
  for (const [id, clock, json] of entries) {
    varUint(id);
    varUint(clock);
    const utf8 = new TextEncoder().encode(json);
    varUint(utf8.length);
    bytes.push(...utf8);
  }
  return Uint8Array.from(bytes);
}

describe("presence", () => {
  it("shows the token's name, whatever the client claims, and refuses spoofing", async () => {
    const id = freshDoc();
    const anna = await connect(id, { name: "Anna Andersson" });
    const bo = await connect(id, { name: "Bo Berg" });
    await Promise.all([anna.synced(), bo.synced()]);
    anna.awareness.setLocalState({ user: { name: "Statsministern", color: "#112233" } });
    await bo.waitFor(() => bo.awareness.getStates().has(anna.doc.clientID), 5000, "presence");
    expect(bo.awareness.getStates().get(anna.doc.clientID)).toEqual({
      user: { name: "Anna Andersson", color: "#112233" },
    });

    // Bo tries to rename Anna and to remove her presence: both are dropped.
    bo.sendAwareness(spoofedAwareness(anna.doc.clientID, 100, { user: { name: "Hijacked" } }));
    bo.sendAwareness(awarenessUpdate([[anna.doc.clientID, 101, "null"]]));
    bo.awareness.setLocalState({ user: { name: "Bo", color: "#445566" } });
    await anna.waitFor(() => anna.awareness.getStates().has(bo.doc.clientID), 5000, "bo's own presence");
    expect(bo.awareness.getStates().get(anna.doc.clientID)?.user.name).toBe("Anna Andersson");

    // When Anna leaves, only her presence goes.
    anna.close();
    await bo.waitFor(() => !bo.awareness.getStates().has(anna.doc.clientID), 5000, "anna gone");
    bo.close();
  });
});

describe("hostile input", () => {
  const poison687 = Uint8Array.from(
    "00010000000001000100010200001602000001fdffffffff7f0000"
      .match(/../g)
      ?.map((h) => Number.parseInt(h, 16)) ?? [],
  );
  const cases: [string, Uint8Array][] = [
    ["random bytes", Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 7) % 256)],
    ["unknown message type", Uint8Array.of(9, 0, 0)],
    ["truncated varint", Uint8Array.of(0, 2, 0xff, 0xff)],
    ["absurd length", Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)],
    ["update that does not decode", frame(0, 2, Uint8Array.of(1, 1, 5, 0xff, 0xff, 0x03))],
    ["yjs #687 bytes as an update", frame(0, 2, poison687)],
    ["yjs #687 bytes raw", poison687],
    ["awareness garbage", Uint8Array.of(1, 5, 1, 2, 3, 4, 5)],
  ];

  it.each(cases)(
    "%s closes only the sender, stores nothing, and the room carries on",
    async (_name, bytes) => {
      const id = freshDoc();
      const bystander = await connect(id, { name: "Bystander" });
      const attacker = await connect(id, { name: "Attacker" });
      await Promise.all([bystander.synced(), attacker.synced()]);
      const started = Date.now();
      attacker.send(bytes);
      const closed = await attacker.closed;
      expect(closed.code).toBe(4400);
      expect(Date.now() - started).toBeLessThan(2000);

      bystander.doc.getText("t").insert(0, "fortfarande här");
      const reader = await connect(id, { mode: "read" });
      await reader.waitFor(() => reader.text === "fortfarande här", 5000, "room still works");
      const stored = await runInDurableObject(roomStub(env, id), (_room: DocumentRoom, state) =>
        state.storage.sql.exec("SELECT count(*) AS n FROM room_log").one(),
      );
      expect(stored.n).toBe(1);
      bystander.close();
      reader.close();
    },
  );

  it("closes a socket that sends a message over the size cap with 1009", async () => {
    const id = freshDoc();
    const peer = await connect(id);
    await peer.synced();
    peer.send(new Uint8Array(defaultRoomLimits.maxMessageBytes + 1));
    expect((await peer.closed).code).toBe(1009);
  });

  it("closes a client that floods the room with 4429, others unaffected", async () => {
    const id = freshDoc();
    const calm = await connect(id);
    const flood = await connect(id, { name: "Flood" });
    await Promise.all([calm.synced(), flood.synced()]);
    for (let i = 0; i < 1000; i++) flood.send(frame(0, 0, Uint8Array.of(0)));
    expect((await flood.closed).code).toBe(4429);
    calm.doc.getText("t").insert(0, "ok");
    const reader = await connect(id, { mode: "read" });
    await reader.waitFor(() => reader.text === "ok");
    calm.close();
    reader.close();
  });

  it("refuses text frames from a client that did not opt in, and bad control messages", async () => {
    const id = freshDoc();
    const stock = await connect(id);
    await stock.synced();
    stock.send(JSON.stringify({ type: "ping", id: 1 }));
    expect((await stock.closed).code).toBe(4400);

    const opted = await connect(id, { control: true });
    await opted.synced();
    opted.send(JSON.stringify({ type: "ping", id: 7 }));
    await opted.waitFor(() => opted.controlMessages.some((m) => m.type === "pong" && m.id === 7));
    expect(opted.controlMessages[0]).toMatchObject({ type: "welcome", mode: "write", name: "Anna" });
    opted.send(JSON.stringify({ type: "ping", id: "x" }));
    expect((await opted.closed).code).toBe(4400);
  });
});

describe("limits", () => {
  it("coalesces a burst of cursor moves into a few presence frames", async () => {
    const id = freshDoc();
    const mover = await connect(id, { name: "Mover" });
    const watcher = await connect(id, { name: "Watcher" });
    await Promise.all([mover.synced(), watcher.synced()]);
    for (let i = 0; i < 50; i++) mover.awareness.setLocalState({ cursor: { anchor: i, head: i } });
    await watcher.waitFor(
      () => watcher.awareness.getStates().get(mover.doc.clientID)?.cursor?.anchor === 49,
      5000,
      "last cursor position",
    );
    // 50 moves within a few milliseconds arrive as one or two flushes, not 50 frames.
    expect(watcher.awarenessFrames).toBeLessThanOrEqual(4);
    mover.close();
    watcher.close();
  });

  it("refuses updates past the document size cap with 4413 and keeps what it had", async () => {
    const id = freshDoc();
    const writer = await connect(id, { control: true });
    await writer.synced();
    const chunk = "x".repeat(1024 * 1024);
    const text = writer.doc.getText("t");
    for (let i = 0; i < 8 && writer.ws.readyState === 1; i++) {
      text.insert(text.length, chunk);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await writer.closed).toEqual({ code: 4413, reason: "document_too_large" });
    const stats = await roomStub(env, id).stats();
    expect(stats.storedBytes).toBeLessThanOrEqual(defaultRoomLimits.maxDocumentBytes);
    const reader = await connect(id, { mode: "read" });
    await reader.synced();
    expect(reader.text.length % chunk.length).toBe(0);
    expect(reader.text.length).toBeGreaterThanOrEqual(3 * chunk.length);
    reader.close();
  });
});

describe("ending sessions", () => {
  it("closes exactly the sockets of the ended sessions, also after hibernation", async () => {
    await seed();
    // A document members may open (test:* ids have no kind: only development tokens open them).
    const id = `scratch:room-sessions-${Date.now()}`;
    // Real sessions: the upgrade admits a session's token only while the session is live.
    const [laptopCookie, phoneCookie, boCookie] = await Promise.all([
      logInAs("demo-cecilia"),
      logInAs("demo-cecilia"),
      logInAs("demo-david"),
    ]);
    const sessionId = async (cookie: string) => {
      const sessions = (await (await api("/api/me/sessions", { headers: { Cookie: cookie } })).json()) as {
        id: string;
        current: boolean;
      }[];
      const current = sessions.find((s) => s.current);
      if (!current) throw new Error("no current session");
      return current.id;
    };
    const [laptop, phone, bo] = await Promise.all([
      joinWithSession(id, laptopCookie),
      joinWithSession(id, phoneCookie),
      joinWithSession(id, boCookie),
    ]);
    const [laptopSid, boSid] = await Promise.all([sessionId(laptopCookie), sessionId(boCookie)]);

    // The sockets' tags outlive the object: the lookup must work on a fresh instance.
    const stub = roomStub(env, id);
    await evictDurableObject(stub, { webSockets: "hibernate" });
    expect(await stub.closeSessions([laptopSid, boSid, "session-unknown"])).toBe(2);
    expect(await laptop.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect(await bo.closed).toEqual({ code: 4410, reason: "access_revoked" });

    // The same person's other session carries on.
    phone.doc.getText("t").insert(0, "från telefonen");
    const reader = await connect(id, { mode: "read" });
    await reader.waitFor(() => reader.text === "från telefonen", 5000, "the phone's edit");
    expect(phone.ws.readyState).toBe(WebSocket.OPEN);
    phone.close();
    reader.close();
  });
});

describe("presence after a reconnect", () => {
  it("lets the same person's new connection take over their client id; others still cannot", async () => {
    const id = freshDoc();
    const watcher = await connect(id, { name: "Watcher" });
    const first = await connect(id, { name: "Anna" });
    await Promise.all([watcher.synced(), first.synced()]);
    first.awareness.setLocalState({ user: { color: "#aa0033" }, cursor: { anchor: 1 } });
    await watcher.waitFor(
      () => watcher.awareness.getStates().has(first.doc.clientID),
      5000,
      "first presence",
    );

    // Ownership now comes from the old socket's attachment and the person from its tags.
    await evictDurableObject(roomStub(env, id), { webSockets: "hibernate" });
    // A second socket for the same person (the old one still open, as after a network drop)
    // re-announces the same client id with a newer clock.
    const again = await connect(id, { name: "Anna" });
    await again.synced();
    again.sendAwareness(spoofedAwareness(first.doc.clientID, 50, { cursor: { anchor: 7 } }));
    await watcher.waitFor(
      () => watcher.awareness.getStates().get(first.doc.clientID)?.cursor?.anchor === 7,
      5000,
      "takeover by the same person",
    );
    // Someone else cannot do the same: had Bo's newer clock (70) been taken, 61 would lose.
    const other = await connect(id, { name: "Bo" });
    await other.synced();
    other.sendAwareness(spoofedAwareness(first.doc.clientID, 70, { cursor: { anchor: 99 } }));
    again.sendAwareness(spoofedAwareness(first.doc.clientID, 61, { cursor: { anchor: 8 } }));
    await watcher.waitFor(() => watcher.awareness.getStates().get(first.doc.clientID)?.cursor?.anchor === 8);
    for (const peer of [watcher, first, again, other]) peer.close();
  });
});
