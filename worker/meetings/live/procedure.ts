import type {
  DecisionAnnex,
  MeetingCommand,
  ProposalKind,
  ProposalView,
  TieDraw,
} from "../../shared/meetings";
import { proposalKindsWithText } from "../../shared/meetings";
import { attSatsCount } from "../motions";
import { recordDecision } from "./record";
import {
  type CommandContext,
  changed,
  currentList,
  type Outcome,
  openVote,
  requireChair,
  requireMembersOnly,
} from "./rules";
import {
  type ItemProcedure,
  type LiveState,
  listState,
  officerRolesOf,
  Refused,
  type StoredParticipant,
  type StoredStep,
} from "./state";

/**
 * The formal procedure on an item, as Swedish associations run it: proposals (yrkanden) per
 * att-sats, the order of decisions (propositionsordning) the chair proposes and the meeting
 * approves, each step decided by acclamation unless a voter demands a count (votering), ties
 * settled by the meeting's rule, and what is attached to a decision before justering.
 */

export type ProcedureCommand = Extract<
  MeetingCommand,
  {
    type:
      | "proposal.add"
      | "proposal.withdraw"
      | "order.propose"
      | "order.approve"
      | "step.demand_count"
      | "step.decide"
      | "decision.reserve"
      | "decision.note"
      | "decision.adjust";
  }
>;

const kindNames: Record<ProposalKind, string> = {
  approve: "bifall",
  reject: "avslag",
  amend: "ändringsyrkande",
  add: "tilläggsyrkande",
  table: "bordläggning",
  refer: "återremiss",
};

/** How a proposal is named in votes and the minutes: by number and kind, never by who made it. */
function proposalLabel(p: ProposalView): string {
  const attSats = p.attSats !== null ? `, att-sats ${p.attSats + 1}` : "";
  return `Yrkande ${p.id} (${kindNames[p.kind]}${attSats})`;
}

function itemProcedure(state: LiveState, itemId: number): ItemProcedure {
  const key = String(itemId);
  state.procedure ??= {};
  state.procedure[key] ??= { proposals: [], order: null };
  return state.procedure[key];
}

function currentItemId(state: LiveState): number {
  if (state.currentItemId === null) throw new Refused("meeting_no_current_item");
  return state.currentItemId;
}

/** The right to speak and propose: a member of the meeting, never a guest. */
function requireMember(sender: StoredParticipant): void {
  if (sender.guest) throw new Refused("meeting_not_allowed");
}

/** A voter: on the roll with a vote. */
function requireVoter(sender: StoredParticipant): void {
  if (sender.guest || !sender.votingRight) throw new Refused("meeting_no_vote_right");
}

/** The step `index` of the current item's approved order, if it is the one to decide now. */
function stepToDecide(procedure: ItemProcedure, index: number): StoredStep {
  const order = procedure.order;
  if (!order?.approved) throw new Refused("meeting_order_not_approved");
  const step = order.steps[index];
  if (!step) throw new Refused("meeting_no_such_entry");
  if (step.outcome) throw new Refused("meeting_step_decided");
  if (order.steps.findIndex((s) => !s.outcome) !== index) throw new Refused("meeting_step_not_current");
  return step;
}

function proposalOf(procedure: ItemProcedure, id: number): ProposalView {
  const proposal = procedure.proposals.find((p) => p.id === id);
  if (!proposal) throw new Refused("meeting_no_such_entry");
  return proposal;
}

/** A uniform index below `n` from the platform's CSPRNG (rejection sampling: no modulo bias). */
function drawIndex(n: number): number {
  const limit = Math.floor(2 ** 32 / n) * n;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while ((word[0] as number) >= limit);
  return (word[0] as number) % n;
}

async function openStepCount(ctx: CommandContext, itemId: number, step: StoredStep, index: number) {
  const procedure = itemProcedure(ctx.state, itemId);
  step.voteId = await openVote(ctx, {
    itemId,
    question: `Votering, steg ${index + 1} i propositionsordningen`,
    options: step.proposalIds.map((id) => proposalLabel(proposalOf(procedure, id))),
    secret: step.election || step.secret,
  });
}

/**
 * After a vote closed: the first count demanded while another vote was open, opened now.
 * A demanded count is never refused, only held until the room can hold it.
 */
export async function openPendingCount(ctx: CommandContext): Promise<boolean> {
  for (const [itemId, procedure] of Object.entries(ctx.state.procedure ?? {})) {
    const steps = procedure.order?.steps ?? [];
    const index = steps.findIndex((s) => s.countDemanded && s.voteId === null && !s.outcome);
    const step = steps[index];
    if (step) {
      await openStepCount(ctx, Number(itemId), step, index);
      return true;
    }
  }
  return false;
}

