import type { ErrorCode } from "./errors";
import type { GroupRef } from "./org";

/**
 * Travel-free meetings (resfria möten), as the API and the web app see them. No zod here
 * (validators in meeting-schemas.ts), so the web bundle stays small.
 *
 * A meeting belongs to one group. It is planned over REST (`/api/meetings`) and run live in
 * its own Durable Object, `MeetingRoom`, which a client reaches like any live document: a
 * room token for the document id `meeting:<id>` (`POST /api/rooms/meeting:<id>/token`), then
 * a WebSocket to `/api/rooms/meeting:<id>?token=…`. Over that socket the client sends
 * JSON commands (MeetingCommand) and receives JSON frames (MeetingServerMessage): a full
 * state snapshot on join and after every change, versioned. The room is the authority: a
 * client that changes its own copy changes nothing anyone else sees.
 *
 * Two more kinds of live document (Yjs, the ordinary DocumentRoom, TipTap) belong to a
 * meeting: the notes of each agenda item, `meeting-notes:<meetingId>-<itemId>`, and the
 * minutes, `minutes:<meetingId>`. Their ids are in each AgendaItem and in MeetingView.
 */

/** `open`: guests welcome, nothing is decided; `members`: members only, decisions and votes possible. */
export const meetingAccesses = ["open", "members"] as const;
export type MeetingAccess = (typeof meetingAccesses)[number];

/**
 * A meeting's life: `planned` until the chair opens it (mötets öppnande), `open` while it
 * runs, `closed` once the chair closes it (mötets avslutande): then every command is refused.
 */
export const meetingStates = ["planned", "open", "closed"] as const;
export type MeetingState = (typeof meetingStates)[number];

/** Where a new meeting's agenda comes from. */
export const meetingTemplates = ["blank", "annual", "board", "conversation"] as const;
export type MeetingTemplate = (typeof meetingTemplates)[number];

/**
 * An agenda item's kind: `formal` (the opening formalities: elections of chair, secretary,
 * adjusters, adopting the agenda and the roll), `decision` (the meeting may decide here),
 * `discussion` (talk only; "övriga frågor", an open conversation).
 */
export const agendaItemKinds = ["formal", "decision", "discussion"] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

/**
 * Roles the meeting itself gives (elected per meeting, not the board's): its chair
 * (mötesordförande), secretary (mötessekreterare) and adjusters (justerare, who also count
 * votes). Voting rights come from the roll, not from these.
 */
export const meetingOfficerRoles = ["chair", "secretary", "adjuster"] as const;
export type MeetingOfficerRole = (typeof meetingOfficerRoles)[number];

export const meetingTitleMaxLength = 200;
export const agendaTitleMaxLength = 300;
export const agendaMaxItems = 100;
export const decisionTextMaxLength = 5000;
export const pollQuestionMaxLength = 300;
export const pollOptionMaxLength = 120;
export const pollMaxOptions = 12;
/** A temperature check answers on a fixed scale 1 (cold: against) … 5 (warm: for). */
export const temperatureScale = [1, 2, 3, 4, 5] as const;
/** Largest command frame the meeting room accepts, in bytes (UTF-8). */
export const maxMeetingFrameBytes = 8 * 1024;

/** Rules that vary between organisations: set per meeting (a new one starts from its group's latest), with these defaults. */
export interface MeetingSettings {
  /** On each item, people who have not spoken on it yet go before those who have. */
  firstTimeSpeakersFirst: boolean;
  /** Speaking time per kind of entry, in seconds (0: no limit). */
  speechSeconds: number;
  replySeconds: number;
  /** How many replies (replik) one speech may get. */
  maxRepliesPerSpeech: number;
  /** The sign-up window after "streck i debatten" is announced, in seconds. */
  closingWindowSeconds: number;
  /** Whether points of order (ordningsfråga) may still be asked once the list is closed. */
  pointsOfOrderAfterClosing: boolean;
  /** Lika röstetal in an ordinary question: the chair's casting vote or lots. */
  tieBreakOrdinary: TieBreak;
  /** Lika röstetal in an election (personval): lots by default, as commonly practised. */
  tieBreakElection: TieBreak;
}

