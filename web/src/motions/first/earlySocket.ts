import type { RoomSocket, RoomSocketConstructor } from "../../rooms/RoomConnection";

/**
 * The room's WebSocket, opened by the page's head start (../headStart.ts) the moment the HTML
 * has given it a room token: on a slow phone link its handshake and the room's first answer
 * then travel while yjs and the editor's code are still downloading, instead of after them.
 * Until the room's connection (web/src/rooms/RoomConnection.ts) takes it, its events are
 * kept, and handed over in order when it does.
 *
 * Bundled into the head start's tiny chunk, so it imports nothing at run time.
 */

/**
 * y-websocket's sync step 1 for an empty document: message type sync (0), step 1 (0), and the
 * state vector of a document with no updates (one byte, 0, as a length-prefixed array). Sent
 * on open so the room's answer (the whole document) is on its way before yjs is here; a test
 * checks these bytes against y-protocols' own encoding (first/earlySocket.test.ts).
 */
export const emptyDocSyncStep1 = Uint8Array.of(0, 0, 1, 0);

type Event =
  | { kind: "open" }
  | { kind: "message"; data: unknown }
  | { kind: "close"; code: number; reason: string };

export class EarlySocket implements RoomSocket {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private readonly socket: WebSocket;
  private kept: Event[] | undefined = [];
  private claimed = false;
  /** The connection's own first step 1, the same bytes as ours, is not sent twice. */
  private repeatSkipped = false;

  constructor(readonly url: string) {
    const socket = new WebSocket(url);
    socket.binaryType = "arraybuffer";
    socket.onopen = () => {
      socket.send(emptyDocSyncStep1);
      this.deliver({ kind: "open" });
    };
    socket.onmessage = (event) => this.deliver({ kind: "message", data: event.data });
    socket.onclose = (event) => this.deliver({ kind: "close", code: event.code, reason: event.reason });
    // A close always follows an error and says what happened.
    socket.onerror = () => undefined;
    this.socket = socket;
  }

  get binaryType(): string {
    return this.socket.binaryType;
  }

  set binaryType(value: string) {
    this.socket.binaryType = value as BinaryType;
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  send(data: string | Uint8Array): void {
    if (!this.repeatSkipped && typeof data !== "string" && sameBytes(data, emptyDocSyncStep1)) {
      this.repeatSkipped = true;
      return;
    }
    this.socket.send(data);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  /**
   * This socket, once, for the connection that asks for `url` (the one this socket opened),
   * else undefined. The kept events are handed over after the caller's current task, by which
   * time it has set its handlers (RoomConnection sets them right after constructing).
   */
  claim(url: string): EarlySocket | undefined {
    if (this.claimed || url !== this.url) return undefined;
    this.claimed = true;
    queueMicrotask(() => {
      const kept = this.kept ?? [];
      this.kept = undefined;
      for (const event of kept) this.dispatch(event);
    });
    return this;
  }

  private deliver(event: Event): void {
    if (this.kept) this.kept.push(event);
    else this.dispatch(event);
  }

  private dispatch(event: Event): void {
    if (event.kind === "open") this.onopen?.(event);
    else if (event.kind === "message") this.onmessage?.({ data: event.data });
    else this.onclose?.({ code: event.code, reason: event.reason });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * A WebSocket constructor for RoomConnection that hands it `early` for the URL it opened, and
 * a new socket for every other connect (a reconnect has a fresh token, so a new URL).
 */
export function startingWith(early: EarlySocket): RoomSocketConstructor {
  return function EarlyFirst(url: string) {
    return early.claim(url) ?? new WebSocket(url);
  } as unknown as RoomSocketConstructor;
}
