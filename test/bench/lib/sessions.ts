import * as Y from "yjs";
import { BenchClient } from "./client";
import { freshDocumentId, openClients, paced, processCpuMs } from "./harness";
import { type Distribution, distribution } from "./report";
import type { RunningSystem } from "./systems";
import { loadB4 } from "./traces";

/**
 * Realistic sessions for the compression and cost scenarios: a person typing with readers
 * watching, and people joining a document of a given size. Both count what crosses the
 * wire per connection and what the server spends.
 */

/**
 * Real prose of about `chars` characters: the start of B4's final text (an academic paper,
 * as compressible as a motion is; a generated text repeats itself and compresses far better).
 */
export function proseText(chars: number): string {
  return loadB4().endContent.slice(0, chars);
}

/** A document of `chars` characters typed one keystroke at a time: its whole state as one update. */
export function typedDocument(chars: number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText("t");
  for (const char of proseText(chars)) text.insert(text.length, char);
  return Y.encodeStateAsUpdate(doc);
}

export interface TypingResult {
  documentId: string;
  keystrokes: number;
  /** Did the server accept permessage-deflate (on the writer's connection)? */
  compressed: boolean;
  /** Keystroke (writer's send) → each reader's receipt. */
  latency: Distribution;
  /** WebSocket messages, whole session: the writer's sent, each reader's received (mean). */
  writerMessagesSent: number;
  writerMessagesReceived: number;
  readerMessagesReceived: number;
  /** Bytes on the wire after the handshake: the writer's sent, each reader's received (mean). */
  writerWireSent: number;
  readerWireReceived: number;
  /** Server CPU over the session (ms). */
  serverCpuMs: number;
  seconds: number;
  /** The typed document's encoded size at the end. */
  documentBytes: number;
}

/**
 * One writer types `keystrokes` characters at `perSecond`, each keystroke one Yjs update
 * plus one cursor update, as the TipTap editor sends them; `readers` read-only clients
 * watch. Latency comes from the order of frames: the writer is the only one editing, so a
 * reader's k-th live update is the k-th keystroke.
 */
export async function typingSession(
  system: RunningSystem,
  { readers, keystrokes, perSecond }: { readers: number; keystrokes: number; perSecond: number },
): Promise<TypingResult> {
  const documentId = freshDocumentId("typing");
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const received = new Map<BenchClient, number>();
  const watchers = await openClients(system, documentId, readers, {
    mode: "read",
    onUpdate: (receivedAt, client) => {
      const k = received.get(client) ?? 0;
      received.set(client, k + 1);
      const sent = sentAt[k];
      if (sent !== undefined) latencies.push(receivedAt - sent);
    },
  });
  const writer = new BenchClient(await system.endpoint(documentId), {});
  await writer.connect();
  await writer.whenSynced();
  const wire = (c: BenchClient) => c.wireBytes();
  const writerBefore = wire(writer);
  const readersBefore = watchers.map(wire);
  const messagesBefore = {
    sent: writer.messagesSent,
    writerReceived: writer.messagesReceived,
    received: watchers.map((c) => c.messagesReceived),
  };
  const cpuBefore = processCpuMs(system.pid());
  const started = performance.now();
  const text = writer.doc.getText("t");
  const typed = proseText(keystrokes);
  await paced(perSecond, keystrokes, (k) => {
    sentAt.push(performance.now());
    text.insert(text.length, typed[k] as string);
    writer.sendCursor("Skribent", text.length, text.length);
  });
  await Promise.all(
    watchers.map((c) => c.waitFor(() => (received.get(c) ?? 0) >= keystrokes, 10_000, "every keystroke")),
  );
  // The room sends presence at most every 50 ms: let the last flush arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (performance.now() - started) / 1000;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const result: TypingResult = {
    documentId,
    keystrokes,
    compressed: writer.compressed,
    latency: distribution(latencies),
    writerMessagesSent: writer.messagesSent - messagesBefore.sent,
    writerMessagesReceived: writer.messagesReceived - messagesBefore.writerReceived,
    readerMessagesReceived: mean(
      watchers.map((c, i) => c.messagesReceived - (messagesBefore.received[i] ?? 0)),
    ),
    writerWireSent: wire(writer).written - writerBefore.written,
    readerWireReceived: mean(watchers.map((c, i) => wire(c).read - (readersBefore[i]?.read ?? 0))),
    serverCpuMs: processCpuMs(system.pid()) - cpuBefore,
    seconds,
    documentBytes: Y.encodeStateAsUpdate(writer.doc).byteLength,
  };
  writer.close();
  for (const c of watchers) c.close();
  return result;
}

