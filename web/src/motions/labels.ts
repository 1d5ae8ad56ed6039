import type { MotionOutcome, MotionState, ProposalVerdict } from "../../../worker/shared/motions";
import { type MessageKey, t } from "../i18n";

const stateKeys = {
  draft: "motions.state.draft",
  collecting: "motions.state.collecting",
  submitted: "motions.state.submitted",
  answered: "motions.state.answered",
  decided: "motions.state.decided",
  adopted: "motions.state.adopted",
  sent_on: "motions.state.sent_on",
  rejected: "motions.state.rejected",
} as const satisfies Record<MotionState, MessageKey>;

const verdictKeys = {
  approve: "motions.verdict.approve",
  reject: "motions.verdict.reject",
  answered: "motions.verdict.answered",
  amended: "motions.verdict.amended",
} as const satisfies Record<ProposalVerdict, MessageKey>;

const outcomeKeys = {
  adopt: "motions.outcome.adopt",
  send_on: "motions.outcome.send_on",
  reject: "motions.outcome.reject",
} as const satisfies Record<MotionOutcome, MessageKey>;

export const stateLabel = (state: MotionState) => t(stateKeys[state]);
export const verdictLabel = (verdict: ProposalVerdict) => t(verdictKeys[verdict]);
export const outcomeLabel = (outcome: MotionOutcome) => t(outcomeKeys[outcome]);
