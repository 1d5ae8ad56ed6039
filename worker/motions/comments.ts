import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { fromBase64 } from "lib0/buffer";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { people } from "../identity/schema";
import { documentToText, loadDocument } from "../rooms/documents";
import {
  type MotionCommentThread,
  motionDocumentId,
  motionFields,
  type PersonRef,
  proposalField,
} from "../shared/motions";
import { refuse } from "./lifecycle";
import { motionComments } from "./schema";

/**
 * Comment threads on a motion's live text. The anchor is a pair of Yjs relative positions
 * in one fragment of `motion:<id>`, so it follows its words as text around them changes;
 * the threads, their words and who wrote them live in D1 (names never go into the document).
 * The server checks that an anchor decodes, lies in the named fragment and covers text, and
 * quotes that text itself.
 */

/** Offsets into a fragment's plain text as documentToText gives it: top-level blocks joined by "\n". */
function fragmentOffsets(fragment: Y.XmlFragment) {
  const spans = new Map<object, { start: number; end: number }>();
  const walk = (node: Y.XmlElement | Y.XmlText, at: number): number => {
    if (node instanceof Y.XmlText) {
      const length = (node.toDelta() as { insert: unknown }[])
        .map((op) => (typeof op.insert === "string" ? op.insert.length : 0))
        .reduce((a, b) => a + b, 0);
      spans.set(node, { start: at, end: at + length });
      return at + length;
    }
    let end = at;
    for (const child of node.toArray()) end = walk(child as Y.XmlElement | Y.XmlText, end);
    spans.set(node, { start: at, end });
    return end;
  };
  let at = 0;
  fragment.toArray().forEach((block, i) => {
    at = walk(block as Y.XmlElement | Y.XmlText, at + (i ? 1 : 0));
  });
  spans.set(fragment, { start: 0, end: at });
  return spans;
}

/** The fields a comment may anchor in: the title, the motivation and the att-satser the document lists. */
function isField(doc: Y.Doc, field: string): boolean {
  if (field === motionFields.title || field === motionFields.motivation) return true;
  return doc
    .getArray<unknown>(motionFields.proposals)
    .toArray()
    .some((key) => typeof key === "string" && proposalField(key) === field);
}

function decode(position: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(position));
  } catch {
    return null;
  }
}

/** Where an anchor is now in the fragment's plain text; null if it is not in it or covers nothing. */
function resolve(doc: Y.Doc, field: string, anchor: { start: string; end: string }) {
  if (!isField(doc, field)) return null;
  const fragment = doc.getXmlFragment(field);
  const spans = fragmentOffsets(fragment);
  const offset = (encoded: string): number | null => {
    const relative = decode(encoded);
    let absolute: Y.AbsolutePosition | null = null;
    try {
      absolute = relative && Y.createAbsolutePositionFromRelativePosition(relative, doc);
    } catch {
      return null;
    }
    const span = absolute && spans.get(absolute.type);
    if (!absolute || !span) return null;
    if (absolute.type instanceof Y.XmlText) return span.start + absolute.index;
    const children = (absolute.type as Y.XmlElement | Y.XmlFragment).toArray();
    const child = children[absolute.index];
    return child ? (spans.get(child)?.start ?? null) : span.end;
  };
  const start = offset(anchor.start);
  const end = offset(anchor.end);
  if (start === null || end === null || end <= start) return null;
  return { start, end, text: documentToText(doc, field).slice(start, end) };
}

/** Starts a thread on a passage of the live text; returns its id. */
export async function startThread(
  env: Env,
  db: Db,
  motionId: number,
  input: { field: string; start: string; end: string; body: string },
  personId: string,
): Promise<number> {
  const doc = await loadDocument(env, motionDocumentId(motionId));
  const at = resolve(doc, input.field, input);
  if (!at?.text.trim()) refuse("motion_comment_anchor_invalid", 422);
  const [created] = await db
    .insert(motionComments)
    .values({
      motionId,
      field: input.field,
      anchorStart: input.start,
      anchorEnd: input.end,
      quote: at.text,
      body: input.body,
      createdBy: personId,
      createdAt: Date.now(),
    })
    .returning({ id: motionComments.id });
  if (!created) throw new Error("comment insert returned nothing");
  return created.id;
}

async function findThread(db: Db, motionId: number, threadId: number) {
  const [thread] = await db
    .select({ id: motionComments.id })
    .from(motionComments)
    .where(
      and(
        eq(motionComments.id, threadId),
        eq(motionComments.motionId, motionId),
        isNull(motionComments.threadId),
      ),
    );
  if (!thread) throw new ApiError(404, "not_found");
  return thread;
}

export async function reply(
  db: Db,
  motionId: number,
  threadId: number,
  body: string,
  personId: string,
): Promise<void> {
  await findThread(db, motionId, threadId);
  await db
    .insert(motionComments)
    .values({ motionId, threadId, body, createdBy: personId, createdAt: Date.now() });
}

/** Resolves a thread, or reopens it. */
export async function setResolved(
  db: Db,
  motionId: number,
  threadId: number,
  resolved: boolean,
  personId: string,
): Promise<void> {
  await findThread(db, motionId, threadId);
  await db
    .update(motionComments)
    .set(resolved ? { resolvedBy: personId, resolvedAt: Date.now() } : { resolvedBy: null, resolvedAt: null })
    .where(eq(motionComments.id, threadId));
}

/** A motion's comment threads, oldest first, each with where its passage is now. */
export async function listThreads(env: Env, db: Db, motionId: number): Promise<MotionCommentThread[]> {
  const author = alias(people, "author");
  const resolver = alias(people, "resolver");
  const rows = await db
    .select({ comment: motionComments, authorName: author.name, resolverName: resolver.name })
    .from(motionComments)
    .leftJoin(author, eq(author.id, motionComments.createdBy))
    .leftJoin(resolver, eq(resolver.id, motionComments.resolvedBy))
    .where(eq(motionComments.motionId, motionId))
    .orderBy(asc(motionComments.id));
  if (!rows.length) return [];
  const doc = await loadDocument(env, motionDocumentId(motionId));
  const person = (id: string | null, name: string | null): PersonRef => ({ id: id ?? "", name });
  const threads = rows
    .filter((r) => r.comment.threadId === null)
    .map(({ comment: c, resolverName }): MotionCommentThread => {
      const field = c.field ?? "";
      const anchor = { start: c.anchorStart ?? "", end: c.anchorEnd ?? "" };
      return {
        id: c.id,
        field,
        anchor,
        quote: c.quote ?? "",
        current: resolve(doc, field, anchor),
        resolved: c.resolvedAt !== null,
        resolvedBy: c.resolvedBy ? person(c.resolvedBy, resolverName) : null,
        resolvedAt: c.resolvedAt,
        comments: [],
      };
    });
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const { comment: c, authorName } of rows) {
    byId.get(c.threadId ?? c.id)?.comments.push({
      id: c.id,
      author: person(c.createdBy, authorName),
      body: c.body,
      createdAt: c.createdAt,
    });
  }
  return threads;
}

export async function findThreadView(env: Env, db: Db, motionId: number, threadId: number) {
  const thread = (await listThreads(env, db, motionId)).find((t) => t.id === threadId);
  if (!thread) throw new ApiError(404, "not_found");
  return thread;
}
