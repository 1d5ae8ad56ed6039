import { DurableObject } from "cloudflare:workers";
import * as Y from "yjs";
import { roomClientMessageSchema } from "../shared/room-schemas";
import {
  type RoomCloseReason,
  type RoomLimits,
  type RoomServerMessage,
  roomCloseCodes,
} from "../shared/rooms";
import { AwarenessRelay, decodeAwarenessUpdate } from "./awareness";
import { Coalescer } from "./coalesce";
import { type Attachment, echoClose, RoomConnections, safeSend } from "./connections";
import { readHandoff } from "./handoff";
import {
  awarenessFlushMs,
  defaultRoomLimits,
  maxControlMessageBytes,
  rateLimit,
  SocketRateLimit,
  writeCoalesceMs,
} from "./limits";
import {
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedFrame,
} from "./protocol";
import { RoomStore } from "./RoomStore";
import { dropPending, encodeIntegratedState, pendingBytes, updateWouldChange } from "./yjs";

/** Origin for updates the server itself writes (server-side API), so they are broadcast to all. */
const serverOrigin = Symbol("server");

/** A change integrated into the document but not yet written, and the connection it came from. */
interface Unsaved {
  update: Uint8Array;
  origin: unknown;
}

/**
 * One live Yjs document. Connections use the WebSocket hibernation API: between messages
 * the object may be evicted from memory while sockets stay open, and everything needed to
 * carry on (the document, who owns which presence) is rebuilt from storage and the
 * sockets' attachments in the constructor. Lifecycle: constructor (load) → fetch (join)
 * → webSocketMessage (sync, update, awareness, control) → save (write, then broadcast) →
 * webSocketClose (leave) → alarm (compaction, off the message path).
 *
 * Writes are coalesced. Every event that writes ends with its own SQLite commit, and the
 * output gate holds that event's messages until the commit is durable (on Cloudflare,
 * replicated): one write per message made a replay of B4's 259,778 updates 4x slower than
 * y-partyserver, which does not write at all on the message path. So a change is applied
 * at once and kept in `unsaved`; `save()` writes whatever is unsaved in one transaction and
 * then broadcasts it. A change is saved at once unless the last save was less than
 * `writeCoalesceMs` ago; then it waits for the rest of that interval with everything else
 * that arrives meanwhile (a zero-delay timer would cost every keystroke ~10 ms in workerd).
 * Typing is written and sent at once, a burst becomes one commit per interval. The promise
 * stays: nothing derived from an unsaved change leaves the room before its write. `save()`
 * broadcasts after writing, in the same turn (so the output gate holds the broadcast), and
 * every other send of document state (state vector, sync step 2, readState) saves first.
 */
