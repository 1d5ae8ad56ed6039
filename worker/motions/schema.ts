import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { people } from "../identity/schema";
import { groups } from "../org/schema";
import { amendmentStates, motionKinds, motionStates, versionReasons } from "../shared/motions";

/**
 * A group's motion period (motionstid): the deadline its board set, how many supporters a
 * motion needs, whether members may submit their own motions here, and the line length its
 * printed documents use.
 */
export const motionPeriods = sqliteTable(
  "motion_periods",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    title: text("title").notNull(),
    deadline: integer("deadline").notNull(),
    minSupporters: integer("min_supporters").notNull().default(0),
    acceptsMemberMotions: integer("accepts_member_motions", { mode: "boolean" }).notNull().default(true),
    lineLength: integer("line_length").notNull().default(80),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("motion_periods_group").on(t.groupId, t.deadline)],
);

/**
 * A motion or idea draft in one group. Its live text is the room document `motion:<id>`;
 * `title` and `body` (plain text of the latest version) are copies for lists and the
 * full-text index (`motion_search`, a custom migration). A motion forwarded to the level
 * above is a new row there, pointing at its `originId` and `senderGroupId`.
 */
export const motions = sqliteTable(
  "motions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    kind: text("kind", { enum: motionKinds }).notNull(),
    state: text("state", { enum: motionStates }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    periodId: integer("period_id").references(() => motionPeriods.id),
    originId: integer("origin_id").references((): AnySQLiteColumn => motions.id),
    senderGroupId: integer("sender_group_id").references(() => groups.id),
    forwardedToId: integer("forwarded_to_id").references((): AnySQLiteColumn => motions.id),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("motions_group_state").on(t.groupId, t.state), index("motions_origin").on(t.originId)],
);

/** Who writes a motion: its initiator and the co-authors she invited (members of its group). */
export const motionAuthors = sqliteTable(
  "motion_authors",
  {
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    initiator: integer("initiator", { mode: "boolean" }).notNull().default(false),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.personId] }), index("motion_authors_person").on(t.personId)],
);

/** Co-signers. The primary key is what refuses supporting twice. */
export const motionSupporters = sqliteTable(
  "motion_supporters",
  {
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    supportedAt: integer("supported_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.personId] })],
);

/**
 * Frozen versions, numbered per motion. Immutable: triggers in the custom migration refuse
 * every UPDATE and DELETE. `proposals` is JSON: FrozenProposal[] (worker/shared/motions.ts);
 * `motivationJson` ProseMirror JSON. `lineLength` is the one the line numbers were counted with.
 */
export const motionVersions = sqliteTable(
  "motion_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    number: integer("number").notNull(),
    reason: text("reason", { enum: versionReasons }).notNull(),
    title: text("title").notNull(),
    motivationText: text("motivation_text").notNull(),
    motivationJson: text("motivation_json").notNull(),
    proposals: text("proposals").notNull(),
    lineLength: integer("line_length").notNull(),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("motion_versions_number").on(t.motionId, t.number)],
);

/**
 * The board's statements (styrelsens yttrande) and the meeting's decisions, each a row that
 * is never changed (a rewritten statement is a new row; the latest counts). `verdicts` is
 * JSON: one { verdict, amendedText? } per att-sats of the version it answers.
 */
export const motionTreatments = sqliteTable(
  "motion_treatments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    versionNumber: integer("version_number").notNull(),
    step: text("step", { enum: ["statement", "decision"] }).notNull(),
    text: text("text").notNull().default(""),
    verdicts: text("verdicts").notNull(),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("motion_treatments_motion").on(t.motionId, t.step)],
);

/**
 * Amendments to a frozen version (see MotionAmendment in worker/shared/motions.ts): lines
 * `firstLine`–`lastLine` of version `versionNumber`, all in one block (`part`, `block`), and
 * the text replacing them. Once accepted, `appliedStart`/`appliedEnd` say which characters
 * (code points of the block's text) of the version before `resultVersion` it replaced, so
 * amendments accepted later on the same block find their own words again.
 */
export const motionAmendments = sqliteTable(
  "motion_amendments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    versionNumber: integer("version_number").notNull(),
    firstLine: integer("first_line").notNull(),
    lastLine: integer("last_line").notNull(),
    part: text("part", { enum: ["motivation", "proposal"] }).notNull(),
    block: integer("block").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    oldText: text("old_text").notNull(),
    text: text("text").notNull(),
    reason: text("reason").notNull().default(""),
    state: text("state", { enum: amendmentStates }).notNull(),
    resultVersion: integer("result_version"),
    appliedStart: integer("applied_start"),
    appliedEnd: integer("applied_end"),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
    decidedBy: text("decided_by").references(() => people.id),
    decidedAt: integer("decided_at"),
  },
  (t) => [index("motion_amendments_motion").on(t.motionId, t.versionNumber)],
);

/**
 * Comments on a motion's live text, in threads: the first comment of a thread carries the
 * anchor (Yjs relative positions in fragment `field`, base64) and the quoted passage, and
 * whether the thread is resolved; replies point at it with `threadId`.
 */
export const motionComments = sqliteTable(
  "motion_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    threadId: integer("thread_id").references((): AnySQLiteColumn => motionComments.id),
    field: text("field"),
    anchorStart: text("anchor_start"),
    anchorEnd: text("anchor_end"),
    quote: text("quote"),
    body: text("body").notNull(),
    resolvedBy: text("resolved_by").references(() => people.id),
    resolvedAt: integer("resolved_at"),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("motion_comments_motion").on(t.motionId, t.threadId)],
);
