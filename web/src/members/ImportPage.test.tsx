import { MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../../worker/shared/identity";
import type { ImportProgress, MemberImport } from "../../../worker/shared/members";
import { setLocale } from "../i18n";
import { loggedIn, loggedOut } from "../identity/session";
import { bengt, errorResponse, fakeApi, freshStateForEachTest, jsonResponse } from "../identity/testing";
import ImportPage from "./ImportPage";

const cecilia: Me = {
  kind: "member",
  id: "demo-cecilia",
  name: "Cecilia Ahmadi",
  email: "cecilia@samtal.example",
  groups: [
    {
      group: { kind: "branch", slug: "goteborg", name: "Göteborg" },
      roles: ["board_member", "welcome_officer", "member"],
      can: ["members.import"],
    },
  ],
};

const staged: MemberImport = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  group: { kind: "branch", slug: "goteborg", name: "Göteborg" },
  status: "staged",
  createdAt: 0,
  expiresAt: 0,
  encoding: "windows-1252",
  delimiter: ";",
  totalRows: 3,
  appliedRows: 0,
  refusedRows: 1,
  refused: [{ row: 3, reason: "branch_out_of_scope" }],
  ignoredColumns: ["Telefon"],
};

freshStateForEachTest();

function open() {
  render(() => (
    <MemoryRouter>
      <Route path="*" component={ImportPage} />
    </MemoryRouter>
  ));
}

function chooseFile(label = "CSV-fil") {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  const file = new File(["namn;e-post;arbetarekommun\n"], "medlemmar.csv", { type: "text/csv" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fireEvent.change(input);
}

describe("ImportPage", () => {
  it("uploads for her branch, lists the refused row in words, applies with progress and sums up", async () => {
    const steps: ImportProgress[] = [
      { applied: 1, refused: 1, total: 3, done: false },
      { applied: 2, refused: 1, total: 3, done: true },
    ];
    const calls = fakeApi((call) => {
      if (call.path === "/api/me") return jsonResponse(200, cecilia);
      if (call.method === "POST" && call.path === "/api/members/imports?group=branch%3Agoteborg")
        return jsonResponse(201, staged);
      if (call.method === "POST" && call.path === `/api/members/imports/${staged.id}/apply`)
        return jsonResponse(200, steps.shift());
      return undefined;
    });
    loggedIn(cecilia);
    open();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Importera medlemmar");
    const group = screen.getByLabelText("Importera för") as HTMLSelectElement;
    expect(Array.from(group.options, (o) => o.textContent)).toEqual(["Göteborg (Arbetarekommun)"]);

    // Without a file: said next to the field, nothing sent.
    fireEvent.click(screen.getByRole("button", { name: "Ladda upp och granska" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Välj en CSV-fil.");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);

    chooseFile();
    fireEvent.click(screen.getByRole("button", { name: "Ladda upp och granska" }));
    const review = await screen.findByRole("heading", { name: "Granska importen" });
    expect(calls.find((c) => c.method === "POST")?.headers["Content-Type"]).toBe("text/csv");
    expect(
      within(screen.getByTestId("import-counts"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["3 rader i filen", "2 kan importeras", "1 nekades"]);
    expect(screen.getByText("Teckenkodning Windows-1252, avgränsare semikolon.")).toBeTruthy();
    expect(screen.getByText("De här kolumnerna lästes inte: Telefon.")).toBeTruthy();
    const refused = within(screen.getByTestId("refused-rows"));
    expect(refused.getByRole("rowheader").textContent).toBe("3");
    expect(refused.getByRole("cell").textContent).toBe(
      "Arbetarekommunen ligger utanför det du importerar för.",
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(review));

    fireEvent.click(screen.getByRole("button", { name: "Importera 2 medlemmar" }));
    const summary = await screen.findByTestId("import-summary");
    expect(summary.textContent).toContain("2 medlemmar importerades.");
    expect(summary.textContent).toContain("1 rad nekades och importerades inte.");
    expect(calls.filter((c) => c.path.endsWith("/apply"))).toHaveLength(2);

    fireEvent.click(screen.getByRole("button", { name: "Importera en fil till" }));
    expect(await screen.findByLabelText("CSV-fil")).toBeTruthy();
  });

  it("shows the progress bar and lets her continue after a failed step", async () => {
    let fail = true;
    fakeApi((call) => {
      if (call.path === "/api/me") return jsonResponse(200, cecilia);
      if (call.method === "POST" && call.path.startsWith("/api/members/imports?"))
        return jsonResponse(201, staged);
      if (call.path.endsWith("/apply")) {
        if (fail) {
          fail = false;
          return jsonResponse(200, { applied: 1, refused: 1, total: 3, done: false });
        }
        return errorResponse(503, "service_unavailable");
      }
      return undefined;
    });
    loggedIn(cecilia);
    open();
    chooseFile();
    fireEvent.click(screen.getByRole("button", { name: "Ladda upp och granska" }));
    fireEvent.click(await screen.findByRole("button", { name: "Importera 2 medlemmar" }));
    expect((await screen.findByTestId("import-error")).textContent).toBe(
      "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.",
    );
    const bar = screen.getByLabelText("Importerar medlemmar") as HTMLProgressElement;
    expect(bar.tagName).toBe("PROGRESS");
    expect(bar.getAttribute("value")).toBe("1");
    expect(bar.getAttribute("max")).toBe("2");
    expect(screen.getByTestId("import-progress").textContent).toBe("1 av 2 importerade.");
    expect(screen.getByRole("button", { name: "Fortsätt importen" })).toBeTruthy();
  });

  it("shows a file-level error in her language", async () => {
    fakeApi((call) => {
      if (call.path === "/api/me") return jsonResponse(200, cecilia);
      return call.method === "POST" ? errorResponse(400, "import_no_header") : undefined;
    });
    setLocale("en");
    loggedIn(cecilia);
    open();
    chooseFile("CSV file");
    fireEvent.click(screen.getByRole("button", { name: "Upload and review" }));
    expect((await screen.findByTestId("import-error")).textContent).toMatch(/^The file has no header row/);
  });

  it("tells someone without the right, and someone not logged in", async () => {
    fakeApi((call) => (call.path === "/api/me" ? jsonResponse(200, bengt) : undefined));
    loggedIn(bengt);
    open();
    expect(screen.getByTestId("import-not-allowed").textContent).toMatch(/^Bara medlemsansvariga/);
    cleanup();
    loggedOut();
    open();
    expect(screen.getByTestId("import-not-logged-in")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toBe(
      "/login?next=%2Fmembers%2Fimport",
    );
  });
});
