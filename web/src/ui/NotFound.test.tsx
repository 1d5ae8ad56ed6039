import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import NotFoundPage, { NotFound } from "./NotFound";

beforeEach(() => {
  localStorage.clear();
  setLocale("sv");
});

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

function links() {
  return screen.getAllByRole("link").map((a) => ({ text: a.textContent, href: a.getAttribute("href") }));
}

describe("NotFound", () => {
  it("says so in Swedish, with links home and to the organisation", () => {
    render(() => <NotFoundPage />);
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.textContent).toBe("Sidan finns inte");
    expect(screen.getByText(/Vi hittar ingen sida på den här adressen/)).toBeTruthy();
    expect(links()).toEqual([
      { text: "Till startsidan", href: "/" },
      { text: "Till organisationen", href: "/organisation" },
    ]);
    expect(document.title).toBe("Sidan finns inte – samtal");
  });

  it("says so in English", () => {
    setLocale("en");
    render(() => <NotFoundPage />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Page not found");
    expect(screen.getByText(/There is no page at this address/)).toBeTruthy();
    expect(links()).toEqual([
      { text: "Go to the home page", href: "/" },
      { text: "Go to the organisation page", href: "/organisation" },
    ]);
    expect(document.title).toBe("Page not found – samtal");
  });

  it("follows a language switch while shown", () => {
    render(() => <NotFoundPage />);
    setLocale("en");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Page not found");
    expect(links().map((l) => l.text)).toEqual(["Go to the home page", "Go to the organisation page"]);
  });

  it("explains a missing group differently", () => {
    render(() => <NotFound reason="group" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sidan finns inte");
    expect(screen.getByText(/Vi hittar ingen sådan del av organisationen/)).toBeTruthy();
    expect(screen.queryByText(/Vi hittar ingen sida på den här adressen/)).toBeNull();
  });
});
