import { MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { errorMessages } from "../../../worker/shared/errors";
import { ApiRequestError } from "../api/client";
import { setLocale } from "../i18n";
import { ErrorPage } from "./ErrorPage";

beforeEach(() => {
  localStorage.clear();
  setLocale("sv");
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
  vi.restoreAllMocks();
});

/** Renders inside a router, as the app does (the page resets itself when the address changes). */
function renderRouted(ui: () => JSX.Element) {
  return render(() => (
    <MemoryRouter>
      <Route path="*" component={ui} />
    </MemoryRouter>
  ));
}

describe("ErrorPage", () => {
  it("shows the API error code's message, a retry button and a way home", async () => {
    const reset = vi.fn();
    renderRouted(() => <ErrorPage error={new ApiRequestError("network", 0)} reset={reset} />);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Något gick fel");
    expect(screen.getByRole("alert").textContent).toBe(errorMessages.network.sv);
    expect(screen.getByRole("link", { name: "Till startsidan" }).getAttribute("href")).toBe("/");

    fireEvent.click(screen.getByRole("button", { name: "Försök igen" }));
    expect(reset).toHaveBeenCalledTimes(1);
  });

  it("never shows an unexpected error's own text, in either language", async () => {
    const error = new TypeError("secret internals at handler.ts:12");
    renderRouted(() => <ErrorPage error={error} reset={() => {}} />);
    await screen.findByRole("heading", { level: 1 });
    expect(screen.getByRole("alert").textContent).toBe(errorMessages.internal.sv);
    expect(document.body.textContent).not.toContain("secret internals");

    setLocale("en");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Something went wrong");
    expect(screen.getByRole("alert").textContent).toBe(errorMessages.internal.en);
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(document.body.textContent).not.toContain("secret internals");
  });
});
