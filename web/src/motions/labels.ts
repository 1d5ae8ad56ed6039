import type {
  AmendmentState,
  MotionOutcome,
  MotionPeriod,
  MotionState,
  ProposalVerdict,
  VersionReason,
} from "../../../worker/shared/motions";
import { type MessageKey, t, tp } from "../i18n";
import "./messages.sv";
import { formatDateTime } from "../identity/format";

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

const reasonKeys = {
  submitted: "motions.reason.submitted",
  decided: "motions.reason.decided",
  forwarded: "motions.reason.forwarded",
  amended: "motions.reason.amended",
} as const satisfies Record<VersionReason, MessageKey>;

const amendmentStateKeys = {
  open: "motions.amendmentState.open",
  accepted: "motions.amendmentState.accepted",
  rejected: "motions.amendmentState.rejected",
  needs_rework: "motions.amendmentState.needs_rework",
} as const satisfies Record<AmendmentState, MessageKey>;

export const reasonLabel = (reason: VersionReason) => t(reasonKeys[reason]);
export const amendmentStateLabel = (state: AmendmentState) => t(amendmentStateKeys[state]);

/** A motion period's rules in two short sentences: when it closes, and how much support a motion needs. */
export function periodRules(period: Pick<MotionPeriod, "deadline" | "minSupporters">): string {
  const supporters =
    period.minSupporters === 0
      ? t("motions.period.noSupporters")
      : tp("motions.period.supporters", period.minSupporters);
  return `${t("motions.period.deadline", { deadline: formatDateTime(period.deadline) })} ${supporters}`;
}
