/**
 * The live-document room's contract with its clients: how to address a room, the close
 * codes it uses, and the JSON control messages it exchanges in text frames. No Cloudflare
 * imports and no zod (its schemas are in room-schemas.ts), so the web client imports this
 * module without pulling a validator into its bundle.
 */

/** Stable document ids: a feature prefix and an id, e.g. "motion:42" or "scratch:demo". */
export const documentIdPattern = /^[a-z][a-z0-9-]*:[A-Za-z0-9_-]+$/;
export const documentIdLength = { min: 3, max: 128 };

export function isDocumentId(value: string): boolean {
  return (
    value.length >= documentIdLength.min &&
    value.length <= documentIdLength.max &&
    documentIdPattern.test(value)
  );
}

export const roomModes = ["read", "write"] as const;
export type RoomMode = (typeof roomModes)[number];

/** What a room token asserts. Signed by the Worker; the room trusts nothing else. */
export interface RoomTokenClaims {
  /** Document id. */
  doc: string;
  /** Subject: a member or guest id. Never shown to other clients. */
  sub: string;
  /** Display name other participants see next to the caret. */
  name: string;
  /** Present, and true, only in a guest's token: others see her marked as a guest. */
  guest?: true;
  mode: RoomMode;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** The session it was issued to, so ending the session can close the connection. */
  sid?: string;
  /** Token id, random: a token opens one connection, so the upgrade spends it. */
  jti: string;
}

/**
 * How long a room token is valid. A token opens one connection: clients fetch a fresh one
 * for every (re)connect.
 */
export const roomTokenTtlSeconds = 5 * 60;

/** Limits the room enforces, with the reasons behind their sizes in worker/rooms/limits.ts. */
export interface RoomLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
}

/**
 * Close codes. 1000–1015 are the WebSocket standard's; 4000–4999 are ours. `retry` says
 * whether a client should reconnect on its own: a refused update or an oversized document
 * will be refused again, so looping would only hammer the room.
 */
export const roomCloseCodes = {
  normal: { code: 1000, retry: false },
  going_away: { code: 1001, retry: true },
  message_too_big: { code: 1009, retry: false },
  internal_error: { code: 1011, retry: true },
  malformed_message: { code: 4400, retry: false },
  token_invalid: { code: 4401, retry: false },
  token_expired: { code: 4402, retry: true },
  read_only: { code: 4403, retry: false },
  document_too_large: { code: 4413, retry: false },
  rate_limited: { code: 4429, retry: true },
  access_revoked: { code: 4410, retry: false },
} as const;
export type RoomCloseReason = keyof typeof roomCloseCodes;

export function closeReasonFromCode(code: number): RoomCloseReason | undefined {
  return (Object.keys(roomCloseCodes) as RoomCloseReason[]).find((r) => roomCloseCodes[r].code === code);
}

/** Messages the room sends in text frames, only to clients that connected with `control=1`. */
export type RoomServerMessage =
  | { type: "welcome"; mode: RoomMode; name: string; limits: RoomLimits }
  | { type: "pong"; id: number }
  | { type: "closing"; reason: RoomCloseReason };

/** Messages a client may send in text frames (checked by roomClientMessageSchema). */
export type RoomClientMessage = { type: "ping"; id: number };

/** What a token endpoint answers. Connect to `/api/rooms/<documentId>?token=<token>`. */
export interface RoomTokenResponse {
  token: string;
  documentId: string;
  mode: RoomMode;
  /** Seconds since the epoch. */
  expiresAt: number;
}
