import type { MeetingCommand, SpeakerEntry, SpeakerKind } from "../../shared/meetings";
import { temperatureScale } from "../../shared/meetings";
import { applyMotionVerdicts } from "../motions";
import { openPendingCount, runProcedureCommand } from "./procedure";
import {
  recordAgendaAdopted,
  recordAgendaItem,
  recordBallot,
  recordClosing,
  recordDecision,
  recordOfficers,
  recordOpening,
  recordRoll,
  recordSettings,
  recordVoteClosed,
} from "./record";
import {
  type CommandContext,
  changed,
  currentList,
  type MinutesLine,
  type Outcome,
  openVote,
  requireChair,
  requireMembersOnly,
  requireRollKeeper,
} from "./rules";
import {
  emptySpeakers,
  type ItemSpeakers,
  insertionIndex,
  isChair,
  type LiveState,
  listState,
  Refused,
  reorderSpeeches,
  type StoredParticipant,
  type StoredVote,
} from "./state";

/**
 * Every command a participant can send, checked against her meeting role and the meeting's
 * state, then carried out: the D1 record first, where there is one, then the live state.
 * A refusal throws Refused before anything changed.
 */

function findEntry(list: ItemSpeakers, entryId: number): number {
  const index = list.queue.findIndex((e) => e.id === entryId);
  if (index === -1) throw new Refused("meeting_no_such_entry");
  return index;
}

/** A participant's speaking so far (the chair's figures). */
function spokeOf(state: LiveState, participantId: string): { seconds: number; speeches: number } {
  state.spoke[participantId] ??= { seconds: 0, speeches: 0 };
  return state.spoke[participantId];
}

/** Ends the current speech, adding its time to the speaker's total. */
function endSpeech(state: LiveState, list: ItemSpeakers, now: number): void {
  const current = list.current;
  if (!current) return;
  spokeOf(state, current.participantId).seconds += Math.max(0, Math.round((now - current.startedAt) / 1000));
  list.current = null;
}

function requireChoices(choices: number[], options: number, single: boolean): void {
  if (new Set(choices).size !== choices.length || choices.some((c) => c >= options)) {
    throw new Refused("meeting_choice_out_of_range");
  }
  if (single && choices.length !== 1) throw new Refused("meeting_choice_out_of_range");
}

/** The entry a speaker request adds, or a refusal by the rules of replies and closing. */
function speakerEntry(
  state: LiveState,
  list: ItemSpeakers,
  sender: StoredParticipant,
  kind: SpeakerKind,
  now: number,
) {
  const closed = listState(list, now) === "closed";
  if (closed && (kind === "speech" || (kind === "order" && !state.settings.pointsOfOrderAfterClosing))) {
    throw new Refused("meeting_list_closed");
  }
  let replyTo: string | null = null;
  if (kind === "reply") {
    // A reply answers the speech being given, by someone else, up to the meeting's limit.
    const speech = list.current;
    if (speech?.kind !== "speech" || speech.participantId === sender.id) {
      throw new Refused("meeting_reply_not_possible");
    }
    if (list.replies >= state.settings.maxRepliesPerSpeech) throw new Refused("meeting_reply_not_possible");
    replyTo = speech.participantId;
  }
  if (kind === "counter_reply") {
    // Only the one replied to answers a reply (given now, or waiting).
    const reply = [list.current, ...list.queue].find((e) => e?.kind === "reply" && e.replyTo === sender.id);
    if (!reply) throw new Refused("meeting_reply_not_possible");
    replyTo = reply.participantId;
  }
  const entry: SpeakerEntry = {
    id: state.nextEntryId,
    participantId: sender.id,
    name: sender.name,
    guest: sender.guest,
    kind,
    replyTo,
    firstOnItem: !list.spoken.includes(sender.id),
  };
  return entry;
}

/**
 * Who took part, for the minutes: counted, not named. Live documents never hold names (an
 * erased member's must vanish); the names are in the attendance record, and the minutes'
 * versions and downloads show them from it as they are when read.
 */
