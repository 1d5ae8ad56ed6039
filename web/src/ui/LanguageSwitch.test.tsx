import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { locale, localeStorageKey, setLocale, t } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

beforeEach(() => {
  localStorage.clear();
  setLocale("sv");
});

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

describe("LanguageSwitch", () => {
  it("is a button named after the language it switches to", () => {
    render(() => <LanguageSwitch />);
    const button = screen.getByRole("button", { name: "English" });
    expect(button.tagName).toBe("BUTTON");
    expect(button.getAttribute("type")).toBe("button");
    expect(button.getAttribute("data-testid")).toBe("language-switch");
    expect(button.getAttribute("lang")).toBe("en");
  });

  it("toggles the language on each click and renames itself", () => {
    render(() => (
      <>
        <LanguageSwitch />
        <p data-testid="sample">{t("nav.home")}</p>
      </>
    ));
    const button = screen.getByTestId("language-switch");
    const sample = screen.getByTestId("sample");
    expect(sample.textContent).toBe("Hem");

    fireEvent.click(button);
    expect(locale()).toBe("en");
    expect(sample.textContent).toBe("Home");
    expect(button.textContent).toBe("Svenska");
    expect(button.getAttribute("lang")).toBe("sv");
    expect(screen.getByRole("button", { name: "Svenska" })).toBe(button);
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem(localeStorageKey)).toBe("en");

    fireEvent.click(button);
    expect(locale()).toBe("sv");
    expect(sample.textContent).toBe("Hem");
    expect(button.textContent).toBe("English");
    expect(document.documentElement.lang).toBe("sv");
    expect(localStorage.getItem(localeStorageKey)).toBe("sv");
  });
});
