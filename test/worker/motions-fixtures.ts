import { toBase64 } from "lib0/buffer";
import { expect } from "vitest";
import * as Y from "yjs";
import { paragraphs, writeMotionText } from "../../worker/motions/document";
import { loadDocument } from "../../worker/rooms/documents";
import type { MotionDetail, MotionPeriod, MotionVersion } from "../../worker/shared/motions";
import { motionFields, newProposalKey } from "../../worker/shared/motions";
import { api, env, logInAs, postJson, seed } from "./helpers";

/**
 * What the amendment and comment tests share: the demo data plus Hanna, a plain member of
 * Göteborg's branch (whose board is Bengt and Cecilia), people logged in, and motions
 * written through the real routes and the room.
 */

export const cookies = new Map<string, string>();
const as = (person: string) => cookies.get(person) ?? "";
export const get = (path: string, person: string) => api(path, { headers: { Cookie: as(person) } });
export const post = (path: string, person: string, body: unknown = {}) => postJson(path, body, as(person));

export async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

export async function setUp(people: string[]): Promise<void> {
  await seed();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT OR IGNORE INTO people (id, name, email, created_at) VALUES ('demo-hanna', 'Hanna Test', 'hanna@samtal.example', ?)",
    ).bind(now),
    env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (person_id, group_id, role, created_at) SELECT 'demo-hanna', id, 'member', ? FROM groups WHERE kind = 'branch' AND slug = 'goteborg'",
    ).bind(now),
  ]);
  for (const id of people) cookies.set(id, await logInAs(id));
}

export interface MotionText {
  title: string;
  motivation: string[];
  proposals: string[];
}

/** A draft by `author` in Göteborg's branch with this text written into its live document. */
export async function draft(author: string, text: MotionText): Promise<MotionDetail> {
  const res = await post("/api/motions?group=branch:goteborg", author, { kind: "motion", title: text.title });
  const motion = await json<MotionDetail>(res, 201);
  await writeMotionText(env, motion.id, {
    title: text.title,
    motivation: paragraphs(text.motivation),
    proposals: text.proposals.map((p) => ({ key: newProposalKey(), json: paragraphs([p]) })),
  });
  return motion;
}

/** A motion submitted to an open Göteborg period with the given line length; returns it and its version 1. */
export async function submitted(author: string, text: MotionText, lineLength: number) {
  const motion = await draft(author, text);
  const period = await json<MotionPeriod>(
    await post("/api/motions/periods?group=branch:goteborg", "demo-bengt", {
      title: "Motionstid",
      deadline: Date.now() + 86_400_000,
      lineLength,
    }),
    201,
  );
  await json(await post(`/api/motions/${motion.id}/submit`, author, { periodId: period.id }));
  const version = await json<MotionVersion>(await get(`/api/motions/${motion.id}/versions/1`, author));
  return { motion, version };
}

/**
 * A comment anchor on `passage` in the first paragraph of the motion's live motivation, as
 * the editor makes one: Yjs relative positions, base64.
 */
export async function anchorOn(documentId: string, passage: string) {
  const doc = await loadDocument(env, documentId);
  const textNode = motivationText(doc);
  const at = textNode.toString().indexOf(passage);
  expect(at).toBeGreaterThanOrEqual(0);
  const encode = (index: number) =>
    toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(textNode, index)));
  return { field: motionFields.motivation, start: encode(at), end: encode(at + passage.length) };
}

/** The motivation's first paragraph's text, where TipTap keeps it (one XmlText in a paragraph). */
export function motivationText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(motionFields.motivation).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}
