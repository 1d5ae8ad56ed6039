import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import { freshStateForEachTest } from "../identity/testing";
import { textExtensions } from "./extensions";
import { FormatToolbar, linkAddress } from "./FormatToolbar";

freshStateForEachTest();

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

/** A real editor with the app's schema, its text selected from `from` to `to` (ProseMirror positions). */
function withToolbar(content: string, from: number, to = from) {
  const host = document.createElement("div");
  document.body.appendChild(host);
  editor = new Editor({ element: host, extensions: textExtensions, content });
  editor.commands.setTextSelection({ from, to });
  const current = editor;
  render(() => <FormatToolbar editor={current} label="Motivering" />);
  return current;
}

const toolbar = () => screen.getByRole("toolbar", { name: "Textformat: Motivering" });
const button = (name: string) => within(toolbar()).getByRole("button", { name });
const pressed = (name: string) => button(name).getAttribute("aria-pressed");

describe("FormatToolbar", () => {
  it("formats the selection with each button and says which formats are on", async () => {
    const e = withToolbar("<p>Fler bänkar längs älven</p>", 1, 5);
    expect(pressed("Fetstil")).toBe("false");

    fireEvent.click(button("Fetstil"));
    expect(e.getHTML()).toBe("<p><strong>Fler</strong> bänkar längs älven</p>");
    expect(pressed("Fetstil")).toBe("true");
    fireEvent.click(button("Kursiv"));
    expect(e.getHTML()).toBe("<p><strong><em>Fler</em></strong> bänkar längs älven</p>");
    expect(pressed("Kursiv")).toBe("true");
    fireEvent.click(button("Fetstil"));
    expect(e.getHTML()).toBe("<p><em>Fler</em> bänkar längs älven</p>");
    expect(pressed("Fetstil")).toBe("false");

    fireEvent.click(button("Rubrik"));
    expect(e.getHTML()).toBe("<h2><em>Fler</em> bänkar längs älven</h2>");
    expect(pressed("Rubrik")).toBe("true");
    fireEvent.click(button("Rubrik"));
    fireEvent.click(button("Punktlista"));
    expect(e.getHTML()).toBe("<ul><li><p><em>Fler</em> bänkar längs älven</p></li></ul>");
    expect(pressed("Punktlista")).toBe("true");
    fireEvent.click(button("Numrerad lista"));
    expect(e.getHTML()).toBe("<ol><li><p><em>Fler</em> bänkar längs älven</p></li></ol>");
    expect([pressed("Numrerad lista"), pressed("Punktlista")]).toEqual(["true", "false"]);
  });

  it("is one stop for Tab: the arrow keys, Home and End move between its buttons", () => {
    withToolbar("<p>Text</p>", 1);
    const all = within(toolbar()).getAllByRole("button");
    expect(all.map((b) => b.textContent)).toEqual([
      "Rubrik",
      "Fetstil",
      "Kursiv",
      "Punktlista",
      "Numrerad lista",
      "Länk",
    ]);
    expect(all.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    all[0]?.focus();
    fireEvent.keyDown(all[0] as HTMLElement, { key: "ArrowRight" });
    expect(document.activeElement).toBe(all[1]);
    expect(all.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1]);
    fireEvent.keyDown(all[1] as HTMLElement, { key: "End" });
    expect(document.activeElement).toBe(all[5]);
    fireEvent.keyDown(all[5] as HTMLElement, { key: "ArrowRight" });
    expect(document.activeElement).toBe(all[0]);
    fireEvent.keyDown(all[0] as HTMLElement, { key: "ArrowLeft" });
    expect(document.activeElement).toBe(all[5]);
  });

  it("links the selection to an address typed in its form, refuses what is no address, and removes a link", async () => {
    const e = withToolbar("<p>Läs mer här</p>", 9, 12);
    fireEvent.click(button("Länk"));
    expect(button("Länk").getAttribute("aria-expanded")).toBe("true");
    const form = screen.getByRole("form", { name: "Länk i texten" });
    const input = within(form).getByLabelText(/^Länkens adress/);

    fireEvent.input(input, { target: { value: "javascript:alert(1)" } });
    fireEvent.click(within(form).getByRole("button", { name: "Spara länken" }));
    expect(within(form).getByRole("alert").textContent).toBe(
      "Skriv en webbadress (som www.exempel.se) eller en e-postadress.",
    );
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(e.getHTML()).not.toContain("<a");

    fireEvent.input(input, { target: { value: "www.socialdemokraterna.se" } });
    fireEvent.click(within(form).getByRole("button", { name: "Spara länken" }));
    expect(screen.queryByRole("form")).toBeNull();
    expect(e.getHTML()).toMatch(
      /^<p>Läs mer <a [^>]*href="https:\/\/www\.socialdemokraterna\.se\/"[^>]*>här<\/a><\/p>$/,
    );
    expect(pressed("Länk")).toBe("true");

    fireEvent.click(button("Länk"));
    const again = screen.getByRole("form", { name: "Länk i texten" });
    expect((within(again).getByLabelText(/^Länkens adress/) as HTMLInputElement).value).toBe(
      "https://www.socialdemokraterna.se/",
    );
    fireEvent.click(within(again).getByRole("button", { name: "Ta bort länken" }));
    expect(e.getHTML()).toBe("<p>Läs mer här</p>");
    expect(pressed("Länk")).toBe("false");
  });

  it("closes the link form with Escape, back on the link button", () => {
    withToolbar("<p>Text</p>", 1, 5);
    fireEvent.click(button("Länk"));
    fireEvent.keyDown(screen.getByLabelText(/^Länkens adress/), { key: "Escape" });
    expect(screen.queryByRole("form")).toBeNull();
    expect(document.activeElement).toBe(button("Länk"));
    expect(button("Länk").getAttribute("aria-expanded")).toBe("false");
  });

  it("speaks English too", () => {
    setLocale("en");
    withToolbar("<p>Text</p>", 1);
    const english = screen.getByRole("toolbar", { name: "Text format: Motivering" });
    expect(
      within(english)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Heading", "Bold", "Italic", "Bulleted list", "Numbered list", "Link"]);
  });
});

describe("linkAddress", () => {
  it("takes web and e-mail addresses, adding what was left out, and nothing else", () => {
    expect(linkAddress(" www.s.se/motioner ")).toBe("https://www.s.se/motioner");
    expect(linkAddress("http://example.com")).toBe("http://example.com/");
    expect(linkAddress("ida@example.se")).toBe("mailto:ida@example.se");
    expect(linkAddress("mailto:ida@example.se")).toBe("mailto:ida@example.se");
    for (const bad of ["", "javascript:alert(1)", "data:text/html,x", "två ord", "bänkar", "ftp://x.se"]) {
      expect(linkAddress(bad)).toBeNull();
    }
  });
});