export class DocumentRoom extends DurableObject<Env> {
  private doc = new Y.Doc({ gc: true });
  private readonly store: RoomStore;
  private readonly connections: RoomConnections;
  private readonly awareness: AwarenessRelay<WebSocket>;
  private readonly limits: RoomLimits = defaultRoomLimits;
  /** The whole document encoded once, for joins; cleared on every change. */
  private fullState: Uint8Array | null = null;
  private readonly rate = new SocketRateLimit(rateLimit);
  private compactionScheduled = false;
  private alarmsSet = 0;
  private unsaved: Unsaved[] = [];
  private unsavedBytes = 0;
  private readonly saves = new Coalescer(writeCoalesceMs, () => this.writeAndBroadcast());
  private readonly awarenessFlushes = new Coalescer(awarenessFlushMs, () => this.flushAwareness());
  /**
   * The open sockets, kept here rather than asked of the runtime (`getWebSockets()`) for
   * every broadcast, which builds a new array of every socket each time: filled from the
   * runtime when the object starts (also after hibernation), then kept by accept and leave.
   */
  private readonly sockets: Set<WebSocket>;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.connections = new RoomConnections(ctx);
    this.sockets = new Set(this.connections.all());
    this.awareness = new AwarenessRelay((a, b) => this.connections.sameSubject(a, b));
    this.store = new RoomStore(ctx.storage.sql, (fn) => ctx.storage.transactionSync(fn));
    this.fullState = this.store.load(this.doc);
    this.doc.on("update", this.onDocUpdate);
    for (const ws of this.sockets) {
      const attachment = this.connections.get(ws);
      if (attachment) this.awareness.restore(ws, attachment.awareness);
    }
  }

  /** A verified WebSocket upgrade from the Worker (worker/rooms/routes.ts). */
  override async fetch(request: Request): Promise<Response> {
    const handoff = readHandoff(request);
    if (!handoff || request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade from the Worker", { status: 400 });
    }
    const { claims } = handoff;
    const { 0: client, 1: server } = new WebSocketPair();
    const attachment: Attachment = { claims, control: handoff.control, awareness: [] };
    this.connections.accept(server, attachment);
    this.sockets.add(server);

    if (attachment.control) {
      this.sendControl(server, {
        type: "welcome",
        mode: claims.mode,
        name: claims.name,
        limits: this.limits,
      });
    }
    // Our state vector first: the client answers with whatever we lack (its offline edits).
    // It must describe stored changes only, like everything a peer is told.
    this.save();
    safeSend(server, encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const presence = this.awareness.snapshot();
    if (presence) safeSend(server, encodeAwareness(presence));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = this.connections.get(ws);
    try {
      if (!attachment) return this.close(ws, "internal_error");
      if (!this.rate.take(ws)) return this.close(ws, "rate_limited");
      if (typeof message === "string") return this.onControlMessage(ws, attachment, message);
      if (message.byteLength > this.limits.maxMessageBytes) return this.close(ws, "message_too_big");
      this.onFrame(ws, attachment, new Uint8Array(message));
    } catch (err) {
      if (err instanceof MalformedFrame) return this.close(ws, "malformed_message");
      // Our bug, not the client's: log the kind of failure, never the content.
      console.error(JSON.stringify({ event: "room_error", error: (err as Error).name }));
      this.close(ws, "internal_error");
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.leave(ws);
    echoClose(ws, code);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.leave(ws);
  }

  override async alarm(): Promise<void> {
    this.compactionScheduled = false;
    const empty = this.sockets.size === 0;
    if (this.store.needsCompaction || (empty && this.store.hasLog)) this.compactNow();
  }

  // --- Server-side API (called over RPC; see worker/rooms/documents.ts and revocation.ts) ---

  /** The document as one Yjs update (V1). */
  readState(): Uint8Array {
    this.save();
    return this.encodedState();
  }

  /** Applies an update as the server; it is stored and sent to every connection. */
  applyServerUpdate(update: Uint8Array): void {
    Y.decodeUpdate(update);
    if (this.documentBytes + update.byteLength > this.limits.maxDocumentBytes) {
      throw new Error("document_too_large");
    }
    Y.applyUpdate(this.doc, update, serverOrigin);
    // Written before the reply, which the output gate then holds until it is durable.
    this.save();
  }

  /** Closes the connections opened with tokens of these sessions; returns how many. */
  closeSessions(sessionIds: string[]): number {
    const sockets = this.connections.ofSessions(sessionIds);
    for (const ws of sockets) this.close(ws, "access_revoked");
    return sockets.length;
  }

  /** Figures for tests and benchmarks (counters start again when the object does). */
  stats() {
    return {
      connections: this.sockets.size,
      storedBytes: this.store.storedBytes,
      bytesWritten: this.store.bytesWritten,
      databaseBytes: this.store.databaseBytes,
      rowsRead: this.store.rowsRead,
      rowsWritten: this.store.rowsWritten,
      alarmsSet: this.alarmsSet,
    };
  }

  /** Compacts now (tests and the benchmark force it mid-run). */
  compactNow(): void {
    this.save();
    this.store.compact(this.encodedState());
  }

  // --- Internals ---

  private onFrame(ws: WebSocket, attachment: Attachment, bytes: Uint8Array) {
    const frame = decodeFrame(bytes);
    switch (frame.kind) {
      case "sync-step1": {
        this.save();
        let diff: Uint8Array;
        try {
          Y.decodeStateVector(frame.stateVector);
          diff =
            frame.stateVector.byteLength <= 1
              ? this.encodedState()
              : encodeIntegratedState(this.doc, frame.stateVector);
        } catch {
          throw new MalformedFrame("bad state vector");
        }
        safeSend(ws, encodeSyncStep2(diff));
        return;
      }
      case "update":
        return this.onUpdate(ws, attachment, frame.update);
      case "awareness": {
        const entries = decodeAwarenessUpdate(frame.update);
        attachment.awareness = this.awareness.receive(ws, entries, attachment.claims);
        this.connections.save(ws, attachment);
        this.awarenessFlushes.request();
        return;
      }
      case "query-awareness": {
        const presence = this.awareness.snapshot();
        if (presence) safeSend(ws, encodeAwareness(presence));
        return;
      }
    }
  }

  private onUpdate(ws: WebSocket, attachment: Attachment, update: Uint8Array) {
    // An empty update ([0 structs][0 deletes]) is the usual reply of an up-to-date client.
    if (update.byteLength === 2 && update[0] === 0 && update[1] === 0) return;
    checkUpdate(update);
    if (attachment.claims.mode === "read") {
      if (updateWouldChange(this.doc, update)) this.close(ws, "read_only");
      return;
    }
    if (this.documentBytes + update.byteLength > this.limits.maxDocumentBytes) {
      return this.close(ws, "document_too_large");
    }
    try {
      Y.applyUpdate(this.doc, update, ws);
    } catch {
      // The update decoded but failed while integrating: the in-memory document may be
      // half-changed. Nothing of it was stored, so reload from storage and drop the sender.
      this.reload();
      throw new MalformedFrame("update failed to apply");
    }
    if (pendingBytes(this.doc) > this.limits.maxDocumentBytes / 4) dropPending(this.doc);
  }

  /** Runs for every change Yjs integrated, from a connection or the server API. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.unsaved.push({ update, origin });
    this.unsavedBytes += update.byteLength;
    this.fullState = null;
    this.saves.request();
  };

  /** Writes whatever is unsaved now, whatever the interval: before any send of document state. */
  private save() {
    this.saves.run();
  }

  /** Writes the unsaved changes in one transaction, then tells everyone but each change's sender. */
  private writeAndBroadcast(): boolean {
    const batch = this.unsaved;
    if (!batch.length) return false;
    this.store.append(batch.map((change) => change.update));
    this.unsaved = [];
    this.unsavedBytes = 0;
    for (const { update, origin } of batch) {
      const frame = encodeUpdate(update);
      for (const peer of this.sockets) {
        if (peer !== origin) safeSend(peer, frame);
      }
    }
    if (this.store.needsCompaction) this.scheduleCompaction();
    return true;
  }

  /**
   * Compaction runs from an alarm, not a timer: after this message, and without keeping a
   * hibernating room awake. Besides when the log outgrows the snapshot, it runs when the
   * last person leaves: a finished session is then stored as one snapshot (a few times
   * smaller than its log of keystrokes, which storage is billed by), and the next join is
   * served that snapshot without encoding the document.
   */
  private scheduleCompaction() {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    this.alarmsSet++;
    void this.ctx.storage.setAlarm(Date.now());
  }

  /** What the document costs to store, unsaved changes included: what the size cap applies to. */
  private get documentBytes(): number {
    return this.store.storedBytes + this.unsavedBytes;
  }

  private encodedState(): Uint8Array {
    this.fullState ??= encodeIntegratedState(this.doc);
    return this.fullState;
  }

  private reload() {
    // Whatever the failed update integrated before it threw was reported as a change: write
    // it with the rest, so the document reloaded from storage is the one peers have seen.
    this.save();
    this.doc.destroy();
    this.doc = new Y.Doc({ gc: true });
    this.fullState = this.store.load(this.doc);
    this.doc.on("update", this.onDocUpdate);
  }

  private onControlMessage(ws: WebSocket, attachment: Attachment, text: string) {
    if (!attachment.control || text.length > maxControlMessageBytes) throw new MalformedFrame("control");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new MalformedFrame("control message is not JSON");
    }
    const message = roomClientMessageSchema.safeParse(parsed);
    if (!message.success) throw new MalformedFrame("unknown control message");
    switch (message.data.type) {
      case "ping":
        this.sendControl(ws, { type: "pong", id: message.data.id });
        return;
    }
  }

  private sendControl(ws: WebSocket, message: RoomServerMessage) {
    if (this.connections.get(ws)?.control) safeSend(ws, JSON.stringify(message));
  }

  /** Sends the presence changes since the last flush to everyone, as one frame. */
  private flushAwareness(): boolean {
    const update = this.awareness.takePending();
    if (!update) return false;
    const frame = encodeAwareness(update);
    for (const peer of this.sockets) safeSend(peer, frame);
    return true;
  }

  private leave(ws: WebSocket) {
    this.sockets.delete(ws);
    this.awareness.remove(ws);
    if (this.awareness.hasPending()) this.awarenessFlushes.request();
    if (this.store.hasLog && this.sockets.size === 0) this.scheduleCompaction();
  }

  private close(ws: WebSocket, reason: RoomCloseReason) {
    this.sendControl(ws, { type: "closing", reason });
    this.leave(ws);
    try {
      ws.close(roomCloseCodes[reason].code, reason);
    } catch {
      // already closing
    }
  }
}

/**
 * Rejects an update before it touches the document: it must decode, and an update that
 * decodes to nothing must be the canonical empty one (the yjs #687 bytes, read as V1,
 * decode to nothing followed by garbage).
 */
function checkUpdate(update: Uint8Array) {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new MalformedFrame("undecodable update");
  }
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) {
    throw new MalformedFrame("update with trailing bytes");
  }
}
