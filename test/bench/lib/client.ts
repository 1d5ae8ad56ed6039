import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket as NodeWebSocket } from "ws";
import * as Y from "yjs";

/**
 * A load-generating client speaking the y-websocket protocol (sync step 1/2, update,
 * awareness), light enough that hundreds share one core:
 *
 * - Edits carry their own send time: each is an insert of `<E{id}@{µs}>` text, so the bytes
 *   of any update frame that carries it contain the marker. Receivers find markers by
 *   scanning frames (no Y.Doc needed), and take the receive time first thing in the handler.
 * - `keepDoc` clients keep a real Y.Doc and apply everything (joins, durability checks).
 *   Others hold only their own edits, which is all Yjs needs to produce valid updates.
 * - Hocuspocus frames the same messages with the document name in front and wants an auth
 *   message first: `framing: "hocuspocus"` does that, and nothing else differs.
 * - Sockets are the `ws` package's and, like a browser's, offer permessage-deflate
 *   (`permessage-deflate; client_max_window_bits`, what Chrome and Firefox send); whether it is
 *   used is the server's choice: y-partyserver's workerd accepts, the room (compatibility flag
 *   `no_web_socket_compression`) and Hocuspocus decline. With every receiver in this one
 *   process, a server that accepts makes the harness inflate every copy of a broadcast in
 *   turn, which a browser (inflating only its own) does not pay; `transport.deflate = false`
 *   (`npm run bench -- --no-deflate`) offers nothing, to see that part. ws limits inflating
 *   to 10 sockets at a time per process; each browser inflates on its own, so the limit is
 *   lifted here.
 * - Each socket counts its bytes on the wire (TCP payload: frames, compressed or not, and the
 *   HTTP upgrade), for the compression figures.
 */
export const transport = { deflate: true };

function openSocket(url: string): NodeWebSocket {
  return new NodeWebSocket(url, {
    perMessageDeflate: transport.deflate ? { concurrencyLimit: 100_000 } : false,
  });
}

const OPEN = 1;
export type Framing = "y-websocket" | "hocuspocus";

export interface Endpoint {
  /**
   * Where one connection goes. samtal's carries a token of its own each time: a room token
   * opens one connection.
   */
  url(): Promise<string>;
  framing: Framing;
  /** Hocuspocus: the document name each frame carries. */
  documentName: string;
}

export interface Edit {
  id: number;
  /** performance.now() of the sender, in ms. */
  sentAt: number;
}

const markerStart = Buffer.from("<E");

/** Every edit marker in a frame. */
export function scanEdits(bytes: Uint8Array, found: (edit: Edit) => void) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf(markerStart); at !== -1; at = buf.indexOf(markerStart, at + 2)) {
    let i = at + 2;
    let id = 0;
    while (buf[i] !== 0x40 /* @ */ && i < buf.length) id = id * 10 + ((buf[i++] as number) - 48);
    i++;
    let micros = 0;
    while (buf[i] !== 0x3e /* > */ && i < buf.length) micros = micros * 10 + ((buf[i++] as number) - 48);
    found({ id, sentAt: micros / 1000 });
  }
}

export const editMarker = (id: number, sentAt: number) => `<E${id}@${Math.round(sentAt * 1000)}>`;

export interface ClientOptions {
  keepDoc?: boolean;
  /**
   * Reconnect after the connection drops (not after close()), waiting `backoff(attempt)` ms;
   * attempt counts failures since the last sync, from 0.
   */
  reconnect?: { backoff: (attempt: number) => number };
  /** Called for every edit marker in a live update (not in sync step 2). */
  onEdit?: (edit: Edit, receivedAt: number, client: BenchClient) => void;
  /** Called for every live update frame, with its receive time (edits without markers). */
  onUpdate?: (receivedAt: number, client: BenchClient) => void;
}

export class BenchClient {
  ws: NodeWebSocket | null = null;
  readonly doc = new Y.Doc();
  synced = false;
  /** performance.now() when sync step 2 arrived and was applied. */
  syncedAt = 0;
  /** The server's state vector from its first sync step 1 on this connection. */
  serverStateVector: Map<number, number> | null = null;
  awarenessFrames = 0;
  updateFrames = 0;
  /** WebSocket messages sent and received over this client's life, every kind. */
  messagesSent = 0;
  messagesReceived = 0;
  step2Count = 0;
  closeCount = 0;
  private readonly keepDoc: boolean;
  private readonly waiters = new Set<() => void>();
  private awarenessClock = 0;
  private readonly prefix: Uint8Array;
  private closing = false;
  private attempt = 0;
  private preparedUrl: Promise<string> | null = null;

