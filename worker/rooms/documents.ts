import * as Y from "yjs";
import { roomStub } from "./address";

/**
 * The server-side API for features: read a live document or change it as the server,
 * without a WebSocket. Every call goes to the document's room, so a write is stored and
 * reaches connected editors at once, exactly like a person's edit.
 *
 *   const text = await readDocumentText(env, "motion:42");
 *   await editDocument(env, "motion:42", (doc) => doc.getXmlFragment("default").insert(...));
 */

/** The document's whole state as one Yjs update (V1). */
export async function readDocumentState(env: Env, documentId: string): Promise<Uint8Array> {
  return roomStub(env, documentId).readState();
}

/** A local copy of the document, for reading its structure. */
export async function loadDocument(env: Env, documentId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await readDocumentState(env, documentId));
  return doc;
}

/**
 * Changes the document as the server: `change` edits a local copy, and exactly the
 * resulting update is sent to the room. Concurrent edits by people merge as usual.
 */
export async function editDocument(
  env: Env,
  documentId: string,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const doc = await loadDocument(env, documentId);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(doc));
  const update = Y.encodeStateAsUpdate(doc, before);
  await roomStub(env, documentId).applyServerUpdate(update);
}

/** The rich text TipTap edits lives in this fragment (the Collaboration extension's default). */
export const richTextField = "default";

/** ProseMirror JSON of a rich-text field, without needing the editor's schema. */
export interface ProseMirrorNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

function toProseMirror(node: Y.XmlElement | Y.XmlText): ProseMirrorNode[] {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
      .filter(
        (op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === "string",
      )
      .map((op) => {
        const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) =>
          attrs && typeof attrs === "object" && Object.keys(attrs).length
            ? { type, attrs: attrs as Record<string, unknown> }
            : { type },
        );
        return marks.length ? { type: "text", text: op.insert, marks } : { type: "text", text: op.insert };
      });
  }
  const attrs = node.getAttributes();
  const content = node.toArray().flatMap((child) => toProseMirror(child as Y.XmlElement | Y.XmlText));
  return [
    {
      type: node.nodeName,
      ...(Object.keys(attrs).length ? { attrs } : {}),
      ...(content.length ? { content } : {}),
    },
  ];
}

export function documentToProseMirror(doc: Y.Doc, field = richTextField): ProseMirrorNode {
  const fragment = doc.getXmlFragment(field);
  const content = fragment.toArray().flatMap((child) => toProseMirror(child as Y.XmlElement | Y.XmlText));
  return { type: "doc", content };
}

/** Plain text of a rich-text field: one line per block, for search, export and e-mail. */
export function documentToText(doc: Y.Doc, field = richTextField): string {
  const lines: string[] = [];
  const walk = (node: ProseMirrorNode): string =>
    node.text ?? (node.content ?? []).map((child) => walk(child)).join("");
  for (const block of documentToProseMirror(doc, field).content ?? []) lines.push(walk(block));
  return lines.join("\n");
}

export async function readDocumentText(env: Env, documentId: string): Promise<string> {
  return documentToText(await loadDocument(env, documentId));
}
