import type {
  MeetingCommand,
  MeetingLiveState,
  MeetingServerMessage,
  MeetingYou,
  Participant,
} from "../../../../worker/shared/meetings";
import type { RoomTokenResponse } from "../../../../worker/shared/rooms";
import { defaultBaseUrl } from "../../rooms/address";
import {
  type BackoffOptions,
  backoffDelay,
  decideAfterClose,
  defaultBackoff,
  type RoomEndReason,
} from "../../rooms/policy";
import {
  browserEnvironment,
  type RoomEnvironment,
  type RoomSocket,
  type RoomSocketConstructor,
  type RoomStatus,
  RoomTokenError,
} from "../../rooms/RoomConnection";

/**
 * The browser's connection to a live meeting (`meeting:<id>`, the Worker's MeetingRoom):
 * JSON commands out, JSON frames in (worker/shared/meetings.ts). The room is the authority:
 * this keeps only the latest snapshot it sent (replaced, never merged), the participant
 * list (one entry replaced per `participant` frame) and the receiver's own part, and never
 * changes them itself. A reconnect gets a fresh room token and the whole snapshot again, so
 * a reload or a lost network is back at the meeting's current item as soon as it connects.
 *
 * It shares the document rooms' pieces: token errors and the socket, network and visibility
 * interfaces from RoomConnection, backoff and close decisions from policy.ts. It does not
 * speak Yjs, so it is a class of its own rather than a RoomConnection.
 */

export interface MeetingConnectionState {
  status: RoomStatus;
  /** Why it closed for good, or the reason the room gave for the last close while reconnecting. */
  reason: RoomEndReason | undefined;
  version: number;
  meeting: MeetingLiveState | null;
  you: MeetingYou | null;
  participants: Participant[];
}

/** A command the room refused (nothing changed), with its message in the person's language. */
export interface MeetingRefusal {
  code: string;
  message: string;
  ref: string | null;
}

export interface MeetingConnectionOptions {
  documentId: string;
  getToken: () => Promise<RoomTokenResponse>;
  onRefusal?: (refusal: MeetingRefusal) => void;
  onReceipt?: (receipt: { voteId: number; receipt: string }) => void;
  baseUrl?: string;
  WebSocket?: RoomSocketConstructor;
  environment?: RoomEnvironment;
  backoff?: BackoffOptions;
  random?: () => number;
}

const socketOpen = 1;

export class MeetingConnection {
  private state: MeetingConnectionState;
  private readonly listeners = new Set<(state: MeetingConnectionState) => void>();
  private readonly environment: RoomEnvironment;
  private readonly WebSocketImpl: RoomSocketConstructor;
  private socket: RoomSocket | null = null;
  private opened = false;
  /** No snapshot has come on the current socket yet: its first is taken whatever its version. */
  private fresh = true;
  private attempt = 0;
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private readonly stopWatching: () => void;

  constructor(private readonly options: MeetingConnectionOptions) {
    this.environment = options.environment ?? browserEnvironment;
    this.WebSocketImpl = options.WebSocket ?? (globalThis.WebSocket as unknown as RoomSocketConstructor);
    this.state = {
      status: this.environment.isOnline() ? "connecting" : "offline",
      reason: undefined,
      version: 0,
      meeting: null,
      you: null,
      participants: [],
    };
    this.stopWatching = this.environment.watch({
      online: () => this.resume(),
      offline: () => this.onOffline(),
      visible: () => this.onVisible(),
    });
    void this.connect();
  }

  get current(): MeetingConnectionState {
    return this.state;
  }