  constructor(
    readonly endpoint: Endpoint,
    private readonly options: ClientOptions = {},
  ) {
    this.keepDoc = options.keepDoc ?? false;
    const encoder = encoding.createEncoder();
    if (endpoint.framing === "hocuspocus") encoding.writeVarString(encoder, endpoint.documentName);
    this.prefix = encoding.toUint8Array(encoder);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendSync(2, update);
    });
  }

  get open(): boolean {
    return this.ws?.readyState === OPEN;
  }

  /** Did the server accept permessage-deflate on the current connection? */
  get compressed(): boolean {
    return (this.ws?.extensions ?? "").includes("permessage-deflate");
  }

  /** Bytes on the wire of the current connection so far (ws keeps its TCP socket as `_socket`). */
  wireBytes(): { read: number; written: number } {
    const socket = (this.ws as unknown as { _socket?: { bytesRead: number; bytesWritten: number } } | null)
      ?._socket;
    return { read: socket?.bytesRead ?? 0, written: socket?.bytesWritten ?? 0 };
  }

  /**
   * Gets what the next connect needs (samtal: a token) ahead of time, so that a connect
   * that is timed, or hundreds of them at once, do not wait for it.
   */
  async prepare(): Promise<void> {
    this.preparedUrl = this.endpoint.url();
    await this.preparedUrl;
  }

  /**
   * Opens the socket and starts the handshake; resolves once open (not yet synced).
   * `stateVector` overrides what sync step 1 claims to have (replay clients hold no doc).
   */
  async connect(stateVector?: Uint8Array): Promise<void> {
    const url = await (this.preparedUrl ?? this.endpoint.url());
    this.preparedUrl = null;
    return this.openConnection(url, stateVector);
  }

  /** After `backoff(attempt)`, a fresh URL and a new socket; again later if the URL cannot be had yet. */
  private reconnectLater(backoff: (attempt: number) => number) {
    setTimeout(
      async () => {
        if (this.closing) return;
        let url: string;
        try {
          url = await this.endpoint.url();
        } catch {
          // No token while the server is down: no socket, so no close event to go on.
          return this.reconnectLater(backoff);
        }
        if (this.closing) return;
        this.openConnection(url).catch(() => {
          // the close event that follows schedules the next attempt
        });
      },
      backoff(this.attempt++),
    );
  }

  private openConnection(url: string, stateVector?: Uint8Array): Promise<void> {
    this.synced = false;
    this.serverStateVector = null;
    const ws = openSocket(url);
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    ws.addEventListener("message", (event) => this.onMessage(event.data as ArrayBuffer));
    ws.addEventListener("close", () => {
      if (this.ws !== ws) return;
      this.closeCount++;
      this.synced = false;
      this.notify();
      const reconnect = this.options.reconnect;
      if (reconnect && !this.closing) this.reconnectLater(reconnect.backoff);
    });
    return new Promise((resolve, reject) => {
      ws.addEventListener("open", () => {
        if (this.endpoint.framing === "hocuspocus") {
          // [name][2 auth][0 token][token]: Hocuspocus queues everything else until this.
          this.send((e) => {
            encoding.writeVarUint(e, 2);
            encoding.writeVarUint(e, 0);
            encoding.writeVarString(e, "bench");
          });
        }
        this.sendSync(0, stateVector ?? Y.encodeStateVector(this.doc));
        resolve();
      });
      ws.addEventListener("error", () => reject(new Error(`connecting to ${url} failed`)));
    });
  }

  /** Resolves when synced (sync step 2 received), rejects after `ms`. */
  whenSynced(ms = 30_000): Promise<void> {
    return this.waitFor(() => this.synced, ms, "sync");
  }

  waitFor(predicate: () => boolean, ms: number, what: string): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      this.waiters.add(check);
    });
  }

  /** One edit: inserts its marker at the start of this client's text. */
  edit(id: number, sentAt = performance.now()) {
    this.doc.getText("t").insert(0, editMarker(id, sentAt));
  }

  /** Sends a prepared update (already in Yjs V1 encoding) as a sync update message. */
  sendUpdate(update: Uint8Array) {
    this.sendSync(2, update);
  }

  /**
   * Sends sync step 1 and waits for the server's step 2: every message sent before has been
   * processed by then (one ordered socket), so it works as an acknowledgement.
   */
  roundTrip(stateVector: Uint8Array, ms = 60_000): Promise<void> {
    const before = this.step2Count;
    this.sendSync(0, stateVector);
    return this.waitFor(() => this.step2Count > before, ms, "sync step 2");
  }

  /** An awareness update for this client's own id: a cursor, as y-prosemirror sets it. */
  sendCursor(name: string, anchor: number, head: number) {
    const state = JSON.stringify({ user: { name, color: "#30bced" }, cursor: { anchor, head } });
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.doc.clientID);
    encoding.writeVarUint(update, ++this.awarenessClock);
    encoding.writeVarString(update, state);
    this.send((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
    });
  }

  close() {
    this.closing = true;
    this.ws?.close(1000, "done");
  }

  private sendSync(sub: number, payload: Uint8Array) {
    this.send((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, sub);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  private send(write: (encoder: encoding.Encoder) => void) {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
    this.messagesSent++;
  }

  private onMessage(data: ArrayBuffer | string) {
    const receivedAt = performance.now();
    this.messagesReceived++;
    if (typeof data === "string") return;
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (this.endpoint.framing === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === 0 || type === 4) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === 0) {
        this.serverStateVector ??= Y.decodeStateVector(payload);
        this.sendSync(1, Y.encodeStateAsUpdate(this.doc, payload));
      } else if (sub === 1) {
        this.step2Count++;
        if (this.keepDoc) Y.applyUpdate(this.doc, payload, this);
        if (!this.synced) {
          this.synced = true;
          this.syncedAt = performance.now();
          this.attempt = 0;
        }
      } else if (sub === 2) {
        this.updateFrames++;
        this.options.onUpdate?.(receivedAt, this);
        const onEdit = this.options.onEdit;
        if (onEdit) scanEdits(payload, (edit) => onEdit(edit, receivedAt, this));
        if (this.keepDoc) Y.applyUpdate(this.doc, payload, this);
      }
    } else if (type === 1) {
      this.awarenessFrames++;
    }
    this.notify();
  }

  private notify() {
    for (const waiter of [...this.waiters]) waiter();
  }
}
