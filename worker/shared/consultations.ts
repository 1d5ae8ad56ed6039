import type { GroupKind, GroupRef } from "./org";

/**
 * National consultations (rådslag), as the API and the web app see them. No zod here
 * (validators in consultation-schemas.ts), so the web bundle stays small. Every instant is
 * UTC milliseconds since the epoch; the web app shows it in `partyTimeZone` (stockholm.ts).
 *
 * The loop, and the routes under `/api/consultations` (all JSON unless said otherwise):
 *
 * Ask (the asking level: the national office for the whole party, a district's board for its
 * own branches and associations):
 * - `GET  /api/consultations?group=<kind:slug>` → ConsultationList: what asks this group
 *   (published) and, for the asking level, what this group asks (drafts too);
 * - `POST /api/consultations?group=national:national` ConsultationInput → 201 ConsultationView;
 * - `GET  /api/consultations/:id` → ConsultationView;
 * - `PUT  /api/consultations/:id` ConsultationInput → ConsultationView (drafts only);
 * - `GET  /api/consultations/:id/preview` → ConsultationPreview (the draft as a group sees it);
 * - `POST /api/consultations/:id/publish` → ConsultationView.
 *
 * Answer together (an asked group; `:group` is `<kind>:<slug>`, e.g. `branch:goteborg`):
 * - `GET  …/:id/groups/:group` → Workspace (its live documents, choices, versions, quotes);
 * - `PUT  …/:id/groups/:group/choices` ChoicesInput → Workspace (the group's choice draft);
 * - `POST …/:id/groups/:group/submit` → Workspace (its chair or secretary; freezes version N);
 * - `POST …/:id/groups/:group/reopen` → Workspace (its chair or secretary, before the deadline);
 * - `GET  …/:id/groups/:group/versions/:number` → AnswerVersion;
 * - `PUT  …/:id/groups/:group/individual` IndividualInput → Workspace (a member's own answer,
 *   where the consultation asks for them).
 * The open texts (and the comments of choice questions) are written live in the room
 * documents `consultation-answer:<id>-<groupId>-<questionId>` (get a token from
 * `POST /api/rooms/<documentId>/token`): one TipTap editor each, rich text in the
 * default fragment.
 *
 * Read (the asking level; a district's board for its own branches and associations):
 * - `GET  …/:id/overview` → ConsultationOverview (rates, groups not yet answered, tallies, tags);
 * - `GET  …/:id/answers?question=&district=&kind=&choice=&tag=&q=` → AnswerList;
 * - `GET  …/:id/individual-answers?question=&district=&kind=&choice=&q=` → IndividualAnswerList
 *   (members' own answers, where the consultation asks for them; `q` matches words as typed);
 * - `GET  …/:id/export?format=csv|xlsx` → a file (one row per group and question, then one per
 *   member's own answer and question; in XLSX those on a sheet of their own);
 * - `GET  …/:id/tags` → TagBoard, with an ETag: poll with If-None-Match, 304 when nothing changed;
 * - `POST …/:id/tags` TagInput → 201 TagBoard; `POST …/:id/tagging` TaggingInput → TagBoard
 *   (the asking level only).
 *
 * Answer back (the asking level):
 * - `GET  …/:id/quotes` → QuoteList (also a district's board, for its own groups);
 * - `POST …/:id/quotes` QuoteInput → 201 Quote; `DELETE …/:id/quotes/:quoteId` → 204;
 * - `POST …/:id/feedback` FeedbackInput → ConsultationView (publishes the summary; the first
 *   time, each participating group's chair and secretary get an e-mail).
 */

export const questionKinds = ["open", "single", "multiple", "scale"] as const;
/**
 * `open`: a text written together; `single`/`multiple`: one or several of `options`;
 * `scale`: a whole number from `scale.min` to `scale.max`. A choice or scale question with
 * `comment` also has a text written together (its open comment).
 */
export type QuestionKind = (typeof questionKinds)[number];

/** The kinds of group a consultation can ask as a whole ("all branches", "all associations"). */
export const askableKinds = ["branch", "association", "side"] as const;
export type AskableKind = (typeof askableKinds)[number];

export const consultationLimits = {
  title: 200,
  introduction: 20_000,
  questions: 30,
  prompt: 1_000,
  options: 20,
  option: 200,
  scaleMax: 10,
  summary: 20_000,
  excerpt: 2_000,
  tagName: 60,
  tags: 100,
  individualText: 10_000,
  search: 200,
  answersPage: 200,
} as const;