export interface JoinResult {
  documentBytes: number;
  /** Server CPU per join (ms): the Worker's upgrade and the room's handshake. */
  serverCpuPerJoin: number;
  /** Bytes the joining client received, from the upgrade request to sync step 2 (median). */
  wireReceived: number;
  /** Open → synced. */
  time: Distribution;
  compressed: boolean;
}

/** Stores `state` in a fresh document, then `joins` fresh clients join it one after another. */
export async function joinSessions(
  system: RunningSystem,
  state: Uint8Array,
  joins: number,
): Promise<JoinResult> {
  const documentId = freshDocumentId("join");
  const loader = new BenchClient(await system.endpoint(documentId), {});
  await loader.connect();
  await loader.whenSynced();
  loader.sendUpdate(state);
  await loader.roundTrip(Y.encodeStateVector(new Y.Doc()));
  // Another reader holds the document, as in a meeting: joins are warm.
  const holder = new BenchClient(await system.endpoint(documentId, "read"), {});
  await holder.connect();
  await holder.whenSynced();
  loader.close();
  const bytes: number[] = [];
  const times: number[] = [];
  let compressed = false;
  const cpuBefore = processCpuMs(system.pid());
  for (let i = 0; i < joins; i++) {
    const client = new BenchClient(await system.endpoint(documentId, "read"), { keepDoc: true });
    const started = performance.now();
    await client.connect();
    await client.whenSynced();
    times.push(client.syncedAt - started);
    bytes.push(client.wireBytes().read);
    compressed = client.compressed;
    client.close();
  }
  const serverCpuPerJoin = (processCpuMs(system.pid()) - cpuBefore) / joins;
  holder.close();
  bytes.sort((a, b) => a - b);
  return {
    documentBytes: state.byteLength,
    serverCpuPerJoin,
    wireReceived: bytes[Math.floor(bytes.length / 2)] ?? Number.NaN,
    time: distribution(times),
    compressed,
  };
}

export interface PresenceResult {
  messagesIn: number;
  messagesOut: number;
  serverCpuMs: number;
}

/**
 * `clients` people with a document open, each moving their cursor `moves` times at
 * `perSecond`, staggered: what presence alone costs the server (no edits).
 */
export async function presenceSession(
  system: RunningSystem,
  { clients, moves, perSecond }: { clients: number; moves: number; perSecond: number },
): Promise<PresenceResult> {
  const documentId = freshDocumentId("presence");
  const people = await openClients(system, documentId, clients, { mode: "read" });
  const receivedBefore = people.reduce((sum, c) => sum + c.messagesReceived, 0);
  const cpuBefore = processCpuMs(system.pid());
  await paced(perSecond * clients, moves * clients, (k) => {
    const person = people[k % clients] as BenchClient;
    person.sendCursor(`Person ${k % clients}`, k, k);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const result = {
    messagesIn: moves * clients,
    messagesOut: people.reduce((sum, c) => sum + c.messagesReceived, 0) - receivedBefore,
    serverCpuMs: processCpuMs(system.pid()) - cpuBefore,
  };
  for (const c of people) c.close();
  return result;
}
