import * as Y from "yjs";
import { documentToProseMirror, documentToText, editDocument, loadDocument } from "../rooms/documents";
import {
  type FrozenProposal,
  motionDocumentId,
  motionFields,
  proposalField,
  proposalKeyPattern,
  type RichText,
} from "../shared/motions";

/**
 * A motion's live text (`motion:<id>`, structure described in worker/shared/motions.ts)
 * read into the shape a version freezes, and written from one (demo data, a forwarded copy).
 */

export interface MotionText {
  title: string;
  motivation: { text: string; json: RichText };
  proposals: FrozenProposal[];
}

/** The att-satser keys in order; a key that is not well formed is left out, as is a repeat. */
function proposalKeys(doc: Y.Doc): string[] {
  const keys = doc.getArray<unknown>(motionFields.proposals).toArray();
  const valid = keys.filter((k): k is string => typeof k === "string" && proposalKeyPattern.test(k));
  return [...new Set(valid)];
}

export function readMotionText(doc: Y.Doc): MotionText {
  return {
    title: documentToText(doc, motionFields.title).replace(/\s+/gu, " ").trim(),
    motivation: {
      text: documentToText(doc, motionFields.motivation),
      json: documentToProseMirror(doc, motionFields.motivation),
    },
    proposals: proposalKeys(doc).map((key) => ({
      key,
      text: documentToText(doc, proposalField(key)).replace(/\s+/gu, " ").trim(),
      json: documentToProseMirror(doc, proposalField(key)),
    })),
  };
}

export async function loadMotionText(env: Env, motionId: number): Promise<MotionText> {
  return readMotionText(await loadDocument(env, motionDocumentId(motionId)));
}

/** Fills an integrated element from ProseMirror JSON: text nodes become one XmlText with marks as attributes. */
function fill(parent: Y.XmlFragment | Y.XmlElement, nodes: RichText[]): void {
  let at = 0;
  let run: RichText[] = [];
  const flushText = () => {
    if (!run.length) return;
    const text = new Y.XmlText();
    parent.insert(at++, [text]);
    text.applyDelta(
      run.map((n) => ({
        insert: n.text ?? "",
        ...(n.marks?.length
          ? { attributes: Object.fromEntries(n.marks.map((m) => [m.type, m.attrs ?? {}])) }
          : {}),
      })),
    );
    run = [];
  };
  for (const node of nodes) {
    if (node.type === "text") {
      run.push(node);
      continue;
    }
    flushText();
    const element = new Y.XmlElement(node.type);
    parent.insert(at++, [element]);
    for (const [name, value] of Object.entries(node.attrs ?? {})) {
      element.setAttribute(name, value as string);
    }
    fill(element, node.content ?? []);
  }
  flushText();
}

const paragraph = (text: string): RichText => ({
  type: "paragraph",
  content: text ? [{ type: "text", text }] : [],
});

/** Plain paragraphs as ProseMirror JSON. */
export function paragraphs(texts: string[]): RichText {
  return { type: "doc", content: texts.map(paragraph) };
}

/** Replaces the whole live text with `text`, as the server (through the room). */
export async function writeMotionText(
  env: Env,
  motionId: number,
  text: { title: string; motivation: RichText; proposals: { key: string; json: RichText }[] },
): Promise<void> {
  await editDocument(env, motionDocumentId(motionId), (doc) => {
    const title = doc.getXmlFragment(motionFields.title);
    title.delete(0, title.length);
    fill(title, [paragraph(text.title)]);
    const motivation = doc.getXmlFragment(motionFields.motivation);
    motivation.delete(0, motivation.length);
    fill(motivation, text.motivation.content ?? []);
    const keys = doc.getArray<string>(motionFields.proposals);
    keys.delete(0, keys.length);
    keys.push(text.proposals.map((p) => p.key));
    for (const proposal of text.proposals) {
      const fragment = doc.getXmlFragment(proposalField(proposal.key));
      fragment.delete(0, fragment.length);
      fill(fragment, proposal.json.content ?? []);
    }
  });
}
