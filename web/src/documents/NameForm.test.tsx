import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../i18n";
import { NameForm } from "./NameForm";
import { caretColours, colourFor, displayNameStorageKey, readDisplayName, storeDisplayName } from "./user";

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

describe("NameForm", () => {
  it("asks for a name in a labelled field and hands it over trimmed", () => {
    const submit = vi.fn();
    render(() => <NameForm initial="" onSubmit={submit} />);
    const input = screen.getByLabelText("Ditt namn") as HTMLInputElement;
    expect(input.getAttribute("aria-describedby")).toBe("display-name-hint");
    fireEvent.input(input, { target: { value: "  Anna Andersson " } });
    fireEvent.click(screen.getByRole("button", { name: "Gå med" }));
    expect(submit).toHaveBeenCalledWith("Anna Andersson");
  });

  it("says what is missing instead of joining without a name", () => {
    const submit = vi.fn();
    render(() => <NameForm initial="" onSubmit={submit} />);
    fireEvent.click(screen.getByRole("button", { name: "Gå med" }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("Skriv ditt namn för att gå med.");
    expect(screen.getByLabelText("Ditt namn").getAttribute("aria-invalid")).toBe("true");
  });

  it("starts from the remembered name, and speaks English too", () => {
    setLocale("en");
    render(() => <NameForm initial="Bo" onSubmit={() => {}} />);
    expect((screen.getByLabelText("Your name") as HTMLInputElement).value).toBe("Bo");
    expect(screen.getByRole("button", { name: "Join" })).toBeTruthy();
  });
});

describe("display name and caret colour", () => {
  it("remembers the name in this browser", () => {
    expect(readDisplayName()).toBe("");
    storeDisplayName("Anna");
    expect(localStorage.getItem(displayNameStorageKey)).toBe("Anna");
    expect(readDisplayName()).toBe("Anna");
  });

  it("gives a name the same 6-digit hex colour every time", () => {
    for (const name of ["Anna", "Bo Ek", "Åsa Öberg", ""]) {
      expect(colourFor(name)).toMatch(/^#[0-9a-f]{6}$/);
      expect(caretColours).toContain(colourFor(name));
      expect(colourFor(name)).toBe(colourFor(name));
    }
    expect(new Set(["Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik"].map(colourFor)).size).toBeGreaterThan(
      2,
    );
  });
});
