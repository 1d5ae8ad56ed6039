import { describe, expect, it } from "vitest";
import { blockLength, richTextBlocks, splitLines, versionLines } from "../../worker/motions/lines";
import type { RichText } from "../../worker/shared/motions";

const p = (text: string): RichText => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
const doc = (...content: RichText[]): RichText => ({ type: "doc", content });

describe("splitLines", () => {
  it("breaks at the last space within the length and drops that space", () => {
    expect(splitLines("aaa bbb ccc ddd", 8)).toEqual(["aaa bbb", "ccc ddd"]);
    // A line exactly the length, followed by a space.
    expect(splitLines("aaaa bbbb", 4)).toEqual(["aaaa", "bbbb"]);
  });

  it("breaks after a hyphen when it comes later than the last space", () => {
    expect(splitLines("ett social-demokratiskt parti", 14)).toEqual(["ett social-", "demokratiskt", "parti"]);
  });

  it("cuts a word longer than a line hard at the length", () => {
    expect(splitLines("x arbetarekommunsordförandeskap y", 10)).toEqual([
      "x",
      "arbetareko",
      "mmunsordfö",
      "randeskap",
      "y",
    ]);
  });

  it("counts characters, not bytes, and collapses whitespace", () => {
    expect(splitLines("åäö  åäö\nåäö", 7)).toEqual(["åäö åäö", "åäö"]);
    expect(splitLines("   ", 10)).toEqual([]);
  });
});

describe("line lengths", () => {
  it("shortens headings and list items as Antragsgrün does", () => {
    expect(blockLength(80, { type: "paragraph" })).toBe(80);
    expect(blockLength(80, { type: "heading", level: 1 })).toBe(48);
    expect(blockLength(80, { type: "heading", level: 2 })).toBe(48);
    expect(blockLength(80, { type: "heading", level: 3 })).toBe(60);
    expect(blockLength(80, { type: "listItem" })).toBe(74);
    expect(blockLength(80, { type: "blockquote" })).toBe(74);
  });

  it("gives nested list items and quotes the shorter length, and empty paragraphs no line", () => {
    const blocks = richTextBlocks(
      doc(
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Bakgrund" }] },
        p(""),
        { type: "bulletList", content: [{ type: "listItem", content: [p("punkt")] }] },
        { type: "blockquote", content: [p("citat")] },
      ),
      80,
      "motivation",
    );
    expect(blocks.map((b) => [b.text, b.length])).toEqual([
      ["Bakgrund", 60],
      ["", 80],
      ["punkt", 74],
      ["citat", 74],
    ]);
  });
});

describe("versionLines", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `ord${i}`).join(" ");
  const version = {
    title: "Nattåg till Kiruna året runt",
    motivation: doc(p(words(40)), p(""), p("Kort stycke.")),
    proposals: [
      { key: "a", text: words(20), json: doc(p(words(20))) },
      { key: "b", text: "staten tar ansvar", json: doc(p("staten tar ansvar")) },
    ],
  };

  it("numbers title, motivation and att-satser in one run, marking every fifth line", () => {
    const lines = versionLines(version, 40);
    expect(lines.map((l) => l.number)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.filter((l) => l.marked).map((l) => l.number)).toEqual(
      lines.map((l) => l.number).filter((n) => n % 5 === 0),
    );
    expect(lines[0]).toMatchObject({ number: 1, part: "title", text: "Nattåg till Kiruna året" });
    expect(lines[1]).toMatchObject({ part: "title", text: "runt" });
    const proposalLines = lines.filter((l) => l.part === "proposal");
    expect(proposalLines[0]?.text.startsWith("att ord0")).toBe(true);
    expect(proposalLines.at(-1)).toMatchObject({ proposal: 1, text: "att staten tar ansvar" });
    // Every line fits its block's length: 24 for the title, 34 for att-satser, 40 otherwise.
    for (const l of lines) {
      const max = l.part === "title" ? 24 : l.part === "proposal" ? 34 : 40;
      expect(Array.from(l.text).length, l.text).toBeLessThanOrEqual(max);
    }
    // No text lost or added: the words come back in order.
    const text = lines.map((l) => l.text).join(" ");
    expect(text).toBe(`${version.title} ${words(40)} Kort stycke. att ${words(20)} att staten tar ansvar`);
  });

  it("is the same for the same version and line length, and changes with the length", () => {
    expect(versionLines(version, 40)).toEqual(versionLines(structuredClone(version), 40));
    expect(versionLines(version, 80).length).toBeLessThan(versionLines(version, 40).length);
  });
});
