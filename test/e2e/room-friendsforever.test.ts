import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { rateLimit } from "../../worker/rooms/limits";
import type { RoomPeer } from "../support/room-peer";
import { connectPeer, repoRoot, startSamtal, type WorkerdServer } from "../support/workerd";

/**
 * The concurrent `friendsforever` editing trace (two people typing into one document at the
 * same time, from josephg/editing-traces, CC BY 4.0) replayed through the real room by two
 * clients, one per agent. Each client applies its agent's transactions only once all their
 * parents have reached it through the room; at the end both, and a client joining afterwards,
 * hold exactly the trace's endContent.
 *
 * A transaction's positions refer to the document as of its parents, not to whatever else
 * has arrived meanwhile (the other agent's concurrent typing). So each agent edits in its own
 * "editor" doc, brought to exactly that version with the updates of the parent transactions,
 * and its connected client carries the resulting updates to the room: the room is the only
 * way content travels between the two clients.
 */
const tracePath = path.resolve(repoRoot, "../shared/bench/traces/friendsforever.json.gz");

interface ConcurrentTrace {
  kind: "concurrent";
  endContent: string;
  numAgents: number;
  txns: { parents: number[]; agent: number; patches: [number, number, string][] }[];
}

function loadTrace(): ConcurrentTrace {
  if (!existsSync(tracePath)) {
    throw new Error(
      `Missing benchmark trace ${tracePath}: the repository expects ../shared/bench/traces beside it ` +
        "(editing-traces' friendsforever.json.gz).",
    );
  }
  return JSON.parse(gunzipSync(readFileSync(tracePath)).toString("utf8")) as ConcurrentTrace;
}

