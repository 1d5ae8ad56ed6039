import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { repoRoot } from "../../support/workerd";

/** The shared editing traces (../shared/bench/traces beside the repository; README there). */
export function tracePath(name: string): string {
  const file = path.resolve(repoRoot, "../shared/bench/traces", name);
  if (!existsSync(file)) throw new Error(`Missing benchmark trace ${file} (see ../shared/bench/README.md).`);
  return file;
}

interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

export interface B4 {
  endContent: string;
  /** One Yjs update (V1) per trace transaction, in order, as an editor would send them. */
  updates: Uint8Array[];
  /** The whole final document as one update (what a joining client receives). */
  state: Uint8Array;
  /** State vector of the replaying client before update i (for any i). */
  stateVectorBefore(i: number): Uint8Array;
  /** Seconds the replay into one Y.Doc took here. */
  replaySeconds: number;
}

let cached: B4 | null = null;

/**
 * B4 (automerge-paper: 259,778 single-character edits by one author), replayed once into a
 * Y.Doc under the text name "t". Positions count code points; the trace is converted
 * accordingly (a fast path when the text has no characters outside the BMP).
 */
export function loadB4(): B4 {
  if (cached) return cached;
  const trace = JSON.parse(
    gunzipSync(readFileSync(tracePath("automerge-paper.json.gz"))).toString("utf8"),
  ) as SequentialTrace;
  const astral = /[\uD800-\uDFFF]/.test(trace.startContent + trace.endContent);
  const doc = new Y.Doc();
  const text = doc.getText("t");
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const started = performance.now();
  if (trace.startContent) throw new Error("B4 starts from an empty document");
  const toIndex = (at: number) => (astral ? [...text.toString()].slice(0, at).join("").length : at);
  const clocks: number[] = [0];
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [pos, deleted, inserted] of txn.patches) {
        const at = toIndex(pos);
        if (deleted) text.delete(at, toIndex(pos + deleted) - at);
        if (inserted) text.insert(at, inserted);
      }
    });
    clocks.push(Y.getState(doc.store, doc.clientID));
  }
  const replaySeconds = (performance.now() - started) / 1000;
  if (text.toString() !== trace.endContent) throw new Error("B4 replay does not reach endContent");
  if (updates.length !== trace.txns.length) throw new Error("expected one update per B4 transaction");
  // One writer: its state vector before update i is just its clock then.
  const clientId = doc.clientID;
  cached = {
    endContent: trace.endContent,
    updates,
    state: Y.encodeStateAsUpdate(doc),
    replaySeconds,
    stateVectorBefore(i) {
      const sv = new Map<number, number>();
      if ((clocks[i] as number) > 0) sv.set(clientId, clocks[i] as number);
      return encodeStateVector(sv);
    },
  };
  return cached;
}

function encodeStateVector(sv: Map<number, number>): Uint8Array {
  // The bytes Y.encodeStateVector writes: a count, then client/clock pairs.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sv.size);
  for (const [client, clock] of sv) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
