import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type {
  AnswerRow,
  ConsultationOverview,
  ConsultationView,
  TagBoard,
} from "../../../worker/shared/consultations";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import ResultsPage from "./ResultsPage";
import { astrid, closesAt, consultationView, goteborg } from "./testing";

freshStateForEachTest();

const district = { kind: "district", slug: "vastra-gotaland", name: "Västra Götaland" } as const;
const overview: ConsultationOverview = {
  consultationId: 5,
  overall: { asked: 2, answered: 1 },
  byDistrict: [{ district, asked: 2, answered: 1 }],
  byBranch: [],
  notAnswered: [],
  tallies: [
    {
      questionId: 12,
      counts: [
        { choice: 0, groups: 1 },
        { choice: 1, groups: 0 },
      ],
    },
  ],
  byTag: [],
  individuals: 0,
};
const answer: AnswerRow = {
  consultationId: 5,
  group: goteborg,
  groupId: 40,
  district,
  version: 2,
  submittedAt: closesAt,
  questionId: 11,
  text: "Fler lärare och mindre klasser.",
  choices: null,
  value: null,
  tagIds: [],
};

/** A reading room with no answers, tags or quotes yet. */
const quietRoom = (view: ConsultationView) =>
  ({
    "GET /api/consultations/:id": () => view,
    "GET /api/consultations/:id/overview": () => overview,
    "GET /api/consultations/:id/answers": () => ({ total: 0, answers: [] }),
    "GET /api/consultations/:id/quotes": () => ({ quotes: [] }),
    "GET /api/consultations/:id/tags": () => ({ revision: 1, tags: [], tagged: [] }),
  }) as const;

