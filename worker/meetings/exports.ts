import type { MinutesVersion } from "../shared/meetings";

/**
 * A frozen version of the minutes as a Word document, built from its Markdown: `#` the
 * title, `##` an agenda item, `- ` a list item, anything else a paragraph. The `docx`
 * library is loaded only when one is asked for.
 */
export async function minutesDocx(version: MinutesVersion): Promise<Uint8Array<ArrayBuffer>> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import("docx");
  const plain = (markdown: string) => markdown.replace(/\\(.)/g, "$1");
  const children = version.text
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
