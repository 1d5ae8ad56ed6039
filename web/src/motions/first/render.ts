import * as Y from "yjs";

/**
 * A motion part's Yjs fragment (as TipTap's y-prosemirror binding writes it: one element per
 * node, named after the node type, marks as attributes of the text) drawn as plain DOM, for the
 * first editor (./firstEditor.ts). Each textblock whose inline content is one run of text is a
 * "slot" the first editor can type into; anything richer (a hard break inside a paragraph, an
 * unknown node) is drawn and left alone until the full editor arrives.
 */

/** A textblock the first editor writes into: its element, and where its text lives in Yjs. */
export interface Slot {
  element: HTMLElement;
  /** The block's element in Yjs, or the fragment itself when it has no block yet. */
  parent: Y.XmlElement | Y.XmlFragment;
  /** Its text, when it has any (an empty paragraph has none). */
  text: Y.XmlText | undefined;
}

const blockTags: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  horizontalRule: "hr",
};
const textblocks = new Set(["paragraph", "heading", "codeBlock"]);

/** Marks as TipTap names them, drawn as the full editor draws them. */
const markTags: [string, string][] = [
  ["bold", "strong"],
  ["italic", "em"],
  ["strike", "s"],
  ["underline", "u"],
  ["code", "code"],
  ["link", "span"],
];

function headingTag(element: Y.XmlElement): string {
  const level = Number(element.getAttribute("level"));
  return `h${Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2}`;
}

/** The text's runs with their marks, nested as the full editor nests them. */
function drawText(text: Y.XmlText, into: HTMLElement): void {
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string") continue;
    let node: Node = document.createTextNode(op.insert);
    for (const [mark, tag] of markTags) {
      if (!op.attributes?.[mark]) continue;
      const wrapper = document.createElement(tag);
      if (mark === "link") wrapper.className = "first-editor-link";
      wrapper.appendChild(node);
      node = wrapper;
    }
    into.appendChild(node);
  }
}

/** Draws a textblock; returns it as a slot when its inline content is at most one run of text. */
function drawTextblock(element: Y.XmlElement, slots: Slot[]): HTMLElement {
  const tag = element.nodeName === "heading" ? headingTag(element) : "p";
  const block = document.createElement(tag);
  const inline = element.toArray();
  const host = element.nodeName === "codeBlock" ? document.createElement("code") : block;
  if (host !== block) {
    const pre = document.createElement("pre");
    pre.appendChild(host);
    pre.dataset.block = "codeBlock";
    slotOrNot(element, inline, host, slots);
    return pre;
  }
  slotOrNot(element, inline, host, slots);
  return block;
}

function slotOrNot(
  element: Y.XmlElement,
  inline: (Y.XmlElement | Y.XmlText | Y.XmlHook)[],
  host: HTMLElement,
  slots: Slot[],
): void {
  const onlyText = inline.every((child) => child instanceof Y.XmlText) && inline.length <= 1;
  for (const child of inline) {
    if (child instanceof Y.XmlText) drawText(child, host);
    else if (child instanceof Y.XmlElement && child.nodeName === "hardBreak")
      host.appendChild(document.createElement("br"));
  }
  if (!onlyText) {
    host.contentEditable = "false";
    return;
  }
  // An empty block still needs a line to put the caret on.
  if (inline.length === 0) host.appendChild(document.createElement("br"));
  slots.push({ element: host, parent: element, text: inline[0] as Y.XmlText | undefined });
}

function drawNode(node: Y.XmlElement | Y.XmlText, slots: Slot[]): Node {
  if (node instanceof Y.XmlText) {
    const span = document.createElement("span");
    drawText(node, span);
    return span;
  }
  if (textblocks.has(node.nodeName)) return drawTextblock(node, slots);
  const element = document.createElement(blockTags[node.nodeName] ?? "div");
  if (node.nodeName === "horizontalRule") element.contentEditable = "false";
  for (const child of node.toArray()) element.appendChild(drawNode(child as Y.XmlElement | Y.XmlText, slots));
  return element;
}

/**
 * Draws `fragment` into `into`, replacing what was there; returns the slots in document order.
 * An empty fragment gets one empty paragraph to type into (typing creates it in Yjs).
 */
export function drawFragment(fragment: Y.XmlFragment, into: HTMLElement): Slot[] {
  const slots: Slot[] = [];
  const nodes = fragment.toArray().map((node) => drawNode(node as Y.XmlElement | Y.XmlText, slots));
  if (nodes.length === 0) {
    const block = document.createElement("p");
    block.appendChild(document.createElement("br"));
    slots.push({ element: block, parent: fragment, text: undefined });
    nodes.push(block);
  }
  into.replaceChildren(...nodes);
  return slots;
}

/** The text without its marks (an XmlText's toString() writes them as tags). */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}

/**
 * The marks a character typed at `index` of `text` takes: those of the character before it,
 * but not a link's or code's (as the full editor does). Always an object: Yjs gives text
 * inserted without one whatever marks surround it.
 */
export function marksAt(text: Y.XmlText | undefined, index: number): Record<string, unknown> {
  if (!text || index === 0) return {};
  let seen = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    if (seen + length >= index) {
      const { link: _link, code: _code, ...inclusive } = op.attributes ?? {};
      return inclusive;
    }
    seen += length;
  }
  return {};
}

/**
 * Writes the slot's text as the DOM now shows it into Yjs, as one deletion and one insertion
 * (the part between the common beginning and end): what a keystroke, a correction or an
 * input method changed. Returns whether anything changed.
 */
export function writeSlot(slot: Slot, shown: string): boolean {
  const before = slot.text ? plainText(slot.text) : "";
  if (shown === before) return false;
  let start = 0;
  while (start < before.length && start < shown.length && before[start] === shown[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < shown.length - start &&
    before[before.length - 1 - end] === shown[shown.length - 1 - end]
  )
    end++;
  const removed = before.length - start - end;
  const inserted = shown.slice(start, shown.length - end);
  let text = slot.text;
  if (!text) {
    text = new Y.XmlText();
    // An element is a fragment too: the element case first.
    if (slot.parent instanceof Y.XmlElement) slot.parent.insert(0, [text]);
    else {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [text]);
      slot.parent.insert(0, [paragraph]);
      slot.parent = paragraph;
    }
    slot.text = text;
  }
  if (removed > 0) text.delete(start, removed);
  if (inserted) text.insert(start, inserted, marksAt(text, start));
  return true;
}