function attendanceLine(state: LiveState): MinutesLine {
  const everyone = Object.values(state.participants);
  const guests = everyone.filter((p) => p.guest).length;
  const members = everyone.length - guests;
  return {
    kind: "paragraph",
    text: `Närvarande: ${members} ${members === 1 ? "medlem" : "medlemmar"}${guests ? ` och ${guests} ${guests === 1 ? "gäst" : "gäster"}` : ""} (se närvarolistan).`,
  };
}

/** Carries out one command from `sender`. Throws Refused, having changed nothing, when it may not. */
export async function runCommand(
  ctx: CommandContext,
  sender: StoredParticipant,
  command: Exclude<MeetingCommand, { type: "sync" }>,
): Promise<Outcome> {
  const { state, db, now } = ctx;
  if (state.state === "closed") throw new Refused("meeting_closed");
  if (command.type === "meeting.open") {
    requireChair(state, sender);
    if (state.state !== "planned") throw new Refused("meeting_not_allowed");
    const checkedIn = Object.values(state.participants)
      .filter((p) => p.checkedIn)
      .map((p) => p.id);
    await recordOpening(db, state, checkedIn, now);
    state.state = "open";
    state.currentItemId = state.agenda[0]?.id ?? null;
    return changed({ minutes: [{ kind: "paragraph", text: "Mötet öppnades." }] });
  }
  if (state.state !== "open" && command.type !== "roll.check") throw new Refused("meeting_not_open");

  switch (command.type) {
    case "meeting.close": {
      requireChair(state, sender);
      if (state.votes.some((v) => v.open)) throw new Refused("meeting_close_vote_open");
      await recordClosing(db, state.meetingId, now);
      for (const list of Object.values(state.speakers)) endSpeech(state, list, now);
      for (const poll of state.polls) poll.open = false;
      state.state = "closed";
      return changed({ minutes: [attendanceLine(state), { kind: "paragraph", text: "Mötet avslutades." }] });
    }
    case "agenda.goto": {
      requireChair(state, sender);
      const item = state.agenda.find((i) => i.id === command.itemId);
      if (!item) throw new Refused("meeting_no_such_entry");
      const previous = state.currentItemId !== null ? state.speakers[String(state.currentItemId)] : undefined;
      if (previous) endSpeech(state, previous, now);
      state.currentItemId = item.id;
      state.speakers[String(item.id)] ??= emptySpeakers();
      return changed({ minutes: [{ kind: "heading", text: `§ ${item.number} ${item.title}` }] });
    }
    case "agenda.adopt": {
      requireChair(state, sender);
      if (state.agendaAdopted) throw new Refused("meeting_agenda_locked");
      await recordAgendaAdopted(db, state.meetingId, now);
      state.agendaAdopted = true;
      return changed({ minutes: [{ kind: "paragraph", text: "Dagordningen fastställdes." }] });
    }
    case "agenda.add": {
      requireChair(state, sender);
      if (state.agendaAdopted && !command.decision) throw new Refused("meeting_agenda_locked");
      if (state.access === "open" && (command.kind === "decision" || command.decision)) {
        throw new Refused("meeting_open_no_decisions");
      }
      const id = await recordAgendaItem(
        db,
        state.meetingId,
        { title: command.title, kind: command.kind },
        now,
      );
      const number = state.agenda.length + 1;
      state.agenda.push({ id, number, title: command.title, kind: command.kind, motionId: null });
      const minutes: MinutesLine[] = [
        { kind: "paragraph", text: `Punkten § ${number} ${command.title} lades till.` },
      ];
      if (command.decision) {
        const decision = await recordDecision(
          db,
          state.meetingId,
          { itemId: state.currentItemId ?? id, text: command.decision, voteId: null, motionVerdicts: null },
          sender.id,
          now,
        );
        state.decisions.push(decision);
        minutes.push({ kind: "paragraph", text: `Beslut: ${command.decision}` });
      }
      return changed({ minutes });
    }
    case "speaker.request": {
      const list = currentList(state);
      const waiting = list.queue.some((e) => e.participantId === sender.id && e.kind === command.kind);
      if (waiting) return changed({ shared: false });
      const entry = speakerEntry(state, list, sender, command.kind, now);
      state.nextEntryId += 1;
      if (command.kind === "reply") list.replies += 1;
      list.queue.splice(insertionIndex(list.queue, entry, state.settings.firstTimeSpeakersFirst), 0, entry);
      return changed();
    }
    case "speaker.withdraw": {
      const list = currentList(state);
      const index = findEntry(list, command.entryId);
      if (list.queue[index]?.participantId !== sender.id && !isChair(state, sender.id)) {
        throw new Refused("meeting_not_allowed");
      }
      list.queue.splice(index, 1);
      return changed();
    }
    case "speaker.move": {
      requireChair(state, sender);
      const list = currentList(state);
      const [entry] = list.queue.splice(findEntry(list, command.entryId), 1);
      if (entry) list.queue.splice(Math.min(command.to, list.queue.length), 0, entry);
      return changed();
    }
    case "speaker.remove": {
      requireChair(state, sender);
      const list = currentList(state);
      list.queue.splice(findEntry(list, command.entryId), 1);
      return changed();
    }
    case "speaker.next": {
      requireChair(state, sender);
      const list = currentList(state);
      endSpeech(state, list, now);
      // While a point of order is treated, only points of order and factual clarifications speak.
      const index = list.paused ? list.queue.findIndex((e) => e.kind === "order" || e.kind === "fact") : 0;
      const [next] = index === -1 ? [] : list.queue.splice(index, 1);
      if (!next) return changed();
      if (next.kind === "order") list.paused = true;
      const seconds = next.kind === "speech" ? state.settings.speechSeconds : state.settings.replySeconds;
      list.current = { ...next, startedAt: now, seconds };
      spokeOf(state, next.participantId).speeches += 1;
      if (next.kind === "speech") {
        list.replies = 0;
        if (next.firstOnItem) state.firstTimeSpeeches += 1;
        else state.repeatSpeeches += 1;
        if (!list.spoken.includes(next.participantId)) list.spoken.push(next.participantId);
        // Who has spoken changed: waiting speeches of hers are no longer first ones.
        for (const e of list.queue) if (e.participantId === next.participantId) e.firstOnItem = false;
      }
      return changed();
    }
    case "speaker.stop": {
      requireChair(state, sender);
      endSpeech(state, currentList(state), now);
      return changed();
    }
    case "speakers.announce_closing": {
      requireChair(state, sender);
      const list = currentList(state);
      if (listState(list, now) !== "open") throw new Refused("meeting_list_closed");
      list.state = "announced";
      list.closesAt = now + state.settings.closingWindowSeconds * 1000;
      return changed();
    }
    case "speakers.close": {
      requireChair(state, sender);
      const list = currentList(state);
      list.state = "closed";
      list.closesAt = null;
      return changed({ minutes: [{ kind: "paragraph", text: "Streck i debatten." }] });
    }
    case "speakers.resume": {
      requireChair(state, sender);
      const list = currentList(state);
      if (!list.paused) return changed({ shared: false });
      list.paused = false;
      return changed();
    }
    case "proposal.add":
    case "proposal.withdraw":
    case "order.propose":
    case "order.approve":
    case "step.demand_count":
    case "step.decide":
    case "decision.reserve":
    case "decision.note":
    case "decision.adjust":
      return runProcedureCommand(ctx, sender, command);
    case "speakers.reopen": {
      requireChair(state, sender);
      const list = currentList(state);
      list.state = "open";
      list.closesAt = null;
      return changed();
    }
    case "settings.update": {
      requireChair(state, sender);
      state.settings = { ...state.settings, ...command.settings };
      await recordSettings(db, state.meetingId, state.settings, now);
      if (command.settings.firstTimeSpeakersFirst !== undefined) {
        for (const list of Object.values(state.speakers)) {
          list.queue = reorderSpeeches(list.queue, state.settings.firstTimeSpeakersFirst);
        }
      }
      return changed();
    }
    case "poll.open": {
      requireChair(state, sender);
      const options = command.kind === "temperature" ? temperatureScale.map(String) : command.options;
      if (command.kind !== "temperature" && options.length < 2) throw new Refused("meeting_bad_command");
      const id = Math.max(0, ...state.polls.map((p) => p.id)) + 1;
      state.polls.push({
        id,
        question: command.question,
        kind: command.kind,
        options,
        open: true,
        answers: {},
      });
      return changed();
    }
    case "poll.close": {
      requireChair(state, sender);
      const poll = state.polls.find((p) => p.id === command.pollId);
      if (!poll) throw new Refused("meeting_no_such_entry");
      poll.open = false;
      return changed();
    }
    case "poll.answer": {
      const poll = state.polls.find((p) => p.id === command.pollId);
      if (!poll) throw new Refused("meeting_no_such_entry");
      if (!poll.open) throw new Refused("meeting_poll_closed");
      requireChoices(command.choices, poll.options.length, poll.kind !== "multiple");
      poll.answers[sender.id] = [...command.choices].sort((a, b) => a - b);
      return changed({ you: true });
    }
    case "vote.open": {
      requireChair(state, sender);
      requireMembersOnly(state);
      if (state.currentItemId === null) throw new Refused("meeting_no_current_item");
      await openVote(ctx, {
        itemId: state.currentItemId,
        question: command.question,
        options: command.options,
        secret: command.secret,
      });
      return changed();
    }
    case "vote.cast":
      return castBallot(ctx, sender, command.voteId, command.choices);
    case "vote.close": {
      requireChair(state, sender);
      const vote = state.votes.find((v) => v.id === command.voteId);
      if (!vote) throw new Refused("meeting_no_such_entry");
      if (!vote.open) throw new Refused("meeting_vote_closed");
      // Closed here at once, so no ballot that arrives meanwhile is let through to D1.
      vote.open = false;
      try {
        // D1 counts what landed before the close; a ballot still on its way is refused
        // there, and castBallot takes its voter back off the list.
        vote.counts = (await recordVoteClosed(db, vote, now)).counts;
      } catch (err) {
        vote.open = true;
        throw err;
      }
      const result = vote.options.map((o, i) => `${o}: ${vote.counts?.[i] ?? 0}`).join(", ");
      await openPendingCount(ctx);
      return changed({
        minutes: [
          {
            kind: "paragraph",
            text: `Omröstning (${vote.secret ? "sluten" : "öppen"}): ${vote.question}. ${result}. Röstberättigade: ${vote.eligibleIds.length}, röstande: ${vote.voters.length}.`,
          },
        ],
      });
    }
    case "roll.check": {
      const targetId = command.participantId ?? sender.id;
      if (targetId !== sender.id) requireRollKeeper(state, sender);
      const target = state.participants[targetId];
      if (!target) throw new Refused("meeting_no_such_entry");
      if (target.guest || !target.votingRight) throw new Refused("meeting_no_vote_right");
      if (target.checkedIn === command.checkedIn) return changed({ shared: false });
      if (state.state === "open") {
        await recordRoll(
          db,
          state.meetingId,
          target.id,
          { votingRight: true, checkedIn: command.checkedIn },
          now,
        );
      }
      target.checkedIn = command.checkedIn;
      return changed({ shared: false, participants: [target.id], you: target.id === sender.id });
    }
    case "roll.set": {
      requireRollKeeper(state, sender);
      requireMembersOnly(state);
      const target = state.participants[command.participantId];
      if (!target) throw new Refused("meeting_no_such_entry");
      if (target.guest) throw new Refused("meeting_not_allowed");
      const checkedIn = command.votingRight && target.checkedIn;
      await recordRoll(db, state.meetingId, target.id, { votingRight: command.votingRight, checkedIn }, now);
      target.votingRight = command.votingRight;
      target.checkedIn = checkedIn;
      return changed({
        shared: false,
        participants: [target.id],
        minutes: [
          {
            kind: "paragraph",
            text: `Röstlängden justerades: en deltagare ${command.votingRight ? "fick" : "förlorade"} rösträtt.`,
          },
        ],
      });
    }
    case "decision.record": {
      requireChair(state, sender);
      requireMembersOnly(state);
      const itemId = state.currentItemId;
      if (itemId === null) throw new Refused("meeting_no_current_item");
      const item = state.agenda.find((i) => i.id === itemId);
      if (command.voteId !== undefined) {
        const vote = state.votes.find((v) => v.id === command.voteId && v.itemId === itemId);
        if (!vote) throw new Refused("meeting_no_such_entry");
        if (vote.open) throw new Refused("meeting_vote_in_progress");
      }
      if (command.motionVerdicts) {
        if (!item?.motionId) throw new Refused("meeting_bad_command");
        await applyMotionVerdicts(db, item.motionId, command.motionVerdicts, sender.id);
      }
      const decision = await recordDecision(
        db,
        state.meetingId,
        {
          itemId,
          text: command.text,
          voteId: command.voteId ?? null,
          motionVerdicts: command.motionVerdicts ?? null,
        },
        sender.id,
        now,
      );
      state.decisions.push(decision);
      return changed({ minutes: [{ kind: "paragraph", text: `Beslut: ${command.text}` }] });
    }
    case "officers.set": {
      requireChair(state, sender);
      const ids = [...new Set(command.participantIds)];
      if (command.role === "chair" && ids.length !== 1) throw new Refused("meeting_bad_command");
      if (ids.some((id) => !state.participants[id] || state.participants[id]?.guest)) {
        throw new Refused("meeting_no_such_entry");
      }
      await recordOfficers(db, state.meetingId, command.role, ids);
      const before = state.officers.filter((o) => o.role === command.role).map((o) => o.participantId);
      state.officers = [
        ...state.officers.filter((o) => o.role !== command.role),
        ...ids.map((participantId) => ({ participantId, role: command.role })),
      ];
      const names = ids.map((id) => state.participants[id]?.name ?? "").join(", ");
      const title = { chair: "mötesordförande", secretary: "mötessekreterare", adjuster: "justerare" }[
        command.role
      ];
      return changed({
        participants: [...new Set([...before, ...ids])],
        minutes: [{ kind: "paragraph", text: `Till ${title} valdes ${names}.` }],
      });
    }
  }
}

