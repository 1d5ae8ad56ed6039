import { MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { AuditEntryView } from "../../../worker/shared/identity";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { freshStateForEachTest } from "../identity/testing";
import AuditPage, { auditPageSize } from "./AuditPage";

const at = Date.UTC(2026, 2, 12, 13, 5);
const entry = (id: number, more: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id,
  at,
  action: "invite.created",
  actorId: "demo-david",
  actorName: "David Nilsson",
  subjectType: "invite",
  subjectId: `invite-${id}`,
  details: {},
  ...more,
});

freshStateForEachTest();

function open() {
  render(() => (
    <MemoryRouter>
      <Route path="*" component={AuditPage} />
    </MemoryRouter>
  ));
}

const rows = () =>
  screen.getAllByTestId("audit-entry").map((row) =>
    within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent),
  );

describe("AuditPage", () => {
  it("shows who did what to what, an erased person as a former member, in both languages", async () => {
    fakeApi({
      "GET /api/audit": () => [
        entry(3, {
          action: "person.erased",
          actorId: "demo-greta",
          actorName: null,
          subjectType: "person",
          subjectId: "demo-greta",
        }),
        entry(2, { details: { days: 7, batch: 2 } }),
        entry(1, { action: "something.new", actorId: null, actorName: null }),
      ],
    });
    open();
    const table = await screen.findByTestId("audit-table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Tid", "Vem", "Vad", "Gäller"]);
    expect(rows().map((cells) => cells.slice(1))).toEqual([
      ["Tidigare medlem", "Raderade personuppgifter", "Person demo-greta"],
      ["David Nilsson", "Skapade en gästinbjudan giltig i 7 dagar, batch: 2", "Gästinbjudan invite-2"],
      ["Systemet", "something.new", "Gästinbjudan invite-1"],
    ]);
    expect(screen.getByTestId("audit-count").textContent).toBe("Visar 3 händelser. Det finns inga äldre.");
    expect(screen.queryByRole("button", { name: "Visa fler" })).toBeNull();

    setLocale("en");
    expect(rows()[0]?.slice(1)).toEqual(["Former member", "Erased personal data", "Person demo-greta"]);
  });

  it("pages back with before, until the log ends", async () => {
    const first = Array.from({ length: auditPageSize }, (_, i) => entry(100 - i));
    const api = fakeApi({ "GET /api/audit": ({ query }) => (query.before === "51" ? [entry(50)] : first) });
    open();
    fireEvent.click(await screen.findByRole("button", { name: "Visa fler" }));
    await vi.waitFor(() => expect(screen.getAllByTestId("audit-entry")).toHaveLength(auditPageSize + 1));
    expect(api.callsTo("GET /api/audit").map((call) => call.query)).toEqual([
      { limit: String(auditPageSize) },
      { before: "51", limit: String(auditPageSize) },
    ]);
    expect(screen.queryByRole("button", { name: "Visa fler" })).toBeNull();
    // The button is gone: her place is kept on the count.
    expect(document.activeElement).toBe(screen.getByTestId("audit-count"));
  });

  it("tells anyone but a national administrator that the log is not for them", async () => {
    fakeApi({ "GET /api/audit": () => apiError(403, "forbidden") });
    open();
    expect((await screen.findByTestId("audit-denied")).textContent).toBe(
      "Den administrativa loggen är bara för partiets nationella administratörer.",
    );
    expect(screen.queryByTestId("audit-table")).toBeNull();
  });

  it("asks someone who is not logged in to log in", async () => {
    fakeApi({ "GET /api/audit": () => apiError(401, "not_logged_in") });
    open();
    expect((await screen.findByTestId("audit-denied")).textContent).toBe(
      "Logga in som nationell administratör för att se loggen.",
    );
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toMatch(/^\/login/);
  });
});
