import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import {
  type Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from "y-protocols/awareness";
import { messageYjsSyncStep2, readSyncMessage, writeSyncStep1, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import type {
  RoomCloseReason,
  RoomMode,
  RoomServerMessage,
  RoomTokenResponse,
} from "../../../worker/shared/rooms";
import { defaultBaseUrl, roomSocketUrl } from "./address";
import {
  type BackoffOptions,
  backoffDelay,
  decideAfterClose,
  defaultBackoff,
  isRoomCloseReason,
  type RoomEndReason,
} from "./policy";

/**
 * The browser's connection to one live-document room (worker/rooms): the y-websocket binary
 * protocol (sync and awareness) plus the room's JSON control messages, a fresh token before
 * every connect, reconnects with backoff, and a status people can be told about.
 *
 * Plain TypeScript with its WebSocket, timers and network events injectable, so its state
 * machine is tested without a browser; `createRoom` (./createRoom.ts) wraps it for Solid.
 */

export type RoomStatus =
  /** First connect, not yet synced. */
  | "connecting"
  /** Open and synced: edits go out as they are made. */
  | "connected"
  /** Lost the room; trying again (edits are kept and sent on reconnect). */
  | "reconnecting"
  /** The browser is offline or the room cannot be reached; still retrying in the background. */
  | "offline"
  /** The room refused us for a reason that would not change by retrying: no more attempts. */
  | "closed";

export interface RoomState {
  status: RoomStatus;
  /**
   * When closed, why. While reconnecting, the reason the room gave for the last close, if
   * any (`rate_limited`, `internal_error`, …). Cleared by a successful sync.
   */
  reason: RoomEndReason | undefined;
  /** Read or write, from the token and then from the room's welcome. */
  mode: RoomMode;
  /** The display name the room shows others (from its welcome), once known. */
  name: string | undefined;
  /** Synced with the room at least once since this connection was created. */
  synced: boolean;
}

/** Thrown by `getToken`. Any other error is treated as a passing failure and retried. */
export class RoomTokenError extends Error {
  constructor(
    /** `unreachable`: no answer (offline). `refused`: no token will be given, stop. `failed`: retry later. */
    readonly kind: "unreachable" | "refused" | "failed",
    readonly reason: RoomEndReason = "token_invalid",
  ) {
    super(kind === "refused" ? `room token refused: ${reason}` : `room token ${kind}`);
    this.name = "RoomTokenError";
  }
}

/** The part of a WebSocket this connection uses (the DOM's, or a test double). */
export interface RoomSocket {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
}
export type RoomSocketConstructor = new (url: string) => RoomSocket;

/** Network and page-visibility signals (the browser's by default). */
export interface RoomEnvironment {
  isOnline(): boolean;
  /** Starts watching; returns a function that stops. */
  watch(handlers: { online(): void; offline(): void; visible(): void }): () => void;
}

export const browserEnvironment: RoomEnvironment = {
  isOnline: () => typeof navigator === "undefined" || navigator.onLine !== false,
  watch(handlers) {
    if (typeof window === "undefined") return () => {};
    const online = () => handlers.online();
    const offline = () => handlers.offline();
    const visibility = () => {
      if (document.visibilityState === "visible") handlers.visible();
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    document.addEventListener("visibilitychange", visibility);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      document.removeEventListener("visibilitychange", visibility);
    };
  },
};

export interface RoomConnectionOptions {
  documentId: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** A fresh token; called before every connect (tokens live 5 minutes). */
  getToken: () => Promise<RoomTokenResponse>;
  /** Where rooms live, without the document id. Default: `ws(s)://<this host>/api/rooms`. */
  baseUrl?: string;
  WebSocket?: RoomSocketConstructor;
  environment?: RoomEnvironment;
  backoff?: BackoffOptions;
  random?: () => number;
  /** After we sent something, how long the room may stay silent before we ping it. */
  quietMs?: number;
  /** How long to wait for any answer to a ping before giving the socket up for dead. */
  pongTimeoutMs?: number;
  /**
   * Edits, and separately presence, go out at most once per this interval: the first at
   * once, later ones merged into one message. Fast typing otherwise sends two messages per
   * keystroke and can reach the room's rate limit (100 messages/s).
   */
  sendIntervalMs?: number;
}

// y-websocket's message types.
const messageSync = 0;
const messageAwareness = 1;
const messageQueryAwareness = 3;

const socketOpen = 1;

export class RoomConnection {
  private readonly options: Required<
    Pick<
      RoomConnectionOptions,
      "baseUrl" | "backoff" | "random" | "quietMs" | "pongTimeoutMs" | "sendIntervalMs"
    >
  > &
    RoomConnectionOptions;
  private readonly doc: Y.Doc;
  private readonly awareness: Awareness;
  private readonly environment: RoomEnvironment;
  private readonly WebSocketImpl: RoomSocketConstructor;
  private state: RoomState;
  private readonly listeners = new Set<(state: RoomState) => void>();

  private socket: RoomSocket | null = null;
  /** The current socket fired `open`. */
  private opened = false;
  /** The reason the room announced in a `closing` message on the current socket. */
  private announced: RoomCloseReason | undefined;
  /** Retries since the last successful sync. */
  private attempt = 0;
  /** Bumped by every connect and by destroy, so a late token answer is ignored. */
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private pingId = 0;
  /** Local edits not yet sent (merged into one update when they go). */
  private pendingUpdates: Uint8Array[] = [];
  private readonly updates: Coalescer;
  private readonly presence: Coalescer;
  private destroyed = false;
  private readonly stopWatching: () => void;

  constructor(options: RoomConnectionOptions) {
    this.options = {
      ...options,
      baseUrl: options.baseUrl ?? defaultBaseUrl(),
      backoff: options.backoff ?? defaultBackoff,
      random: options.random ?? Math.random,
      quietMs: options.quietMs ?? 5000,
      pongTimeoutMs: options.pongTimeoutMs ?? 5000,
      sendIntervalMs: options.sendIntervalMs ?? 40,
    };
    this.updates = new Coalescer(this.options.sendIntervalMs, () => this.flushUpdates());
    this.presence = new Coalescer(this.options.sendIntervalMs, () => this.sendOwnPresence());
    this.doc = options.doc;
    this.awareness = options.awareness;
    this.environment = options.environment ?? browserEnvironment;
    this.WebSocketImpl = options.WebSocket ?? (globalThis.WebSocket as unknown as RoomSocketConstructor);
    this.state = {
      status: this.environment.isOnline() ? "connecting" : "offline",
      reason: undefined,
      mode: "write",
      name: undefined,
      synced: false,
    };
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.stopWatching = this.environment.watch({
      online: this.onOnline,
      offline: this.onOffline,
      visible: this.onVisible,
    });
    void this.connect();
  }

  get current(): RoomState {
    return this.state;
  }

  /** Calls `listener` with every new state; returns a function that stops it. */
  subscribe(listener: (state: RoomState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects now: skips a pending backoff, or starts again after `closed` (a person's "try again"). */
  reconnect(): void {
    if (this.destroyed) return;
    this.dropSocket();
    this.attempt = 0;
    if (this.state.status === "closed") this.update({ status: this.initialStatus(), reason: undefined });
    void this.connect();
  }

  /** Leaves the room: closes the socket, stops timers and listeners. The doc and awareness stay usable. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.generation++;
    this.clearRetry();
    this.clearLiveness();
    this.clearOutgoing();
    this.dropSocket();
    this.forgetRemotePresence();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.stopWatching();
    this.listeners.clear();
  }

  // --- Connecting ---

  private initialStatus(): RoomStatus {
    if (!this.environment.isOnline()) return "offline";
    return this.state.synced ? "reconnecting" : "connecting";
  }

  private async connect(): Promise<void> {
    if (this.destroyed) return;
    const generation = ++this.generation;
    this.clearRetry();
    // A failed attempt keeps saying "offline" until one gets through: no flicker every retry.
    if (this.state.status !== "offline" || !this.environment.isOnline()) {
      this.update({ status: this.initialStatus() });
    }

    let token: RoomTokenResponse;
    try {
      token = await this.options.getToken();
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof RoomTokenError && error.kind === "refused") return this.stop(error.reason);
      const unreachable =
        (error instanceof RoomTokenError && error.kind === "unreachable") || !this.environment.isOnline();
      return this.retryLater(backoffDelay(this.attempt, this.options.random, this.options.backoff), {
        offline: unreachable,
        reason: undefined,
      });
    }
    if (generation !== this.generation) return;
    this.update({ mode: token.mode });

    const url = roomSocketUrl(this.options.baseUrl, this.options.documentId, token.token);
    let socket: RoomSocket;
    try {
      socket = new this.WebSocketImpl(url);
    } catch {
      return this.retryLater(backoffDelay(this.attempt, this.options.random, this.options.backoff), {
        offline: true,
        reason: undefined,
      });
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    this.opened = false;
    this.announced = undefined;
    socket.onopen = () => this.onOpen(socket);
    socket.onmessage = (event) => this.onMessage(socket, event.data);
    socket.onclose = (event) => this.onClose(socket, event.code, event.reason);
    // An error is always followed by a close, which does the work.
    socket.onerror = () => {};
  }

  private retryLater(delayMs: number, next: { offline: boolean; reason: RoomCloseReason | undefined }) {
    if (this.destroyed) return;
    this.attempt++;
    const status: RoomStatus =
      next.offline || !this.environment.isOnline() ? "offline" : this.initialStatus();
    this.update({ status, reason: next.reason });
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delayMs);
  }

  private stop(reason: RoomEndReason) {
    this.clearRetry();
    this.clearLiveness();
    this.clearOutgoing();
    this.dropSocket();
    this.forgetRemotePresence();
    this.update({ status: "closed", reason });
  }

  private clearRetry() {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Detaches from the current socket and closes it, without waiting for its close event. */
  private dropSocket() {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.opened = false;
    this.clearLiveness();
    this.clearOutgoing();
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(1000, "leaving");
    } catch {
      // already closed
    }
  }

  // --- Socket events ---

  private onOpen(socket: RoomSocket) {
    if (socket !== this.socket) return;
    this.opened = true;
    // Our state vector: the room answers with what we lack (sync step 2). It sends its own
    // step 1 too, and our answer to that carries whatever we wrote while away.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    this.announcePresence();
  }

  private onMessage(socket: RoomSocket, data: unknown) {
    if (socket !== this.socket) return;
    // Anything from the room proves the socket is alive.
    this.clearLiveness();
    if (typeof data === "string") return this.onControl(data);
    if (!(data instanceof ArrayBuffer)) return;
    try {
      this.onBinary(new Uint8Array(data));
    } catch {
      // A frame we cannot read: start over on a fresh socket rather than drift out of sync.
      this.lost();
    }
  }

  private onControl(text: string) {
    let message: RoomServerMessage;
    try {
      message = JSON.parse(text) as RoomServerMessage;
    } catch {
      return;
    }
    switch (message?.type) {
      case "welcome":
        this.update({ mode: message.mode === "read" ? "read" : "write", name: message.name });
        return;
      case "closing":
        if (isRoomCloseReason(message.reason)) this.announced = message.reason;
        return;
      case "pong":
        return;
    }
  }

  private onBinary(bytes: Uint8Array) {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageSync: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageSync);
        const kind = readSyncMessage(decoder, encoder, this.doc, this);
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
        if (kind === messageYjsSyncStep2) this.onSynced();
        return;
      }
      case messageAwareness:
        applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
        return;
      case messageQueryAwareness:
        this.sendOwnPresence();
        return;
    }
  }

  private onSynced() {
    this.attempt = 0;
    this.update({ status: "connected", reason: undefined, synced: true });
  }

  private onClose(socket: RoomSocket, code: number, reason: string) {
    if (socket !== this.socket) return;
    const opened = this.opened;
    const announced = this.announced;
    this.socket = null;
    this.opened = false;
    this.clearLiveness();
    this.clearOutgoing();
    this.forgetRemotePresence();
    const decision = decideAfterClose(
      { code, reason, announced },
      this.attempt,
      this.options.random,
      this.options.backoff,
    );
    if (decision.action === "stop") return this.stop(decision.reason);
    // Closed before it ever opened, with no reason given: the room could not be reached.
    this.retryLater(decision.delayMs, { offline: !opened && !decision.reason, reason: decision.reason });
  }

  /** The socket is gone without a close event (no pong, unreadable frame): reconnect. */
  private lost() {
    if (!this.socket) return;
    this.dropSocket();
    this.forgetRemotePresence();
    this.retryLater(backoffDelay(this.attempt, this.options.random, this.options.backoff), {
      offline: false,
      reason: undefined,
    });
  }

  // --- Network and visibility ---

  private readonly onOnline = () => {
    if (this.destroyed || this.state.status === "closed") return;
    if (this.socket && this.opened) return this.probe();
    // Back online: try now, from the start of the backoff.
    this.dropSocket();
    this.attempt = 0;
    this.update({ status: this.state.synced ? "reconnecting" : "connecting" });
    void this.connect();
  };

  private readonly onOffline = () => {
    if (this.destroyed || this.state.status === "closed") return;
    // The socket is dead or about to be; do not wait a minute for the browser to notice.
    this.generation++;
    this.dropSocket();
    this.forgetRemotePresence();
    this.retryLater(backoffDelay(this.attempt, this.options.random, this.options.backoff), {
      offline: true,
      reason: undefined,
    });
  };

  private readonly onVisible = () => {
    if (this.destroyed || this.state.status === "closed") return;
    // A phone waking up: check the socket, or skip the rest of a backoff.
    if (this.socket && this.opened) return this.probe();
    if (this.retryTimer !== undefined) void this.connect();
  };

  // --- Liveness: ping only after we sent something and the room stayed quiet ---

  private armProbe() {
    if (this.probeTimer !== undefined || this.pongTimer !== undefined) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      this.probe();
    }, this.options.quietMs);
  }

  private probe() {
    if (!this.socket || !this.opened || this.pongTimer !== undefined) return;
    if (this.probeTimer !== undefined) clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    this.sendRaw(JSON.stringify({ type: "ping", id: ++this.pingId }));
    this.pongTimer = setTimeout(() => {
      this.pongTimer = undefined;
      this.lost();
    }, this.options.pongTimeoutMs);
  }

  private clearLiveness() {
    if (this.probeTimer !== undefined) clearTimeout(this.probeTimer);
    if (this.pongTimer !== undefined) clearTimeout(this.pongTimer);
    this.probeTimer = undefined;
    this.pongTimer = undefined;
  }

  // --- Sending ---

  private send(frame: Uint8Array) {
    if (this.sendRaw(frame)) this.armProbe();
  }

  private sendRaw(data: string | Uint8Array): boolean {
    const socket = this.socket;
    if (!socket || !this.opened || socket.readyState !== socketOpen) return false;
    try {
      socket.send(data);
      return true;
    } catch {
      return false;
    }
  }

  /** Local edits go out while connected; offline they stay in the doc until the next sync. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.state.mode === "read" || !this.opened) return;
    this.pendingUpdates.push(update);
    this.updates.request();
  };

  private flushUpdates() {
    const pending = this.pendingUpdates;
    this.pendingUpdates = [];
    if (!pending.length) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    writeUpdate(encoder, pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending));
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * Forgets what was waiting to be sent on a socket that is gone: the edits are in the doc,
   * and the next connection's sync step 2 carries them.
   */
  private clearOutgoing() {
    this.pendingUpdates = [];
    this.updates.cancel();
    this.presence.cancel();
  }

  /** Only our own presence is ours to send; the room refuses anyone else's. */
  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this || !this.opened) return;
    const own = this.awareness.clientID;
    if ([...changes.added, ...changes.updated, ...changes.removed].includes(own)) this.presence.request();
  };

  private sendOwnPresence() {
    if (!this.awareness.meta.has(this.awareness.clientID)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * Sends our presence on a new socket. When the previous socket closed, the room told
   * everyone our state was removed, with the clock it last saw from us + 1; y-protocols
   * ignores a state whose clock is not above that, so step ours past it first.
   */
  private announcePresence() {
    if (this.awareness.getLocalState() === null) return;
    const own = this.awareness.clientID;
    const clock = this.awareness.meta.get(own)?.clock ?? 0;
    this.awareness.meta.set(own, { clock: clock + 2, lastUpdated: Date.now() });
    this.presence.cancel();
    this.sendOwnPresence();
  }

  /**
   * Removes everyone else's presence (their carets would otherwise freeze in place) and
   * forgets their clocks, so the room's snapshot on the next connect is accepted as new.
   */
  private forgetRemotePresence() {
    const own = this.awareness.clientID;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== own);
    removeAwarenessStates(this.awareness, others, this);
    for (const id of [...this.awareness.meta.keys()]) if (id !== own) this.awareness.meta.delete(id);
  }

  private update(patch: Partial<RoomState>) {
    if (this.destroyed) return;
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(next) as (keyof RoomState)[]).some((key) => next[key] !== this.state[key]);
    if (!changed) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}

/**
 * Runs `flush` at most once per `intervalMs`: at once when the last run is long enough
 * ago, else once at the end of the interval however often it was requested meanwhile.
 */
class Coalescer {
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => void,
  ) {}

  request() {
    if (this.timer !== undefined) return;
    const wait = this.last + this.intervalMs - Date.now();
    if (wait <= 0) return this.run();
    this.timer = setTimeout(() => this.run(), wait);
  }

  cancel() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run() {
    this.timer = undefined;
    this.last = Date.now();
    this.flush();
  }
}
