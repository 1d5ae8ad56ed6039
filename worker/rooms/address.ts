import type { DocumentRoom } from "./DocumentRoom";

/**
 * How the Worker reaches a document's room: which Durable Object (its jurisdiction and an id
 * derived from the document id). How it hands a connection over is in handoff.ts.
 */

/**
 * Rooms live in the jurisdiction wrangler.toml names (ROOM_JURISDICTION = "eu"). Ids differ
 * by jurisdiction, so this holds from the first deployment on and must never change.
 * workerd does not implement jurisdictions, so local runs and tests set "local" instead.
 */
export function roomNamespace(env: Env): DurableObjectNamespace<DocumentRoom> {
  return inJurisdiction(env, env.DOCUMENT_ROOMS);
}

function inJurisdiction<T extends Rpc.DurableObjectBranded | undefined>(
  env: Env,
  namespace: DurableObjectNamespace<T>,
): DurableObjectNamespace<T> {
  const jurisdiction = env.ROOM_JURISDICTION as string;
  return jurisdiction === "local"
    ? namespace
    : namespace.jurisdiction(jurisdiction as DurableObjectJurisdiction);
}

export function roomStub(env: Env, documentId: string) {
  const namespace = roomNamespace(env);
  return namespace.get(namespace.idFromName(documentId));
}

/** A meeting's live room (`meeting:<id>`), in the same jurisdiction as the documents. */
export function meetingStub(env: Env, documentId: string) {
  const namespace = inJurisdiction(env, env.MEETING_ROOMS);
  return namespace.get(namespace.idFromName(documentId));
}

/**
 * The object behind any live document id, for what every kind of room answers: a WebSocket
 * handed over by the Worker, and closing the sockets of ended sessions. `meeting:` ids are
 * meeting rooms; every other kind is a Yjs document room.
 */
export function liveStub(env: Env, documentId: string) {
  return documentId.startsWith("meeting:") ? meetingStub(env, documentId) : roomStub(env, documentId);
}