/** How a tie is settled: `casting` (the chair's utslagsröst) or `lots` (lottning). */
export const tieBreaks = ["casting", "lots"] as const;
export type TieBreak = (typeof tieBreaks)[number];

/** The largest value each numeric rule takes (all start at 0): the API's schema and the web form share them. */
export const meetingSettingLimits = {
  speechSeconds: 3600,
  replySeconds: 600,
  maxRepliesPerSpeech: 10,
  closingWindowSeconds: 1800,
} as const satisfies Partial<Record<keyof MeetingSettings, number>>;

export const defaultMeetingSettings: MeetingSettings = {
  firstTimeSpeakersFirst: true,
  speechSeconds: 180,
  replySeconds: 60,
  maxRepliesPerSpeech: 2,
  closingWindowSeconds: 60,
  pointsOfOrderAfterClosing: true,
  tieBreakOrdinary: "casting",
  tieBreakElection: "lots",
};

export interface PersonRef {
  id: string;
  /** Null for a person who erased herself. */
  name: string | null;
}

export interface AgendaItem {
  id: number;
  /** 1-based, as printed (§ 1, § 2 …). */
  number: number;
  title: string;
  kind: AgendaItemKind;
  /** A motion treated under this item: a decision here updates its treatment. */
  motion: { id: number; title: string } | null;
  /** A consultation the group discusses under this item: its workspace opens from the item. */
  consultation: { id: number; title: string } | null;
  /** The item's live notes (Yjs, rich text in the `default` fragment). */
  notesDocumentId: string;
}

/** What a planned or past meeting is, for lists. */
export interface MeetingSummary {
  id: number;
  group: GroupRef;
  title: string;
  startsAt: number;
  endsAt: number;
  access: MeetingAccess;
  state: MeetingState;
  /** The live room's document id: `meeting:<id>`. */
  documentId: string;
}

/**
 * What the web app may offer on one meeting, from the permission table (the Worker and the
 * meeting room decide every request again):
 * - `meeting.attend`: join the live meeting, read the notes and minutes;
 * - `meeting.manage`: edit it, send invitations; for an open meeting, guest invite links
 *   (`POST /api/invites` with `{ documentId: "meeting:<id>" }`, the invites every document has);
 * - `meeting.notes`: write the agenda items' notes;
 * - `meeting.minutes`: write the minutes and hand them over (its secretary; its chair while none is elected);
 * - `meeting.approve`: approve the minutes (its adjusters).
 */
export const meetingActions = [
  "meeting.attend",
  "meeting.manage",
  "meeting.notes",
  "meeting.minutes",
  "meeting.approve",
] as const;
export type MeetingAction = (typeof meetingActions)[number];

export interface MeetingOfficers {
  chair: PersonRef | null;
  secretary: PersonRef | null;
  adjusters: PersonRef[];
}

/** A decision recorded under an agenda item (immutable), with the vote behind it if any. */
export interface MeetingDecisionRecord {
  id: number;
  itemId: number;
  text: string;
  /** The verdict on the item's motion, per att-sats, when the item treats one. */
  motionVerdicts: { verdict: "approve" | "reject" | "answered" }[] | null;
  voteId: number | null;
  createdAt: number;
}

export interface MeetingView extends MeetingSummary {
  videoUrl: string | null;
  settings: MeetingSettings;
  agenda: AgendaItem[];
  /** When the meeting adopted its agenda (then it changes only by a recorded decision). */
  agendaAdoptedAt: number | null;
  officers: MeetingOfficers;
  /** The minutes' live document (`minutes:<id>`). */
  minutesDocumentId: string;
  minutes: MinutesStatus;
  decisions: MeetingDecisionRecord[];
  /** When the invitations were mailed to the group's members, if they were. */
  invitationsSentAt: number | null;
  can: MeetingAction[];
}

export interface MeetingList {
  /** The group, for a group's list; null for the logged-in person's own list. */
  group: GroupRef | null;
  meetings: MeetingSummary[];
}

