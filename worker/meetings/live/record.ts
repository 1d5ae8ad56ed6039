import { and, asc, count, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { randomSecret } from "../../http/secrets";
import { memberships, people } from "../../identity/schema";
import type {
  AgendaItemKind,
  MeetingDecisionRecord,
  MeetingOfficerRole,
  MeetingSettings,
} from "../../shared/meetings";
import { agendaOf, decisionsOf, settingsOf } from "../queries";
import {
  meetingAgendaItems,
  meetingAttendance,
  meetingBallots,
  meetingDecisions,
  meetingNamedBallots,
  meetingOfficers,
  meetingRoll,
  meetings,
  meetingVoters,
  meetingVotes,
} from "../schema";
import { type LiveState, Refused, type StoredVote } from "./state";

/**
 * The meeting room's writes to D1, the record: what was decided, who could vote, what was
 * counted. The room writes here first and changes its live state only once D1 has it.
 */

/** A new room's state, from the record: a room starting for the first time, or one whose storage was lost. */
export async function loadFromRecord(db: Db, meetingId: number): Promise<LiveState | null> {
  const [record] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!record) return null;
  const [agenda, decisions, officers, votes] = await Promise.all([
    agendaOf(db, meetingId),
    decisionsOf(db, meetingId),
    db.select().from(meetingOfficers).where(eq(meetingOfficers.meetingId, meetingId)),
    db.select().from(meetingVotes).where(eq(meetingVotes.meetingId, meetingId)).orderBy(asc(meetingVotes.id)),
  ]);
  const storedVotes: StoredVote[] = [];
  for (const vote of votes) {
    const voters = await db
      .select({ personId: meetingVoters.personId })
      .from(meetingVoters)
      .where(eq(meetingVoters.voteId, vote.id));
    storedVotes.push({
      id: vote.id,
      itemId: vote.itemId,
      question: vote.question,
      options: JSON.parse(vote.options),
      secret: vote.secret,
      open: vote.closedAt === null,
      // Who was eligible is not kept in D1, only how many: after a loss of the room's
      // storage, an open vote stays open to those who have not voted yet.
      eligibleIds: [],
      voters: voters.map((v) => v.personId),
      counts: vote.counts ? JSON.parse(vote.counts) : null,
    });
  }
  return {
    meetingId,
    groupId: record.groupId,
    version: 1,
    state: record.state,
    access: record.access,
    settings: settingsOf(record),
    agenda: agendaEntries(agenda),
    currentItemId: record.state === "open" ? (agenda[0]?.id ?? null) : null,
    agendaAdopted: record.agendaAdoptedAt !== null,
    officers: officers.map((o) => ({ participantId: o.personId, role: o.role })),
    participants: {},
    speakers: {},
    nextEntryId: 1,
    spoke: {},
    firstTimeSpeeches: 0,
    repeatSpeeches: 0,
    polls: [],
    votes: storedVotes,
    decisions,
  };
}

function agendaEntries(agenda: Awaited<ReturnType<typeof agendaOf>>): LiveState["agenda"] {
  return agenda.map((item) => ({
    id: item.id,
    number: item.number,
    title: item.title,
    kind: item.kind,
    motionId: item.motion?.id ?? null,
    consultation: item.consultation,
  }));
}

/** The planned meeting as D1 has it now (the REST routes change it until it opens). */
export async function plannedParts(db: Db, meetingId: number) {
  const [[record], agenda, officers] = await Promise.all([
    db.select().from(meetings).where(eq(meetings.id, meetingId)),
    agendaOf(db, meetingId),
    db.select().from(meetingOfficers).where(eq(meetingOfficers.meetingId, meetingId)),
  ]);
  if (!record) return null;
  return {
    access: record.access,
    settings: settingsOf(record),
    agenda: agendaEntries(agenda),
    officers: officers.map((o) => ({ participantId: o.personId, role: o.role })),
  };
}

/**
 * Whether a person has a vote: as the roll says once the meeting has opened; before, as her
 * memberships say (a member of the group, not erased).
 */
