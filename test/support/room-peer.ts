import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/**
 * A minimal y-websocket-protocol client over any standard WebSocket (workerd's from a
 * fetch upgrade, or Node's), for tests: a Y.Doc, presence, the control channel, and
 * promises to wait on. It speaks exactly what the stock provider speaks.
 */
export class RoomPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly controlMessages: { type: string; [key: string]: unknown }[] = [];
  /** Raw awareness frames received, to count how often presence arrives. */
  awarenessFrames = 0;
  /** Binary frames of any kind received: none means the room never took the connection. */
  binaryFrames = 0;
  syncedAt: number | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly listeners = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    this.awareness.setLocalState(null);
    ws.binaryType = "arraybuffer";
    this.closed = new Promise((resolve) => {
      ws.addEventListener("close", (event) => {
        resolve({ code: event.code, reason: event.reason });
        this.notify();
      });
    });
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") {
        this.controlMessages.push(JSON.parse(event.data));
      } else {
        this.onBinary(new Uint8Array(event.data as ArrayBuffer));
      }
      this.notify();
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(frame(0, 2, update));
    });
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return;
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    });
  }

  /** Starts the sync handshake; call once the socket is open. */
  start() {
    this.send(frame(0, 0, Y.encodeStateVector(this.doc)));
  }

  send(data: Uint8Array | string) {
    if (this.ws.readyState === 1) this.ws.send(data as string | ArrayBufferView<ArrayBuffer>);
  }

  sendAwareness(update: Uint8Array) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  get text() {
    return this.doc.getText("t").toString();
  }

  /** Resolves when `predicate` holds, re-checked on every message; rejects after `ms`. */
  waitFor(predicate: () => boolean, ms = 5000, what = "condition"): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  synced(ms?: number) {
    return this.waitFor(() => this.syncedAt !== null, ms, "sync");
  }

  close() {
    this.ws.close(1000, "done");
  }

  private notify() {
    for (const listener of [...this.listeners]) listener();
  }

  private onBinary(bytes: Uint8Array) {
    this.binaryFrames++;
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      const sub = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (sub === syncProtocol.messageYjsSyncStep2 && this.syncedAt === null)
        this.syncedAt = performance.now();
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    } else if (type === 1) {
      this.awarenessFrames++;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }
}

export function frame(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
