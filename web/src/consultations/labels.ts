import type {
  AskableKind,
  ConsultationPhase,
  QuestionKind,
  WorkspaceStatus,
} from "../../../worker/shared/consultations";
import { type MessageKey, t } from "../i18n";
import "./messages.sv";

const phaseKeys = {
  draft: "consultations.phase.draft",
  scheduled: "consultations.phase.scheduled",
  open: "consultations.phase.open",
  closed: "consultations.phase.closed",
} as const satisfies Record<ConsultationPhase, MessageKey>;

const questionKindKeys = {
  open: "consultations.question.kind.open",
  single: "consultations.question.kind.single",
  multiple: "consultations.question.kind.multiple",
  scale: "consultations.question.kind.scale",
} as const satisfies Record<QuestionKind, MessageKey>;

const statusKeys = {
  none: "consultations.status.none",
  submitted: "consultations.status.submitted",
  reopened: "consultations.status.reopened",
} as const satisfies Record<WorkspaceStatus, MessageKey>;

const askableKeys = {
  branch: "kinds.branch",
  association: "kinds.association",
  side: "kinds.side",
} as const satisfies Record<AskableKind, MessageKey>;

export const phaseLabel = (phase: ConsultationPhase) => t(phaseKeys[phase]);
export const questionKindLabel = (kind: QuestionKind) => t(questionKindKeys[kind]);
export const statusLabel = (status: WorkspaceStatus) => t(statusKeys[status]);
/** "Arbetarekommuner", "S-föreningar", "Sidoorganisationer": the kinds a consultation asks as a whole. */
export const askableLabel = (kind: AskableKind) => t(askableKeys[kind]);
