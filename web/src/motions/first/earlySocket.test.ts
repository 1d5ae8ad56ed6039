import * as encoding from "lib0/encoding";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeSyncStep1 } from "y-protocols/sync";
import * as Y from "yjs";
import { EarlySocket, emptyDocSyncStep1, startingWith } from "./earlySocket";

/** The browser's WebSocket, as far as the early socket uses it: what it sent, and events to fire. */
class FakeWebSocket {
  static made: FakeWebSocket[] = [];
  binaryType = "blob";
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.made.push(this);
  }
  send(data: unknown) {
    this.sent.push(data);
  }
  close() {}
}

const original = globalThis.WebSocket;
beforeEach(() => {
  FakeWebSocket.made = [];
  globalThis.WebSocket = FakeWebSocket as unknown as typeof WebSocket;
});
afterEach(() => {
  globalThis.WebSocket = original;
});

describe("the room socket the head start opens", () => {
  it("sends y-protocols' own sync step 1 of an empty document", () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    writeSyncStep1(encoder, new Y.Doc());
    expect([...emptyDocSyncStep1]).toEqual([...encoding.toUint8Array(encoder)]);
  });

  it("keeps what the room sends until the connection takes it, then hands it over in order", async () => {
    const early = new EarlySocket("ws://host/api/rooms/motion%3A1?token=t&control=1");
    const [raw] = FakeWebSocket.made;
    if (!raw) throw new Error("no socket opened");
    expect(raw.binaryType).toBe("arraybuffer");
    raw.onopen?.();
    expect(raw.sent).toEqual([emptyDocSyncStep1]);
    raw.onmessage?.({ data: "welcome" });
    raw.onmessage?.({ data: "step 2" });

    const Socket = startingWith(early);
    expect(early.claim("ws://host/api/rooms/motion%3A1?token=other&control=1")).toBeUndefined();
    const taken = new Socket("ws://host/api/rooms/motion%3A1?token=t&control=1");
    expect(taken).toBe(early);
    const seen: string[] = [];
    taken.onopen = () => seen.push("open");
    taken.onmessage = ({ data }) => seen.push(String(data));
    taken.onclose = ({ code }) => seen.push(`close ${code}`);
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual(["open", "welcome", "step 2"]);
    raw.onmessage?.({ data: "update" });
    raw.onclose?.({ code: 4401, reason: "token_expired" });
    expect(seen).toEqual(["open", "welcome", "step 2", "update", "close 4401"]);

    // The connection's own first step 1 (the same bytes) is not sent twice; the rest is.
    taken.send(Uint8Array.of(0, 0, 1, 0));
    taken.send(Uint8Array.of(1, 2));
    taken.send(Uint8Array.of(0, 0, 1, 0));
    expect(raw.sent).toEqual([emptyDocSyncStep1, Uint8Array.of(1, 2), Uint8Array.of(0, 0, 1, 0)]);

    // Taken once: a reconnect gets a socket of its own.
    const again = new Socket("ws://host/api/rooms/motion%3A1?token=t&control=1");
    expect(again).not.toBe(early);
    expect(FakeWebSocket.made).toHaveLength(2);
  });
});
