import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { MotionAmendment } from "../../../worker/shared/motions";
import { apiError, fakeApi } from "../api/testing";
import { freshStateForEachTest } from "../identity/testing";
import MotionPage from "./MotionPage";
import { motionView, version } from "./testing";

freshStateForEachTest();

function open() {
  const history = createMemoryHistory();
  history.set({ value: "/motions/7", replace: true });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/motions/:id" component={MotionPage} />
    </MemoryRouter>
  ));
}

function amendment(overrides: Partial<MotionAmendment> = {}): MotionAmendment {
  return {
    id: 1,
    version: 1,
    firstLine: 2,
    lastLine: 3,
    part: "motivation",
    block: 0,
    oldText: "Rad två Rad tre",
    text: "Rad två ny",
    reason: "",
    state: "open",
    author: { id: "demo-karin", name: "Karin Holm" },
    createdAt: 0,
    decidedAt: null,
    resultVersion: null,
    conflictsWith: [],
    diff: [
      { text: "Rad två ", change: "same" },
      { text: "Rad tre", change: "removed" },
      { text: "ny", change: "added" },
    ],
    ...overrides,
  };
}

const version2 = {
  ...version,
  number: 2,
  reason: "amended" as const,
  lines: version.lines.map((l) => (l.number === 3 ? { ...l, text: "ny" } : l)),
};

describe("amendments in the reading view", () => {
  it("shows open amendments after their lines, struck and inserted words said in words, conflicts marked", async () => {
    fakeApi({
      "GET /api/motions/:id": () => motionView(),
      "GET /api/motions/:id/versions/:number": () => version,
      "GET /api/motions/:id/amendments": () => ({
        amendments: [
          amendment({ conflictsWith: [2] }),
          amendment({
            id: 2,
            firstLine: 3,
            lastLine: 3,
            author: { id: "x", name: "Ida Karlsson" },
            conflictsWith: [1],
          }),
        ],
      }),
    });
    open();
    const cards = await screen.findAllByTestId("amendment");
    expect(cards).toHaveLength(2);
    const first = cards[0] as HTMLElement;
    expect(screen.getByRole("article", { name: "Ändringsyrkande 1, Rad 2–3" })).toBe(first);
    expect(first.querySelector("del")?.textContent).toBe("struket: Rad tre slut på ändringen ");
    expect(first.querySelector("ins")?.textContent).toBe("tillagt: ny slut på ändringen ");
    expect(within(first).getByTestId("amendment-conflict").textContent).toContain(
      "Krockar med ändringsyrkande 2",
    );
    expect(within(first).getByText("Av Karin Holm")).toBeTruthy();
    // Both end on line 3: shown inside that line's item, after its words.
    const line3 = screen.getAllByRole("listitem")[2] as HTMLElement;
    expect(within(line3).getAllByTestId("amendment")).toHaveLength(2);
    // Neither the member's form nor the board's buttons without `can`.
    expect(screen.queryByTestId("amend-form")).toBeNull();
    expect(screen.queryByTestId("accept-amendment")).toBeNull();
  });

  it("names an erased author, of the motion and of an amendment, as a former member", async () => {
    fakeApi({
      "GET /api/motions/:id": () =>
        motionView({
          authors: [
            { id: "demo-ida", name: "Ida Karlsson", initiator: true },
            { id: "demo-greta", name: null, initiator: false },
          ],
        }),
      "GET /api/motions/:id/versions/:number": () => version,
      "GET /api/motions/:id/amendments": () => ({
        amendments: [amendment({ author: { id: "demo-greta", name: null } })],
      }),
    });
    open();
    const card = await screen.findByTestId("amendment");
    expect(within(card).getByText("Av Tidigare medlem")).toBeTruthy();
    expect(screen.getByTestId("motion-authors").textContent).toBe("Ida Karlsson, Tidigare medlem");
  });

  it("lets a member propose one for lines of one block, and says why the API refused one", async () => {
    let refuse = true;
    const api = fakeApi({
      "GET /api/motions/:id": () => motionView({ can: ["motion.amend"] }),
      "GET /api/motions/:id/versions/:number": () => version,
      "GET /api/motions/:id/amendments": () => ({ amendments: refuse ? [] : [amendment()] }),
      "POST /api/motions/:id/amendments": () =>
        refuse ? apiError(422, "motion_amendment_unchanged") : amendment(),
    });
    open();
    const first = await screen.findByLabelText("Från rad");
    // The title is not amended: the lines start at 2.
    expect(within(first).getAllByRole("option")[0]?.textContent).toBe("Rad 2: Rad två");
    fireEvent.change(first, { target: { value: "2" } });
    const last = screen.getByLabelText("Till rad");
    // Only lines of the same paragraph (2 and 3) may end the range.
    expect(
      within(last)
        .getAllByRole("option")
        .map((o) => o.getAttribute("value")),
    ).toEqual(["2", "3"]);
    fireEvent.change(last, { target: { value: "3" } });
    const text = screen.getByLabelText("Ny lydelse för raderna") as HTMLTextAreaElement;
    expect(text.value).toBe("Rad två Rad tre");
    fireEvent.click(screen.getByTestId("propose-amendment"));
    expect((await screen.findByTestId("amend-error")).textContent).toMatch(/ändrar ingenting|samma/i);

    refuse = false;
    fireEvent.input(text, { target: { value: "Rad två\nny" } });
    fireEvent.click(screen.getByTestId("propose-amendment"));
    expect(await screen.findByTestId("amendment")).toBeTruthy();
    expect(api.callsTo("POST /api/motions/:id/amendments").at(-1)?.json).toEqual({
      version: 1,
      firstLine: 2,
      lastLine: 3,
      text: "Rad två ny",
      reason: "",
    });
  });

  it("lets the board accept one: the page reads the new version, the other marked for rework", async () => {
    let accepted = false;
    const api = fakeApi({
      "GET /api/motions/:id": () =>
        motionView({
          can: ["motion.treat"],
          versions: accepted
            ? [
                { number: 1, reason: "submitted", createdAt: 0 },
                { number: 2, reason: "amended", createdAt: 0 },
              ]
            : [{ number: 1, reason: "submitted", createdAt: 0 }],
        }),
      "GET /api/motions/:id/versions/:number": ({ param }) => (param.number === "2" ? version2 : version),
      "GET /api/motions/:id/amendments": () => ({
        amendments: accepted
          ? [
              amendment({ state: "accepted", resultVersion: 2 }),
              amendment({ id: 2, firstLine: 3, lastLine: 3, state: "needs_rework" }),
            ]
          : [
              amendment({ conflictsWith: [2] }),
              amendment({ id: 2, firstLine: 3, lastLine: 3, conflictsWith: [1] }),
            ],
      }),
      "POST /api/motions/:id/amendments/:amendmentId/decision": () => {
        accepted = true;
        return {
          amendments: [
            amendment({ state: "accepted", resultVersion: 2 }),
            amendment({ id: 2, firstLine: 3, lastLine: 3, state: "needs_rework" }),
          ],
        };
      },
    });
    open();
    const [first] = await screen.findAllByTestId("accept-amendment");
    fireEvent.click(first as HTMLElement);
    await waitFor(() => expect(screen.getByRole("heading", { name: "Motionen, version 2" })).toBeTruthy());
    expect(api.callsTo("POST /api/motions/:id/amendments/:amendmentId/decision")[0]).toMatchObject({
      param: { amendmentId: "1" },
      json: { decision: "accept" },
    });
    const others = await screen.findAllByTestId("other-amendment");
    expect(others.map((o) => within(o).getByTestId("amendment-state").textContent)).toEqual([
      "Bifallet",
      "Behöver skrivas om",
    ]);
    expect(within(others[0] as HTMLElement).getByText(/Blev version 2/)).toBeTruthy();
  });
});

