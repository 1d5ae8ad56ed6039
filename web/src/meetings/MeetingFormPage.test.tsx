import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { openMeetingForm, typeInto } from "./formTesting";
import { karin, meetingView } from "./testing";

freshStateForEachTest();

describe("NewMeetingPage", () => {
  it("plans a meeting in Stockholm time with a template and items added, moved and removed", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "POST /api/meetings": ({ json }) => meetingView({ id: 12, title: json.title }),
    });
    const history = openMeetingForm("/meetings/new?group=branch%3Agoteborg");
    await screen.findByLabelText(/^Mötets namn/);
    typeInto(/^Mötets namn/, "Höstmöte");
    typeInto(/^Börjar/, "2026-12-01T18:30");
    typeInto(/^Slutar/, "2026-12-01T20:00");
    fireEvent.click(screen.getByLabelText(/Öppet möte/));
    typeInto(/^Videolänk/, "https://meet.jit.si/samtal-host");
    fireEvent.change(screen.getByLabelText(/^Dagordning att börja med/), {
      target: { value: "conversation" },
    });
    for (const title of ["Bostäder", "Skolan", "Kultur"]) {
      typeInto(/^Ny punkt/, title);
      fireEvent.click(screen.getByTestId("agenda-add"));
    }
    fireEvent.click(screen.getByRole("button", { name: "Flytta punkt 3 upp" }));
    expect(await screen.findByText("”Kultur” är nu punkt 2.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ta bort punkt 1" }));
    const items = screen.getAllByTestId("agenda-draft-item");
    expect(items.map((item) => (within(item).getByRole("textbox") as HTMLInputElement).value)).toEqual([
      "Kultur",
      "Skolan",
    ]);
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/12");
    const sent = api.callsTo("POST /api/meetings")[0];
    expect(sent?.query).toEqual({ group: "branch:goteborg" });
    expect(sent?.json).toEqual({
      title: "Höstmöte",
      startsAt: "2026-12-01T18:30",
      endsAt: "2026-12-01T20:00",
      access: "open",
      videoUrl: "https://meet.jit.si/samtal-host",
      template: "conversation",
      agenda: [
        { title: "Kultur", kind: "discussion", motionId: null, consultationId: null },
        { title: "Skolan", kind: "discussion", motionId: null, consultationId: null },
      ],
      settings: {},
    });
  });

  it("says what is missing before asking the Worker, and shows the Worker's refusal", async () => {
    loggedIn(karin);
    const api = fakeApi({ "POST /api/meetings": () => apiError(422, "meeting_open_no_decisions") });
    openMeetingForm("/meetings/new?group=branch%3Agoteborg");
    fireEvent.click(await screen.findByTestId("save-meeting"));
    expect(await screen.findByText("Skriv mötets namn.")).toBeTruthy();
    expect(screen.getAllByText("Välj datum och tid.")).toHaveLength(2);
    expect(api.callsTo("POST /api/meetings")).toHaveLength(0);
    typeInto(/^Mötets namn/, "Årsmöte");
    typeInto(/^Börjar/, "2026-12-01T18:30");
    typeInto(/^Slutar/, "2026-12-01T18:00");
    fireEvent.click(screen.getByTestId("save-meeting"));
    expect(await screen.findByText("Mötet måste sluta efter att det börjar.")).toBeTruthy();
    typeInto(/^Slutar/, "2026-12-01T21:00");
    fireEvent.click(screen.getByTestId("save-meeting"));
    expect((await screen.findByTestId("meeting-form-error")).textContent).toMatch(/öppet möte/i);
  });
});