/** A question as the asking level writes it. `id` is set by the server. */
export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  /** `single`/`multiple` only: the choices, in order; answers refer to them by index. */
  options?: string[];
  /** `scale` only. */
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
  /** A choice or scale question with an open comment written together. Always true for `open`. */
  comment?: boolean;
}

export interface Question extends Required<Pick<QuestionInput, "kind" | "prompt" | "comment">> {
  id: number;
  options: string[];
  scale: { min: number; max: number; minLabel?: string; maxLabel?: string } | null;
}

/**
 * Who is asked. `kinds` picks the groups: every branch and/or every association under the
 * asking level, limited to `districts` when that is not empty (slugs); `side` asks every side
 * organisation (the national office only). A district asks its own branches and associations.
 */
export interface Audience {
  kinds: AskableKind[];
  districts: string[];
  /** Members of the asked groups also answer for themselves. */
  individuals: boolean;
  /** Whether the members of a group see each other's individual answers (the asking level always does). */
  individualsVisibleToGroup: boolean;
}

/**
 * What the asking level writes and rewrites while it is a draft. The introduction is
 * Markdown (paragraphs, lists, emphasis, links), stored in D1; it is frozen with the rest
 * on publishing.
 */
export interface ConsultationInput {
  title: string;
  introduction: string;
  questions: QuestionInput[];
  audience: Audience;
  opensAt: number;
  closesAt: number;
}

/**
 * Where a consultation is, derived from the clock, never from a job:
 * `draft` (the asking level edits), `scheduled` (published, before `opensAt`), `open`,
 * `closed` (from `closesAt` on).
 */
export const consultationPhases = ["draft", "scheduled", "open", "closed"] as const;
export type ConsultationPhase = (typeof consultationPhases)[number];

export function phaseOf(
  c: { publishedAt: number | null; opensAt: number; closesAt: number },
  now: number,
): ConsultationPhase {
  if (c.publishedAt === null) return "draft";
  if (now < c.opensAt) return "scheduled";
  return now < c.closesAt ? "open" : "closed";
}

/**
 * What the asker may do with a consultation (ConsultationView.can), from the permission table:
 * - `consultation.manage`: edit the draft, publish, tag, quote, publish the summary;
 * - `consultation.results`: read the overview and the answers, export.
 */
export const consultationActions = ["consultation.manage", "consultation.results"] as const;
export type ConsultationAction = (typeof consultationActions)[number];

/** What a member may do in her group's workspace (Workspace.can). */
export const workspaceActions = [
  "consultation.write",
  "consultation.submit",
  "consultation.individual",
] as const;
export type WorkspaceAction = (typeof workspaceActions)[number];

/** A group's answer: `none` (nothing submitted), `submitted`, or `reopened` (the latest version still counts). */
export const workspaceStatuses = ["none", "submitted", "reopened"] as const;
export type WorkspaceStatus = (typeof workspaceStatuses)[number];

export interface ConsultationSummary {
  id: number;
  title: string;
  asker: GroupRef;
  phase: ConsultationPhase;
  opensAt: number;
  closesAt: number;
  /** In lists of what asks a group: that group's answer status. */
  status?: WorkspaceStatus;
  /** Whether the summary (answer back) has been published. */
  feedback: boolean;
}

export interface ConsultationList {
  group: GroupRef;
  /** Published consultations that ask this group, newest first. */
  asked: ConsultationSummary[];
  /** Consultations this group asks (drafts too): only for the asking level, else empty. */
  asking: ConsultationSummary[];
}

/** An asked group the asker belongs to, with its answer status. */
export interface MyWorkspace {
  group: GroupRef;
  status: WorkspaceStatus;
}

export interface ConsultationView extends ConsultationSummary {
  introduction: string;
  questions: Question[];
  audience: Audience;
  createdAt: number;
  publishedAt: number | null;
  /** The summary, once published ("what you said, what we do with it"). */
  summary: { text: string; publishedAt: number } | null;
  can: ConsultationAction[];
  /** The asked groups she belongs to (each a workspace she can open). */
  myGroups: MyWorkspace[];
}

/** The draft as a group would see it, and how many groups it would ask. */
export interface ConsultationPreview {
  consultation: ConsultationView;
  asked: { total: number; byKind: Partial<Record<GroupKind, number>> };
}

/**
 * The room document of one group's text for one question. Hyphens, not colons, between the
 * numbers: a document id is a prefix, one colon and an id (documentIdPattern in rooms.ts).
 */
export function answerDocumentId(consultationId: number, groupId: number, questionId: number): string {
  return `consultation-answer:${consultationId}-${groupId}-${questionId}`;
}
export const answerDocumentPattern =
  /^consultation-answer:([1-9][0-9]{0,9})-([1-9][0-9]{0,9})-([1-9][0-9]{0,9})$/;

