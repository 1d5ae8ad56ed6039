import type {
  AgendaItemKind,
  MeetingAccess,
  MeetingState,
  MeetingTemplate,
} from "../../../worker/shared/meetings";
import { type MessageKey, t } from "../i18n";
import "./messages.sv";

const accessKeys = {
  open: "meetings.access.open",
  members: "meetings.access.members",
} as const satisfies Record<MeetingAccess, MessageKey>;

const stateKeys = {
  planned: "meetings.state.planned",
  open: "meetings.state.open",
  closed: "meetings.state.closed",
} as const satisfies Record<MeetingState, MessageKey>;

const templateKeys = {
  blank: "meetings.template.blank",
  annual: "meetings.template.annual",
  board: "meetings.template.board",
  conversation: "meetings.template.conversation",
} as const satisfies Record<MeetingTemplate, MessageKey>;

const itemKindKeys = {
  formal: "meetings.itemKind.formal",
  decision: "meetings.itemKind.decision",
  discussion: "meetings.itemKind.discussion",
} as const satisfies Record<AgendaItemKind, MessageKey>;

export const accessLabel = (access: MeetingAccess) => t(accessKeys[access]);
export const meetingStateLabel = (state: MeetingState) => t(stateKeys[state]);
export const templateLabel = (template: MeetingTemplate) => t(templateKeys[template]);
export const itemKindLabel = (kind: AgendaItemKind) => t(itemKindKeys[kind]);
