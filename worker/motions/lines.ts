import {
  type FrozenProposal,
  lineNumberMarkEvery,
  type MotionVersion,
  type NumberedLine,
  type RichText,
} from "../shared/motions";

/**
 * Line numbers as in a printed congress document: a fixed number of characters per line,
 * never the screen's width, so "rad 12" is the same line on every device and on paper.
 * Following Antragsgrün's LineSplitter (see /work/shared/notes/anchors.md, A):
 * - a line breaks at its last space, or after its last hyphen, within the length;
 * - a word longer than a line is cut hard at the length;
 * - H1/H2 get 60 % of the length, H3–H6 75 %; list items and quotes lose 6 characters
 *   (each att-sats is printed as a list item);
 * - whitespace runs count as one space; a character is a Unicode code point ("å" is one);
 * - an empty paragraph is blank space on the page and gets no line.
 * Numbers run through title, motivation and att-satser; every fifth is printed.
 */

export interface TextBlock {
  text: string;
  /** The line length for this block (see blockLength). */
  length: number;
  part: NumberedLine["part"];
  proposal?: number;
}

/** A block's text as the lines count it: whitespace runs as one space, trimmed, in code points. */
export function normalizedChars(text: string): string[] {
  return Array.from(text.replace(/\s+/gu, " ").trim());
}

/** Where each line of a block lies in its normalized text (code points, end exclusive). */
export function lineSpans(chars: string[], length: number): { start: number; end: number }[] {
  if (!chars.length) return [];
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  while (chars.length - start > length) {
    let cut = start + length;
    let skip = 0;
    for (let i = start + length; i > start; i--) {
      if (chars[i] === " ") {
        cut = i;
        skip = 1;
        break;
      }
      if (chars[i - 1] === "-" && i - 1 > start) {
        cut = i;
        break;
      }
    }
    spans.push({ start, end: cut });
    start = cut + skip;
  }
  spans.push({ start, end: chars.length });
  return spans;
}

/** Splits one block's text into lines of at most `length` characters. */
export function splitLines(text: string, length: number): string[] {
  const chars = normalizedChars(text);
  return lineSpans(chars, length).map(({ start, end }) => chars.slice(start, end).join(""));
}

/** The characters per line of a block, from the document's line length. */
export function blockLength(lineLength: number, node: { type: string; level?: number }): number {
  if (node.type === "heading") {
    const level = node.level ?? 1;
    return Math.floor(lineLength * (level <= 2 ? 0.6 : 0.75));
  }
  if (node.type === "listItem" || node.type === "blockquote") return lineLength - 6;
  return lineLength;
}

export function plainText(node: RichText): string {
  return node.text ?? (node.content ?? []).map(plainText).join("");
}

/**
 * Whether a node is printed as one block of lines: a heading, or a node of text and line
 * breaks only. A list item, a quote or a node holding other blocks is printed as its blocks.
 */
function isLeafBlock(node: RichText): boolean {
  if (node.type === "heading") return true;
  if (node.type === "listItem" || node.type === "blockquote") return false;
  return !node.content?.some((child) => child.type !== "text" && child.type !== "hardBreak");
}

/**
 * The printed blocks of a ProseMirror document: paragraphs and headings as they are, a
 * list item or quote as its paragraphs with the shorter length (nested ones too).
 */
export function richTextBlocks(
  doc: RichText,
  lineLength: number,
  part: NumberedLine["part"],
  indented: "listItem" | "blockquote" | null = null,
): TextBlock[] {
  return (doc.content ?? []).flatMap((node): TextBlock[] => {
    if (node.type === "heading") {
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : 1;
      return [{ text: plainText(node), length: blockLength(lineLength, { type: "heading", level }), part }];
    }
    if (!isLeafBlock(node)) {
      const inner = node.type === "listItem" || node.type === "blockquote" ? node.type : indented;
      return richTextBlocks(node, lineLength, part, inner);
    }
    const length = indented ? blockLength(lineLength, { type: indented }) : lineLength;
    return [{ text: plainText(node), length, part }];
  });
}

/**
 * A copy of a ProseMirror document with the text of its `index`-th printed block (in the
 * order of richTextBlocks) replaced by plain `text`; the block keeps its type and attributes.
 */
export function replaceBlockText(doc: RichText, index: number, text: string): RichText {
  let seen = 0;
  const walk = (node: RichText): RichText => {
    const content = (node.content ?? []).map((child) => {
      if (!isLeafBlock(child)) return walk(child);
      if (seen++ !== index) return child;
      const { content: _, ...rest } = child;
      return text ? { ...rest, content: [{ type: "text", text }] } : rest;
    });
    return { ...node, content };
  };
  return walk(doc);
}

/** Numbers the lines of blocks, marking every fifth. */
export function numberLines(blocks: TextBlock[]): NumberedLine[] {
  const lines: NumberedLine[] = [];
  let motivationBlocks = 0;
  for (const block of blocks) {
    const index = block.part === "motivation" ? motivationBlocks++ : (block.proposal ?? 0);
    for (const text of splitLines(block.text, block.length)) {
      const number = lines.length + 1;
      lines.push({
        number,
        text,
        part: block.part,
        ...(block.proposal === undefined ? {} : { proposal: block.proposal }),
        block: index,
        marked: number % lineNumberMarkEvery === 0,
      });
    }
  }
  return lines;
}

/**
 * The printed blocks of a frozen version: the title as a first-level heading, the
 * motivation, then each att-sats as a list item beginning "att".
 */
export function versionBlocks(
  version: { title: string; motivation: RichText; proposals: { text: string }[] },
  lineLength: number,
): TextBlock[] {
  return [
    { text: version.title, length: blockLength(lineLength, { type: "heading", level: 1 }), part: "title" },
    ...richTextBlocks(version.motivation, lineLength, "motivation"),
    ...version.proposals.map(
      (p, index): TextBlock => ({
        text: `att ${p.text}`,
        length: blockLength(lineLength, { type: "listItem" }),
        part: "proposal",
        proposal: index,
      }),
    ),
  ];
}

/** The numbered lines of a frozen version (see versionBlocks). */
export function versionLines(
  version: { title: string; motivation: RichText; proposals: FrozenProposal[] },
  lineLength: number,
): NumberedLine[] {
  return numberLines(versionBlocks(version, lineLength));
}

/** One printed block of a version: its part, its index within it, its characters and numbered lines. */
export interface LineBlock {
  part: NumberedLine["part"];
  /** A motivation block's index among the motivation's blocks; an att-sats's index; 0 for the title. */
  block: number;
  chars: string[];
  lines: { number: number; start: number; end: number }[];
}

/** A version's blocks with where each line lies in them, numbered exactly as versionLines numbers them. */
export function lineBlocks(version: MotionVersion): LineBlock[] {
  let number = 0;
  let motivationBlock = 0;
  const blocks = versionBlocks(
    { title: version.title, motivation: version.motivation.json, proposals: version.proposals },
    version.lineLength,
  );
  return blocks.map((b) => {
    const chars = normalizedChars(b.text);
    const lines = lineSpans(chars, b.length).map((span) => ({ number: ++number, ...span }));
    const block = b.part === "motivation" ? motivationBlock++ : (b.proposal ?? 0);
    return { part: b.part, block, chars, lines };
  });
}
