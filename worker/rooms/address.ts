import type { RoomTokenClaims } from "../shared/rooms";
import type { DocumentRoom } from "./DocumentRoom";

/**
 * How the Worker reaches a document's room: which Durable Object (its jurisdiction and an id
 * derived from the document id), and how it hands over a WebSocket whose token it has
 * verified (the claims travel in headers that only the Worker can set: rooms are not
 * reachable from outside).
 */

/**
 * Rooms live in the jurisdiction wrangler.toml names (ROOM_JURISDICTION = "eu"). Ids differ
 * by jurisdiction, so this holds from the first deployment on and must never change.
 * workerd does not implement jurisdictions, so local runs and tests set "local" instead.
 */
export function roomNamespace(env: Env): DurableObjectNamespace<DocumentRoom> {
  const jurisdiction = env.ROOM_JURISDICTION as string;
  return jurisdiction === "local"
    ? env.DOCUMENT_ROOMS
    : env.DOCUMENT_ROOMS.jurisdiction(jurisdiction as DurableObjectJurisdiction);
}

export function roomStub(env: Env, documentId: string) {
  const namespace = roomNamespace(env);
  return namespace.get(namespace.idFromName(documentId));
}

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