/** The winner of a counted step: the most votes, a tie settled by the meeting's rule for its kind. */
function countedWinner(
  ctx: CommandContext,
  step: StoredStep,
  castingVote: number | undefined,
): { proposalId: number; draw: TieDraw | null } {
  const vote = ctx.state.votes.find((v) => v.id === step.voteId);
  if (!vote || vote.open || !vote.counts) throw new Refused("meeting_count_pending");
  const counts = vote.counts;
  const most = Math.max(...counts);
  const among = step.proposalIds.filter((_, i) => counts[i] === most);
  const [only] = among;
  if (among.length === 1 && only !== undefined) return { proposalId: only, draw: null };
  const method = step.election ? ctx.state.settings.tieBreakElection : ctx.state.settings.tieBreakOrdinary;
  if (method === "casting") {
    if (castingVote === undefined || !among.includes(castingVote)) {
      throw new Refused("meeting_casting_vote_needed");
    }
    return { proposalId: castingVote, draw: { method, among, picked: castingVote } };
  }
  const picked = among[drawIndex(among.length)] as number;
  return { proposalId: picked, draw: { method, among, picked } };
}

function annexOf(state: LiveState, decisionId: number): DecisionAnnex {
  if (!state.decisions.some((d) => d.id === decisionId)) throw new Refused("meeting_no_such_entry");
  const key = String(decisionId);
  state.annexes ??= {};
  state.annexes[key] ??= {
    decisionId,
    reservations: [],
    notes: [],
    adjustedBy: [],
    adjusted: false,
    draw: null,
  };
  const annex = state.annexes[key];
  if (annex.adjusted) throw new Refused("meeting_decision_adjusted");
  return annex;
}

/** "§ 4" for the decision's item, as the minutes number it. */
function paragraphOf(state: LiveState, decisionId: number): string {
  const itemId = state.decisions.find((d) => d.id === decisionId)?.itemId;
  return `§ ${state.agenda.find((i) => i.id === itemId)?.number ?? "?"}`;
}

