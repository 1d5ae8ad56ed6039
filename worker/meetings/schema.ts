import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { consultations } from "../consultations/schema";
import { people } from "../identity/schema";
import { motions } from "../motions/schema";
import { groups } from "../org/schema";
import { agendaItemKinds, meetingAccesses, meetingOfficerRoles, meetingStates } from "../shared/meetings";

/**
 * The record of meetings. The live state (speaker lists, polls, which item is current) is
 * the meeting room's (worker/meetings/live/); what a meeting decided, who could vote and
 * what was counted is kept here.
 *
 * `settings` is JSON: MeetingSettings (worker/shared/meetings.ts). Times are UTC instants (ms).
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    title: text("title").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    access: text("access", { enum: meetingAccesses }).notNull(),
    state: text("state", { enum: meetingStates }).notNull().default("planned"),
    videoUrl: text("video_url"),
    settings: text("settings").notNull(),
    agendaAdoptedAt: integer("agenda_adopted_at"),
    invitationsSentAt: integer("invitations_sent_at"),
    reminderSentAt: integer("reminder_sent_at"),
    openedAt: integer("opened_at"),
    closedAt: integer("closed_at"),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("meetings_group_start").on(t.groupId, t.startsAt), index("meetings_start").on(t.startsAt)],
);

/** The agenda, in `position` order. An item's notes are the live document `meeting-notes:<meeting>-<id>`. */
export const meetingAgendaItems = sqliteTable(
  "meeting_agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: agendaItemKinds }).notNull(),
    motionId: integer("motion_id").references(() => motions.id),
    /** A consultation discussed under the item: the group opens its workspace from here. */
    consultationId: integer("consultation_id").references(() => consultations.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("meeting_agenda_items_meeting").on(t.meetingId, t.position),
    index("meeting_agenda_items_consultation").on(t.consultationId),
  ],
);

/** The meeting's own elected officers: its chair, secretary and adjusters. */
export const meetingOfficers = sqliteTable(
  "meeting_officers",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role", { enum: meetingOfficerRoles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId, t.role] }),
    index("meeting_officers_person").on(t.personId),
  ],
);

/**
 * The voting roll (röstlängd): taken from the group's memberships when the meeting opens,
 * changed by recorded decisions (`roll.set`) and check-in/out. Everyone present is in
 * `meeting_attendance`.
 */
export const meetingRoll = sqliteTable(
  "meeting_roll",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    votingRight: integer("voting_right", { mode: "boolean" }).notNull(),
    checkedIn: integer("checked_in", { mode: "boolean" }).notNull().default(false),
    changedAt: integer("changed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/**
 * Who was present: a person's id, or a guest's (`guest-…`, whose name is deleted with her
 * guest record; the minutes count guests, never name them).
 */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    participantId: text("participant_id").notNull(),
    guest: integer("guest", { mode: "boolean" }).notNull(),
    firstJoinedAt: integer("first_joined_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.participantId] })],
);

/**
 * Formal votes. `eligible` is the roll's count of checked-in voters when the vote opened;
 * `counts` (JSON number[]) and `voted` are written when it closes.
 */
export const meetingVotes = sqliteTable(
  "meeting_votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => meetingAgendaItems.id),
    question: text("question").notNull(),
    options: text("options").notNull(),
    secret: integer("secret", { mode: "boolean" }).notNull(),
    eligible: integer("eligible").notNull(),
    openedAt: integer("opened_at").notNull(),
    closedAt: integer("closed_at"),
    voted: integer("voted"),
    counts: text("counts"),
  },
  (t) => [index("meeting_votes_meeting").on(t.meetingId)],
);

/**
 * Who voted in a vote, never what: one row per voter (the primary key refuses a second).
 * Written in the same batch as her ballot. No time: the order of rows says nothing either,
 * as the table is WITHOUT ROWID (stored in key order, by person id).
 */
export const meetingVoters = sqliteTable(
  "meeting_voters",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => meetingVotes.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.personId] })],
);

/**
 * What was voted in a secret vote, never by whom: no voter id, no time (the vote's close is
 * the finest there is), stored WITHOUT ROWID keyed by a random receipt, so neither the rows
 * nor their order follow the voting order. `choices` is JSON number[]. The voter alone
 * holds her receipt.
 */
export const meetingBallots = sqliteTable(
  "meeting_ballots",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => meetingVotes.id),
    receipt: text("receipt").notNull(),
    choices: text("choices").notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.receipt] })],
);

/** An open (named) vote's ballots: who voted what, as the meeting may see. */
export const meetingNamedBallots = sqliteTable(
  "meeting_named_ballots",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => meetingVotes.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    choices: text("choices").notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.personId] })],
);

/**
 * Decisions recorded under an agenda item (never changed: a correction is a new decision).
 * `motionVerdicts` (JSON) is the verdict per att-sats on the item's motion.
 */
export const meetingDecisions = sqliteTable(
  "meeting_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => meetingAgendaItems.id),
    text: text("text").notNull(),
    voteId: integer("vote_id").references(() => meetingVotes.id),
    motionVerdicts: text("motion_verdicts"),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("meeting_decisions_meeting").on(t.meetingId, t.itemId)],
);

/** Frozen versions of the minutes (Markdown text); the last, once approved by every adjuster, is final. */
export const meetingMinutes = sqliteTable(
  "meeting_minutes",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    version: integer("version").notNull(),
    text: text("text").notNull(),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
    frozenAt: integer("frozen_at"),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.version] })],
);

/** Each adjuster's approval (justering) of a version of the minutes. */
export const meetingMinutesApprovals = sqliteTable(
  "meeting_minutes_approvals",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    version: integer("version").notNull(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    approvedAt: integer("approved_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.version, t.personId] })],
);

/** A person's calendar feed: only a hash of its token is kept; a new feed revokes the old. */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("calendar_feeds_person").on(t.personId)],
);
