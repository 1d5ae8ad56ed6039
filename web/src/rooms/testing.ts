import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import { readSyncMessage, writeSyncStep1, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { type RoomCloseReason, type RoomMode, roomCloseCodes } from "../../../worker/shared/rooms";
import type { RoomEnvironment, RoomSocket } from "./RoomConnection";

/**
 * Test doubles for RoomConnection's unit tests: a WebSocket class, a scripted room behind
 * it that speaks the room's protocol with a real Y.Doc, and a network switch. They test our
 * client's logic; the real room is tested in test/browser/document.test.ts.
 */

export class FakeSocket implements RoomSocket {
  static instances: FakeSocket[] = [];
  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }

  binaryType = "blob";
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: (string | Uint8Array)[] = [];
  closedByClient: { code: number | undefined; reason: string | undefined } | undefined;
  /** Where sent frames go (a FakeRoom), if anywhere. */
  peer: ((data: string | Uint8Array) => void) | undefined;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  get token(): string | null {
    return new URL(this.url).searchParams.get("token");
  }

  send(data: string | Uint8Array): void {
    if (this.readyState !== 1) throw new Error("send on a socket that is not open");
    this.sent.push(data);
    this.peer?.(data);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.readyState = 3;
  }

  // What the server side does:

  open() {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(data: string | Uint8Array) {
    this.onmessage?.({ data: typeof data === "string" ? data : data.slice().buffer });
  }

  /** The room closes the socket, announcing the reason first as the real room does. */
  closeWith(reason: RoomCloseReason) {
    this.receive(JSON.stringify({ type: "closing", reason }));
    this.drop(roomCloseCodes[reason].code, reason);
  }

  /** The socket closes with this code (1006: the network dropped it). */
  drop(code = 1006, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  /** Pings the client sent. */
  get pings(): number {
    return this.sent.filter((d) => typeof d === "string" && JSON.parse(d).type === "ping").length;
  }
}

/** A room with a real Y.Doc, answering a FakeSocket the way worker/rooms/DocumentRoom.ts does. */
export class FakeRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly sockets = new Set<FakeSocket>();

  constructor() {
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const socket of this.sockets)
        if (socket !== origin && socket.readyState === 1) socket.receive(frame);
    });
  }

  /** Opens the socket and greets it: welcome, our sync step 1, presence. */
  accept(socket: FakeSocket, welcome: { mode?: RoomMode; name?: string } = {}) {
    this.sockets.add(socket);
    socket.peer = (data) => this.onClientFrame(socket, data);
    socket.open();
    socket.receive(
      JSON.stringify({
        type: "welcome",
        mode: welcome.mode ?? "write",
        name: welcome.name ?? "Anna",
        limits: { maxMessageBytes: 8_388_608, maxDocumentBytes: 6_291_456 },
      }),
    );
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    writeSyncStep1(encoder, this.doc);
    socket.receive(encoding.toUint8Array(encoder));
  }

  /** Sends an awareness update (y-protocols encoding) to every open socket. */
  sendPresence(update: Uint8Array) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, update);
    for (const socket of this.sockets)
      if (socket.readyState === 1) socket.receive(encoding.toUint8Array(encoder));
  }

  /** Presence from another participant with the given clock. */
  presenceOf(clientId: number, clock: number, state: unknown): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
    return encoding.toUint8Array(encoder);
  }

  get text(): string {
    return this.doc.getText("t").toString();
  }

  private onClientFrame(socket: FakeSocket, data: string | Uint8Array) {
    if (typeof data === "string") {
      const message = JSON.parse(data) as { type: string; id: number };
      if (message.type === "ping") socket.receive(JSON.stringify({ type: "pong", id: message.id }));
      return;
    }
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      readSyncMessage(decoder, encoder, this.doc, socket);
      if (encoding.length(encoder) > 1) socket.receive(encoding.toUint8Array(encoder));
    } else if (type === 1) {
      const update = decoding.readVarUint8Array(decoder);
      applyAwarenessUpdate(this.awareness, update, socket);
      // The real room relays presence to every connection, the sender's included.
      this.sendPresence(update);
    }
  }
}

/** A network that tests switch on and off. */
export function fakeNetwork() {
  let online = true;
  let handlers: Parameters<RoomEnvironment["watch"]>[0] | undefined;
  const environment: RoomEnvironment = {
    isOnline: () => online,
    watch(next) {
      handlers = next;
      return () => {
        handlers = undefined;
      };
    },
  };
  return {
    environment,
    get watching() {
      return handlers !== undefined;
    },
    offline() {
      online = false;
      handlers?.offline();
    },
    online() {
      online = true;
      handlers?.online();
    },
    visible() {
      handlers?.visible();
    },
  };
}
