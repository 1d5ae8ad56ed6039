import type { RoomTokenClaims } from "../shared/rooms";

/**
 * How the Worker hands a WebSocket whose token it has verified (worker/rooms/routes.ts) to the
 * room (DocumentRoom.fetch): the claims travel in headers that only the Worker can set, as
 * rooms are not reachable from outside. Apart from address.ts, so that the room can read it
 * without importing what addresses the room.
 */
const identityHeader = "X-Samtal-Room-Identity";
const controlHeader = "X-Samtal-Room-Control";

/** What the Worker tells the room about a connection it has let through. */
export interface RoomHandoff {
  claims: RoomTokenClaims;
  /** The client opted in to JSON control messages (text frames). */
  control: boolean;
}

/** The upgrade request the Worker forwards to the room: the client's, plus the verified claims. */
export function handoffRequest(request: Request, { claims, control }: RoomHandoff): Request {
  const headers = new Headers(request.headers);
  // URI-encoded: header values must be ASCII, and names are Swedish.
  headers.set(identityHeader, encodeURIComponent(JSON.stringify(claims)));
  headers.set(controlHeader, control ? "1" : "0");
  return new Request(request.url, { headers });
}

/** The room's side: the handoff, or null for a request that did not come through the Worker's check. */
export function readHandoff(request: Request): RoomHandoff | null {
  const identity = request.headers.get(identityHeader);
  if (!identity) return null;
  return {
    claims: JSON.parse(decodeURIComponent(identity)) as RoomTokenClaims,
    control: request.headers.get(controlHeader) === "1",
  };
}