/**
 * One ballot. Concurrent ballots are not queued behind each other (a vote of hundreds must
 * confirm each within a second): the voter is reserved in the room's memory before D1 is
 * asked, so a second ballot from her is refused at once, and released if D1 refuses.
 */
async function castBallot(ctx: CommandContext, sender: StoredParticipant, voteId: number, choices: number[]) {
  const { state, db } = ctx;
  const vote: StoredVote | undefined = state.votes.find((v) => v.id === voteId);
  if (!vote) throw new Refused("meeting_no_such_entry");
  if (!vote.open) throw new Refused("meeting_vote_closed");
  if (vote.voters.includes(sender.id)) throw new Refused("meeting_already_voted");
  // Eligible: on the roll with a vote and checked in when the vote opened (after a loss of the
  // room's storage that list is unknown: D1 keeps the count only), and still so now: a voter
  // the roll keeper checked out as gone, or whose vote was taken, casts no ballot.
  const onRollAtOpening = vote.eligibleIds.length === 0 || vote.eligibleIds.includes(sender.id);
  if (sender.guest || !sender.votingRight || !sender.checkedIn || !onRollAtOpening)
    throw new Refused("meeting_no_vote_right");
  requireChoices(choices, vote.options.length, true);
  vote.voters.push(sender.id);
  let receipt: string | null;
  try {
    ({ receipt } = await recordBallot(db, vote, sender.id, choices));
  } catch (err) {
    vote.voters = vote.voters.filter((id) => id !== sender.id);
    throw err;
  }
  return {
    shared: false,
    participants: [],
    you: true,
    tally: vote.id,
    minutes: [],
    ...(receipt !== null ? { receipt: { voteId: vote.id, receipt } } : {}),
  } satisfies Outcome;
}