describe("the plan's officers", () => {
  it("picks a chair, a secretary and adjusters by name for a new meeting, with keyboard and announcements", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "GET /api/meetings/candidates": ({ query }) =>
        query.q === "ce"
          ? [{ id: "demo-cecilia", name: "Cecilia Ahmadi" }]
          : [
              { id: "demo-hanna", name: "Hanna Test" },
              { id: "demo-ivar", name: "Ivar Test" },
            ],
      "POST /api/meetings": ({ json }) => meetingView({ id: 12, title: json.title }),
    });
    const history = openMeetingForm("/meetings/new?group=branch%3Agoteborg");
    await screen.findByLabelText(/^Mötets namn/);
    expect(screen.getByTestId("planned-chair").textContent).toBe("Du, som planerar mötet");
    typeInto(/^Mötets namn/, "Styrelsemöte");
    typeInto(/^Börjar/, "2026-12-01T18:30");
    typeInto(/^Slutar/, "2026-12-01T20:00");

    // Enter in the search field searches; it does not send the plan.
    typeInto(/^Sök en medlem med namn/, "ce");
    fireEvent.keyDown(screen.getByLabelText(/^Sök en medlem med namn/), { key: "Enter" });
    fireEvent.click(await screen.findByRole("button", { name: "Välj Cecilia Ahmadi till mötessekreterare" }));
    expect(api.callsTo("POST /api/meetings")).toHaveLength(0);
    expect(api.callsTo("GET /api/meetings/candidates")[0]?.query).toEqual({
      group: "branch:goteborg",
      q: "ce",
    });
    expect(screen.getByTestId("planned-secretary").textContent).toContain("Cecilia Ahmadi");
    expect(screen.getByTestId("officer-announcement").textContent).toBe("Mötessekreterare: Cecilia Ahmadi");

    typeInto(/^Sök en medlem med namn/, "test");
    fireEvent.click(screen.getByRole("button", { name: "Sök" }));
    fireEvent.click(await screen.findByRole("button", { name: "Välj Hanna Test till mötesordförande" }));
    fireEvent.click(screen.getByRole("button", { name: "Välj Hanna Test till justerare" }));
    fireEvent.click(screen.getByRole("button", { name: "Välj Ivar Test till justerare" }));
    const hannaAdjusts = screen.getByRole("button", {
      name: "Välj Hanna Test till justerare",
    }) as HTMLButtonElement;
    expect(hannaAdjusts.disabled).toBe(true);
    expect(hannaAdjusts.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("planned-chair").textContent).toBe("Hanna Test");
    fireEvent.click(screen.getByRole("button", { name: "Ta bort Ivar Test (Justerare)" }));
    expect(screen.getByTestId("planned-adjusters").textContent).toBe("Hanna Test Ta bort");

    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/12");
    expect(api.callsTo("POST /api/meetings")[0]?.json?.officers).toEqual({
      chair: "demo-hanna",
      secretary: "demo-cecilia",
      adjusters: ["demo-hanna"],
    });
  });

  it("keeps an edited meeting's officers out of the change unless they were changed", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "GET /api/meetings/:id": () =>
        meetingView({
          officers: {
            chair: { id: "demo-karin", name: "Karin Holm" },
            secretary: { id: "demo-cecilia", name: "Cecilia Ahmadi" },
            adjusters: [],
          },
        }),
      "GET /api/meetings/:id/candidates": () => [{ id: "demo-ivar", name: "Ivar Test" }],
      "PATCH /api/meetings/:id": () => meetingView(),
    });
    const history = openMeetingForm("/meetings/7/edit");
    expect((await screen.findByTestId("planned-chair")).textContent).toBe("Karin Holm");
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/7");
    expect(api.callsTo("PATCH /api/meetings/:id")[0]?.json?.officers).toBeUndefined();

    openMeetingForm("/meetings/7/edit");
    await screen.findByTestId("planned-chair");
    fireEvent.click(screen.getByRole("button", { name: "Ta bort Cecilia Ahmadi (Mötessekreterare)" }));
    typeInto(/^Sök en medlem med namn/, "iv");
    fireEvent.click(screen.getByRole("button", { name: "Sök" }));
    fireEvent.click(await screen.findByRole("button", { name: "Välj Ivar Test till justerare" }));
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => api.callsTo("PATCH /api/meetings/:id")).toHaveLength(2);
    expect(api.callsTo("GET /api/meetings/:id/candidates")[0]?.query).toEqual({ q: "iv" });
    expect(api.callsTo("PATCH /api/meetings/:id")[1]?.json?.officers).toEqual({
      chair: "demo-karin",
      secretary: null,
      adjusters: ["demo-ivar"],
    });
  });
});

describe("EditMeetingPage", () => {
  it("shows the plan in Stockholm time and sends the agenda back with its items' ids", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "GET /api/meetings/:id": () =>
        meetingView({
          agenda: [
            {
              id: 3,
              number: 1,
              title: "Öppnande",
              kind: "formal",
              motion: null,
              consultation: null,
              notesDocumentId: "meeting-notes:7-3",
            },
            {
              id: 4,
              number: 2,
              title: "Val",
              kind: "decision",
              motion: null,
              consultation: null,
              notesDocumentId: "meeting-notes:7-4",
            },
          ],
        }),
      "PATCH /api/meetings/:id": () => meetingView(),
    });
    const history = openMeetingForm("/meetings/7/edit");
    expect(((await screen.findByLabelText(/^Börjar/)) as HTMLInputElement).value).toBe("2026-12-01T18:30");
    fireEvent.click(screen.getByRole("button", { name: "Flytta punkt 1 ned" }));
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/7");
    expect(api.callsTo("PATCH /api/meetings/:id")[0]?.json?.agenda).toEqual([
      { id: 4, title: "Val", kind: "decision", motionId: null, consultationId: null },
      { id: 3, title: "Öppnande", kind: "formal", motionId: null, consultationId: null },
    ]);
  });

  it("warns that switching an open meeting to members only withdraws its guest links", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "GET /api/meetings/:id": () => meetingView({ access: "open" }),
      "PATCH /api/meetings/:id": () => meetingView({ access: "members" }),
    });
    const history = openMeetingForm("/meetings/7/edit");
    const members = await screen.findByLabelText(/^Medlemsmöte/);
    expect(screen.queryByTestId("guests-withdrawn-notice")).toBeNull();
    fireEvent.click(members);
    expect((await screen.findByTestId("guests-withdrawn-notice")).textContent).toMatch(
      /Gästlänkarna till mötet dras tillbaka/,
    );
    fireEvent.click(screen.getByLabelText(/^Öppet möte/));
    expect(screen.queryByTestId("guests-withdrawn-notice")).toBeNull();
    fireEvent.click(members);
    fireEvent.click(screen.getByTestId("save-meeting"));
    await expect.poll(() => history.get()).toBe("/meetings/7");
    expect(api.callsTo("PATCH /api/meetings/:id")[0]?.json?.access).toBe("members");
  });
});
