import { MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { SessionInfo } from "../../../worker/shared/identity";
import { setLocale } from "../i18n";
import MePage from "./MePage";
import { currentPerson, loggedIn } from "./session";
import { bengt, errorResponse, fakeApi, freshStateForEachTest, jsonResponse } from "./testing";

const at = Date.UTC(2026, 2, 12, 13, 5);
const sessions: SessionInfo[] = [
  {
    id: "this-device-0123456",
    current: true,
    label: "Firefox · Linux",
    createdAt: at,
    lastSeenAt: at,
    expiresAt: at,
  },
  {
    id: "the-phone-012345678",
    current: false,
    label: "Safari · iOS",
    createdAt: at,
    lastSeenAt: at,
    expiresAt: at,
  },
];

freshStateForEachTest();

function open() {
  render(() => (
    <MemoryRouter>
      <Route path="*" component={MePage} />
    </MemoryRouter>
  ));
}

describe("MePage", () => {
  it("shows her name, groups with kinds and roles, and her devices; ends another device's session", async () => {
    let list = sessions;
    const calls = fakeApi((call) => {
      if (call.path === "/api/me/sessions") return jsonResponse(200, list);
      if (call.method === "DELETE" && call.path === "/api/me/sessions/the-phone-012345678") {
        list = sessions.slice(0, 1);
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    loggedIn(bengt);
    open();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Mina sidor");
    expect(screen.getByTestId("me-name").textContent).toBe("Bengt Olsson");
    const groups = within(screen.getByTestId("my-groups"));
    expect(groups.getByRole("link", { name: "Göteborg" }).getAttribute("href")).toBe(
      "/organisation/branch/goteborg",
    );
    expect(groups.getByText("Arbetarekommun")).toBeTruthy();
    const roles = groups.getByRole("list", { name: "Roller i Göteborg" });
    expect(
      within(roles)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Ordförande", "Medlem"]);

    const devices = within(await screen.findByTestId("my-sessions"));
    expect(devices.getByText("Den här enheten")).toBeTruthy();
    const end = devices.getByRole("button", { name: "Logga ut den här enheten" });
    expect(devices.getAllByRole("button")).toHaveLength(1);
    expect(end.getAttribute("aria-describedby")).toBe("session-the-phone-012345678");
    fireEvent.click(end);
    await vi.waitFor(() =>
      expect(screen.getByTestId("sessions-status").textContent).toBe("Safari · iOS är utloggad."),
    );
    expect(calls.some((c) => c.method === "DELETE")).toBe(true);
    expect(devices.queryByRole("button", { name: "Logga ut den här enheten" })).toBeNull();

    setLocale("en");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("My pages");
    expect(
      within(roles)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Chair", "Member"]);
    expect(groups.getByText("Municipal branch")).toBeTruthy();
  });

  it("logs out, and then says so with a way to log in again", async () => {
    const calls = fakeApi((call) => {
      if (call.path === "/api/me/sessions") return jsonResponse(200, sessions);
      if (call.path === "/api/auth/logout") return new Response(null, { status: 204 });
      return undefined;
    });
    loggedIn(bengt);
    open();
    fireEvent.click(screen.getByRole("button", { name: "Logga ut" }));
    expect((await screen.findByTestId("logged-out")).textContent).toBe("Du är utloggad.");
    expect(currentPerson()).toBeNull();
    expect(calls.find((c) => c.path === "/api/auth/logout")?.method).toBe("POST");
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toBe("/login");
  });

  it("asks someone who is not logged in to log in", async () => {
    fakeApi((call) => (call.path === "/api/me" ? errorResponse(401, "not_logged_in") : undefined));
    open();
    expect((await screen.findByTestId("not-logged-in")).textContent).toMatch(/^Du är inte inloggad/);
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toBe("/login");
  });
});
