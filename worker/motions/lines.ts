import {
  type FrozenProposal,
  lineNumberMarkEvery,
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

/** Splits one block's text into lines of at most `length` characters. */
export function splitLines(text: string, length: number): string[] {
  const chars = Array.from(text.replace(/\s+/gu, " ").trim());
  if (!chars.length) return [];
  const lines: string[] = [];
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
    lines.push(chars.slice(start, cut).join(""));
    start = cut + skip;
  }
  lines.push(chars.slice(start).join(""));
  return lines;
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

function plainText(node: RichText): string {
  return node.text ?? (node.content ?? []).map(plainText).join("");
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
    if (node.type === "listItem" || node.type === "blockquote") {
      return richTextBlocks(node, lineLength, part, node.type);
    }
    if (node.content?.some((child) => child.type !== "text" && child.type !== "hardBreak")) {
      return richTextBlocks(node, lineLength, part, indented);
    }
    const length = indented ? blockLength(lineLength, { type: indented }) : lineLength;
    return [{ text: plainText(node), length, part }];
  });
}

/** Numbers the lines of blocks, marking every fifth. */
export function numberLines(blocks: TextBlock[]): NumberedLine[] {
  const lines: NumberedLine[] = [];
  for (const block of blocks) {
    for (const text of splitLines(block.text, block.length)) {
      const number = lines.length + 1;
      lines.push({
        number,
        text,
        part: block.part,
        ...(block.proposal === undefined ? {} : { proposal: block.proposal }),
        marked: number % lineNumberMarkEvery === 0,
      });
    }
  }
  return lines;
}

/**
 * The numbered lines of a frozen version: the title as a first-level heading, the
 * motivation, then each att-sats as a list item beginning "att".
 */
export function versionLines(
  version: { title: string; motivation: RichText; proposals: FrozenProposal[] },
  lineLength: number,
): NumberedLine[] {
  return numberLines([
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
  ]);
}