describe("versions", () => {
  it("lists them, reads an older one, compares two word by word and links its downloads", async () => {
    const api = fakeApi({
      "GET /api/motions/:id": () =>
        motionView({
          versions: [
            { number: 1, reason: "submitted", createdAt: 0 },
            { number: 2, reason: "amended", createdAt: 0 },
          ],
        }),
      "GET /api/motions/:id/versions/:number": ({ param }) => (param.number === "2" ? version2 : version),
      "GET /api/motions/:id/amendments": () => ({ amendments: [] }),
      "GET /api/motions/:id/diff": ({ query }) => ({
        from: Number(query.from),
        to: Number(query.to),
        sections: [
          { part: "title", changed: false, changes: [{ text: "Träd", change: "same" }] },
          {
            part: "motivation",
            changed: true,
            changes: [
              { text: "Rad två ", change: "same" },
              { text: "Rad tre", change: "removed" },
              { text: "ny", change: "added" },
            ],
          },
        ],
      }),
    });
    open();
    expect(await screen.findByRole("heading", { name: "Motionen, version 2" })).toBeTruthy();
    const docx = screen.getByTestId("download-docx");
    expect(docx.getAttribute("href")).toBe("/api/motions/7/versions/2/docx");
    expect(screen.getByTestId("download-markdown").getAttribute("href")).toBe(
      "/api/motions/7/versions/2/markdown",
    );

    const items = screen.getAllByTestId("motion-version");
    expect(items.map((i) => i.firstElementChild?.textContent)).toEqual([
      expect.stringMatching(/^Version 1, inlämnad, /),
      expect.stringMatching(/^Version 2, ändrad efter ändringsyrkande, /),
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Läs version 1" }));
    expect(await screen.findByRole("heading", { name: "Motionen, version 1" })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId("download-docx").getAttribute("href")).toBe("/api/motions/7/versions/1/docx"),
    );

    fireEvent.click(screen.getByTestId("compare-versions"));
    const diff = await screen.findByTestId("version-diff");
    expect(api.callsTo("GET /api/motions/:id/diff")[0]?.query).toEqual({ from: "1", to: "2" });
    expect(
      within(diff)
        .getAllByTestId("diff-section")
        .map((s) => s.querySelector("h4")?.textContent),
    ).toEqual(["Motivering"]);
    expect(diff.querySelector("del")?.textContent).toContain("Rad tre");
    expect(diff.querySelector("ins")?.textContent).toContain("ny");
  });
});
