import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { bengt, freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import ConsultationListPage from "./ConsultationListPage";
import ConsultationPage from "./ConsultationPage";
import NewConsultationPage from "./NewConsultationPage";
import { astrid, closesAt, consultationView, goteborg, national } from "./testing";

freshStateForEachTest();

function open(address: string) {
  return renderAt(address, {
    "/consultations": ConsultationListPage,
    "/consultations/new": NewConsultationPage,
    "/consultations/:id": ConsultationPage,
  });
}

const summary = (id: number, title: string, extra = {}) => ({
  id,
  title,
  asker: national,
  phase: "open" as const,
  opensAt: 0,
  closesAt,
  feedback: false,
  ...extra,
});

describe("a group's consultations", () => {
  it("lists what asks the group, with its answer status, and offers no new one to a member", async () => {
    loggedIn(bengt);
    fakeApi({
      "GET /api/consultations": () => ({
        group: goteborg,
        asked: [summary(5, "Rådslag om välfärden", { status: "submitted", feedback: true })],
        asking: [],
      }),
    });
    open("/consultations?group=branch%3Agoteborg");
    expect(await screen.findByRole("heading", { name: "Rådslag i Göteborg" })).toBeTruthy();
    const item = screen.getByTestId("consultation-item");
    expect(item.textContent).toContain("Svar inlämnat");
    expect(item.textContent).toContain("Återkoppling publicerad");
    expect(item.textContent).toContain("svar senast 15 dec. 2026 18:00");
    expect(screen.getByRole("link", { name: "Rådslag om välfärden" }).getAttribute("href")).toBe(
      "/consultations/5",
    );
    expect(screen.queryByTestId("new-consultation")).toBeNull();
  });

  it("offers the asking level its drafts and a new consultation", async () => {
    loggedIn(astrid);
    fakeApi({
      "GET /api/consultations": () => ({
        group: national,
        asked: [],
        asking: [summary(6, "Utkastet", { phase: "draft" })],
      }),
    });
    open("/consultations?group=national%3Anational");
    expect((await screen.findByTestId("new-consultation")).getAttribute("href")).toBe(
      "/consultations/new?group=national%3Anational",
    );
    expect(screen.getByTestId("asking-list").textContent).toContain("Utkast");
  });

  it("without a group, leads to each of her groups' consultations instead of asking the Worker", async () => {
    loggedIn(bengt);
    const api = fakeApi();
    open("/consultations");
    const links = (await screen.findByTestId("consultation-groups")).querySelectorAll("a");
    expect([...links].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Rådslag i Göteborg", "/consultations?group=branch%3Agoteborg"],
      ["Rådslag i S-föreningen Majorna", "/consultations?group=association%3As-foreningen-majorna"],
    ]);
    expect(api.callsTo("GET /api/consultations")).toHaveLength(0);
    expect(screen.queryByText(/Sidan finns inte/)).toBeNull();
  });

  it("without a group, asks someone not logged in to log in", async () => {
    fakeApi({ "GET /api/me": () => apiError(401, "not_logged_in") });
    open("/consultations");
    expect(await screen.findByText("Logga in för att läsa och svara på rådslag.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Logga in" }).getAttribute("href")).toContain("/login");
  });

  it("tells someone outside the group that it is not hers to see", async () => {
    fakeApi({ "GET /api/consultations": () => apiError(403, "forbidden") });
    open("/consultations?group=branch%3Agoteborg");
    expect(
      await screen.findByText("Bara den som frågas och den som frågar kan se det här rådslaget."),
    ).toBeTruthy();
  });
});

