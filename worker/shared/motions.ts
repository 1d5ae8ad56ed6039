import type { GroupRef } from "./org";

/**
 * Motions (motioner) and policy idea drafts (idéutkast), as the API and the web app see
 * them. No zod here (validators in motions-schemas.ts), so the web bundle stays small.
 *
 * The live text of a motion is the room document `motion:<id>`, one Y.Doc with:
 * - `title`: an XmlFragment holding one paragraph;
 * - `motivation`: an XmlFragment of rich text (paragraphs, headings, lists, quotes);
 * - `proposals`: a Y.Array of keys, the att-satser in order; each key names its own
 *   XmlFragment `proposal:<key>` holding the text after "att".
 * A TipTap editor binds one XmlFragment, so the web page puts one editor on the title, one
 * on the motivation and one per att-sats; adding or removing an att-sats is a change to the
 * array, so two authors doing it at once merge. The server freezes each att-sats on its own
 * (its decision belongs to it). Names never go into the document: authorship lives in D1.
 */

export const motionKinds = ["motion", "idea"] as const;
/** `motion`: with att-satser, can be submitted; `idea`: an idea draft, no proposals, can become a motion. */
export type MotionKind = (typeof motionKinds)[number];

/**
 * A motion's life:
 * - `draft`: the authors write; nobody else sees it;
 * - `collecting`: open for supporters among the group's members; the authors still write;
 * - `submitted`: frozen as a version in the group's motion period; the live text is read-only;
 * - `answered`: the board has written its statement (styrelsens yttrande);
 * - `decided`: the meeting has decided on each att-sats;
 * - `adopted`: the group made it its own and sent it to the level above (anta som egen);
 * - `sent_on`: sent to the level above as a member's motion (sända som enskild);
 * - `rejected`: not forwarded (avslå).
 */
export const motionStates = [
  "draft",
  "collecting",
  "submitted",
  "answered",
  "decided",
  "adopted",
  "sent_on",
  "rejected",
] as const;
export type MotionState = (typeof motionStates)[number];

/** States in which the authors still write the live text. */
export const editableStates = ["draft", "collecting"] as const satisfies readonly MotionState[];
/** States in which the board may write (or rewrite) its statement. */
export const answerableStates = ["submitted", "answered"] as const satisfies readonly MotionState[];

export function isEditable(state: MotionState): boolean {
  return (editableStates as readonly MotionState[]).includes(state);
}

/** The board's proposal, and the meeting's decision, on one att-sats. */
export const proposalVerdicts = ["approve", "reject", "answered", "amended"] as const;
/** approve: bifall; reject: avslag; answered: anses besvarad; amended: bifall med ändring (with new wording). */
export type ProposalVerdict = (typeof proposalVerdicts)[number];

/** What the group does with a decided motion. */
export const motionOutcomes = ["adopt", "send_on", "reject"] as const;
export type MotionOutcome = (typeof motionOutcomes)[number];

/** Names of the live document's parts (see the comment at the top). */
export const motionFields = {
  title: "title",
  motivation: "motivation",
  proposals: "proposals",
} as const;
export function proposalField(key: string): string {
  return `proposal:${key}`;
}
export const proposalKeyPattern = /^[A-Za-z0-9_-]{1,32}$/;

export function motionDocumentId(motionId: number): string {
  return `motion:${motionId}`;
}

/** Why a version was frozen. */
export const versionReasons = ["submitted", "decided", "forwarded"] as const;
export type VersionReason = (typeof versionReasons)[number];

/** ProseMirror JSON, without needing the editor's schema (the same shape as worker/rooms/documents.ts). */
export interface RichText {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichText[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** One att-sats as frozen: its key in the live document, its text and its rich text. */
export interface FrozenProposal {
  key: string;
  text: string;
  json: RichText;
  /** In a version frozen after the meeting: what the meeting decided on it. */
  decision?: ProposalVerdict;
}

/** One numbered line of a frozen version, as printed. */
export interface NumberedLine {
  number: number;
  text: string;
  /** Which part of the motion the line belongs to; `proposal` is the att-sats's index (0-based). */
  part: "title" | "motivation" | "proposal";
  proposal?: number;
  /** Printed with its number (every fifth line). */
  marked: boolean;
}

export const defaultLineLength = 80;
export const lineLengthLimits = { min: 40, max: 120 };
export const lineNumberMarkEvery = 5;

export interface MotionVersion {
  number: number;
  reason: VersionReason;
  title: string;
  motivation: { text: string; json: RichText };
  proposals: FrozenProposal[];
  createdAt: number;
  lineLength: number;
  lines: NumberedLine[];
}

export interface MotionPeriod {
  id: number;
  group: GroupRef;
  title: string;
  deadline: number;
  minSupporters: number;
  /** Whether members may submit their own motions here; motions a group below adopted are always accepted. */
  acceptsMemberMotions: boolean;
  lineLength: number;
  open: boolean;
}

export interface MotionAuthor {
  id: string;
  /** Null for a person who erased herself. */
  name: string | null;
  initiator: boolean;
}

/** The board's statement: a text and a proposal per att-sats (by index in the version it answers). */
export interface BoardStatement {
  version: number;
  text: string;
  proposals: { verdict: ProposalVerdict; amendedText?: string | undefined }[];
  createdAt: number;
}

export interface MeetingDecision {
  version: number;
  decisions: { verdict: ProposalVerdict; amendedText?: string | undefined }[];
  createdAt: number;
}

export interface MotionSummary {
  id: number;
  documentId: string;
  kind: MotionKind;
  state: MotionState;
  title: string;
  group: GroupRef;
  /** The group that forwarded it here, for a motion that came from the level below. */
  sender: GroupRef | null;
  supporters: number;
  updatedAt: number;
}

export interface MotionDetail extends MotionSummary {
  authors: MotionAuthor[];
  period: MotionPeriod | null;
  /** Whether the asker supports it. */
  supported: boolean;
  versions: { number: number; reason: VersionReason; createdAt: number }[];
  statement: BoardStatement | null;
  decision: MeetingDecision | null;
  /** The motion this one was forwarded from, and the one it was forwarded to. */
  origin: { id: number; group: GroupRef } | null;
  forwardedTo: { id: number; group: GroupRef } | null;
}

/**
 * What the web app may offer the asker on one motion (write its text, manage it as an
 * author, support it, treat it as the board), from the permission table; the Worker decides
 * every request again.
 */
export const motionActions = ["motion.write", "motion.manage", "motion.support", "motion.treat"] as const;
export type MotionAction = (typeof motionActions)[number];

/** A motion as its page gets it: the detail and what the asker may do with it. */
export interface MotionView extends MotionDetail {
  can: MotionAction[];
}

/** Someone who could be invited to write a motion: a member of its group who does not write it yet. */
export interface CoauthorCandidate {
  id: string;
  name: string;
}

export interface MotionList {
  group: GroupRef;
  motions: MotionSummary[];
}

export const motionTitleMaxLength = 200;
export const motionSearchMaxLength = 100;
export const motionListLimitMax = 100;
