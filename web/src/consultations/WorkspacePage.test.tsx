import { fireEvent, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Choice } from "../../../worker/shared/consultations";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { bengt, freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import { closesAt, version1, workspace } from "./testing";
import WorkspacePage, { workspacePollMs } from "./WorkspacePage";

freshStateForEachTest();
afterEach(() => {
  vi.useRealTimers();
});

const open = () =>
  renderAt("/consultations/5/groups/branch%3Agoteborg", {
    "/consultations/:id/groups/:group": WorkspacePage,
  });

describe("a group's workspace", () => {
  it("saves the group's choice, lets the chair submit, lists the version and reopens", async () => {
    loggedIn(bengt);
    const submitted = workspace({
      status: "submitted",
      can: ["consultation.submit"],
      draft: [{ questionId: 12, choices: [1] }],
      versions: [version1],
      latest: { ...version1, items: [{ questionId: 12, text: "", choices: [1], value: null }] },
    });
    const api = fakeApi({
      "GET /api/consultations/:id/groups/:group": () => workspace(),
      "PUT /api/consultations/:id/groups/:group/choices": ({ json }) =>
        workspace({ draft: json.choices as Choice[] }),
      "POST /api/consultations/:id/groups/:group/submit": () => submitted,
      "POST /api/consultations/:id/groups/:group/reopen": () => ({
        ...submitted,
        status: "reopened",
        can: workspace().can,
      }),
    });
    open();
    fireEvent.click(await screen.findByLabelText("Vård"));
    await expect.poll(() => api.callsTo("PUT /api/consultations/:id/groups/:group/choices").length).toBe(1);
    const [put] = api.callsTo("PUT /api/consultations/:id/groups/:group/choices");
    expect(put?.param).toEqual({ id: "5", group: "branch:goteborg" });
    expect(put?.json).toEqual({ choices: [{ questionId: 12, choices: [1] }] });

    fireEvent.click(screen.getByTestId("submit-answer"));
    await expect.poll(() => screen.getByTestId("workspace-status").textContent).toBe("Svar inlämnat");
    expect(screen.getByTestId("answer-version").textContent).toContain(
      "Version 1, 15 dec. 2026 18:00, av Bengt Olsson.",
    );
    expect(screen.getByTestId("answer-record").textContent).toContain("Vård");
    expect(screen.queryByTestId("answer-writer")).toBeNull();

    fireEvent.click(screen.getByTestId("reopen-answer"));
    await expect.poll(() => screen.getByTestId("workspace-status").textContent).toBe("Öppnat igen");
    expect(screen.getByTestId("submit-answer").textContent).toBe("Lämna in en ny version");
  });

  it("shows the group the published summary and which of its points were quoted", async () => {
    loggedIn(bengt);
    const base = workspace();
    fakeApi({
      "GET /api/consultations/:id/groups/:group": () =>
        workspace({
          consultation: {
            ...base.consultation,
            phase: "closed",
            summary: { text: "Tack.", publishedAt: closesAt },
          },
          status: "submitted",
          can: [],
          quoted: [
            {
              id: 1,
              group: base.group,
              questionId: 12,
              version: 1,
              excerpt: "Vården först",
              createdAt: closesAt,
            },
          ],
        }),
    });
    open();
    expect((await screen.findByTestId("quoted")).textContent).toContain("Vården först");
    expect(screen.getByTestId("quoted").textContent).toContain("Skola eller vård?");
    expect(screen.getByTestId("summary-published").textContent).toBe("Publicerad 15 dec. 2026 18:00.");
    expect(screen.queryByTestId("submit-answer")).toBeNull();
  });

  it("saves a member's own answer where the consultation asks for one", async () => {
    loggedIn(bengt);
    const asked = workspace({ can: ["consultation.write", "consultation.individual"] });
    const questions = [
      ...asked.consultation.questions,
      { id: 13, kind: "open" as const, prompt: "Varför?", comment: true, options: [], scale: null },
    ];
    const api = fakeApi({
      "GET /api/consultations/:id/groups/:group": () => ({
        ...asked,
        consultation: { ...asked.consultation, questions },
      }),
      "PUT /api/consultations/:id/groups/:group/individual": () => ({
        ...asked,
        consultation: { ...asked.consultation, questions },
      }),
    });
    open();
    const mine = await screen.findByTestId("individual-answers");
    fireEvent.click(
      mine.querySelector<HTMLInputElement>('input[name="mine-12"][type="radio"]') as HTMLInputElement,
    );
    fireEvent.input(screen.getByLabelText("Ditt svar på fråga 2"), { target: { value: "För att." } });
    fireEvent.click(screen.getByTestId("save-individual"));
    await expect
      .poll(() => api.callsTo("PUT /api/consultations/:id/groups/:group/individual").length)
      .toBe(1);
    expect(api.callsTo("PUT /api/consultations/:id/groups/:group/individual")[0]?.json).toEqual({
      items: [
        { questionId: 12, choices: [0] },
        { questionId: 13, text: "För att." },
      ],
    });
  });

  it("shows a colleague's choice and the chair's submit without a reload", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    loggedIn(bengt);
    let now = workspace();
    fakeApi({ "GET /api/consultations/:id/groups/:group": () => now });
    open();
    const vard = (await screen.findByLabelText("Vård")) as HTMLInputElement;
    expect(vard.checked).toBe(false);
    now = workspace({
      status: "submitted",
      can: [],
      draft: [{ questionId: 12, choices: [1] }],
      versions: [version1],
    });
    await vi.advanceTimersByTimeAsync(workspacePollMs);
    await expect.poll(() => screen.getByTestId("workspace-status").textContent).toBe("Svar inlämnat");
    expect(screen.getByTestId("answer-version")).toBeTruthy();
  });

  it("links back to the group's meeting that discusses the consultation", async () => {
    loggedIn(bengt);
    fakeApi({
      "GET /api/consultations/:id/groups/:group": () =>
        workspace({ meeting: { id: 7, title: "Medlemsmöte", startsAt: Date.UTC(2026, 11, 1, 17, 30) } }),
    });
    open();
    const link = await screen.findByTestId("workspace-meeting");
    expect(link.getAttribute("href")).toBe("/meetings/7");
    expect(link.textContent).toMatch(/^Behandlas på mötet Medlemsmöte, 1 dec\. 2026 \d\d:30$/);
  });

  it("names no meeting when none discusses it", async () => {
    loggedIn(bengt);
    fakeApi({ "GET /api/consultations/:id/groups/:group": () => workspace() });
    open();
    await screen.findByTestId("workspace-page");
    expect(screen.queryByTestId("workspace-meeting")).toBeNull();
  });
});
