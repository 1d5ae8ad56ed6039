import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { DecisionStepView, ItemProcedureView, ProposalView } from "../../../../worker/shared/meetings";
import { loggedIn } from "../../identity/session";
import { freshStateForEachTest } from "../../identity/testing";
import { karin, meetingView } from "../testing";
import { LiveMeeting } from "./LiveMeeting";
import { fakeMeetingRooms, frame, liveState, meetingSocket, sentCommands, youState } from "./testing";

freshStateForEachTest();
fakeMeetingRooms();

const proposal = (
  id: number,
  kind: ProposalView["kind"],
  participantId: string,
  text: string | null = null,
) => ({
  id,
  itemId: 2,
  attSats: null,
  kind,
  text,
  participantId,
  name: participantId === "demo-ida" ? "Ida Karlsson" : "Karin Chair",
});

const step = (fields: Partial<DecisionStepView> = {}): DecisionStepView => ({
  proposalIds: [1, 2],
  election: false,
  countDemanded: false,
  voteId: null,
  outcome: null,
  ...fields,
});

const procedureOf = (fields: Partial<ItemProcedureView> = {}): ItemProcedureView => ({
  itemId: 2,
  proposals: [
    proposal(1, "approve", "demo-karin"),
    proposal(2, "amend", "demo-ida", "Bygg fler hyresrätter"),
  ],
  order: null,
  ...fields,
});

async function joined(procedure: ItemProcedureView, you = youState(), extra = {}) {
  loggedIn(karin);
  render(() => <LiveMeeting meeting={meetingView()} />);
  const socket = await meetingSocket();
  frame(socket, {
    type: "state",
    version: 1,
    meeting: liveState({ currentItemId: 2, procedure, ...extra }),
    you,
  });
  await screen.findByTestId("procedure");
  return socket;
}

