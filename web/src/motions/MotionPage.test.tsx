import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import { AuthorActions } from "./AuthorActions";
import MotionPage from "./MotionPage";
import { ida, motionView, version } from "./testing";

freshStateForEachTest();

function open(address: string) {
  return renderAt(address, { "/motions/:id": MotionPage });
}

describe("MotionPage", () => {
  it("shows a motion one may not see (404) as a page that is not there", async () => {
    fakeApi({ "GET /api/motions/:id": () => apiError(404, "not_found") });
    open("/motions/7");
    expect(await screen.findByRole("heading", { name: "Sidan finns inte" })).toBeTruthy();
  });

  it("reads a frozen version with a number beside every fifth line", async () => {
    fakeApi({
      "GET /api/motions/:id": () => motionView(),
      "GET /api/motions/:id/versions/:number": () => version,
      "GET /api/motions/:id/amendments": () => ({ amendments: [] }),
    });
    open("/motions/7");
    const lines = await screen.findByRole("list", { name: "Motionens rader" });
    const items = within(lines).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "Träd på skolgårdarna",
      "Rad två",
      "Rad tre",
      "Rad fyra",
      "5att träd planteras",
      "att skuggtak byggs",
    ]);
    // The version line is a sentence in each language, whatever the version's reason.
    expect(
      screen.getByText(/^Versionen är inlämnad och låstes .+\. Radnumrerad med högst 80 tecken per rad\.$/),
    ).toBeTruthy();
    await setLocale("en");
    expect(screen.getByText(/^This version was submitted and locked .+\. Line-numbered/)).toBeTruthy();
    // No board forms for someone the table does not let treat it.
    expect(screen.queryByTestId("treat-panel")).toBeNull();
  });

  it("lets the board state a proposal per att-sats, with new wording for one approved as amended", async () => {
    const api = fakeApi({
      "GET /api/motions/:id": () => motionView({ can: ["motion.treat"] }),
      "GET /api/motions/:id/versions/:number": () => version,
      "GET /api/motions/:id/amendments": () => ({ amendments: [] }),
      "POST /api/motions/:id/statement": ({ json }) =>
        motionView({
          state: "answered",
          can: ["motion.treat"],
          statement: { version: 1, createdAt: 0, ...json },
        }),
    });
    open("/motions/7");
    const panel = await screen.findByTestId("treat-panel");
    fireEvent.input(await within(panel).findByLabelText(/^Yttrande/), {
      target: { value: "Vi tycker till." },
    });
    const [, second] = within(panel).getAllByTestId("statement-proposal");
    fireEvent.click(within(second as HTMLElement).getByLabelText("Bifall med ändrad lydelse"));
    fireEvent.input(within(second as HTMLElement).getByLabelText(/^Ny lydelse/), {
      target: { value: "skugga ordnas" },
    });
    fireEvent.click(within(panel).getByTestId("save-statement"));
    expect(await screen.findByText("Besvarad av styrelsen")).toBeTruthy();
    expect(api.callsTo("POST /api/motions/:id/statement")[0]?.json).toEqual({
      text: "Vi tycker till.",
      proposals: [{ verdict: "approve" }, { verdict: "amended", amendedText: "skugga ordnas" }],
    });
    // Next: the meeting's decision, starting from the board's proposals.
    expect(await screen.findByTestId("save-decision")).toBeTruthy();
  });

  it("says in the user's language why support was refused", async () => {
    loggedIn(ida);
    fakeApi({
      "GET /api/motions/:id": () =>
        motionView({ state: "collecting", versions: [], can: ["motion.support"] }),
      "POST /api/motions/:id/support": () => apiError(409, "motion_not_collecting"),
      // The live text's room: no token in this test.
      "POST /api/rooms/:documentId/token": () => apiError(403, "forbidden"),
    });
    setLocale("en");
    open("/motions/7");
    fireEvent.click(await screen.findByTestId("support"));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The motion is not collecting support right now.",
    );
  });
});