/** The minutes: a live draft until every adjuster approved, then frozen versions in D1. */
export interface MinutesStatus {
  /** The latest frozen version, or 0 while only the live draft exists. */
  version: number;
  /** Who approved the latest version (justerat), person ids. */
  approvedBy: string[];
  /** When it was frozen for good (all adjusters approved); null while it can change. */
  frozenAt: number | null;
}

/**
 * A frozen version of the minutes, as printed. `text` (Markdown) names nobody; who was
 * present and who held which office come from the record, with names as they are now (an
 * erased member's is null).
 */
export interface MinutesVersion {
  version: number;
  text: string;
  officers: MeetingOfficers;
  present: PersonRef[];
  guests: number;
  createdAt: number;
  frozenAt: number | null;
  approvals: { person: PersonRef; approvedAt: number }[];
}

/** A person's calendar feed: subscribe to `url` (text/calendar); a new one revokes the old. */
export interface CalendarFeed {
  url: string;
  createdAt: number;
}

export interface InvitationsSent {
  /** How many members the invitation was mailed to. */
  sent: number;
  sentAt: number;
}

/** The published ballots of a closed secret vote: each receipt with its choices, ordered by receipt. */
export interface BallotList {
  voteId: number;
  ballots: { receipt: string; choices: number[] }[];
}

// ---------------------------------------------------------------------------------------
// The live meeting (MeetingRoom), over the WebSocket.
// ---------------------------------------------------------------------------------------

/**
 * Kinds of entry on a speaker list, ordered by the usual rules: a point of order
 * (ordningsfråga) first, then a factual clarification (sakupplysning), then replies (replik,
 * and kontrareplik by the one replied to) to the speech just heard, then ordinary speeches.
 */
export const speakerKinds = ["order", "fact", "reply", "counter_reply", "speech"] as const;
export type SpeakerKind = (typeof speakerKinds)[number];

/** Streck i debatten: `open`; `announced` (sign-up until `closesAt`); `closed` (no new speeches). */
export const speakerListStates = ["open", "announced", "closed"] as const;
export type SpeakerListState = (typeof speakerListStates)[number];

export interface SpeakerEntry {
  /** Unique within the meeting. */
  id: number;
  participantId: string;
  name: string;
  guest: boolean;
  kind: SpeakerKind;
  /** For a reply: the participant whose speech it answers. */
  replyTo: string | null;
  /** Whether this is her first speech on this item. */
  firstOnItem: boolean;
}

/** Who speaks now, and the countdown: clients count down from `startedAt` + `seconds`. */
export interface CurrentSpeaker extends SpeakerEntry {
  startedAt: number;
  /** 0: no limit. */
  seconds: number;
}

export interface SpeakerList {
  itemId: number;
  state: SpeakerListState;
  /**
   * A point of order has the floor: the ordinary list waits (only points of order and
   * factual clarifications are given the floor) until the chair resumes it.
   */
  paused?: boolean;
  /** While `announced`: when the sign-up window ends. */
  closesAt: number | null;
  current: CurrentSpeaker | null;
  queue: SpeakerEntry[];
}

export const pollKinds = ["single", "multiple", "temperature"] as const;
export type PollKind = (typeof pollKinds)[number];

export interface PollView {
  id: number;
  question: string;
  kind: PollKind;
  /** The options' labels; a temperature check has the fixed scale (temperatureScale) and no labels. */
  options: string[];
  open: boolean;
  /** Answers per option (index as in `options`, or scale step − 1), live. */
  counts: number[];
  answered: number;
}

export interface VoteView {
  id: number;
  itemId: number;
  question: string;
  options: string[];
  secret: boolean;
  open: boolean;
  /** Voters on the roll and checked in when the vote opened: the count stored with the vote. */
  eligible: number;
  voted: number;
  /** Once closed: votes per option. */
  counts: number[] | null;
}

export interface Participant {
  /** The person's id, or the guest's (`guest-…`). */
  id: string;
  name: string;
  guest: boolean;
  officer: MeetingOfficerRole[];
  /** On the roll with a vote (röstlängd). */
  votingRight: boolean;
  /** Checked in for votes (present and counted). */
  checkedIn: boolean;
  /** Has at least one open connection now. */
  present: boolean;
}