describe("the formal procedure on the meeting page", () => {
  it("a member enters a proposal, needs a wording for an amendment, and withdraws only her own", async () => {
    const socket = await joined(procedureOf());
    expect(screen.getAllByTestId("proposal").map((li) => li.textContent)).toEqual([
      "Yrkande 1: Bifall av Karin Chair",
      "Yrkande 2: Ändringsyrkande av Ida KarlssonBygg fler hyresrätterTa tillbaka",
    ]);
    const form = within(screen.getByTestId("new-proposal"));
    fireEvent.change(form.getByLabelText("Slag av yrkande"), { target: { value: "amend" } });
    fireEvent.submit(screen.getByTestId("new-proposal"));
    expect(sentCommands(socket)).toEqual([]);
    fireEvent.input(form.getByLabelText("Yrkandets lydelse"), { target: { value: "Stryk andra meningen" } });
    fireEvent.submit(screen.getByTestId("new-proposal"));
    fireEvent.click(screen.getByRole("button", { name: "Ta tillbaka yrkande 2" }));
    expect(sentCommands(socket)).toEqual([
      { type: "proposal.add", kind: "amend", text: "Stryk andra meningen" },
      { type: "proposal.withdraw", proposalId: 2 },
    ]);
    expect(screen.queryByRole("button", { name: "Ta tillbaka yrkande 1" })).toBeNull();
    // Streck i debatten locks the proposals with the list.
    frame(socket, {
      type: "state",
      version: 2,
      meeting: liveState({
        currentItemId: 2,
        procedure: procedureOf(),
        speakers: { itemId: 2, state: "closed", closesAt: null, current: null, queue: [] },
      }),
      you: youState(),
    });
    expect((await screen.findByTestId("proposals-locked")).textContent).toBe("Yrkandena är låsta.");
    expect(screen.queryByTestId("new-proposal")).toBeNull();
    expect(screen.queryByRole("button", { name: "Ta tillbaka yrkande 2" })).toBeNull();
  });

  it("the chair proposes the order, the meeting approves it, and her gavel decides a step", async () => {
    const chair = youState({ participantId: "demo-karin", officer: ["chair"] });
    const socket = await joined(procedureOf(), chair);
    expect(screen.getByTestId("order").textContent).toContain("Ordföranden har inte föreslagit");
    const draft = within(screen.getByTestId("order-draft"));
    fireEvent.click(draft.getByLabelText("Yrkande 1: Bifall"));
    fireEvent.click(draft.getByLabelText("Yrkande 2: Ändringsyrkande"));
    fireEvent.click(draft.getByRole("button", { name: "Lägg till steg" }));
    fireEvent.click(screen.getAllByTestId("order-draft-step")[1]?.querySelector("input") as HTMLInputElement);
    fireEvent.click(
      within(screen.getAllByTestId("order-draft-step")[1] as HTMLElement).getByLabelText("Personval"),
    );
    fireEvent.submit(screen.getByTestId("order-draft"));
    expect(sentCommands(socket)).toEqual([
      {
        type: "order.propose",
        steps: [
          { proposalIds: [1, 2], election: false },
          { proposalIds: [1], election: true },
        ],
      },
    ]);
    frame(socket, {
      type: "state",
      version: 2,
      meeting: liveState({
        currentItemId: 2,
        procedure: procedureOf({ order: { steps: [step()], approved: false } }),
      }),
      you: chair,
    });
    expect((await screen.findByTestId("order-status")).textContent).toBe(
      "Föreslagen, inte godkänd av mötet än.",
    );
    expect(screen.getByTestId("order-step").textContent).toContain(
      "Steg 1: Yrkande 1: Bifall mot Yrkande 2: Ändringsyrkande",
    );
    fireEvent.click(screen.getByTestId("approve-order"));
    frame(socket, {
      type: "state",
      version: 3,
      meeting: liveState({
        currentItemId: 2,
        procedure: procedureOf({ order: { steps: [step()], approved: true } }),
      }),
      you: chair,
    });
    const gavels = await screen.findAllByTestId("gavel");
    expect(gavels.map((b) => b.textContent)).toEqual(["Klubba: yrkande 1", "Klubba: yrkande 2"]);
    expect(screen.queryByTestId("new-proposal")).toBeNull();
    fireEvent.click(gavels[1] as HTMLElement);
    expect(sentCommands(socket).slice(1)).toEqual([
      { type: "order.approve" },
      { type: "step.decide", step: 0, proposalId: 2 },
    ]);
    frame(socket, {
      type: "state",
      version: 4,
      meeting: liveState({
        currentItemId: 2,
        procedure: procedureOf({
          order: {
            steps: [step({ outcome: { proposalId: 2, by: "acclamation", decisionId: 9, draw: null } })],
            approved: true,
          },
        }),
      }),
      you: chair,
    });
    expect((await screen.findByTestId("step-outcome")).textContent).toBe(
      "Beslut enligt yrkande 2 (acklamation).",
    );
    expect(screen.queryByTestId("gavel")).toBeNull();
  });

  it("a voter demands a count; after a tie the chair gives her casting vote; the decision shows the draw", async () => {
    const counted = step({ countDemanded: true, voteId: 4 });
    const socket = await joined(procedureOf({ order: { steps: [step()], approved: true } }));
    expect(screen.queryByTestId("gavel")).toBeNull();
    fireEvent.click(screen.getByTestId("demand-count"));
    expect(sentCommands(socket)).toEqual([{ type: "step.demand_count", step: 0 }]);

    const chair = youState({ participantId: "demo-karin", officer: ["chair"] });
    const tiedVote = {
      id: 4,
      itemId: 2,
      question: "Votering, steg 1",
      options: ["Yrkande 1", "Yrkande 2"],
      secret: false,
      open: false,
      eligible: 4,
      voted: 4,
      counts: [2, 2],
    };
    frame(socket, {
      type: "state",
      version: 2,
      meeting: liveState({
        currentItemId: 2,
        votes: [tiedVote],
        procedure: procedureOf({ order: { steps: [counted], approved: true } }),
      }),
      you: chair,
    });
    expect((await screen.findByTestId("count-demanded")).textContent).toBe("Votering är begärd.");
    expect(screen.queryByTestId("demand-count")).toBeNull();
    const casting = screen.getAllByTestId("casting-vote");
    expect(casting.map((b) => b.textContent)).toEqual(["Utslagsröst: yrkande 1", "Utslagsröst: yrkande 2"]);
    fireEvent.click(casting[0] as HTMLElement);
    expect(sentCommands(socket).at(-1)).toEqual({ type: "step.decide", step: 0, proposalId: 1 });

    const draw = { method: "lots" as const, among: [1, 2], picked: 2 };
    frame(socket, {
      type: "state",
      version: 3,
      meeting: liveState({
        currentItemId: 2,
        settings: { ...liveState().settings, tieBreakOrdinary: "lots" },
        votes: [tiedVote],
        decisions: [
          {
            id: 9,
            itemId: 2,
            text: "Mötet beslutade enligt yrkande 2.",
            motionVerdicts: null,
            voteId: 4,
            createdAt: 1,
          },
        ],
        annexes: [{ decisionId: 9, reservations: [], notes: [], adjustedBy: [], adjusted: false, draw }],
        procedure: procedureOf({
          order: {
            steps: [{ ...counted, outcome: { proposalId: 2, by: "count", decisionId: 9, draw } }],
            approved: true,
          },
        }),
      }),
      you: chair,
    });
    const lot = "Lika röstetal mellan yrkande 1, 2; lotten föll på yrkande 2.";
    expect((await screen.findByTestId("step-outcome")).textContent).toBe(
      `Beslut enligt yrkande 2 (votering). ${lot}`,
    );
    expect(screen.getByTestId("decision-annex").textContent).toContain(lot);
  });

  it("on a decision: a voter's reservation, a note, and the adjusters' immediate approval", async () => {
    const decision = { id: 9, itemId: 2, text: "Beslut.", motionVerdicts: null, voteId: null, createdAt: 1 };
    const annex = { decisionId: 9, reservations: [], notes: [], adjustedBy: [], adjusted: false, draw: null };
    const adjuster = youState({ officer: ["adjuster"] });
    const socket = await joined(procedureOf(), adjuster, { decisions: [decision], annexes: [annex] });
    const box = within(screen.getByTestId("decision-annex"));
    fireEvent.input(box.getByLabelText(/^Text till beslut 9/), { target: { value: "Jag ville ha mer" } });
    fireEvent.click(box.getByTestId("reserve"));
    fireEvent.click(box.getByTestId("note"));
    fireEvent.input(box.getByLabelText(/^Text till beslut 9/), { target: { value: "Noterat" } });
    fireEvent.click(box.getByTestId("note"));
    fireEvent.click(box.getByTestId("adjust"));
    expect(sentCommands(socket)).toEqual([
      { type: "decision.reserve", decisionId: 9, text: "Jag ville ha mer" },
      { type: "decision.note", decisionId: 9, text: "Noterat" },
      { type: "decision.adjust", decisionId: 9 },
    ]);
    frame(socket, {
      type: "state",
      version: 2,
      meeting: liveState({
        currentItemId: 2,
        decisions: [decision],
        annexes: [
          {
            ...annex,
            reservations: [{ participantId: "demo-ida", name: "Ida Karlsson", text: "Jag ville ha mer" }],
            notes: [{ participantId: "demo-ida", name: "Ida Karlsson", text: "Noterat" }],
            adjustedBy: ["demo-ida"],
            adjusted: true,
          },
        ],
        procedure: procedureOf(),
      }),
      you: adjuster,
    });
    expect((await screen.findByTestId("reservation")).textContent).toBe(
      "Ida Karlsson reserverade sig: Jag ville ha mer",
    );
    expect(screen.getByTestId("decision-note").textContent).toBe("Ida Karlsson: Noterat");
    expect(screen.getByTestId("decision-adjusted").textContent).toBe("Justerad omedelbart.");
    expect(screen.queryByTestId("reserve")).toBeNull();
  });

  it("a paused speaker list is shown to all, and the chair resumes it", async () => {
    const paused = { itemId: 2, state: "open", paused: true, closesAt: null, current: null, queue: [] };
    const socket = await joined(
      procedureOf(),
      youState({ participantId: "demo-karin", officer: ["chair"] }),
      {
        speakers: paused,
      },
    );
    expect(screen.getByTestId("speakers-paused").textContent).toBe(
      "En ordningsfråga behandlas: talarlistan väntar.",
    );
    fireEvent.click(screen.getByTestId("speakers-resume"));
    expect(sentCommands(socket)).toEqual([{ type: "speakers.resume" }]);
  });
});
