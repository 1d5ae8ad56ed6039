import { MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../../worker/shared/identity";
import type { ImportProgress, MemberImport } from "../../../worker/shared/members";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { loggedIn, loggedOut } from "../identity/session";
import { bengt, freshStateForEachTest } from "../identity/testing";
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
    const api = fakeApi({
      "GET /api/me": () => cecilia,
      "POST /api/members/imports": () => staged,
      "POST /api/members/imports/:id/apply": () => steps.shift() ?? apiError(500, "internal"),
    });
    loggedIn(cecilia);
    open();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Importera medlemmar");
    const group = screen.getByLabelText("Importera för");
    expect(Array.from(group.querySelectorAll("option"), (o) => o.textContent)).toEqual([
      "Göteborg (Arbetarekommun)",
    ]);

    // Without a file: said next to the field, nothing sent.
    fireEvent.click(screen.getByRole("button", { name: "Ladda upp och granska" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Välj en CSV-fil.");
    expect(api.callsTo("POST /api/members/imports")).toEqual([]);

    chooseFile();
    fireEvent.click(screen.getByRole("button", { name: "Ladda upp och granska" }));
    const review = await screen.findByRole("heading", { name: "Granska importen" });
    const [upload] = api.callsTo("POST /api/members/imports");
    expect(upload?.query).toEqual({ group: "branch:goteborg" });
    expect(upload?.headers["content-type"]).toBe("text/csv");
    expect(upload?.body).toBe("namn;e-post;arbetarekommun\n");
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
    expect(api.callsTo("POST /api/members/imports/:id/apply").map((call) => call.param.id)).toEqual([
      staged.id,
      staged.id,
    ]);

    fireEvent.click(screen.getByRole("button", { name: "Importera en fil till" }));
    expect(await screen.findByLabelText("CSV-fil")).toBeTruthy();
  });

  it("shows the progress bar and lets her continue after a failed step", async () => {
    let fail = true;
    fakeApi({
      "GET /api/me": () => cecilia,
      "POST /api/members/imports": () => staged,
      "POST /api/members/imports/:id/apply": () => {
        if (fail) {
          fail = false;
          return { applied: 1, refused: 1, total: 3, done: false };
        }
        return apiError(503, "service_unavailable");
      },
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
    fakeApi({
      "GET /api/me": () => cecilia,
      "POST /api/members/imports": () => apiError(400, "import_no_header"),
    });
    setLocale("en");
    loggedIn(cecilia);
    open();
    chooseFile("CSV file");
    fireEvent.click(screen.getByRole("button", { name: "Upload and review" }));
    expect((await screen.findByTestId("import-error")).textContent).toMatch(/^The file has no header row/);
  });

  it("tells someone without the right, and someone not logged in", async () => {
    fakeApi({ "GET /api/me": () => bengt });
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
