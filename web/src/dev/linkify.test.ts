import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("finds the log-in link in a mail's text, and leaves the rest as text", () => {
    const link = "http://127.0.0.1:8791/login/verify#token=AbC_-0123456789abcdefghijklmnopqrstuvwxyzABCD";
    expect(linkify(`Hej Bengt!\n\nKlicka:\n${link}\n\nHälsningar`)).toEqual([
      { kind: "text", text: "Hej Bengt!\n\nKlicka:\n" },
      { kind: "link", text: link, href: link },
      { kind: "text", text: "\n\nHälsningar" },
    ]);
  });

  it("leaves sentence punctuation outside the link", () => {
    expect(linkify("See https://samtal.example/a. Or (https://samtal.example/b).")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://samtal.example/a", href: "https://samtal.example/a" },
      { kind: "text", text: ". Or (" },
      { kind: "link", text: "https://samtal.example/b", href: "https://samtal.example/b" },
      { kind: "text", text: ")." },
    ]);
  });

  it("never makes a link of another scheme or of markup", () => {
    const text = 'javascript:alert(1) <a href="x">y</a> data:text/html,hi';
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
    expect(linkify("")).toEqual([]);
  });
});
