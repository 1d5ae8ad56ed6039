import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * The y-websocket wire protocol (binary frames), as the stock `WebsocketProvider` speaks it:
 *   [0 sync][0 step1][state vector]   "here is what I have"
 *   [0 sync][1 step2][update]          "here is what you lack"
 *   [0 sync][2 update][update]         "a change"
 *   [1 awareness][awareness update]    presence: cursors, names
 *   [3 query awareness]                "send me everyone's presence"
 * We decode frames ourselves instead of using y-protocols' readSyncMessage, because that
 * catches and logs errors from a bad update instead of reporting them, and a bad update
 * must close the offending connection.
 */
export const messageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const syncType = { step1: 0, step2: 1, update: 2 } as const;

export type Frame =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" };

export class MalformedFrame extends Error {
  override name = "MalformedFrame";
}

/**
 * Decodes one binary frame. Throws MalformedFrame for anything we do not understand,
 * including bytes left over after the message: a real client sends one message a frame.
 */
export function decodeFrame(bytes: Uint8Array): Frame {
  const decoder = decoding.createDecoder(bytes);
  const frame = readFrame(decoder);
  if (decoding.hasContent(decoder)) throw new MalformedFrame("trailing bytes");
  return frame;
}

function readFrame(decoder: decoding.Decoder): Frame {
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageType.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === syncType.step1) return { kind: "sync-step1", stateVector: payload };
        if ((sub === syncType.step2 || sub === syncType.update) && payload.byteLength > 0) {
          return { kind: "update", update: payload };
        }
        break;
      }
      case messageType.awareness:
        return { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
      case messageType.queryAwareness:
        return { kind: "query-awareness" };
    }
  } catch (err) {
    throw new MalformedFrame(err instanceof Error ? err.message : "undecodable frame");
  }
  throw new MalformedFrame("unknown or empty message");
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageType.sync);
    encoding.writeVarUint(e, syncType.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageType.sync);
    encoding.writeVarUint(e, syncType.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageType.sync);
    encoding.writeVarUint(e, syncType.update);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (awarenessUpdate: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageType.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
