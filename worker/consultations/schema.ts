import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "../identity/schema";
import { groups } from "../org/schema";
import { askableKinds, questionKinds } from "../shared/consultations";

/**
 * A consultation (rådslag) asked by one group: the national group or a district. Its phase
 * (draft, scheduled, open, closed) is derived from `publishedAt`, `opensAt` and `closesAt`
 * and the clock. `audience` is JSON (Audience in worker/shared/consultations.ts); publishing
 * turns it into the rows of `consultation_groups`. `introduction` is Markdown. `tagsRevision`
 * counts every change to the shared tags, so staff's pages can poll cheaply.
 */
export const consultations = sqliteTable(
  "consultations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    askerGroupId: integer("asker_group_id")
      .notNull()
      .references(() => groups.id),
    title: text("title").notNull(),
    introduction: text("introduction").notNull().default(""),
    audience: text("audience").notNull(),
    opensAt: integer("opens_at").notNull(),
    closesAt: integer("closes_at").notNull(),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
    publishedAt: integer("published_at"),
    publishedBy: text("published_by").references(() => people.id),
    /** When the hourly job mailed the asked groups' chairs and secretaries that it opened. */
    openingMailedAt: integer("opening_mailed_at"),
    summary: text("summary"),
    summaryPublishedAt: integer("summary_published_at"),
    summaryBy: text("summary_by").references(() => people.id),
    tagsRevision: integer("tags_revision").notNull().default(0),
  },
  (t) => [index("consultations_asker").on(t.askerGroupId), index("consultations_opens").on(t.opensAt)],
);

/**
 * A question, in order (`position`). `options` is JSON (string[]) for choice questions;
 * `comment` says whether the group also writes a text (always for `open`).
 */
export const consultationQuestions = sqliteTable(
  "consultation_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    position: integer("position").notNull(),
    kind: text("kind", { enum: questionKinds }).notNull(),
    prompt: text("prompt").notNull(),
    options: text("options").notNull().default("[]"),
    scaleMin: integer("scale_min"),
    scaleMax: integer("scale_max"),
    scaleMinLabel: text("scale_min_label"),
    scaleMaxLabel: text("scale_max_label"),
    comment: integer("comment", { mode: "boolean" }).notNull(),
  },
  (t) => [index("consultation_questions_consultation").on(t.consultationId, t.position)],
);

/**
 * The groups a published consultation asks, fixed when it is published, each with its
 * district and branch (for the overview's grouping without walking the tree), its choice
 * draft (JSON: Choice[]), its latest submitted version (0: none yet), whether it reopened
 * since, and when its reminder went (once).
 */
export const consultationGroups = sqliteTable(
  "consultation_groups",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    kind: text("kind", { enum: askableKinds }).notNull(),
    districtId: integer("district_id").references(() => groups.id),
    branchId: integer("branch_id").references(() => groups.id),
    draft: text("draft").notNull().default("[]"),
    latestVersion: integer("latest_version").notNull().default(0),
    reopened: integer("reopened", { mode: "boolean" }).notNull().default(false),
    submittedAt: integer("submitted_at"),
    remindedAt: integer("reminded_at"),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.groupId] }),
    index("consultation_groups_district").on(t.consultationId, t.districtId),
    index("consultation_groups_group").on(t.groupId),
  ],
);

/**
 * A group's submitted answers, version by version (the latest counts). Immutable: triggers
 * in the custom migration refuse every UPDATE and DELETE.
 */
export const consultationAnswers = sqliteTable(
  "consultation_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    version: integer("version").notNull(),
    submittedBy: text("submitted_by").references(() => people.id),
    submittedAt: integer("submitted_at").notNull(),
  },
  (t) => [uniqueIndex("consultation_answers_version").on(t.consultationId, t.groupId, t.version)],
);

/**
 * One question's part of a submitted version: the frozen text (plain, for reading and the
 * full-text index `consultation_answer_search`; `json` ProseMirror), the choices (JSON
 * number[]) or the scale value. Immutable like the versions.
 */
export const consultationAnswerItems = sqliteTable(
  "consultation_answer_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    version: integer("version").notNull(),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id),
    text: text("text").notNull().default(""),
    json: text("json"),
    choices: text("choices"),
    value: integer("value"),
  },
  (t) => [
    uniqueIndex("consultation_answer_items_key").on(t.consultationId, t.groupId, t.version, t.questionId),
  ],
);

/** A member's own answer (where the consultation asks for them), in the group she answers in. */
export const consultationIndividualAnswers = sqliteTable(
  "consultation_individual_answers",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    /** JSON: AnswerItem[]. */
    items: text("items").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.groupId, t.personId] }),
    index("consultation_individual_person").on(t.personId),
  ],
);

/** Staff's shared tags (themes) for a consultation's answers. */
export const consultationTags = sqliteTable(
  "consultation_tags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    name: text("name").notNull(),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("consultation_tags_name").on(t.consultationId, t.name)],
);

/**
 * A tag on a group's answer to one question: it stays on the answer when the group
 * resubmits (the latest version is the one read).
 */
export const consultationTaggings = sqliteTable(
  "consultation_taggings",
  {
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    tagId: integer("tag_id")
      .notNull()
      .references(() => consultationTags.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id),
    taggedBy: text("tagged_by").references(() => people.id),
    taggedAt: integer("tagged_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tagId, t.groupId, t.questionId] }),
    index("consultation_taggings_consultation").on(t.consultationId),
  ],
);

/** A point of a group's answer (an excerpt of a version's text) quoted in the feedback. */
export const consultationQuotes = sqliteTable(
  "consultation_quotes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id),
    version: integer("version").notNull(),
    excerpt: text("excerpt").notNull(),
    createdBy: text("created_by").references(() => people.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("consultation_quotes_group").on(t.consultationId, t.groupId)],
);
