import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { drawFragment, marksAt, plainText, writeSlot } from "./render";

/** A fragment as TipTap's y-prosemirror binding writes one: elements per node, marks on the text. */
function motivation(doc: Y.Doc): Y.XmlFragment {
  const fragment = doc.getXmlFragment("motivation");
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", "2");
  const headingText = new Y.XmlText();
  heading.insert(0, [headingText]);
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const broken = new Y.XmlElement("paragraph");
  const before = new Y.XmlText();
  const after = new Y.XmlText();
  broken.insert(0, [before, new Y.XmlElement("hardBreak"), after]);
  const list = new Y.XmlElement("bulletList");
  const item = new Y.XmlElement("listItem");
  const inItem = new Y.XmlElement("paragraph");
  const itemText = new Y.XmlText();
  inItem.insert(0, [itemText]);
  item.insert(0, [inItem]);
  list.insert(0, [item]);
  const empty = new Y.XmlElement("paragraph");
  fragment.insert(0, [heading, paragraph, broken, list, empty]);
  headingText.insert(0, "Bänkar");
  text.insert(0, "Vi vill ha ");
  text.insert(text.length, "fler", { bold: {} });
  text.insert(text.length, " bänkar.", {});
  before.insert(0, "rad ett");
  after.insert(0, "rad två");
  itemText.insert(0, "längs älven");
  return fragment;
}

describe("the first editor's drawing of a motion part", () => {
  it("draws blocks and marks as the full editor does, with a slot per block of one run of text", () => {
    const doc = new Y.Doc();
    const host = document.createElement("div");
    const slots = drawFragment(motivation(doc), host);
    expect(host.innerHTML).toBe(
      "<h2>Bänkar</h2><p>Vi vill ha <strong>fler</strong> bänkar.</p>" +
        '<p contenteditable="false">rad ett<br>rad två</p>' +
        "<ul><li><p>längs älven</p></li></ul><p><br></p>",
    );
    // The paragraph with a hard break waits for the full editor.
    expect(slots.map((slot) => slot.element.textContent)).toEqual([
      "Bänkar",
      "Vi vill ha fler bänkar.",
      "längs älven",
      "",
    ]);
  });

  it("writes what the block now shows into Yjs as one change, typed text taking the marks before it", () => {
    const doc = new Y.Doc();
    const fragment = motivation(doc);
    const host = document.createElement("div");
    const slot = drawFragment(fragment, host)[1];
    if (!slot?.text) throw new Error("no paragraph slot");
    expect(writeSlot(slot, "Vi vill ha flera bänkar.")).toBe(true);
    expect(slot.text.toDelta()).toEqual([
      { insert: "Vi vill ha " },
      { insert: "flera", attributes: { bold: {} } },
      { insert: " bänkar." },
    ]);
    expect(writeSlot(slot, "Vi vill ha bänkar.")).toBe(true);
    expect(plainText(slot.text)).toBe("Vi vill ha bänkar.");
    expect(writeSlot(slot, "Vi vill ha bänkar.")).toBe(false);
  });

  it("gives an empty paragraph its text, and an empty part its first paragraph", () => {
    const doc = new Y.Doc();
    const fragment = motivation(doc);
    const slots = drawFragment(fragment, document.createElement("div"));
    const empty = slots[3];
    if (!empty) throw new Error("no empty slot");
    writeSlot(empty, "Ny rad");
    expect((fragment.get(4) as Y.XmlElement).toString()).toBe("<paragraph>Ny rad</paragraph>");

    const title = doc.getXmlFragment("title");
    const [first] = drawFragment(title, document.createElement("div"));
    if (!first) throw new Error("no slot in an empty part");
    writeSlot(first, "Fler bänkar");
    expect(title.toString()).toBe("<paragraph>Fler bänkar</paragraph>");
  });

  it("does not carry a link or code onto text typed after it", () => {
    const doc = new Y.Doc();
    const text = new Y.XmlText();
    doc.getXmlFragment("f").insert(0, [text]);
    text.insert(0, "se ");
    text.insert(3, "här", { link: { href: "https://example.org" }, italic: {} });
    expect(marksAt(text, 6)).toEqual({ italic: {} });
    expect(marksAt(text, 3)).toEqual({});
    expect(marksAt(text, 0)).toEqual({});
    const slot = { element: document.createElement("p"), parent: doc.getXmlFragment("f"), text };
    writeSlot(slot, "se här!");
    expect(text.toDelta()).toEqual([
      { insert: "se " },
      { insert: "här", attributes: { link: { href: "https://example.org" }, italic: {} } },
      { insert: "!", attributes: { italic: {} } },
    ]);
  });
});