export async function votingRightOf(db: Db, meetingId: number, groupId: number, personId: string) {
  const [roll, member] = await db.batch([
    db
      .select({ votingRight: meetingRoll.votingRight, checkedIn: meetingRoll.checkedIn })
      .from(meetingRoll)
      .where(and(eq(meetingRoll.meetingId, meetingId), eq(meetingRoll.personId, personId))),
    db
      .select({ id: memberships.personId })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(
        and(eq(memberships.personId, personId), eq(memberships.groupId, groupId), isNull(people.erasedAt)),
      )
      .limit(1),
  ]);
  return roll[0]?.votingRight ?? member.length > 0;
}

/**
 * Mötets öppnande: the meeting is open, and its roll is taken from the group's memberships
 * now, with those who checked in before the opening marked so.
 */
export async function recordOpening(
  db: Db,
  state: LiveState,
  checkedIn: string[],
  now: number,
): Promise<void> {
  await db.batch([
    db
      .update(meetings)
      .set({ state: "open", openedAt: now, updatedAt: now })
      .where(and(eq(meetings.id, state.meetingId), eq(meetings.state, "planned"))),
    db
      .insert(meetingRoll)
      .select(
        db
          .selectDistinct({
            meetingId: sql<number>`${state.meetingId}`.as("meeting_id"),
            personId: memberships.personId,
            votingRight: sql<boolean>`1`.as("voting_right"),
            checkedIn: sql<boolean>`0`.as("checked_in"),
            changedAt: sql<number>`${now}`.as("changed_at"),
          })
          .from(memberships)
          .innerJoin(people, eq(people.id, memberships.personId))
          .where(and(eq(memberships.groupId, state.groupId), isNull(people.erasedAt))),
      )
      .onConflictDoNothing(),
    // D1 binds at most 100 values per statement: those checked in, 90 at a time.
    ...chunks(checkedIn, 90).map((ids) =>
      db
        .update(meetingRoll)
        .set({ checkedIn: true })
        .where(and(eq(meetingRoll.meetingId, state.meetingId), inArray(meetingRoll.personId, ids))),
    ),
  ]);
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

export async function recordClosing(db: Db, meetingId: number, now: number): Promise<void> {
  await db
    .update(meetings)
    .set({ state: "closed", closedAt: now, updatedAt: now })
    .where(eq(meetings.id, meetingId));
}

/**
 * Rules the chair changed during the meeting: the meeting's page shows the rules in force, and
 * the group's next meeting starts from them (see planning.ts).
 */
export async function recordSettings(
  db: Db,
  meetingId: number,
  settings: MeetingSettings,
  now: number,
): Promise<void> {
  await db
    .update(meetings)
    .set({ settings: JSON.stringify(settings), updatedAt: now })
    .where(eq(meetings.id, meetingId));
}

export async function recordAgendaAdopted(db: Db, meetingId: number, now: number): Promise<void> {
  await db.update(meetings).set({ agendaAdoptedAt: now, updatedAt: now }).where(eq(meetings.id, meetingId));
}

export async function recordAgendaItem(
  db: Db,
  meetingId: number,
  item: { title: string; kind: AgendaItemKind },
  now: number,
): Promise<number> {
  const [last] = await db
    .select({ position: max(meetingAgendaItems.position) })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId));
  const [created] = await db
    .insert(meetingAgendaItems)
    .values({ meetingId, position: (last?.position ?? -1) + 1, ...item, createdAt: now })
    .returning({ id: meetingAgendaItems.id });
  if (!created) throw new Error("agenda item insert returned nothing");
  return created.id;
}

export async function recordAttendance(
  db: Db,
  meetingId: number,
  participant: { id: string; guest: boolean },
  now: number,
): Promise<void> {
  await db
    .insert(meetingAttendance)
    .values({ meetingId, participantId: participant.id, guest: participant.guest, firstJoinedAt: now })
    .onConflictDoNothing();
}

/** A person's line on the roll: her vote (a recorded decision) and whether she is checked in. */
export async function recordRoll(
  db: Db,
  meetingId: number,
  personId: string,
  line: { votingRight: boolean; checkedIn: boolean },
  now: number,
): Promise<void> {
  await db
    .insert(meetingRoll)
    .values({ meetingId, personId, ...line, changedAt: now })
    .onConflictDoUpdate({
      target: [meetingRoll.meetingId, meetingRoll.personId],
      set: { ...line, changedAt: now },
    });
}

