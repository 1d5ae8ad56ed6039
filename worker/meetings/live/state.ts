import type { ErrorCode } from "../../shared/errors";
import type {
  CurrentSpeaker,
  DecisionAnnex,
  DecisionStepView,
  ItemProcedureView,
  MeetingAccess,
  MeetingDecisionRecord,
  MeetingLiveState,
  MeetingOfficerRole,
  MeetingSettings,
  MeetingState,
  MeetingYou,
  Participant,
  PollKind,
  ProposalView,
  SpeakerEntry,
  SpeakerKind,
  SpeakerListState,
  SpeakingStats,
} from "../../shared/meetings";

/**
 * What a meeting room holds, as stored in its own SQLite (one JSON row, written before
 * anything derived from a change is sent), and the snapshots built from it. Pure: the
 * commands that change it are in commands.ts, the D1 record in record.ts.
 */

/** A command refused with this code; nothing was changed. */
export class Refused extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = "Refused";
  }
}

export interface StoredParticipant {
  id: string;
  name: string;
  guest: boolean;
  votingRight: boolean;
  checkedIn: boolean;
}

/** One agenda item's speaker list, and who has spoken on it (for first-time priority). */
export interface ItemSpeakers {
  state: SpeakerListState;
  closesAt: number | null;
  current: CurrentSpeaker | null;
  queue: SpeakerEntry[];
  spoken: string[];
  /** Replies asked for on the speech now given. */
  replies: number;
  /** A point of order has the floor: the ordinary list waits until the chair resumes it. */
  paused?: boolean;
}

/** One step of an order of decisions, with the secrecy a demanded count asked for. */
export interface StoredStep extends DecisionStepView {
  secret: boolean;
}

/** An agenda item's proposals (withdrawn ones dropped) and its order of decisions. */
export interface ItemProcedure {
  proposals: ProposalView[];
  order: { steps: StoredStep[]; approved: boolean } | null;
}

export interface StoredPoll {
  id: number;
  question: string;
  kind: PollKind;
  options: string[];
  open: boolean;
  /** Participant id → chosen indexes: a quick poll is not secret, and an answer can be changed. */
  answers: Record<string, number[]>;
}

/** A formal vote as the room tracks it: who may vote and who has (never what: that is only in D1). */
export interface StoredVote {
  id: number;
  itemId: number;
  question: string;
  options: string[];
  secret: boolean;
  open: boolean;
  /** The roll at opening: checked-in voters. Its length is the eligible count stored with the vote. */
  eligibleIds: string[];
  voters: string[];
  counts: number[] | null;
}

/** An agenda item as the room holds it: the shape every participant is sent. */
export type AgendaEntry = MeetingLiveState["agenda"][number];

export interface LiveState {
  meetingId: number;
  groupId: number;
  version: number;
  state: MeetingState;
  access: MeetingAccess;
  settings: MeetingSettings;
  agenda: AgendaEntry[];
  currentItemId: number | null;
  agendaAdopted: boolean;
  officers: { participantId: string; role: MeetingOfficerRole }[];
  participants: Record<string, StoredParticipant>;
  speakers: Record<string, ItemSpeakers>;
  nextEntryId: number;
  spoke: Record<string, { seconds: number; speeches: number }>;
  firstTimeSpeeches: number;
  repeatSpeeches: number;
  polls: StoredPoll[];
  votes: StoredVote[];
  decisions: MeetingDecisionRecord[];
  /** The formal procedure, by agenda item id (absent in rooms stored before it existed). */
  procedure?: Record<string, ItemProcedure>;
  nextProposalId?: number;
  /** What is attached to decisions, by decision id. */
  annexes?: Record<string, DecisionAnnex>;
}

export function officerRolesOf(state: LiveState, participantId: string): MeetingOfficerRole[] {
  return state.officers.filter((o) => o.participantId === participantId).map((o) => o.role);
}

export function isChair(state: LiveState, participantId: string): boolean {
  return state.officers.some((o) => o.participantId === participantId && o.role === "chair");
}

export function emptySpeakers(): ItemSpeakers {
  return { state: "open", closesAt: null, current: null, queue: [], spoken: [], replies: 0 };
}

/** The list's state as of `now`: an announced closing whose window has passed is closed. */
export function listState(list: ItemSpeakers, now: number): SpeakerListState {
  return list.state === "announced" && list.closesAt !== null && now >= list.closesAt ? "closed" : list.state;
}

/** The usual order: a point of order, a factual clarification, replies, then speeches. */
const rank: Record<SpeakerKind, number> = { order: 0, fact: 1, reply: 2, counter_reply: 2, speech: 3 };

