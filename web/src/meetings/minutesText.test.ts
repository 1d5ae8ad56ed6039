import { describe, expect, it } from "vitest";
import { minutesBlocks } from "./minutesText";

describe("minutesBlocks", () => {
  it("reads the title, item headings, points and paragraphs, with escapes undone and nothing else interpreted", () => {
    expect(
      minutesBlocks(
        "# Årsmöte 2026\n\n## § 1 Mötets öppnande\n\n- Närvarande: 12\n\nBeslut: bifall \\*enhälligt\\* <b>\n",
      ),
    ).toEqual([
      { kind: "title", text: "Årsmöte 2026" },
      { kind: "heading", text: "§ 1 Mötets öppnande" },
      { kind: "item", text: "Närvarande: 12" },
      { kind: "paragraph", text: "Beslut: bifall *enhälligt* <b>" },
    ]);
  });
});