export async function runProcedureCommand(
  ctx: CommandContext,
  sender: StoredParticipant,
  command: ProcedureCommand,
): Promise<Outcome> {
  const { state, db, now } = ctx;
  requireMembersOnly(state);
  switch (command.type) {
    case "proposal.add": {
      requireMember(sender);
      const itemId = currentItemId(state);
      // Streck i debatten locks the proposals with the list.
      if (listState(currentList(state), now) === "closed") throw new Refused("meeting_proposals_locked");
      const procedure = itemProcedure(state, itemId);
      if (procedure.order?.approved) throw new Refused("meeting_order_locked");
      const text = command.text ?? null;
      if (proposalKindsWithText.includes(command.kind) && text === null) {
        throw new Refused("meeting_proposal_text_needed");
      }
      const attSats = command.attSats ?? null;
      if (attSats !== null) {
        const motionId = state.agenda.find((i) => i.id === itemId)?.motionId;
        if (!motionId) throw new Refused("meeting_bad_command");
        if (attSats >= (await attSatsCount(db, motionId))) throw new Refused("meeting_no_such_entry");
      }
      const proposal: ProposalView = {
        id: state.nextProposalId ?? 1,
        itemId,
        attSats,
        kind: command.kind,
        text,
        participantId: sender.id,
        name: sender.name,
      };
      state.nextProposalId = proposal.id + 1;
      procedure.proposals.push(proposal);
      return changed({
        minutes: [{ kind: "paragraph", text: `${proposalLabel(proposal)}${text ? `: ${text}` : "."}` }],
      });
    }
    case "proposal.withdraw": {
      const procedure = itemProcedure(state, currentItemId(state));
      const proposal = proposalOf(procedure, command.proposalId);
      if (proposal.participantId !== sender.id) throw new Refused("meeting_not_allowed");
      if (procedure.order?.approved) throw new Refused("meeting_order_locked");
      procedure.proposals = procedure.proposals.filter((p) => p.id !== proposal.id);
      // An order not yet approved that put it is void: the chair proposes another.
      if (procedure.order?.steps.some((s) => s.proposalIds.includes(proposal.id))) procedure.order = null;
      return changed({ minutes: [{ kind: "paragraph", text: `Yrkande ${proposal.id} återtogs.` }] });
    }
    case "order.propose": {
      requireChair(state, sender);
      const procedure = itemProcedure(state, currentItemId(state));
      if (procedure.order?.approved) throw new Refused("meeting_order_locked");
      for (const step of command.steps) {
        if (new Set(step.proposalIds).size !== step.proposalIds.length)
          throw new Refused("meeting_bad_command");
        for (const id of step.proposalIds) proposalOf(procedure, id);
      }
      procedure.order = {
        approved: false,
        steps: command.steps.map((step) => ({
          proposalIds: step.proposalIds,
          election: step.election === true,
          countDemanded: false,
          voteId: null,
          outcome: null,
          secret: false,
        })),
      };
      return changed();
    }
    case "order.approve": {
      requireChair(state, sender);
      const procedure = itemProcedure(state, currentItemId(state));
      if (!procedure.order) throw new Refused("meeting_order_not_approved");
      if (procedure.order.approved) throw new Refused("meeting_order_locked");
      procedure.order.approved = true;
      const steps = procedure.order.steps
        .map((s, i) => `steg ${i + 1}: ${s.proposalIds.map((id) => `yrkande ${id}`).join(" mot ")}`)
        .join("; ");
      return changed({
        minutes: [{ kind: "paragraph", text: `Mötet godkände propositionsordningen (${steps}).` }],
      });
    }
    case "step.demand_count": {
      requireVoter(sender);
      const itemId = currentItemId(state);
      const step = stepToDecide(itemProcedure(state, itemId), command.step);
      if (step.countDemanded) {
        // Asked already: a request for a secret ballot still counts until the vote opens.
        if (command.secret && step.voteId === null) step.secret = true;
        return changed({ shared: command.secret === true && step.voteId === null });
      }
      step.countDemanded = true;
      step.secret = command.secret === true;
      // Another vote still open: this count opens as soon as it closes (never refused).
      if (!state.votes.some((v) => v.open)) await openStepCount(ctx, itemId, step, command.step);
      return changed({ minutes: [{ kind: "paragraph", text: "Votering begärdes." }] });
    }
    case "step.decide": {
      requireChair(state, sender);
      const itemId = currentItemId(state);
      const procedure = itemProcedure(state, itemId);
      const step = stepToDecide(procedure, command.step);
      let outcome: { proposalId: number; draw: TieDraw | null };
      if (step.countDemanded) outcome = countedWinner(ctx, step, command.proposalId);
      else if (command.proposalId !== undefined && step.proposalIds.includes(command.proposalId)) {
        outcome = { proposalId: command.proposalId, draw: null };
      } else throw new Refused("meeting_no_such_entry");
      const winner = proposalOf(procedure, outcome.proposalId);
      const how = step.countDemanded ? " efter votering" : "";
      const tie = outcome.draw
        ? outcome.draw.method === "lots"
          ? " Lika röstetal; avgjort genom lottning."
          : " Lika röstetal; avgjort med ordförandens utslagsröst."
        : "";
      const text = `Mötet beslutade${how} enligt ${proposalLabel(winner).toLowerCase()}${winner.text ? `: ${winner.text}` : "."}${tie}`;
      const decision = await recordDecision(
        db,
        state.meetingId,
        { itemId, text, voteId: step.voteId, motionVerdicts: null },
        sender.id,
        now,
      );
      state.decisions.push(decision);
      step.outcome = {
        proposalId: winner.id,
        by: step.countDemanded ? "count" : "acclamation",
        decisionId: decision.id,
        draw: outcome.draw,
      };
      if (outcome.draw) annexOf(state, decision.id).draw = outcome.draw;
      return changed({ minutes: [{ kind: "paragraph", text: `Beslut: ${text}` }] });
    }
    case "decision.reserve": {
      requireVoter(sender);
      const annex = annexOf(state, command.decisionId);
      if (annex.reservations.some((r) => r.participantId === sender.id)) return changed({ shared: false });
      const text = command.text ?? null;
      annex.reservations.push({ participantId: sender.id, name: sender.name, text });
      const where = paragraphOf(state, command.decisionId);
      return changed({
        minutes: [
          { kind: "paragraph", text: `Reservation mot beslutet i ${where}${text ? `: ${text}` : "."}` },
        ],
      });
    }
    case "decision.note": {
      requireMember(sender);
      const annex = annexOf(state, command.decisionId);
      annex.notes.push({ participantId: sender.id, name: sender.name, text: command.text });
      const where = paragraphOf(state, command.decisionId);
      return changed({
        minutes: [
          { kind: "paragraph", text: `Protokollsanteckning till beslutet i ${where}: ${command.text}` },
        ],
      });
    }
    case "decision.adjust": {
      if (!officerRolesOf(state, sender.id).includes("adjuster")) throw new Refused("meeting_not_allowed");
      const annex = annexOf(state, command.decisionId);
      if (annex.adjustedBy.includes(sender.id)) return changed({ shared: false });
      annex.adjustedBy.push(sender.id);
      const adjusters = state.officers.filter((o) => o.role === "adjuster").map((o) => o.participantId);
      annex.adjusted = adjusters.every((id) => annex.adjustedBy.includes(id));
      const where = paragraphOf(state, command.decisionId);
      return changed({
        minutes: annex.adjusted
          ? [{ kind: "paragraph", text: `Beslutet i ${where} justerades omedelbart.` }]
          : [],
      });
    }
  }
}