export async function recordOfficers(
  db: Db,
  meetingId: number,
  role: MeetingOfficerRole,
  personIds: string[],
): Promise<void> {
  await db.batch([
    db
      .delete(meetingOfficers)
      .where(and(eq(meetingOfficers.meetingId, meetingId), eq(meetingOfficers.role, role))),
    ...personIds.map((personId) => db.insert(meetingOfficers).values({ meetingId, personId, role })),
  ]);
}

export async function recordVoteOpened(
  db: Db,
  meetingId: number,
  vote: { itemId: number; question: string; options: string[]; secret: boolean; eligible: number },
  now: number,
): Promise<number> {
  const [created] = await db
    .insert(meetingVotes)
    .values({
      meetingId,
      itemId: vote.itemId,
      question: vote.question,
      options: JSON.stringify(vote.options),
      secret: vote.secret,
      eligible: vote.eligible,
      openedAt: now,
    })
    .returning({ id: meetingVotes.id });
  if (!created) throw new Error("vote insert returned nothing");
  return created.id;
}

/** A receipt: 10 random characters, enough to find one's ballot among thousands and to guess none. */
function newReceipt(): string {
  return randomSecret(8).slice(0, 10);
}

/**
 * One ballot: the voter marked as voted and her ballot, in one batch, so ballots always
 * equal voters. The voters' primary key refuses a second ballot; the triggers of migration
 * 0011 refuse both once the vote has closed. A secret ballot carries no voter id and no
 * time; a named one (open vote) says who.
 */
export async function recordBallot(
  db: Db,
  vote: StoredVote,
  personId: string,
  choices: number[],
): Promise<{ receipt: string | null }> {
  const receipt = vote.secret ? newReceipt() : null;
  const ballot =
    receipt !== null
      ? db.insert(meetingBallots).values({ voteId: vote.id, receipt, choices: JSON.stringify(choices) })
      : db
          .insert(meetingNamedBallots)
          .values({ voteId: vote.id, personId, choices: JSON.stringify(choices) });
  try {
    await db.batch([db.insert(meetingVoters).values({ voteId: vote.id, personId }), ballot]);
  } catch (err) {
    const text = String((err as Error).message) + String((err as Error).cause ?? "");
    if (text.includes("meeting vote closed")) throw new Refused("meeting_vote_closed");
    if (text.includes("UNIQUE constraint failed") || text.includes("PRIMARY KEY")) {
      throw new Refused("meeting_already_voted");
    }
    throw err;
  }
  return { receipt };
}

/**
 * Closes a vote and counts it, in one batch: after the close no ballot can land (the
 * triggers), so the count is of exactly the ballots cast before it.
 */
export async function recordVoteClosed(
  db: Db,
  vote: StoredVote,
  now: number,
): Promise<{ voted: number; counts: number[] }> {
  const ballots = vote.secret ? meetingBallots : meetingNamedBallots;
  const [, choices, [voters]] = await db.batch([
    db.update(meetingVotes).set({ closedAt: now }).where(eq(meetingVotes.id, vote.id)),
    db.select({ choices: ballots.choices }).from(ballots).where(eq(ballots.voteId, vote.id)),
    db.select({ n: count() }).from(meetingVoters).where(eq(meetingVoters.voteId, vote.id)),
  ]);
  const counts = vote.options.map(() => 0);
  for (const row of choices) {
    for (const c of JSON.parse(row.choices) as number[]) counts[c] = (counts[c] ?? 0) + 1;
  }
  const voted = voters?.n ?? 0;
  await db
    .update(meetingVotes)
    .set({ voted, counts: JSON.stringify(counts) })
    .where(eq(meetingVotes.id, vote.id));
  return { voted, counts };
}

export async function recordDecision(
  db: Db,
  meetingId: number,
  decision: Omit<MeetingDecisionRecord, "id" | "createdAt">,
  personId: string,
  now: number,
): Promise<MeetingDecisionRecord> {
  const [created] = await db
    .insert(meetingDecisions)
    .values({
      meetingId,
      itemId: decision.itemId,
      text: decision.text,
      voteId: decision.voteId,
      motionVerdicts: decision.motionVerdicts ? JSON.stringify(decision.motionVerdicts) : null,
      createdBy: personId,
      createdAt: now,
    })
    .returning({ id: meetingDecisions.id });
  if (!created) throw new Error("decision insert returned nothing");
  return { ...decision, id: created.id, createdAt: now };
}
