import type { Db } from "../db/client";
import type { ActionOn, DocumentResource, Resource } from "./permissions";

/** The resources a document id can stand for: those that carry it (a guest is judged by it). */
type DocumentBound = Exclude<Extract<Resource, { documentId: string }>, DocumentResource>;

/**
 * A kind of live document (`scratch`, and each feature's own: a motion, a meeting's notes, a
 * consultation answer): the prefix of its ids and how an id becomes the resource whose rows
 * in the permission table decide who may read or write it. A feature defines its kind in its
 * own folder and adds it to the list in worker/rooms/kinds.ts; the room token endpoint then
 * works for it with no code of its own.
 */
export interface DocumentKind<R extends DocumentBound = DocumentBound> {
  /** What ids of this kind start with, before the colon: `scratch` for `scratch:demo`. */
  prefix: string;
  /** The resource behind a document id, or null when the id names nothing. */
  resolve(db: Db, documentId: string): Promise<R | null> | R | null;
  /** The action on that resource that lets someone open the document read-only. */
  read: ActionOn<R["type"]>;
  /** The action on that resource that lets someone write in it. */
  write: ActionOn<R["type"]>;
  /** The action on that resource that lets someone invite guests to it; none: no guests. */
  invite?: ActionOn<R["type"]>;
}

/**
 * One kind, whichever: a union of DocumentKind<R> over the resources (a kind's read and write
 * actions tie it to its own resource type, so DocumentKind<A | B> would accept neither).
 */
export type AnyDocumentKind = DocumentBound extends infer R
  ? R extends DocumentBound
    ? DocumentKind<R>
    : never
  : never;

/** A document id as the permission table sees it; null for an unknown kind or an id its kind cannot resolve. */
export async function resolveDocument(
  kinds: readonly AnyDocumentKind[],
  db: Db,
  documentId: string,
): Promise<DocumentResource | null> {
  const prefix = documentId.slice(0, documentId.indexOf(":"));
  const kind = kinds.find((k) => k.prefix === prefix);
  const of = kind ? await kind.resolve(db, documentId) : null;
  return kind && of ? documentOf(kind, documentId, of) : null;
}

/**
 * Document `documentId` of `kind` on a resource already found (a route that has its motion
 * need not resolve the id again): the same resource resolveDocument gives.
 */
export function documentOf(kind: AnyDocumentKind, documentId: string, of: DocumentBound): DocumentResource {
  return {
    type: "document",
    documentId,
    of,
    read: kind.read,
    write: kind.write,
    invite: kind.invite ?? null,
  };
}
