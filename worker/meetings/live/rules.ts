import type { Db } from "../../db/client";
import { recordVoteOpened } from "./record";
import {
  emptySpeakers,
  type ItemSpeakers,
  isChair,
  type LiveState,
  officerRolesOf,
  Refused,
  type StoredParticipant,
} from "./state";

/**
 * What every command shares: the context it runs in, what it changed (the Outcome the room
 * stores and sends), and the checks most of them make first.
 */

/** What a command changed, for the room to store and send. */
export interface Outcome {
  /** The shared state changed: a new version goes to everyone. */
  shared: boolean;
  /** Participants whose entry changed. */
  participants: string[];
  /** Only the sender's own part changed. */
  you: boolean;
  receipt?: { voteId: number; receipt: string };
  /** A vote's count of ballots grew. */
  tally?: number;
  /** Lines for the minutes' draft. */
  minutes: MinutesLine[];
}

/** A line the room adds to the minutes' live draft as the meeting runs. */
export type MinutesLine = { kind: "heading" | "paragraph"; text: string };

export interface CommandContext {
  state: LiveState;
  db: Db;
  env: Env;
  now: number;
}

export const changed = (extra: Partial<Outcome> = {}): Outcome => ({
  shared: true,
  participants: [],
  you: false,
  minutes: [],
  ...extra,
});

export function requireChair(state: LiveState, sender: StoredParticipant): void {
  if (!isChair(state, sender.id)) throw new Refused("meeting_not_allowed");
}

/**
 * Keeping the voting roll (checking others in and out, giving or taking a vote): the chair, or
 * the secretary, who in many associations keeps the roll while the chair runs the meeting.
 */
export function requireRollKeeper(state: LiveState, sender: StoredParticipant): void {
  const roles = officerRolesOf(state, sender.id);
  if (!roles.includes("chair") && !roles.includes("secretary")) throw new Refused("meeting_not_allowed");
}

export function requireMembersOnly(state: LiveState): void {
  if (state.access !== "members") throw new Refused("meeting_members_only");
}

export function currentList(state: LiveState): ItemSpeakers {
  if (state.currentItemId === null) throw new Refused("meeting_no_current_item");
  const key = String(state.currentItemId);
  state.speakers[key] ??= emptySpeakers();
  return state.speakers[key];
}

/**
 * Opens a formal vote on an item, on the roll as it stands now: the checked-in members with
 * a vote. One vote at a time; the caller has checked who may open it.
 */
export async function openVote(
  { state, db, now }: CommandContext,
  vote: { itemId: number; question: string; options: string[]; secret: boolean },
): Promise<number> {
  if (state.votes.some((v) => v.open)) throw new Refused("meeting_vote_in_progress");
  const eligibleIds = Object.values(state.participants)
    .filter((p) => !p.guest && p.votingRight && p.checkedIn)
    .map((p) => p.id)
    .sort();
  const id = await recordVoteOpened(db, state.meetingId, { ...vote, eligible: eligibleIds.length }, now);
  state.votes.push({ ...vote, id, open: true, eligibleIds, voters: [], counts: null });
  return id;
}
