import type * as Y from "yjs";
import { motionFields, newProposalKey, proposalKeyPattern } from "../../../worker/shared/motions";

/**
 * The att-satser of a motion's live text: the Y.Array `proposals` of keys (see
 * worker/shared/motions.ts). Adding, removing and moving one is a change to the array, so two
 * authors doing it at once merge; a key that two moves left twice shows once, as the
 * Worker reads it (worker/motions/document.ts).
 */

export function proposalArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(motionFields.proposals);
}

/** The keys in order: well formed, each once. */
export function proposalKeys(doc: Y.Doc): string[] {
  const keys = proposalArray(doc)
    .toArray()
    .filter((k): k is string => typeof k === "string" && proposalKeyPattern.test(k));
  return [...new Set(keys)];
}

/** Adds an empty att-sats at the end; returns its key. */
export function addProposal(doc: Y.Doc): string {
  const key = newProposalKey();
  proposalArray(doc).push([key]);
  return key;
}

export function removeProposal(doc: Y.Doc, key: string): void {
  const array = proposalArray(doc);
  doc.transact(() => {
    for (let i = array.length - 1; i >= 0; i--) if (array.get(i) === key) array.delete(i, 1);
  });
}

/** Moves an att-sats one place up (-1) or down (+1) among the att-satser. */
export function moveProposal(doc: Y.Doc, key: string, by: -1 | 1): void {
  const keys = proposalKeys(doc);
  const from = keys.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= keys.length) return;
  const array = proposalArray(doc);
  doc.transact(() => {
    removeProposal(doc, key);
    // Insert before the key that will follow it (or at the end), wherever that key is now.
    const next = keys.filter((k) => k !== key)[to];
    const at = next === undefined ? array.length : array.toArray().indexOf(next);
    array.insert(at < 0 ? array.length : at, [key]);
  });
}