describe("the reading room", () => {
  it("shows the rates and choices, filters and searches the answers, tags one, quotes it and publishes the summary", async () => {
    loggedIn(astrid);
    let board: TagBoard = { revision: 1, tags: [{ id: 3, name: "Skolan" }], tagged: [] };
    const view = consultationView({
      phase: "open",
      publishedAt: 1,
      can: ["consultation.manage", "consultation.results"],
    });
    const api = fakeApi({
      "GET /api/consultations/:id": () => view,
      "GET /api/consultations/:id/overview": () => overview,
      "GET /api/consultations/:id/answers": () => ({ total: 1, answers: [answer] }),
      "GET /api/consultations/:id/quotes": () => ({ quotes: [] }),
      "GET /api/consultations/:id/tags": () => board,
      "POST /api/consultations/:id/tagging": ({ json }) => {
        board = {
          ...board,
          revision: 2,
          tagged: [
            { tagId: Number(json.tagId), groupId: Number(json.groupId), questionId: Number(json.questionId) },
          ],
        };
        return board;
      },
      "POST /api/consultations/:id/quotes": ({ json }) => ({
        id: 8,
        group: goteborg,
        questionId: Number(json.questionId),
        version: 2,
        excerpt: json.excerpt,
        createdAt: closesAt,
      }),
      "POST /api/consultations/:id/feedback": ({ json }) => ({
        ...view,
        feedback: true,
        summary: { text: json.summary, publishedAt: closesAt },
      }),
    });
    renderAt("/consultations/5/results", { "/consultations/:id/results": ResultsPage });
    expect((await screen.findByTestId("rate-overall")).textContent).toBe("Har svarat: 1 av 2 (50 %).");
    expect(
      within(screen.getByTestId("tallies"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Skola1 av 1 (100 %)", "Vård0 av 1 (0 %)"]);
    expect(screen.getByTestId("export-xlsx").getAttribute("href")).toBe(
      "/api/consultations/5/export?format=xlsx",
    );
    // Themes are made where they are counted, not among the answers' filters.
    expect(within(await screen.findByTestId("tag-counts")).getByLabelText("Nytt tema")).toBeTruthy();
    expect(within(screen.getByTestId("answer-browser")).queryByLabelText("Nytt tema")).toBeNull();

    fireEvent.change(screen.getByLabelText("Fråga"), { target: { value: "12" } });
    fireEvent.change(await screen.findByLabelText("Valt svar"), { target: { value: "1" } });
    fireEvent.input(screen.getByLabelText("Sök i svaren"), { target: { value: "lärare" } });
    fireEvent.click(screen.getByTestId("filter-answers"));
    await expect
      .poll(() => api.callsTo("GET /api/consultations/:id/answers").at(-1)?.query)
      .toEqual({
        question: "12",
        choice: "1",
        q: "lärare",
        limit: "50",
        offset: "0",
      });

    const row = await screen.findByTestId("answer-row");
    expect(within(row).getByTestId("answer-text").textContent).toBe("Fler lärare och mindre klasser.");
    fireEvent.click(within(row).getByRole("button", { name: "Skolan" }));
    await expect
      .poll(() => within(row).getByRole("button", { name: "Skolan" }).getAttribute("aria-pressed"))
      .toBe("true");
    expect(screen.getByTestId("tag-counts").textContent).toContain("Skolan 1 svar");

    fireEvent.click(within(row).getByTestId("quote-toggle"));
    fireEvent.input(within(row).getByLabelText("Det som citeras"), { target: { value: "mindre klasser" } });
    fireEvent.click(within(row).getByTestId("save-quote"));
    expect((await screen.findByTestId("quotes")).textContent).toContain("mindre klasser");
    expect(api.callsTo("POST /api/consultations/:id/quotes")[0]?.json).toEqual({
      groupId: 40,
      questionId: 11,
      excerpt: "mindre klasser",
    });

    // An empty summary is refused in the page's own words, not the browser's, and she is taken to it.
    fireEvent.click(screen.getByTestId("publish-feedback"));
    expect((await screen.findByText("Skriv återkopplingen.")).getAttribute("role")).toBe("alert");
    expect(document.activeElement?.id).toBe("feedback-summary");
    expect(api.callsTo("POST /api/consultations/:id/feedback")).toHaveLength(0);

    fireEvent.input(screen.getByLabelText(/^Vad ni sa, och vad vi gör med det/), {
      target: { value: "Vi hörde er." },
    });
    fireEvent.click(screen.getByTestId("publish-feedback"));
    expect((await screen.findByTestId("feedback-published")).textContent).toBe(
      "Publicerad 15 dec. 2026 18:00.",
    );
    expect(screen.getByTestId("publish-feedback").textContent).toBe("Publicera den ändrade återkopplingen");
  });

  it("lists the quotes made in earlier visits and removes one", async () => {
    loggedIn(astrid);
    const view = consultationView({
      phase: "closed",
      publishedAt: 1,
      can: ["consultation.manage", "consultation.results"],
    });
    const earlier = (id: number, excerpt: string) => ({
      id,
      group: goteborg,
      questionId: 11,
      version: 2,
      excerpt,
      createdAt: closesAt,
    });
    const api = fakeApi({
      "GET /api/consultations/:id": () => view,
      "GET /api/consultations/:id/overview": () => overview,
      "GET /api/consultations/:id/answers": () => ({ total: 1, answers: [answer] }),
      "GET /api/consultations/:id/quotes": () => ({
        quotes: [earlier(8, "Fler lärare"), earlier(9, "mindre klasser")],
      }),
      "GET /api/consultations/:id/tags": () => ({ revision: 1, tags: [], tagged: [] }),
      "DELETE /api/consultations/:id/quotes/:quoteId": () => undefined,
    });
    renderAt("/consultations/5/results", { "/consultations/:id/results": ResultsPage });
    const list = await screen.findByTestId("quotes");
    expect(
      within(list)
        .getAllByRole("blockquote")
        .map((q) => q.textContent),
    ).toEqual(["Fler lärare", "mindre klasser"]);
    fireEvent.click(
      within(list).getAllByRole("button", { name: "Ta bort citatet från Göteborg" })[0] as HTMLElement,
    );
    await expect
      .poll(() =>
        within(screen.getByTestId("quotes"))
          .getAllByRole("blockquote")
          .map((q) => q.textContent),
      )
      .toEqual(["mindre klasser"]);
    expect(api.callsTo("DELETE /api/consultations/:id/quotes/:quoteId").map((c) => c.param)).toEqual([
      { id: "5", quoteId: "8" },
    ]);
  });

  it("shows members' own answers where the consultation asks for them, and searches them", async () => {
    loggedIn(astrid);
    const view = consultationView({
      phase: "open",
      publishedAt: 1,
      audience: { kinds: ["branch"], districts: [], individuals: true, individualsVisibleToGroup: false },
      can: ["consultation.manage", "consultation.results"],
    });
    const own = (name: string, text: string) => ({
      consultationId: 5,
      group: goteborg,
      groupId: 40,
      district,
      person: { id: `demo-${name}`, name },
      updatedAt: closesAt,
      items: [{ questionId: 11, text, choices: null, value: null }],
    });
    const api = fakeApi({
      ...quietRoom(view),
      "GET /api/consultations/:id/individual-answers": ({ query }) =>
        query.q
          ? { total: 1, answers: [own("Ida", "Fler bussar")] }
          : { total: 2, answers: [own("Ida", "Fler bussar"), own("Hanna", "Billigare hyror")] },
    });
    renderAt("/consultations/5/results", { "/consultations/:id/results": ResultsPage });
    const section = await screen.findByTestId("member-answers");
    await expect.poll(() => within(section).queryAllByTestId("member-answer").length).toBe(2);
    const first = within(section).getAllByTestId("member-answer")[0] as HTMLElement;
    expect(first.textContent).toContain("Ida");
    expect(first.textContent).toContain("Göteborg");
    expect(first.textContent).toContain("Fler bussar");

    fireEvent.input(within(section).getByLabelText("Sök i medlemmarnas svar"), {
      target: { value: "bussar" },
    });
    fireEvent.click(within(section).getByTestId("search-members"));
    await expect.poll(() => within(section).queryAllByTestId("member-answer").length).toBe(1);
    expect(api.callsTo("GET /api/consultations/:id/individual-answers").at(-1)?.query).toEqual({
      q: "bussar",
      limit: "50",
      offset: "0",
    });
  });

  it("shows no members' answers where the consultation does not ask for them", async () => {
    loggedIn(astrid);
    const view = consultationView({ phase: "open", publishedAt: 1, can: ["consultation.results"] });
    const api = fakeApi({
      ...quietRoom(view),
    });
    renderAt("/consultations/5/results", { "/consultations/:id/results": ResultsPage });
    await screen.findByTestId("answer-browser");
    expect(screen.queryByTestId("member-answers")).toBeNull();
    expect(api.callsTo("GET /api/consultations/:id/individual-answers")).toEqual([]);
  });
});