describe("a new consultation", () => {
  it("is written with questions of each kind, an audience and Swedish dates, and opens as a draft", async () => {
    loggedIn(astrid);
    const api = fakeApi({
      "GET /api/consultations": () => ({ group: national, asked: [], asking: [] }),
      "GET /api/org": () => ({
        national,
        totals: { national: 1, district: 2, branch: 0, association: 0, side: 0 },
        districts: [
          { kind: "district", slug: "goteborg", name: "Göteborg", childCount: 0 },
          { kind: "district", slug: "skane", name: "Skåne", childCount: 0 },
        ],
        sideOrganisations: [],
      }),
      "POST /api/consultations": ({ json }) =>
        consultationView({ id: 9, title: json.title, opensAt: json.opensAt, closesAt: json.closesAt }),
      "GET /api/consultations/:id": () => consultationView({ id: 9 }),
    });
    const history = open("/consultations/new?group=national%3Anational");
    fireEvent.input(await screen.findByLabelText(/^Rubrik/), { target: { value: "Rådslag om skolan" } });
    fireEvent.input(screen.getByLabelText(/^Frågan/), { target: { value: "Vad behöver skolan?" } });
    fireEvent.click(screen.getByTestId("add-question"));
    const kinds = screen.getAllByLabelText("Typ av fråga");
    fireEvent.change(kinds[1] as HTMLElement, { target: { value: "multiple" } });
    fireEvent.input(screen.getAllByLabelText(/^Frågan/)[1] as HTMLElement, {
      target: { value: "Vad först?" },
    });
    fireEvent.input(await screen.findByLabelText(/^Svarsalternativ/), {
      target: { value: "Lärare\n\nLokaler\n" },
    });
    fireEvent.click(screen.getByLabelText("S-föreningar"));
    fireEvent.click(await screen.findByLabelText("Skåne"));
    fireEvent.input(screen.getByLabelText("Öppnar"), { target: { value: "2026-12-01T09:00" } });
    fireEvent.input(screen.getByLabelText("Sista dag att svara"), { target: { value: "2026-12-15T18:00" } });
    fireEvent.click(screen.getByTestId("save-consultation"));
    await expect.poll(() => history.get()).toBe("/consultations/9");
    const [posted] = api.callsTo("POST /api/consultations");
    expect(posted?.query).toEqual({ group: "national:national" });
    expect(posted?.json).toEqual({
      title: "Rådslag om skolan",
      introduction: "",
      questions: [
        { kind: "open", prompt: "Vad behöver skolan?" },
        { kind: "multiple", prompt: "Vad först?", comment: true, options: ["Lärare", "Lokaler"] },
      ],
      audience: {
        kinds: ["branch", "association"],
        districts: ["skane"],
        individuals: false,
        individualsVisibleToGroup: false,
      },
      opensAt: Date.UTC(2026, 11, 1, 8, 0),
      closesAt: closesAt,
    });
  });

  it("lets a district's board ask its own branches and associations, without choosing districts", async () => {
    const norrbotten = { kind: "district", slug: "norrbotten", name: "Norrbotten" } as const;
    loggedIn({ ...astrid, groups: [{ group: norrbotten, roles: ["chair"], can: ["consultation.create"] }] });
    const api = fakeApi({
      "GET /api/consultations": () => ({ group: norrbotten, asked: [], asking: [] }),
      "POST /api/consultations": () => consultationView({ id: 3, asker: norrbotten }),
      "GET /api/consultations/:id": () => consultationView({ id: 3, asker: norrbotten }),
    });
    const history = open("/consultations/new?group=district%3Anorrbotten");
    fireEvent.input(await screen.findByLabelText(/^Rubrik/), { target: { value: "Länets skolor" } });
    fireEvent.input(screen.getByLabelText(/^Frågan/), { target: { value: "Vad saknas?" } });
    expect(screen.queryByText("I vilka distrikt?")).toBeNull();
    expect(screen.queryByLabelText("Sidoorganisationer")).toBeNull();
    fireEvent.click(screen.getByTestId("save-consultation"));
    await expect.poll(() => history.get()).toBe("/consultations/3");
    expect(api.callsTo("POST /api/consultations")[0]?.json?.audience).toEqual({
      kinds: ["branch"],
      districts: [],
      individuals: false,
      individualsVisibleToGroup: false,
    });
    expect(api.requests).not.toContain("GET /api/org");
  });

  it("says what is missing before asking the Worker", async () => {
    loggedIn(astrid);
    const api = fakeApi({ "GET /api/consultations": () => ({ group: national, asked: [], asking: [] }) });
    open("/consultations/new?group=national%3Anational");
    fireEvent.click(await screen.findByTestId("save-consultation"));
    expect((await screen.findByRole("alert")).textContent).toBe("Skriv en rubrik.");
    expect(api.callsTo("POST /api/consultations")).toHaveLength(0);
  });

  it("takes her to the field that has the problem", async () => {
    loggedIn(astrid);
    fakeApi({ "GET /api/consultations": () => ({ group: national, asked: [], asking: [] }) });
    open("/consultations/new?group=national%3Anational");
    const save = await screen.findByTestId("save-consultation");
    save.focus();
    fireEvent.click(save);
    expect(document.activeElement).toBe(screen.getByLabelText("Rubrik"));
    fireEvent.input(screen.getByLabelText("Rubrik"), { target: { value: "Skolan" } });
    fireEvent.click(save);
    expect(document.activeElement?.id).toBe("question-0-prompt");
    fireEvent.input(document.getElementById("question-0-prompt") as HTMLElement, {
      target: { value: "Vad tycker ni?" },
    });
    fireEvent.click(screen.getByLabelText("Arbetarekommuner"));
    fireEvent.click(save);
    expect(screen.getByRole("alert").textContent).not.toBe("");
    expect(document.activeElement).toBe(screen.getByLabelText("Arbetarekommuner"));
  });
});

