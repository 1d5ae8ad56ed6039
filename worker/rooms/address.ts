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
  const jurisdiction = env.ROOM_JURISDICTION as string;
  return jurisdiction === "local"
    ? env.DOCUMENT_ROOMS
    : env.DOCUMENT_ROOMS.jurisdiction(jurisdiction as DurableObjectJurisdiction);
}

export function roomStub(env: Env, documentId: string) {
  const namespace = roomNamespace(env);
  return namespace.get(namespace.idFromName(documentId));
}
