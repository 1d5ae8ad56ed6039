import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from "docx";
import type { MotionVersion } from "../shared/motions";
import { lineBlocks } from "./lines";

/**
 * A frozen version as files to take away: a Word document with the line numbers of
 * lines.ts, and Markdown. Both are built on the Worker from the version as stored.
 */

/** Half-points and twips, the units Word counts in. */
const numberColumn = 720;
const bodySize = 22;
const titleSize = 32;

/**
 * Each printed line as its own paragraph, so Word keeps exactly our line breaks: the
 * number (every fifth) in a hanging column on the left, the text after a tab. A paragraph
 * of the motion begins with space above it; the title is large and bold.
 */
export async function versionDocx(version: MotionVersion): Promise<Uint8Array<ArrayBuffer>> {
  const blockStarts = new Set(lineBlocks(version).map((b) => b.lines[0]?.number));
  const children = version.lines.map((line, i) => {
    const title = line.part === "title";
    return new Paragraph({
      indent: { left: numberColumn, hanging: numberColumn },
      tabStops: [{ type: TabStopType.LEFT, position: numberColumn }],
      spacing: { before: i > 0 && blockStarts.has(line.number) ? 200 : 0, after: 0 },
      alignment: AlignmentType.LEFT,
      children: [
        new TextRun({ text: line.marked ? String(line.number) : "", size: 18, color: "666666" }),
        new TextRun({ children: [new Tab(), line.text], size: title ? titleSize : bodySize, bold: title }),
      ],
    });
  });
  const doc = new Document({
    title: version.title,
    creator: "samtal",
    sections: [{ children }],
  });
  // toBuffer needs Node's Buffer; an ArrayBuffer works on workerd without nodejs_compat.
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** Plain text as Markdown that stays plain: nothing in it may turn into emphasis, a link, a heading or a list. */
export const markdownLiteral = (text: string) =>
  text
    .replace(/([\\`*_[\]#<>|])/g, "\\$1")
    .replace(/^(\d+)\./, "$1\\.")
    .replace(/^([-+])/, "\\$1");

/** Markdown of a version: the title as a heading, the motivation's paragraphs, the att-satser as a list. */
export function versionMarkdown(version: MotionVersion): string {
  const literal = markdownLiteral;
  const motivation = version.motivation.text
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean)
    .map(literal);
  return [
    `# ${literal(version.title)}`,
    ...motivation,
    version.proposals.map((p) => `- att ${literal(p.text)}`).join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n")
    .concat("\n");
}
