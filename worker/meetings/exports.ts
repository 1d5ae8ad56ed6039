import { markdownLiteral } from "../motions/exports";
import type { MinutesVersion } from "../shared/meetings";

/** Who held which office and who was present, from the record, as printed with the minutes. */
export function rollCall(version: MinutesVersion): string[] {
  const name = (p: { name: string | null } | null) => (p ? (p.name ?? "tidigare medlem") : "–");
  const { chair, secretary, adjusters } = version.officers;
  return [
    `Mötesordförande: ${name(chair)}. Sekreterare: ${name(secretary)}. Justerare: ${adjusters.map(name).join(", ") || "–"}.`,
    `Närvarande: ${version.present.map(name).join(", ") || "–"}${version.guests ? `; ${version.guests} gäster` : ""}.`,
  ];
}

/** The version's Markdown with the roll call after its title: what the Markdown download gives. */
export function minutesMarkdown(version: MinutesVersion): string {
  const [title = "", ...rest] = version.text.split("\n\n");
  return [title, ...rollCall(version).map(markdownLiteral), ...rest].join("\n\n");
}

/**
 * A frozen version of the minutes as a Word document, built from its Markdown (with the roll
 * call): `#` the title, `##` an agenda item, `- ` a list item, anything else a paragraph.
 * The `docx` library is loaded only when one is asked for.
 */
export async function minutesDocx(version: MinutesVersion): Promise<Uint8Array<ArrayBuffer>> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import("docx");
  const plain = (markdown: string) => markdown.replace(/\\(.)/g, "$1");
  const children = minutesMarkdown(version)
    .split("\n\n")
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      if (block.startsWith("# "))
        return new Paragraph({ text: plain(block.slice(2)), heading: HeadingLevel.TITLE });
      if (block.startsWith("## "))
        return new Paragraph({ text: plain(block.slice(3)), heading: HeadingLevel.HEADING_2 });
      if (block.startsWith("- ")) return new Paragraph({ text: plain(block.slice(2)), bullet: { level: 0 } });
      return new Paragraph({ children: [new TextRun(plain(block))] });
    });
  const approvals = version.approvals.map(
    (a) =>
      new Paragraph({
        children: [
          new TextRun({
            text: `Justerat: ${a.person.name ?? "–"}, ${new Date(a.approvedAt).toISOString().slice(0, 10)}`,
            italics: true,
          }),
        ],
      }),
  );
  const doc = new Document({ creator: "samtal", sections: [{ children: [...children, ...approvals] }] });
  // toBuffer needs Node's Buffer; an ArrayBuffer works on workerd without nodejs_compat.
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
