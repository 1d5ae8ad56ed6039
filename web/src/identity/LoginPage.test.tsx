import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { errorMessages } from "../../../worker/shared/errors";
import { type ApiFailure, apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import LoginPage from "./LoginPage";
import { nextStorageKey } from "./next";
import { currentPerson } from "./session";
import { bengt, freshStateForEachTest } from "./testing";

const neutral = "Om adressen finns registrerad är en inloggningslänk på väg. Den gäller i 15 minuter.";

freshStateForEachTest();

function open(address = "/login") {
  const history = createMemoryHistory();
  history.set({ value: address, replace: true });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/login" component={LoginPage} />
      <Route path="*" component={() => <h1>elsewhere</h1>} />
    </MemoryRouter>
  ));
  return history;
}

async function requestLink(address: string) {
  fireEvent.input(await screen.findByLabelText("Din e-postadress"), { target: { value: address } });
  fireEvent.click(screen.getByRole("button", { name: "Skicka inloggningslänk" }));
}

describe("LoginPage", () => {
  it("asks for the address in a labelled field and always answers with the neutral message", async () => {
    // Outside development mode: /api/dev answers 404.
    const api = fakeApi({ "POST /api/auth/login": () => ({ status: "sent_if_registered" }) });
    open("/login?next=/documents/scratch:demo");
    const result = screen.getByTestId("login-result");
    expect(result.getAttribute("role")).toBe("status");
    expect(result.textContent).toBe("");

    await requestLink("  bengt@samtal.example ");
    await vi.waitFor(() => expect(result.textContent).toContain(neutral));
    const requests = api.callsTo("POST /api/auth/login");
    expect(requests.map((call) => call.json)).toEqual([{ email: "bengt@samtal.example" }]);
    expect(requests[0]?.headers["accept-language"]).toBe("sv");
    expect(JSON.parse(localStorage.getItem(nextStorageKey) ?? "{}").path).toBe("/documents/scratch:demo");
    expect(screen.queryByTestId("demo-login")).toBeNull();

    setLocale("en");
    expect(result.textContent).toContain(
      "If the address is registered, a log-in link is on its way. It is valid for 15 minutes.",
    );
  });

  it("says what is wrong with the address before sending anything", async () => {
    const api = fakeApi();
    open();
    fireEvent.click(await screen.findByRole("button", { name: "Skicka inloggningslänk" }));
    expect(screen.getByRole("alert").textContent).toBe("Skriv din e-postadress.");
    const input = screen.getByLabelText("Din e-postadress");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("login-email-hint login-email-error");

    await requestLink("bengt.samtal.example");
    expect(screen.getByRole("alert").textContent).toMatch(/^Det ser inte ut som en e-postadress/);
    expect(api.callsTo("POST /api/auth/login")).toEqual([]);
  });

  it("explains too many attempts, and an address the server refuses, in plain language", async () => {
    let answer: ApiFailure = apiError(429, "too_many_attempts");
    fakeApi({ "POST /api/auth/login": () => answer });
    open();
    await requestLink("bengt@samtal.example");
    expect((await screen.findByTestId("login-error")).textContent).toBe(errorMessages.too_many_attempts.sv);
    expect(screen.getByTestId("login-result").textContent).toBe("");

    answer = apiError(400, "validation_failed");
    await requestLink("bengt@samtal");
    await vi.waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(/^Det ser inte ut som en e-postadress/),
    );
  });

  it("in development mode, logs in as a demo person in one click", async () => {
    const api = fakeApi({
      "GET /api/dev": () => ({ devMode: true, features: [] }),
      "GET /api/dev/people": () => [
        { id: "demo-bengt", name: "Bengt Olsson", summary: "Ordförande i Göteborg" },
      ],
      "POST /api/dev/login-as": () => bengt,
    });
    const history = open();
    expect((await screen.findByRole("heading", { level: 2 })).textContent).toBe("Logga in som");
    expect(screen.getByRole("link", { name: "Öppna utvecklingspostlådan" }).getAttribute("href")).toBe(
      "/dev/outbox",
    );
    fireEvent.click(screen.getByRole("button", { name: /Bengt Olsson/ }));
    await vi.waitFor(() => expect(history.get()).toBe("/me"));
    expect(api.callsTo("POST /api/dev/login-as").map((call) => call.json)).toEqual([
      { personId: "demo-bengt" },
    ]);
    expect(currentPerson()?.name).toBe("Bengt Olsson");
  });
});