describe("a consultation's page", () => {
  it("lets the asking level preview a draft as a group sees it, and publish it", async () => {
    loggedIn(astrid);
    const draft = consultationView({ can: ["consultation.manage", "consultation.results"] });
    const api = fakeApi({
      "GET /api/consultations/:id": () => draft,
      "GET /api/consultations/:id/preview": () => ({
        consultation: { ...draft, can: [], myGroups: [] },
        asked: { total: 290, byKind: { branch: 290 } },
      }),
      "POST /api/consultations/:id/publish": () => ({ ...draft, phase: "open", publishedAt: 1 }),
    });
    open("/consultations/5");
    fireEvent.click(await screen.findByTestId("preview-consultation"));
    expect((await screen.findByTestId("preview-count")).textContent).toBe(
      "Frågar 290 grupper. Arbetarekommun: 290",
    );
    expect(screen.getByTestId("consultation-preview").textContent).toContain("Skola eller vård?");
    // Publishing asks first, with the number of groups that will be asked and mailed.
    fireEvent.click(screen.getByTestId("publish-consultation"));
    const question = await screen.findByText("Publicera och skicka till 290 grupper?");
    expect(document.activeElement).toBe(question);
    expect(screen.getByRole("form", { name: "Publicera och skicka till 290 grupper?" })).toBeTruthy();
    expect(api.callsTo("POST /api/consultations/:id/publish")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("confirm-publish"));
    await expect.poll(() => screen.getByTestId("consultation-phase").textContent).toBe("Öppet för svar");
    expect(screen.queryByTestId("ask-panel")).toBeNull();
    expect(screen.getByTestId("results-link").getAttribute("href")).toBe("/consultations/5/results");
    expect(api.callsTo("POST /api/consultations/:id/publish")[0]?.param).toEqual({ id: "5" });
  });

  it("publishes nothing when the confirm step is cancelled, and gives focus back to Publish", async () => {
    loggedIn(astrid);
    const draft = consultationView({ can: ["consultation.manage"] });
    const api = fakeApi({
      "GET /api/consultations/:id": () => draft,
      "GET /api/consultations/:id/preview": () => ({
        consultation: { ...draft, can: [], myGroups: [] },
        asked: { total: 1, byKind: { branch: 1 } },
      }),
    });
    open("/consultations/5");
    const publish = await screen.findByTestId("publish-consultation");
    fireEvent.click(publish);
    expect(await screen.findByText("Publicera och skicka till 1 grupp?")).toBeTruthy();
    expect(publish.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(screen.getByTestId("cancel-publish"));
    expect(screen.queryByTestId("publish-confirm")).toBeNull();
    expect(document.activeElement).toBe(publish);
    expect(api.callsTo("POST /api/consultations/:id/publish")).toHaveLength(0);
    expect(screen.getByTestId("consultation-phase").textContent).toBe("Utkast");
  });

  it("says why the Worker refused to publish", async () => {
    loggedIn(astrid);
    const draft = consultationView({ can: ["consultation.manage"] });
    fakeApi({
      "GET /api/consultations/:id": () => draft,
      "GET /api/consultations/:id/preview": () => ({
        consultation: { ...draft, can: [], myGroups: [] },
        asked: { total: 290, byKind: { branch: 290 } },
      }),
      "POST /api/consultations/:id/publish": () => apiError(422, "consultation_closes_in_past"),
    });
    open("/consultations/5");
    fireEvent.click(await screen.findByTestId("publish-consultation"));
    fireEvent.click(await screen.findByTestId("confirm-publish"));
    expect((await screen.findByTestId("ask-error")).textContent).toBe(
      "Sista svarsdag har redan passerat. Välj en senare tid.",
    );
    expect(screen.getByTestId("consultation-phase").textContent).toBe("Utkast");
  });

  it("shows an asked group's member her group's workspace, and the published summary", async () => {
    loggedIn(bengt);
    fakeApi({
      "GET /api/consultations/:id": () =>
        consultationView({
          phase: "closed",
          publishedAt: 1,
          feedback: true,
          summary: { text: "Ni sa **mycket**.", publishedAt: closesAt },
          myGroups: [{ group: goteborg, status: "submitted" }],
        }),
    });
    open("/consultations/5");
    expect((await screen.findByTestId("consultation-summary")).textContent).toContain("Ni sa mycket.");
    expect(screen.getByTestId("workspace-link").getAttribute("href")).toBe(
      "/consultations/5/groups/branch%3Agoteborg",
    );
    expect(screen.queryByTestId("ask-panel")).toBeNull();
    expect(screen.queryByTestId("results-link")).toBeNull();
  });

  it("is not found when the address names none", async () => {
    fakeApi({ "GET /api/consultations/:id": () => apiError(404, "not_found") });
    open("/consultations/77");
    expect(await screen.findByRole("heading", { name: "Sidan finns inte" })).toBeTruthy();
  });
});
