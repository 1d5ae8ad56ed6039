import { env, exports } from "cloudflare:workers";
import { issueRoomToken } from "../../worker/rooms/token";
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

/**
 * A token issued to a session, as the token endpoint issues them to a logged-in person
 * (development tokens carry no session): `sub` names the person.
 */
async function sessionToken(documentId: string, name: string, mode: RoomMode, sub: string, sid: string) {
  return (await issueRoomToken(env, { doc: documentId, sub, name, mode, sid })).token;
}

export async function connect(
  documentId: string,
  {
    name = "Anna",
    mode = "write" as RoomMode,
    control = false,
    session,
  }: { name?: string; mode?: RoomMode; control?: boolean; session?: { sub: string; sid: string } } = {},
): Promise<RoomPeer> {
  const token = session
    ? await sessionToken(documentId, name, mode, session.sub, session.sid)
    : await roomToken(documentId, name, mode);
  const peer = new RoomPeer(await openSocket(documentId, token, control));
  peer.start();
  return peer;
}

/** Opens the document with a room token from the session in `cookie` (a person's or a guest's), synced. */
export async function joinWithSession(documentId: string, cookie: string): Promise<RoomPeer> {
  const res = await exports.default.fetch(
    new Request(`http://samtal.test/api/rooms/${encodeURIComponent(documentId)}/token`, {
      method: "POST",
      headers: { Cookie: cookie },
    }),
  );
  if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
  const peer = new RoomPeer(await openSocket(documentId, ((await res.json()) as RoomTokenResponse).token));
  peer.start();
  await peer.synced();
  return peer;
}
