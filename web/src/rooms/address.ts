/**
 * Where a room's WebSocket is. Apart from RoomConnection so the motion page's head start
 * (web/src/motions/headStart.ts) opens the very URL the connection will later ask for, without
 * loading the connection's code.
 */

/** Where live rooms are on this host: `ws(s)://<host>/api/rooms` (the meeting room too). */
export function defaultBaseUrl(): string {
  const { protocol, host } = globalThis.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/api/rooms`;
}

/** A document room's socket URL for one token (tokens open one connection each). */
export function roomSocketUrl(baseUrl: string, documentId: string, token: string): string {
  return `${baseUrl}/${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}&control=1`;
}
