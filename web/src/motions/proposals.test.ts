import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addProposal, moveProposal, proposalArray, proposalKeys, removeProposal } from "./proposals";

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe("att-satser in the live text", () => {
  it("are added, moved and removed by key", () => {
    const doc = new Y.Doc();
    const [a, b, c] = [addProposal(doc), addProposal(doc), addProposal(doc)];
    expect(proposalKeys(doc)).toEqual([a, b, c]);
    moveProposal(doc, c as string, -1);
    expect(proposalKeys(doc)).toEqual([a, c, b]);
    moveProposal(doc, a as string, 1);
    expect(proposalKeys(doc)).toEqual([c, a, b]);
    // Past either end: nothing moves.
    moveProposal(doc, c as string, -1);
    moveProposal(doc, b as string, 1);
    expect(proposalKeys(doc)).toEqual([c, a, b]);
    removeProposal(doc, a as string);
    expect(proposalKeys(doc)).toEqual([c, b]);
  });

  it("merge when two authors change them at once, and a key twice or malformed shows once or not at all", () => {
    const one = new Y.Doc();
    const key = addProposal(one);
    const two = new Y.Doc();
    sync(one, two);
    const fromOne = addProposal(one);
    const fromTwo = addProposal(two);
    sync(one, two);
    expect(proposalKeys(one)).toEqual(proposalKeys(two));
    expect(new Set(proposalKeys(one))).toEqual(new Set([key, fromOne, fromTwo]));
    proposalArray(one).push([key, "not a key!", 7]);
    expect(proposalKeys(one)).toHaveLength(3);
  });
});
