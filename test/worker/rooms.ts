import { exports } from "cloudflare:workers";
import type { RoomMode, RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";

export async function roomToken(
  documentId: string,
  name: string,
  mode: RoomMode = "write",
  ttlSeconds?: number,
) {
  const res = await exports.default.fetch(
    new Request("http://samtal.test/api/dev/room-token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ documentId, name, mode, ...(ttlSeconds === undefined ? {} : { ttlSeconds }) }),
    }),
  );
  if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
  return ((await res.json()) as RoomTokenResponse).token;
}

/** Opens a WebSocket to the room through the real Worker entry point. */
export async function openSocket(documentId: string, token: string, control = false): Promise<WebSocket> {
  const query = new URLSearchParams({ token, ...(control ? { control: "1" } : {}) });
  const res = await exports.default.fetch(
    new Request(`http://samtal.test/api/rooms/${encodeURIComponent(documentId)}?${query}`, {
      headers: { Upgrade: "websocket" },
    }),
  );
  const ws = res.webSocket;
  if (!ws) throw new Error(`no WebSocket: HTTP ${res.status} ${await res.text()}`);
  ws.binaryType = "arraybuffer";
  ws.accept();
  return ws;
}

export async function connect(
  documentId: string,
  {
    name = "Anna",
    mode = "write" as RoomMode,
    control = false,
  }: { name?: string; mode?: RoomMode; control?: boolean } = {},
): Promise<RoomPeer> {
  const token = await roomToken(documentId, name, mode);
  const peer = new RoomPeer(await openSocket(documentId, token, control));
  peer.start();
  return peer;
}

/** The room token the session in `cookie` (a person's or a guest's) gets, as the web app fetches it. */
export async function sessionRoomToken(documentId: string, cookie: string): Promise<string> {
  const res = await exports.default.fetch(
    new Request(`http://samtal.test/api/rooms/${encodeURIComponent(documentId)}/token`, {
      method: "POST",
      headers: { Cookie: cookie },
    }),
  );
  if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
  return ((await res.json()) as RoomTokenResponse).token;
}

/** Opens the document with `token` and waits until it is synced. */
export async function joinWithToken(documentId: string, token: string): Promise<RoomPeer> {
  const peer = new RoomPeer(await openSocket(documentId, token));
  peer.start();
  await peer.synced();
  return peer;
}

/** Opens the document with a room token from the session in `cookie` (a person's or a guest's), synced. */
export async function joinWithSession(documentId: string, cookie: string): Promise<RoomPeer> {
  return joinWithToken(documentId, await sessionRoomToken(documentId, cookie));
}
