import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { keepRoomTokensFresh } from "../../examples/room-tokens";
import {
  connectPeer,
  devRoomToken,
  roomSocketUrl,
  startSamtal,
  type WorkerdServer,
} from "../support/workerd";

// The real Worker on workerd's own socket; clients are the stock y-websocket provider.
let server: WorkerdServer;
beforeAll(async () => {
  server = await startSamtal();
});
afterAll(() => server?.close());

/** A stock provider, kept connected with a fresh token per connection as README says (examples/room-tokens.ts). */
async function provider(documentId: string, name: string) {
  const doc = new Y.Doc();
  const freshToken = () => devRoomToken(server.url, documentId, name);
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/api/rooms`, documentId, doc, {
    params: { token: await freshToken() },
    WebSocketPolyfill: WebSocket,
    // Two providers in one process would otherwise sync over BroadcastChannel, not the room.
    disableBc: true,
  });
  keepRoomTokensFresh(provider, freshToken);
  await synced(provider, name);
  return { doc, provider, text: doc.getText("t") };
}

function synced(provider: WebsocketProvider, name: string): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not sync`)), 10_000);
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
}

function until(doc: Y.Doc, predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off("update", check);
      resolve();
    };
    const timer = setTimeout(() => {
      doc.off("update", check);
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    doc.on("update", check);
  });
}

describe("stock y-websocket providers through the real room", () => {
  it("sync a Y.Text both ways, concurrently, and the room keeps the result", async () => {
    const documentId = `test:y-websocket-${Date.now()}`;
    const anna = await provider(documentId, "Anna");
    const bo = await provider(documentId, "Bo");

    anna.text.insert(0, "Hej från Anna.");
    await until(bo.doc, () => bo.text.toString() === "Hej från Anna.", "Bo receives Anna's text");

    bo.text.insert(bo.text.length, " Hej från Bo!");
    await until(anna.doc, () => anna.text.toString() === "Hej från Anna. Hej från Bo!", "Anna receives Bo's");

    // Concurrent edits, made before either side hears of the other's (one synchronous block):
    // Anna prepends, Bo appends and deletes the first word. Both converge to the merge.
    anna.text.insert(0, "[A]");
    bo.text.insert(bo.text.length, "[B]");
    bo.text.delete(0, "Hej ".length);
    const expected = "[A]från Anna. Hej från Bo![B]";
    await until(anna.doc, () => anna.text.toString() === expected, "Anna converges");
    await until(bo.doc, () => bo.text.toString() === expected, "Bo converges");
    expect(anna.provider.wsconnected && bo.provider.wsconnected).toBe(true);
    expect([anna.text.toString(), bo.text.toString()]).toEqual([expected, expected]);

    // The room itself has the document: a third client that joins afterwards gets all of it.
    anna.provider.destroy();
    bo.provider.destroy();
    const late = await connectPeer(server.url, documentId, { name: "Cecilia", mode: "read" });
    await late.waitFor(() => late.text === expected, 10_000, "a late reader gets the whole text");
    expect(late.text).toBe(expected);
    late.close();
  });

  it("reconnect with a fresh token after the connection drops: the spent one would be refused", async () => {
    const documentId = `test:y-websocket-reconnect-${Date.now()}`;
    const anna = await provider(documentId, "Anna");
    const bo = await provider(documentId, "Bo");
    const first = anna.provider.params.token;
    let closes = 0;
    anna.provider.on("connection-close", () => closes++);

    // The connection drops (as on a network change); the provider reconnects on its own.
    const dropped = new Promise((resolve) => anna.provider.once("connection-close", resolve));
    anna.provider.ws?.close();
    await dropped;
    await synced(anna.provider, "Anna, reconnected");
    expect(anna.provider.params.token).not.toBe(first);
    bo.text.insert(0, "efter återanslutning");
    await until(anna.doc, () => anna.text.toString() === "efter återanslutning", "Anna hears Bo again");
    // One drop, one reconnect: no attempt with the spent token was refused.
    expect(closes).toBe(1);

    // The token the provider first had is spent: the room refuses it.
    const replay = new WebSocket(roomSocketUrl(server.url, documentId, first ?? ""));
    const refused = await new Promise<CloseEvent>((resolve) => replay.addEventListener("close", resolve));
    expect([refused.code, refused.reason]).toEqual([4402, "token_expired"]);
    anna.provider.destroy();
    bo.provider.destroy();
  });
});
