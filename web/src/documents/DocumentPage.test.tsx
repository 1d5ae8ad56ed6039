import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { apiError, fakeApi } from "../api/testing";
import { currentPerson } from "../identity/session";
import { bengt, freshStateForEachTest } from "../identity/testing";
import DocumentPage from "./DocumentPage";

freshStateForEachTest();

function open(documentId: string) {
  const history = createMemoryHistory();
  history.set({ value: `/documents/${documentId}`, replace: true });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/documents/:documentId" component={DocumentPage} />
    </MemoryRouter>
  ));
}

const loginLink = () => screen.getByRole("link", { name: "Logga in" }).getAttribute("href");

describe("DocumentPage", () => {
  it("asks someone who is not logged in to log in and come back, and asks for no token", async () => {
    const api = fakeApi({ "GET /api/me": () => apiError(401, "not_logged_in") });
    open("scratch:demo");
    await vi.waitFor(() => screen.getByTestId("document-login"));
    expect(screen.getByTestId("document-login").textContent).toMatch(/Logga in för att läsa och skriva/);
    expect(loginLink()).toBe("/login?next=%2Fdocuments%2Fscratch%3Ademo");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(api.callsTo("POST /api/rooms/:documentId/token")).toEqual([]);
  });

  it("joins a member under her session's name, asking none, and asks her to log in when it has ended", async () => {
    let loggedIn = true;
    let endSession = () => {};
    const ended = new Promise<void>((resolve) => {
      endSession = () => {
        loggedIn = false;
        resolve();
      };
    });
    const api = fakeApi({
      "GET /api/me": () => (loggedIn ? bengt : apiError(401, "not_logged_in")),
      // Her session ends (elsewhere) before the token is given.
      "POST /api/rooms/:documentId/token": () => ended.then(() => apiError(401, "not_logged_in")),
    });
    open("scratch:demo");
    await vi.waitFor(() => screen.getByTestId("document-you"));
    expect(screen.getByTestId("document-you").textContent).toBe("Andra ser dig som Bengt Olsson.");
    expect(screen.queryByRole("textbox", { name: /namn/i })).toBeNull();
    expect(screen.queryByRole("button", { name: /namn/i })).toBeNull();

    endSession();
    await vi.waitFor(() => expect(currentPerson()).toBeNull());
    expect(loginLink()).toBe("/login?next=%2Fdocuments%2Fscratch%3Ademo");
    // One token request, from her session: none from anywhere else, and no second try.
    expect(api.requests.filter((request) => !request.startsWith("GET "))).toEqual([
      "POST /api/rooms/scratch%3Ademo/token",
    ]);
    expect(api.callsTo("GET /api/me")).toHaveLength(2);
  });
});