/**
 * Where a new entry goes: after every entry that goes before its kind (and its own kind, in
 * the order asked); a first speech on the item, when first-time speakers go first, before
 * the first repeat speech.
 */
export function insertionIndex(queue: SpeakerEntry[], entry: SpeakerEntry, firstTimeFirst: boolean): number {
  const firstAfter = queue.findIndex(
    (other) =>
      rank[other.kind] > rank[entry.kind] ||
      (firstTimeFirst &&
        entry.kind === "speech" &&
        entry.firstOnItem &&
        other.kind === "speech" &&
        !other.firstOnItem),
  );
  return firstAfter === -1 ? queue.length : firstAfter;
}

/** The speeches in order again (after first-time priority is turned on or off); others keep their place. */
export function reorderSpeeches(queue: SpeakerEntry[], firstTimeFirst: boolean): SpeakerEntry[] {
  if (!firstTimeFirst) return queue;
  const speeches = queue.filter((e) => e.kind === "speech");
  const sorted = [...speeches.filter((e) => e.firstOnItem), ...speeches.filter((e) => !e.firstOnItem)];
  let next = 0;
  return queue.map((e) => (e.kind === "speech" ? (sorted[next++] as SpeakerEntry) : e));
}

export function participantView(state: LiveState, p: StoredParticipant, present: boolean): Participant {
  return {
    id: p.id,
    name: p.name,
    guest: p.guest,
    officer: officerRolesOf(state, p.id),
    votingRight: p.votingRight,
    checkedIn: p.checkedIn,
    present,
  };
}

/** The shared part of every snapshot, built once per version. */
export function sharedView(state: LiveState, now: number): MeetingLiveState {
  const list = state.currentItemId !== null ? state.speakers[state.currentItemId] : undefined;
  return {
    meetingId: state.meetingId,
    state: state.state,
    access: state.access,
    settings: state.settings,
    agenda: state.agenda,
    currentItemId: state.currentItemId,
    agendaAdopted: state.agendaAdopted,
    officers: state.officers,
    speakers:
      list && state.currentItemId !== null
        ? {
            itemId: state.currentItemId,
            state: listState(list, now),
            closesAt: list.closesAt,
            current: list.current,
            queue: list.queue,
            paused: list.paused === true,
          }
        : null,
    procedure: state.currentItemId !== null ? procedureView(state, state.currentItemId) : null,
    annexes: Object.values(state.annexes ?? {}),
    polls: state.polls.map((poll) => {
      const counts = poll.options.map(() => 0);
      const answers = Object.values(poll.answers);
      for (const choices of answers) for (const c of choices) counts[c] = (counts[c] ?? 0) + 1;
      return {
        id: poll.id,
        question: poll.question,
        kind: poll.kind,
        options: poll.options,
        open: poll.open,
        counts,
        answered: answers.length,
      };
    }),
    votes: state.votes.map((vote) => ({
      id: vote.id,
      itemId: vote.itemId,
      question: vote.question,
      options: vote.options,
      secret: vote.secret,
      open: vote.open,
      eligible: vote.eligibleIds.length,
      voted: vote.voters.length,
      counts: vote.counts,
    })),
    decisions: state.decisions,
  };
}

function procedureView(state: LiveState, itemId: number): ItemProcedureView {
  const item = state.procedure?.[String(itemId)];
  return {
    itemId,
    proposals: item?.proposals ?? [],
    order: item?.order
      ? {
          approved: item.order.approved,
          steps: item.order.steps.map(({ secret: _secret, ...step }) => step),
        }
      : null,
  };
}

function speakingStats(state: LiveState): SpeakingStats {
  return {
    perPerson: Object.entries(state.spoke)
      .map(([participantId, { seconds, speeches }]) => ({
        participantId,
        name: state.participants[participantId]?.name ?? "",
        seconds,
        speeches,
      }))
      .sort((a, b) => b.seconds - a.seconds),
    firstTimeSpeeches: state.firstTimeSpeeches,
    repeatSpeeches: state.repeatSpeeches,
  };
}

/** The receiver's own part of a snapshot. */
export function youView(state: LiveState, participantId: string): MeetingYou {
  const p = state.participants[participantId];
  const pollAnswers: Record<number, number[]> = {};
  for (const poll of state.polls) {
    const answer = poll.answers[participantId];
    if (answer) pollAnswers[poll.id] = answer;
  }
  return {
    participantId,
    guest: p?.guest ?? false,
    officer: officerRolesOf(state, participantId),
    votingRight: p?.votingRight ?? false,
    checkedIn: p?.checkedIn ?? false,
    pollAnswers,
    votedIn: state.votes.filter((v) => v.voters.includes(participantId)).map((v) => v.id),
    stats: isChair(state, participantId) ? speakingStats(state) : null,
  };
}
