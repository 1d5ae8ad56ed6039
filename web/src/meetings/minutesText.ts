/**
 * The frozen minutes' text, as the Worker stores it: a small Markdown (`# title`, `## item`,
 * `- point`, paragraphs; characters that mean something in Markdown escaped with `\`), read
 * back into blocks for the print view. Nothing in it becomes markup but these blocks.
 */
export type MinutesBlock = { kind: "title" | "heading" | "paragraph" | "item"; text: string };

const literalText = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1");

export function minutesBlocks(markdown: string): MinutesBlock[] {
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block): MinutesBlock => {
      if (block.startsWith("## ")) return { kind: "heading", text: literalText(block.slice(3)) };
      if (block.startsWith("# ")) return { kind: "title", text: literalText(block.slice(2)) };
      if (block.startsWith("- ")) return { kind: "item", text: literalText(block.slice(2)) };
      return { kind: "paragraph", text: literalText(block) };
    });
}
