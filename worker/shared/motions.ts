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

/** A new att-sats key: short, random, safe in a fragment name (the server's and the editor's). */
export function newProposalKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(36).padStart(2, "0")).join(
    "",
  );
}

export function motionDocumentId(motionId: number): string {
  return `motion:${motionId}`;
}

/** Why a version was frozen: `amended` when the board accepted an amendment into it. */
export const versionReasons = ["submitted", "decided", "forwarded", "amended"] as const;
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
  /**
   * The block the line is in: the motivation's paragraph (or heading) by index among them,
   * the att-sats's index, 0 in the title. An amendment's lines lie in one block.
   */
  block: number;
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
 * author, support it, treat it as the board, propose amendments, comment), from the
 * permission table; the Worker decides every request again.
 */
export const motionActions = [
  "motion.write",
  "motion.manage",
  "motion.support",
  "motion.treat",
  "motion.amend",
  "motion.comment",
] as const;
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

/**
 * An amendment (ändringsyrkande): "rad 12–14: stryk …, ersätt med …". It names a frozen
 * version and a range of its line numbers within ONE block: a paragraph (or heading) of the
 * motivation, or one att-sats; the title is not amended. `text` replaces exactly those lines
 * (empty: they are struck); an amended att-sats still begins with "att". Line numbers of a
 * version never change, so an amendment stays tied to the version it was made against.
 * - `open`: waiting for the board;
 * - `accepted`: merged into a new version (`resultVersion`);
 * - `rejected`: decided against;
 * - `needs_rework`: another amendment touching the same words was accepted first; it is
 *   never merged silently, the proposer writes a new one against the new version.
 */
export const amendmentStates = ["open", "accepted", "rejected", "needs_rework"] as const;
export type AmendmentState = (typeof amendmentStates)[number];

export const amendmentDecisions = ["accept", "reject"] as const;
export type AmendmentDecision = (typeof amendmentDecisions)[number];

/** A word diff, as the page shows it inline: kept words, struck words, inserted words. */
export interface WordChange {
  text: string;
  change: "same" | "removed" | "added";
}

export interface PersonRef {
  id: string;
  /** Null for a person who erased herself. */
  name: string | null;
}

export interface MotionAmendment {
  id: number;
  version: number;
  firstLine: number;
  lastLine: number;
  /** The block the lines are in: a motivation paragraph (0-based among them) or an att-sats (by index). */
  part: "motivation" | "proposal";
  block: number;
  /** The text of the lines as the version prints them, and what replaces it. */
  oldText: string;
  text: string;
  reason: string;
  state: AmendmentState;
  author: PersonRef;
  createdAt: number;
  decidedAt: number | null;
  /** The version an accepted amendment created. */
  resultVersion: number | null;
  /** Open amendments on the same version whose lines overlap this one's (while it is open). */
  conflictsWith: number[];
  /** oldText against text, word by word. */
  diff: WordChange[];
}

export interface MotionAmendmentList {
  amendments: MotionAmendment[];
}

/** Two versions compared word by word, one section at a time. */
export interface MotionVersionDiff {
  from: number;
  to: number;
  sections: {
    part: "title" | "motivation" | "proposal";
    /** For an att-sats: its index in each version (null where it is not there). */
    proposal?: { from: number | null; to: number | null };
    changed: boolean;
    changes: WordChange[];
  }[];
}

/**
 * A comment thread anchored to a passage of the motion's live text. The anchor is a pair of
 * Yjs relative positions (base64 of Y.encodeRelativePosition) in one fragment of the live
 * document (`title`, `motivation` or `proposal:<key>`), so it follows the words when text
 * around them changes; `quote` is the passage when the thread was started.
 */
export interface MotionCommentThread {
  id: number;
  field: string;
  anchor: { start: string; end: string };
  quote: string;
  /**
   * Where the passage is now, as offsets into the fragment's plain text (blocks joined by
   * "\n", as documentToText gives it) and the words there; null once the passage was deleted.
   */
  current: { start: number; end: number; text: string } | null;
  resolved: boolean;
  resolvedBy: PersonRef | null;
  resolvedAt: number | null;
  comments: { id: number; author: PersonRef; body: string; createdAt: number }[];
}

export interface MotionCommentList {
  threads: MotionCommentThread[];
}

export const amendmentTextMaxLength = 5000;
export const commentBodyMaxLength = 5000;