/** For the chair: how much each person spoke, and first-time against repeat speeches. */
export interface SpeakingStats {
  perPerson: { participantId: string; name: string; seconds: number; speeches: number }[];
  firstTimeSpeeches: number;
  repeatSpeeches: number;
}

/**
 * The meeting as every participant sees it (the shared part of a snapshot). Who is present
 * is not in it: with hundreds present that list is most of the bytes and changes with every
 * join, so it travels apart (the `participants` and `participant` frames).
 */
export interface MeetingLiveState extends MeetingProcedureState {
  meetingId: number;
  state: MeetingState;
  access: MeetingAccess;
  settings: MeetingSettings;
  /** The agenda as D1 holds it now, and which item is under treatment. */
  agenda: {
    id: number;
    number: number;
    title: string;
    kind: AgendaItemKind;
    motionId: number | null;
    /** The consultation discussed under the item (absent in rooms stored before it existed). */
    consultation?: { id: number; title: string } | null;
  }[];
  currentItemId: number | null;
  agendaAdopted: boolean;
  officers: { participantId: string; role: MeetingOfficerRole }[];
  /** The speaker list of the current item. */
  speakers: SpeakerList | null;
  polls: PollView[];
  votes: VoteView[];
  decisions: MeetingDecisionRecord[];
}

/**
 * Kinds of proposal (yrkande): bifall (`approve`), avslag (`reject`), ändringsyrkande
 * (`amend`), tilläggsyrkande (`add`), bordläggning (`table`), återremiss (`refer`).
 */
export const proposalKinds = ["approve", "reject", "amend", "add", "table", "refer"] as const;
export type ProposalKind = (typeof proposalKinds)[number];
/** Kinds whose text says what is proposed (the change, the addition, the reason for referral). */
export const proposalKindsWithText: readonly ProposalKind[] = ["amend", "add", "refer"];
export const proposalTextMaxLength = 2000;
/** Steps in one order of decisions (propositionsordning), and proposals put against each other in a step. */
export const decisionStepsMax = 20;

export interface ProposalView {
  /** Unique within the meeting. */
  id: number;
  itemId: number;
  /** The att-sats of the item's motion it points at (0-based), or null: the item as a whole. */
  attSats: number | null;
  kind: ProposalKind;
  text: string | null;
  participantId: string;
  name: string;
}

/** A tie settled: how, between which proposals, and which one it fell on. */
export interface TieDraw {
  method: TieBreak;
  among: number[];
  picked: number;
}

/**
 * One step of the order of decisions: proposals put against each other. Decided by
 * acclamation (the chair strikes the gavel), or by a count any voter may demand until then.
 */
export interface DecisionStepView {
  proposalIds: number[];
  /** An election (personval): always by secret ballot when counted; ties by `tieBreakElection`. */
  election: boolean;
  /** A voter demanded a count (votering); `voteId` once it is open. */
  countDemanded: boolean;
  voteId: number | null;
  outcome: {
    proposalId: number;
    by: "acclamation" | "count";
    decisionId: number;
    draw: TieDraw | null;
  } | null;
}

/** The current item's proposals and order of decisions. */
export interface ItemProcedureView {
  itemId: number;
  proposals: ProposalView[];
  /** Null until the chair proposes one; `approved` once the meeting approved it. */
  order: { steps: DecisionStepView[]; approved: boolean } | null;
}

/** What is attached to a decision before justering: reservations, notes, immediate approval, a draw. */
export interface DecisionAnnex {
  decisionId: number;
  reservations: { participantId: string; name: string; text: string | null }[];
  /** Protokollsanteckningar. */
  notes: { participantId: string; name: string; text: string }[];
  /** Adjusters who approved this paragraph at once (omedelbar justering). */
  adjustedBy: string[];
  /** Every adjuster approved it: justerad omedelbart, nothing more can be attached. */
  adjusted: boolean;
  draw: TieDraw | null;
}