/** A group's choice for one question: indexes into `options` (single: exactly one), or a scale value. */
export interface Choice {
  questionId: number;
  choices?: number[];
  value?: number;
}

export interface ChoicesInput {
  choices: Choice[];
}

/** One question's part of a frozen answer. */
export interface AnswerItem {
  questionId: number;
  /** The frozen text (open answer or comment) as plain text; "" when none. */
  text: string;
  choices: number[] | null;
  value: number | null;
}

export interface AnswerVersion {
  number: number;
  submittedAt: number;
  /** Who submitted: null once erased (a former member). */
  submittedBy: { id: string; name: string | null };
  items: AnswerItem[];
}

/** An individual member's own answer. `person` is shown only to those allowed to see it. */
export interface IndividualAnswer {
  person: { id: string; name: string | null };
  updatedAt: number;
  items: AnswerItem[];
}

export interface IndividualInput {
  items: { questionId: number; text?: string; choices?: number[]; value?: number }[];
}

/** A point of a group's answer that the asking level quoted in its feedback. */
export interface Quote {
  id: number;
  group: GroupRef;
  questionId: number;
  version: number;
  excerpt: string;
  createdAt: number;
}

/** The quotes made so far, oldest first (a district's board: those of its own groups). */
export interface QuoteList {
  quotes: Quote[];
}

export interface Workspace {
  consultation: ConsultationView;
  group: GroupRef;
  groupId: number;
  status: WorkspaceStatus;
  /** Each question's live document (null for a choice question without a comment). */
  documents: { questionId: number; documentId: string | null }[];
  /** The group's choices as drafted (what the next submit freezes). */
  draft: Choice[];
  /** Every version submitted, oldest first; the latest counts. */
  versions: { number: number; submittedAt: number; submittedBy: { id: string; name: string | null } }[];
  latest: AnswerVersion | null;
  /** Her own individual answer, if the consultation asks for them. */
  mine: IndividualAnswer | null;
  /** The group's other members' individual answers, where the consultation shows them to the group. */
  others: IndividualAnswer[];
  /** Once the summary is published: which of the group's points were quoted. */
  quoted: Quote[];
  /** The group's next meeting (open or upcoming) that discusses the consultation on its agenda. */
  meeting: { id: number; title: string; startsAt: number } | null;
  can: WorkspaceAction[];
}

/** Answered / asked for a set of groups. */
export interface Rate {
  asked: number;
  answered: number;
}

export interface ConsultationOverview {
  consultationId: number;
  /** Only the groups the reader may see (a district sees its own). */
  overall: Rate;
  byDistrict: (Rate & { district: GroupRef | null })[];
  /** Per branch: the branch itself and its associations, when asked. */
  byBranch: (Rate & { branch: GroupRef; district: GroupRef | null })[];
  notAnswered: { group: GroupRef; district: GroupRef | null }[];
  /** Per choice question: how many groups (latest versions) chose each option or value. */
  tallies: { questionId: number; counts: { choice: number; groups: number }[] }[];
  byTag: { tagId: number; name: string; answers: number }[];
  individuals: number;
}

export interface AnswerRow {
  consultationId: number;
  group: GroupRef;
  groupId: number;
  district: GroupRef | null;
  version: number;
  submittedAt: number;
  questionId: number;
  text: string;
  choices: number[] | null;
  value: number | null;
  tagIds: number[];
}

export interface AnswerList {
  total: number;
  answers: AnswerRow[];
}

/** A member's own answer as the asking level (or a district's board, for its groups) reads it. */
export interface IndividualAnswerRow extends IndividualAnswer {
  consultationId: number;
  group: GroupRef;
  groupId: number;
  district: GroupRef | null;
}

export interface IndividualAnswerList {
  total: number;
  answers: IndividualAnswerRow[];
}

export interface Tag {
  id: number;
  name: string;
}

/** The shared tags and what is tagged; `revision` changes with every change (also the ETag). */
export interface TagBoard {
  revision: number;
  tags: Tag[];
  tagged: { tagId: number; groupId: number; questionId: number }[];
}

export interface TagInput {
  name: string;
}

export interface TaggingInput {
  tagId: number;
  groupId: number;
  questionId: number;
  tagged: boolean;
}

export interface QuoteInput {
  groupId: number;
  questionId: number;
  excerpt: string;
}

export interface FeedbackInput {
  summary: string;
}

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * A spreadsheet cell that a spreadsheet program would read as a formula (OWASP's list:
 * `=`, `+`, `-`, `@`, and a leading tab or carriage return) gets a leading apostrophe, so it
 * shows as text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
