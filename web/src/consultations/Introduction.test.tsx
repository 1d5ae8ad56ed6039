import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { Introduction } from "./Introduction";

describe("Introduction", () => {
  it("shows paragraphs, lists, emphasis and links written as Markdown", () => {
    render(() => (
      <Introduction
        markdown={
          "## Bakgrund\n\nVi vill **höra** er, *alla*.\nLäs [programmet](https://example.org/p).\n\n- skola\n- vård\n\n1. först\n2. sedan"
        }
      />
    ));
    expect(screen.getByRole("heading", { name: "Bakgrund" }).tagName).toBe("H3");
    expect(screen.getByText("höra").tagName).toBe("STRONG");
    expect(screen.getByText("alla").tagName).toBe("EM");
    expect(screen.getByRole("link", { name: "programmet" }).getAttribute("href")).toBe(
      "https://example.org/p",
    );
    const lists = screen.getAllByRole("list");
    expect(lists.map((l) => l.tagName)).toEqual(["UL", "OL"]);
    expect(lists[0]?.textContent).toBe("skolavård");
  });

  it("shows markup as text and links only to web and mail addresses", () => {
    const { container } = render(() => (
      <Introduction markdown={'<img src=x onerror="alert(1)"> [klicka](javascript:alert(1))'} />
    ));
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });
});