/** Additions to the shared snapshot for the formal procedure (absent in older rooms' first frames). */
export interface MeetingProcedureState {
  procedure?: ItemProcedureView | null;
  annexes?: DecisionAnnex[];
}

/** The part of a snapshot that is only the receiver's. */
export interface MeetingYou {
  participantId: string;
  guest: boolean;
  officer: MeetingOfficerRole[];
  votingRight: boolean;
  checkedIn: boolean;
  /** Her answers to polls (poll id → chosen indexes). */
  pollAnswers: Record<number, number[]>;
  /** The votes she has voted in (never what she voted). */
  votedIn: number[];
  /** The chair's figures; null for everyone else. */
  stats: SpeakingStats | null;
}

/** Commands a participant sends, one per text frame (checked by meetingCommandSchema). */
export type MeetingCommand =
  /** Any participant: ask for the snapshot again. */
  | { type: "sync" }
  /** Chair: open (mötets öppnande) or close (mötets avslutande) the meeting. */
  | { type: "meeting.open" }
  | { type: "meeting.close" }
  /** Chair: move to an agenda item (everyone follows). */
  | { type: "agenda.goto"; itemId: number }
  /** Chair: the meeting adopted the agenda (it locks). */
  | { type: "agenda.adopt" }
  /** Chair: add an item; after adoption only with the decision that allowed it. */
  | { type: "agenda.add"; title: string; kind: AgendaItemKind; decision?: string }
  /** Any participant: ask to speak on the current item; withdraw one's own entry. */
  | { type: "speaker.request"; kind: SpeakerKind }
  | { type: "speaker.withdraw"; entryId: number }
  /** Chair: reorder (move an entry to index `to` of the queue), remove, give the floor to the next, end the speech. */
  | { type: "speaker.move"; entryId: number; to: number }
  | { type: "speaker.remove"; entryId: number }
  | { type: "speaker.next" }
  | { type: "speaker.stop" }
  /** Chair: streck i debatten (announce opens the sign-up window; close locks it now). */
  | { type: "speakers.announce_closing" }
  | { type: "speakers.close" }
  | { type: "speakers.reopen" }
  /** Chair: change a setting during the meeting. */
  | { type: "settings.update"; settings: Partial<MeetingSettings> }
  /**
   * Chair: a quick poll for everyone present, guests included: 2–12 options for `single` and
   * `multiple`; a `temperature` check takes the fixed scale (send `options: []`).
   */
  | { type: "poll.open"; question: string; kind: PollKind; options: string[] }
  | { type: "poll.close"; pollId: number }
  /** Anyone present: answer (again, replacing the last answer) while the poll is open. */
  | { type: "poll.answer"; pollId: number; choices: number[] }
  /** Chair, members-only meetings: a formal vote on the current item. */
  | { type: "vote.open"; question: string; options: string[]; secret: boolean }
  | { type: "vote.close"; voteId: number }
  /** A member with a vote, checked in when the vote opened and still: one ballot, once. */
  | { type: "vote.cast"; voteId: number; choices: number[] }
  /** A member with a vote checks herself in or out; the chair or secretary may check anyone. */
  | { type: "roll.check"; participantId?: string; checkedIn: boolean }
  /** Chair or secretary: a recorded change of someone's voting right (justering av röstlängd). */
  | { type: "roll.set"; participantId: string; votingRight: boolean }
  /** Chair: record the decision on the current item (with the verdict on its motion, if any). */
  | {
      type: "decision.record";
      text: string;
      voteId?: number;
      motionVerdicts?: { verdict: "approve" | "reject" | "answered" }[];
    }
  /** Chair: the meeting elected its officers (chair, secretary, adjusters). */
  | { type: "officers.set"; role: MeetingOfficerRole; participantIds: string[] }
  /**
   * A member with the right to speak (no guest; members-only meetings): a proposal on the
   * current item or one of its motion's att-satser; withdraw one's own. Locked with the list.
   */
  | { type: "proposal.add"; kind: ProposalKind; text?: string; attSats?: number }
  | { type: "proposal.withdraw"; proposalId: number }
  /** Chair: propose the order of decisions on the current item, then record that the meeting approved it. */
  | { type: "order.propose"; steps: { proposalIds: number[]; election?: boolean }[] }
  | { type: "order.approve" }
  /** A voter on the roll: demand a count (votering) of a step, secret if asked, until the gavel. */
  | { type: "step.demand_count"; step: number; secret?: boolean }
  /**
   * Chair: the gavel on a step. Without a count, `proposalId` is what the meeting said by
   * acclamation; after a count, the result decides, and a tie the rule (a casting vote is
   * `proposalId`, lots are drawn here).
   */
  | { type: "step.decide"; step: number; proposalId?: number }
  /** A member who took part: reservation against a decision; any member: a protokollsanteckning. */
  | { type: "decision.reserve"; decisionId: number; text?: string }
  | { type: "decision.note"; decisionId: number; text: string }
  /** An adjuster: approve a decision's paragraph at once (omedelbar justering). */
  | { type: "decision.adjust"; decisionId: number }
  /** Chair: the point of order is dealt with; the ordinary list goes on. */
  | { type: "speakers.resume" };

