import type { RoomTokenClaims } from "../shared/rooms";
import type { AwarenessEntry } from "./awareness";

/** What each connection carries through hibernation (serializeAttachment, <= 16 KB). */
export interface Attachment {
  claims: RoomTokenClaims;
  /** Opted in to JSON control messages (text frames). */
  control: boolean;
  /** The awareness entries this connection owns, to restore presence after hibernation. */
  awareness: AwarenessEntry[];
}

/**
 * Tags given to a socket when it is accepted: the platform indexes them, so finding a
 * session's or a person's sockets is a lookup (`getWebSockets(tag)`), not a scan that
 * deserialises every attachment. Tags survive hibernation with the socket. At most 10 tags
 * of 256 characters each: token subjects are at most 128 characters, session ids 64
 * (worker/shared/room-schemas.ts).
 */
const subjectTag = (sub: string) => `sub:${sub}`;
const sessionTag = (sid: string) => `sid:${sid}`;

/**
 * A room's open sockets and what each carries (`A`: a document room's Attachment, or what
 * another kind of room keeps per socket, always with the verified claims). Attachments are deserialised once per
 * socket per object lifetime and kept here (partyserver's connection.ts does the same):
 * awareness compares owners on every presence message, and deserialising is a structured
 * clone each time. After hibernation the cache starts empty and refills from the sockets'
 * attachments as they are touched.
 */
export class RoomConnections<A extends { claims: RoomTokenClaims } = Attachment> {
  private readonly attachments = new WeakMap<WebSocket, A>();

  constructor(private readonly ctx: DurableObjectState) {}

  accept(ws: WebSocket, attachment: A): void {
    const { sub, sid } = attachment.claims;
    this.ctx.acceptWebSocket(ws, sid ? [subjectTag(sub), sessionTag(sid)] : [subjectTag(sub)]);
    this.save(ws, attachment);
  }

  /** The socket's attachment; null only for a socket accepted without one (none are). */
  get(ws: WebSocket): A | null {
    let attachment = this.attachments.get(ws);
    if (!attachment) {
      attachment = (ws.deserializeAttachment() as A | null) ?? undefined;
      if (!attachment) return null;
      this.attachments.set(ws, attachment);
    }
    return attachment;
  }

  /** Stores a changed attachment, in memory and with the socket (for after hibernation). */
  save(ws: WebSocket, attachment: A): void {
    this.attachments.set(ws, attachment);
    ws.serializeAttachment(attachment);
  }

  all(): WebSocket[] {
    return this.ctx.getWebSockets();
  }

  /** The sockets opened with tokens of these sessions. */
  ofSessions(sessionIds: string[]): WebSocket[] {
    return [...new Set(sessionIds)].flatMap((sid) => this.ctx.getWebSockets(sessionTag(sid)));
  }

  /** The sockets opened with tokens of this subject (a person or a guest). */
  ofSubject(sub: string): WebSocket[] {
    return this.ctx.getWebSockets(subjectTag(sub));
  }

  /**
   * Does `other` belong to the same person (token subject) as `ws`? Asked only when two
   * sockets claim one presence id, so a lookup by tag is cheap enough.
   */
  sameSubject(ws: WebSocket, other: WebSocket): boolean {
    const sub = this.get(ws)?.claims.sub;
    return sub !== undefined && this.ctx.getWebSockets(subjectTag(sub)).includes(other);
  }
}

/**
 * Answers a client's close with the same code, as the protocol wants. 1005 ("no code") and
 * codes below 1000 cannot be sent back (workerd throws on them): those get 1000.
 */
export function echoClose(ws: WebSocket, code: number): void {
  try {
    ws.close(code === 1005 || code < 1000 ? 1000 : code, "closed");
  } catch {
    // already closed
  }
}

/** A send to a socket that is closing must not throw into the handler. */
export function safeSend(ws: WebSocket, data: string | Uint8Array): void {
  try {
    ws.send(data);
  } catch {
    // the close handler cleans up
  }
}
