import { MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { SessionInfo } from "../../../worker/shared/identity";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import MePage from "./MePage";
import { currentPerson, loggedIn } from "./session";
import { bengt, freshStateForEachTest } from "./testing";

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
    const api = fakeApi({
      "GET /api/me/sessions": () => list,
      "DELETE /api/me/sessions/:id": ({ param }) => {
        list = list.filter((session) => session.id !== param.id);
      },
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
    expect(devices.getAllByRole("listitem")).toHaveLength(2);
    expect(devices.getByText("Safari · iOS")).toBeTruthy();
    expect(devices.getByText("Den här enheten")).toBeTruthy();
    const end = devices.getByRole("button", { name: "Logga ut den här enheten" });
    expect(devices.getAllByRole("button")).toHaveLength(1);
    expect(end.getAttribute("aria-describedby")).toBe("session-the-phone-012345678");
    fireEvent.click(end);
    await vi.waitFor(() =>
      expect(screen.getByTestId("sessions-status").textContent).toBe("Safari · iOS är utloggad."),
    );
    // That device's session, and only it, was ended; the list was asked again and shows the rest.
    expect(api.callsTo("DELETE /api/me/sessions/:id").map((call) => call.param.id)).toEqual([
      "the-phone-012345678",
    ]);
    await vi.waitFor(() => expect(devices.getAllByRole("listitem")).toHaveLength(1));
    expect(devices.queryByText("Safari · iOS")).toBeNull();
    expect(devices.getByText("Firefox · Linux")).toBeTruthy();
    expect(api.callsTo("GET /api/me/sessions")).toHaveLength(2);
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
    const api = fakeApi({
      "GET /api/me/sessions": () => sessions,
      "POST /api/auth/logout": () => undefined,
    });
    loggedIn(bengt);
    open();
    fireEvent.click(screen.getByRole("button", { name: "Logga ut" }));
    expect((await screen.findByTestId("logged-out")).textContent).toBe("Du är utloggad.");
    expect(currentPerson()).toBeNull();
    expect(api.callsTo("POST /api/auth/logout")).toHaveLength(1);
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toBe("/login");
  });

  it("asks someone who is not logged in to log in", async () => {
    fakeApi({ "GET /api/me": () => apiError(401, "not_logged_in") });
    open();
    expect((await screen.findByTestId("not-logged-in")).textContent).toMatch(/^Du är inte inloggad/);
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toBe("/login");
  });
});