  subscribe(listener: (state: MeetingConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a command; false when not connected (the person is told the meeting is unreachable). */
  send(command: MeetingCommand): boolean {
    const socket = this.socket;
    if (!socket || !this.opened || socket.readyState !== socketOpen) return false;
    try {
      socket.send(JSON.stringify(command));
      return true;
    } catch {
      return false;
    }
  }

  /** Connects now (after `closed`, or to skip a backoff). */
  reconnect(): void {
    if (this.destroyed) return;
    this.dropSocket();
    this.attempt = 0;
    void this.connect();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.generation++;
    this.clearRetry();
    this.dropSocket();
    this.stopWatching();
    this.listeners.clear();
  }

  private async connect(): Promise<void> {
    if (this.destroyed) return;
    const generation = ++this.generation;
    this.clearRetry();
    if (this.state.status !== "offline" || !this.environment.isOnline())
      this.update({ status: this.waitingStatus() });
    let token: RoomTokenResponse;
    try {
      token = await this.options.getToken();
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof RoomTokenError && error.kind === "refused") return this.stop(error.reason);
      const unreachable = error instanceof RoomTokenError && error.kind === "unreachable";
      return this.retryLater(unreachable, undefined);
    }
    if (generation !== this.generation) return;
    const base = this.options.baseUrl ?? defaultBaseUrl();
    let socket: RoomSocket;
    try {
      socket = new this.WebSocketImpl(
        `${base}/${encodeURIComponent(this.options.documentId)}?token=${encodeURIComponent(token.token)}`,
      );
    } catch {
      return this.retryLater(true, undefined);
    }
    this.socket = socket;
    this.opened = false;
    this.fresh = true;
    socket.onopen = () => {
      if (socket === this.socket) this.opened = true;
    };
    socket.onmessage = (event) => {
      if (socket === this.socket && typeof event.data === "string") this.onFrame(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.onClose(event.code, event.reason);
    };
    socket.onerror = () => {};
  }

  private onFrame(text: string) {
    let message: MeetingServerMessage;
    try {
      message = JSON.parse(text) as MeetingServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case "state":
        this.attempt = 0;
        // Frames on one socket come in order; this drops a snapshot overtaken by a newer one.
        if (!this.fresh && message.version < this.state.version) return;
        this.fresh = false;
        this.update({
          status: "connected",
          reason: undefined,
          version: message.version,
          meeting: message.meeting,
          you: message.you,
        });
        return;
      case "you":
        this.update({ you: message.you });
        return;
      case "participants":
        this.update({ participants: message.participants });
        return;
      case "participant": {
        const entry = message.participant;
        const others = this.state.participants.filter((p) => p.id !== entry.id);
        const you = this.state.you;
        // Her own entry is the room's word on her roles and her place on the roll too: the
        // room tells whoever a chair's command changes (roll.set, officers.set) only this way.
        const mine =
          you?.participantId === entry.id
            ? { ...you, officer: entry.officer, votingRight: entry.votingRight, checkedIn: entry.checkedIn }
            : you;
        this.update({ participants: [...others, entry], you: mine });
        return;
      }
      case "tally": {
        const meeting = this.state.meeting;
        if (!meeting) return;
        const votes = meeting.votes.map((vote) =>
          vote.id === message.voteId ? { ...vote, voted: Math.max(vote.voted, message.voted) } : vote,
        );
        this.update({ meeting: { ...meeting, votes } });
        return;
      }
      case "error":
        this.options.onRefusal?.({ code: message.code, message: message.message, ref: message.ref });
        return;
      case "vote.receipt":
        this.options.onReceipt?.({ voteId: message.voteId, receipt: message.receipt });
        return;
    }
  }

  private onClose(code: number, reason: string) {
    this.socket = null;
    this.opened = false;
    const decision = decideAfterClose(
      { code, reason },
      this.attempt,
      this.options.random,
      this.options.backoff,
    );
    if (decision.action === "stop") return this.stop(decision.reason);
    this.attempt++;
    this.update({ status: this.waitingStatus(), reason: decision.reason });
    this.schedule(decision.delayMs);
  }

  private retryLater(offline: boolean, reason: RoomEndReason | undefined) {
    if (this.destroyed) return;
    const delay = backoffDelay(this.attempt, this.options.random, this.options.backoff ?? defaultBackoff);
    this.attempt++;
    this.update({
      status: offline || !this.environment.isOnline() ? "offline" : this.waitingStatus(),
      reason,
    });
    this.schedule(delay);
  }

  private schedule(delayMs: number) {
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delayMs);
  }

  private waitingStatus(): RoomStatus {
    if (!this.environment.isOnline()) return "offline";
    return this.state.meeting ? "reconnecting" : "connecting";
  }

  private stop(reason: RoomEndReason) {
    this.clearRetry();
    this.dropSocket();
    this.update({ status: "closed", reason });
  }

  private resume() {
    if (this.destroyed || this.state.status === "closed") return;
    if (this.socket && this.opened) return void this.send({ type: "sync" });
    this.dropSocket();
    this.attempt = 0;
    void this.connect();
  }

  private onOffline() {
    if (this.destroyed || this.state.status === "closed") return;
    this.generation++;
    this.dropSocket();
    this.retryLater(true, undefined);
  }

  /** A phone waking up: ask for the snapshot (a dead socket then closes), or skip the backoff. */
  private onVisible() {
    if (this.destroyed || this.state.status === "closed") return;
    if (this.socket && this.opened) return void this.send({ type: "sync" });
    if (this.retryTimer !== undefined) void this.connect();
  }

  private clearRetry() {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private dropSocket() {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.opened = false;
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

  private update(patch: Partial<MeetingConnectionState>) {
    if (this.destroyed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener(this.state);
  }
}
