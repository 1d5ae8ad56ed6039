import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RoomPeer } from "../support/room-peer";
import { connectPeer, startSamtal, type WorkerdServer } from "../support/workerd";

/**
 * Durability: whatever a peer has received must survive a SIGKILL of workerd. A writer sends
 * edits, a reader receives them, workerd is killed with SIGKILL from inside the reader's
 * message handler (the moment the reader has seen the edit), then restarted on the same
 * storage. A fresh client, with the writer gone (so nobody can re-send anything), must get
 * every edit the reader ended up with, including any that were still arriving at the kill.
 */
let server: WorkerdServer;
beforeAll(async () => {
  server = await startSamtal();
});
afterAll(() => server?.close());

/** Does `doc` contain everything in `other` (insertions and deletions)? */
function covers(doc: Y.Doc, other: Y.Doc): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateAsUpdate(copy);
  let changed = false;
  copy.on("update", () => {
    changed = true;
  });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(other));
  return !changed && Y.encodeStateAsUpdate(copy).byteLength === before.byteLength;
}

const killMoments: {
  name: string;
  edits: number;
  killAt: (received: number) => boolean;
  compactFirst?: boolean;
}[] = [
  { name: "after the reader received the last of 40 edits", edits: 40, killAt: (n) => n === 40 },
  { name: "after the reader received the first edit of a burst", edits: 40, killAt: (n) => n === 1 },
  { name: "mid-burst, after 17 of 60 edits", edits: 60, killAt: (n) => n === 17 },
  {
    name: "right after a forced compaction, after 5 edits",
    edits: 30,
    killAt: (n) => n === 5,
    compactFirst: true,
  },
  { name: "after a single edit", edits: 1, killAt: (n) => n === 1 },
];

describe("SIGKILL of workerd", () => {
  it("loses no edit that a peer had received, whatever the moment", async () => {
    const documentId = `test:kill-${Date.now()}`;
    // Every round's edits are checked again after every later kill: the document accumulates.
    const received = new Y.Doc();

    for (const [round, moment] of killMoments.entries()) {
      const writer = await connectPeer(server.url, documentId, { name: "Writer" });
      const reader = await connectPeer(server.url, documentId, { name: "Reader", mode: "read" });
      await Promise.all([writer.synced(), reader.synced()]);
      await writer.waitFor(() => covers(writer.doc, received), 5000, "the writer gets the document so far");

      if (moment.compactFirst) {
        const res = await fetch(new URL(`/api/dev/rooms/${documentId}/compact`, server.url), {
          method: "POST",
        });
        expect(res.ok).toBe(true);
      }
      const pid = server.pid;
      let count = 0;
      let killed = false;
      reader.ws.addEventListener("message", () => {
        // RoomPeer's own listener ran first, so the edit is in the reader's document now.
        count = edits(reader, round);
        if (!killed && moment.killAt(count)) {
          killed = true;
          process.kill(pid, "SIGKILL");
        }
      });
      for (let i = 1; i <= moment.edits; i++) {
        writer.doc.getText("t").insert(writer.text.length, `r${round}e${i};`);
        // A few edits per event-loop turn, so kills land both between and inside bursts.
        if (i % 3 === 0) await sleep(0);
      }
      await reader.closed;
      await writer.closed;
      expect(killed, `${moment.name}: the kill happened`).toBe(true);
      Y.applyUpdate(received, Y.encodeStateAsUpdate(reader.doc));
      expect(edits(reader, round)).toBeGreaterThanOrEqual(1);

      await server.restart();
      const fresh = await connectPeer(server.url, documentId, { name: "Fresh", mode: "read" });
      await fresh.synced();
      // The fresh client's sync step 2 carries the room's whole document.
      await fresh
        .waitFor(() => covers(fresh.doc, received), 5000, `${moment.name}: every received edit`)
        .catch((err) => {
          throw new Error(
            `${(err as Error).message}; the reader had ${received.getText("t").length} characters, ` +
              `the room after restart ${fresh.text.length}`,
          );
        });
      expect(fresh.text.startsWith(received.getText("t").toString())).toBe(true);
      fresh.close();
      await fresh.closed;
    }
  });
});

/** How many of this round's edits the peer has. */
function edits(peer: RoomPeer, round: number): number {
  return peer.text.split(`r${round}e`).length - 1;
}