export type MeetingCommandType = MeetingCommand["type"];

/**
 * Frames the meeting room sends, in this order on joining: `participants`, then `state`.
 * A client keeps the latest `state` (replacing, never merging), the participant list
 * (replacing an entry by id on `participant`), and applies `you` and `tally` to them.
 */
export type MeetingServerMessage =
  /** After joining and after every change of the shared state: all of it, `version` growing by one per change. */
  | { type: "state"; version: number; meeting: MeetingLiveState; you: MeetingYou }
  /**
   * Only the receiver's own part changed (her poll answer, her check-in, that she voted), or
   * her command changed nothing others see: every accepted command is answered with `state` or this.
   */
  | { type: "you"; version: number; you: MeetingYou }
  /** On joining: everyone who has been in the meeting, present or not. */
  | { type: "participants"; participants: Participant[] }
  /** Someone joined, left, checked in or out, or got another role: her entry as it is now. */
  | { type: "participant"; participant: Participant }
  /** More ballots in an open vote (sent at most every few hundred ms while people vote). */
  | { type: "tally"; voteId: number; voted: number }
  /** A command was refused; nothing changed. `ref` echoes the command's type. */
  | { type: "error"; code: ErrorCode; message: string; ref: string | null }
  /** A ballot was counted: the receipt to find it in the published list (given once, never stored with her). */
  | { type: "vote.receipt"; voteId: number; receipt: string };

/** Error codes the room sends in error frames (messages in worker/shared/errors.ts). */
export const meetingErrorCodes = [
  "meeting_bad_command",
  "meeting_not_allowed",
  "meeting_closed",
  "meeting_not_open",
  "meeting_not_found",
  "meeting_members_only",
  "meeting_already_voted",
  "meeting_no_vote_right",
  "meeting_vote_closed",
  "meeting_choice_out_of_range",
  "meeting_poll_closed",
  "meeting_list_closed",
  "meeting_agenda_locked",
  "meeting_no_current_item",
  "meeting_no_such_entry",
  "meeting_reply_not_possible",
  "meeting_vote_in_progress",
  "meeting_close_vote_open",
  "meeting_proposals_locked",
  "meeting_proposal_text_needed",
  "meeting_order_locked",
  "meeting_order_not_approved",
  "meeting_step_not_current",
  "meeting_step_decided",
  "meeting_count_pending",
  "meeting_casting_vote_needed",
  "meeting_decision_adjusted",
] as const satisfies readonly ErrorCode[];
export type MeetingErrorCode = (typeof meetingErrorCodes)[number];

export function meetingDocumentId(meetingId: number): string {
  return `meeting:${meetingId}`;
}
export function meetingNotesDocumentId(meetingId: number, itemId: number): string {
  return `meeting-notes:${meetingId}-${itemId}`;
}
export function minutesDocumentId(meetingId: number): string {
  return `minutes:${meetingId}`;
}
