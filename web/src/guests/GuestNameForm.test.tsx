import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../i18n";
import { GuestNameForm } from "./GuestNameForm";

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

describe("GuestNameForm", () => {
  it("asks for a name in a labelled field and hands it over trimmed", () => {
    const submit = vi.fn();
    render(() => <GuestNameForm onSubmit={submit} />);
    const input = screen.getByLabelText("Vad vill du kallas?") as HTMLInputElement;
    expect(input.getAttribute("aria-describedby")).toBe("guest-name-hint");
    expect(input.maxLength).toBe(80);
    fireEvent.input(input, { target: { value: "  Sara Sympatisör " } });
    fireEvent.click(screen.getByRole("button", { name: "Gå med som gäst" }));
    expect(submit).toHaveBeenCalledWith("Sara Sympatisör");
  });

  it("says what is missing instead of joining without a name", () => {
    const submit = vi.fn();
    render(() => <GuestNameForm onSubmit={submit} />);
    fireEvent.click(screen.getByRole("button", { name: "Gå med som gäst" }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("Skriv vad du vill kallas.");
    expect(screen.getByLabelText("Vad vill du kallas?").getAttribute("aria-invalid")).toBe("true");
  });

  it("says it is busy while the name is sent, and speaks English too", () => {
    setLocale("en");
    render(() => <GuestNameForm busy onSubmit={() => {}} />);
    expect(screen.getByLabelText("What would you like to be called?")).toBeTruthy();
    const button = screen.getByRole("button");
    expect([button.textContent, button.getAttribute("aria-busy")]).toEqual(["Joining…", "true"]);
  });
});