/** UTF-16 index of code point `cp` in `s` (trace positions count code points). */
function utf16Index(s: string, cp: number): number {
  let index = 0;
  for (let i = 0; i < cp; i++) index += (s.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}

let server: WorkerdServer;
beforeAll(async () => {
  server = await startSamtal();
});
afterAll(() => server?.close());

describe("the concurrent friendsforever trace through the room", () => {
  it("two clients, one per agent, converge to endContent", async () => {
    const trace = loadTrace();
    expect(trace.kind).toBe("concurrent");
    expect(trace.numAgents).toBe(2);
    const { txns } = trace;
    const astral = txns.some((t) => t.patches.some(([, , text]) => /[\uD800-\uDFFF]/.test(text)));

    const documentId = `test:friendsforever-${Date.now()}`;
    const agents = [0, 1];
    const clients: RoomPeer[] = [];
    for (const agent of agents)
      clients.push(await connectPeer(server.url, documentId, { name: `Agent ${agent}` }));
    await Promise.all(clients.map((c) => c.synced()));

    // Per agent: its editor doc (exact versions), its transactions in order, how far it got.
    const editors = agents.map(() => new Y.Doc());
    // The trace breaks ties between concurrent inserts at one position by agent order; Yjs
    // orders them by client id (lower first). Give agent 0 the lower id, or the replay ends
    // in a different (equally valid) interleaving: it does, at character 3,798.
    const ids = agents.map(() => 1 + Math.floor(Math.random() * 2 ** 30)).sort((x, y) => x - y);
    for (const agent of agents) (editors[agent] as Y.Doc).clientID = (ids[agent] as number) + agent;
    const queues = agents.map((agent) => txns.flatMap((t, i) => (t.agent === agent ? [i] : [])));
    const next = agents.map(() => 0);
    /** For each transaction, the latest transaction of each agent it causally includes. */
    const latest: number[][] = [];
    /** The Yjs update each transaction made, and its author's clock after it. */
    const updateOf: Uint8Array[] = [];
    const clockAfter: number[] = [];
    /** How far into each other agent's queue each editor has applied. */
    const editorAt = agents.map(() => agents.map(() => 0));
    /** Each editor's own changes, as the update its transaction produced. */
    let made: Uint8Array | null = null;
    for (const editor of editors) {
      editor.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === "trace") made = update;
      });
    }
    for (const [i, t] of txns.entries()) {
      const row = agents.map((a) => Math.max(-1, ...t.parents.map((p) => latest[p]?.[a] ?? -1)));
      row[t.agent] = i;
      latest.push(row);
    }

    // Stay within the room's per-connection rate limit (a token bucket), with a margin.
    const buckets = agents.map(() => ({ tokens: rateLimit.burst / 2, at: performance.now() }));
    const takeToken = (agent: number) => {
      const bucket = buckets[agent] as { tokens: number; at: number };
      const now = performance.now();
      bucket.tokens = Math.min(
        rateLimit.burst / 2,
        bucket.tokens + ((now - bucket.at) / 1000) * rateLimit.perSecond * 0.8,
      );
      bucket.at = now;
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    };

    let frames = 0;
    let failure: Error | null = null;
    const pump = (agent: number) => {
      const client = clients[agent] as RoomPeer;
      const editor = editors[agent] as Y.Doc;
      const queue = queues[agent] as number[];
      const batch: Uint8Array[] = [];
      const arrived = Y.decodeStateVector(Y.encodeStateVector(client.doc));
      while ((next[agent] as number) < queue.length) {
        const i = queue[next[agent] as number] as number;
        const t = txns[i] as ConcurrentTrace["txns"][number];
        // Ready once every other agent's parent transactions reached this client via the room.
        const ready = agents.every((other) => {
          const needed = latest[i]?.[other] ?? -1;
          if (other === agent || needed < 0) return true;
          return (arrived.get((editors[other] as Y.Doc).clientID) ?? 0) >= (clockAfter[needed] as number);
        });
        if (!ready) break;
        if (batch.length === 0 && !takeToken(agent)) {
          setTimeout(() => pump(agent), 20);
          return;
        }
        // Bring the editor to exactly the parents' version, then apply the patches.
        for (const other of agents) {
          if (other === agent) continue;
          const needed = latest[i]?.[other] ?? -1;
          const otherQueue = queues[other] as number[];
          const at = editorAt[agent] as number[];
          while (
            (at[other] as number) < otherQueue.length &&
            (otherQueue[at[other] as number] as number) <= needed
          ) {
            Y.applyUpdate(editor, updateOf[otherQueue[at[other] as number] as number] as Uint8Array);
            at[other] = (at[other] as number) + 1;
          }
        }
        const text = editor.getText("t");
        made = null;
        editor.transact(() => {
          for (const [pos, deleted, inserted] of t.patches) {
            const current = astral ? text.toString() : "";
            const at = astral ? utf16Index(current, pos) : pos;
            if (deleted > 0) {
              const end = astral ? utf16Index(current, pos + deleted) : pos + deleted;
              text.delete(at, end - at);
            }
            if (inserted) text.insert(at, inserted);
          }
        }, "trace");
        const update: Uint8Array = made ?? new Uint8Array([0, 0]);
        updateOf[i] = update;
        clockAfter[i] = Y.getState(editor.store, editor.clientID);
        batch.push(update);
        next[agent] = (next[agent] as number) + 1;
      }
      if (batch.length) {
        // One frame for the run of ready transactions (the client sends each transaction of its doc).
        frames++;
        client.doc.transact(() => {
          for (const update of batch) Y.applyUpdate(client.doc, update);
        });
      }
    };
    for (const agent of agents) {
      (clients[agent] as RoomPeer).ws.addEventListener("message", () => {
        try {
          pump(agent);
        } catch (err) {
          failure = err as Error;
        }
      });
    }
    const started = performance.now();
    for (const agent of agents) pump(agent);

    const done = () => failure !== null || clients.every((c) => c.text === trace.endContent);
    const progress = () =>
      `transactions applied per agent ${next.join("/")} of ${queues.map((q) => q.length).join("/")}, ` +
      `${frames} updates sent, text lengths ${clients.map((c) => c.text.length).join("/")} of ${trace.endContent.length}, ` +
      `equal to endContent: ${clients.map((c) => c.text === trace.endContent).join("/")}`;
    // Polled: a client's last change may be its own, with no message after it.
    for (const deadline = Date.now() + 45_000; !done(); await sleep(20)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for both clients to reach endContent: ${progress()}`);
    }
    if (failure) throw failure;
    const seconds = (performance.now() - started) / 1000;
    console.log(`friendsforever: ${txns.length} transactions in ${frames} updates, ${seconds.toFixed(1)} s`);

    for (const agent of agents) expect(next[agent]).toBe(queues[agent]?.length);
    for (const client of clients) expect(client.text).toBe(trace.endContent);

    // The room holds the merged document: a client joining now gets exactly endContent.
    const late = await connectPeer(server.url, documentId, { name: "Later", mode: "read" });
    await late.waitFor(() => late.text === trace.endContent, 10_000, "a late joiner gets endContent");
    for (const client of [...clients, late]) client.close();
  });
});