describe("AuthorActions", () => {
  it("submits to the chosen open period and shows the API's refusal in words", async () => {
    const api = fakeApi({
      "GET /api/motions/periods": () => [
        {
          id: 3,
          group: { kind: "branch", slug: "goteborg", name: "Göteborg" },
          title: "Motionstid",
          deadline: Date.UTC(2031, 0, 15, 12),
          minSupporters: 2,
          acceptsMemberMotions: true,
          lineLength: 80,
          open: true,
        },
      ],
      "POST /api/motions/:id/submit": () => apiError(409, "motion_too_few_supporters"),
    });
    const motion = motionView({ state: "collecting", can: ["motion.manage"] });
    render(() => <AuthorActions motion={motion} onChange={() => {}} />);
    const period = await screen.findByLabelText(/^Motionstid/);
    // The option is the period's name; its deadline and rule are said in full beside the select.
    expect(period.textContent).toBe("Motionstid");
    const rules = screen.getByTestId("period-rules");
    expect(rules.textContent).toMatch(/^Lämnas in senast .*2031.*\. Minst 2 stödpersoner krävs\.$/);
    expect(period.getAttribute("aria-describedby")).toBe(rules.parentElement?.id);
    fireEvent.click(screen.getByTestId("submit-motion"));
    expect((await screen.findByTestId("submit-error")).textContent).toBe(
      "Motionen har för få stödjande medlemmar för att lämnas in under den här motionstiden.",
    );
    expect(api.callsTo("POST /api/motions/:id/submit")[0]?.json).toEqual({ periodId: 3 });
  });

  it("says the chosen period's rule in whole words, in Swedish and in English", async () => {
    const period = (id: number, title: string, minSupporters: number) => ({
      id,
      group: { kind: "branch", slug: "goteborg", name: "Göteborg" } as const,
      title,
      deadline: Date.UTC(2031, 0, 15, 12),
      minSupporters,
      acceptsMemberMotions: true,
      lineLength: 80,
      open: true,
    });
    fakeApi({ "GET /api/motions/periods": () => [period(4, "Årsmötet", 1), period(5, "Extra möte", 0)] });
    render(() => (
      <AuthorActions
        motion={motionView({ state: "collecting", can: ["motion.manage"] })}
        onChange={() => {}}
      />
    ));
    const select = await screen.findByLabelText(/^Motionstid/);
    expect(screen.getByTestId("period-rules").textContent).toMatch(/Minst 1 stödperson krävs\.$/);
    fireEvent.change(select, { target: { value: "5" } });
    expect(screen.getByTestId("period-rules").textContent).toMatch(/Inga stödpersoner krävs\.$/);
    await setLocale("en");
    expect(screen.getByTestId("period-rules").textContent).toMatch(
      /^Submit by .*2031.*\. No supporters required\.$/,
    );
    fireEvent.change(select, { target: { value: "4" } });
    expect(screen.getByTestId("period-rules").textContent).toMatch(/At least 1 supporter required\.$/);
  });

  it("finds a co-author by name and invites her", async () => {
    const api = fakeApi({
      "GET /api/motions/:id/candidates": () => [{ id: "demo-cecilia", name: "Cecilia Ahmadi" }],
      "POST /api/motions/:id/coauthors": () => motionView({ state: "draft" }),
      "GET /api/motions/periods": () => [],
    });
    render(() => (
      <AuthorActions motion={motionView({ state: "draft", can: ["motion.manage"] })} onChange={() => {}} />
    ));
    fireEvent.input(screen.getByLabelText(/^Sök en medlem/), { target: { value: "ahm" } });
    fireEvent.click(screen.getByRole("button", { name: "Sök" }));
    fireEvent.click(await screen.findByRole("button", { name: "Bjud in Cecilia Ahmadi" }));
    await screen.findByText(/Gruppen har ingen öppen motionstid/);
    expect(api.callsTo("GET /api/motions/:id/candidates")[0]?.query).toEqual({ q: "ahm" });
    await expect
      .poll(() => api.callsTo("POST /api/motions/:id/coauthors")[0]?.json)
      .toEqual({
        personId: "demo-cecilia",
      });
  });
});
