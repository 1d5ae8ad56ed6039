import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { textExtensions } from "./extensions";

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const withText = (content: string) => {
  editor = new Editor({ extensions: textExtensions, content });
  return editor;
};

describe("the link mark", () => {
  it("keeps a link to the web or to mail, stored as TipTap's Link stores it", () => {
    const e = withText(
      '<p><a href="https://www.s.se/">Läs</a> <a href="mailto:ida@example.se">skriv</a></p>',
    );
    expect(e.getJSON().content?.[0]?.content?.[0]?.marks).toEqual([
      {
        type: "link",
        attrs: {
          href: "https://www.s.se/",
          target: "_blank",
          rel: "noopener noreferrer nofollow",
          class: null,
          title: null,
        },
      },
    ]);
    expect(e.getHTML()).toBe(
      '<p><a href="https://www.s.se/" target="_blank" rel="noopener noreferrer nofollow">Läs</a> ' +
        '<a href="mailto:ida@example.se" target="_blank" rel="noopener noreferrer nofollow">skriv</a></p>',
    );
  });

  it("reads no unsafe address from HTML, sets none, and shows one already stored without it", () => {
    expect(withText('<p><a href="javascript:alert(1)">klicka</a></p>').getHTML()).toBe("<p>klicka</p>");
    editor?.destroy();

    const e = withText("<p>klicka</p>");
    e.commands.selectAll();
    expect(e.commands.setLink({ href: "javascript:alert(1)" })).toBe(false);
    expect(e.commands.setLink({ href: "data:text/html,<script>alert(1)</script>" })).toBe(false);
    expect(e.getHTML()).toBe("<p>klicka</p>");

    // As a co-author's older editor, or a crafted update, could have written it into the Y.Doc.
    e.commands.setContent({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "klicka",
              marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
            },
          ],
        },
      ],
    });
    expect(e.getHTML()).toBe('<p><a target="_blank" rel="noopener noreferrer nofollow">klicka</a></p>');
  });
});
