import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import type { TagBoard } from "../shared/consultations";
import { taggingsInScope } from "./results";
import {
  consultationGroups,
  consultationQuestions,
  consultations,
  consultationTaggings,
  consultationTags,
} from "./schema";

/**
 * Staff's shared tags. Every change bumps the consultation's `tagsRevision` in the same
 * transaction, so a page polling every few seconds asks one small row (the ETag) and gets
 * the board only when something changed; colleagues see a new tag within one poll.
 */

export async function tagsRevision(db: Db, consultationId: number): Promise<number> {
  const [row] = await db
    .select({ revision: consultations.tagsRevision })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  return row?.revision ?? 0;
}

/**
 * The board as the reader may see it: everything for the asking level; for a district's board
 * (`scope`, its districts) only the taggings of its own groups and the tags among them, since
 * a tag's name and what it is on tell of other districts' answers.
 */
export async function tagBoard(db: Db, consultationId: number, scope: number[] | null): Promise<TagBoard> {
  const tagged = taggingsInScope(db, consultationId, scope);
  const [[row], tags, taggings] = await db.batch([
    db
      .select({ revision: consultations.tagsRevision })
      .from(consultations)
      .where(eq(consultations.id, consultationId)),
    db
      .select({ id: consultationTags.id, name: consultationTags.name })
      .from(consultationTags)
      .where(
        and(
          eq(consultationTags.consultationId, consultationId),
          scope
            ? inArray(
                consultationTags.id,
                db.select({ id: consultationTaggings.tagId }).from(consultationTaggings).where(tagged),
              )
            : undefined,
        ),
      )
      .orderBy(asc(consultationTags.name)),
    db
      .select({
        tagId: consultationTaggings.tagId,
        groupId: consultationTaggings.groupId,
        questionId: consultationTaggings.questionId,
      })
      .from(consultationTaggings)
      .where(tagged),
  ]);
  return { revision: row?.revision ?? 0, tags, tagged: taggings };
}

function bump(db: Db, consultationId: number) {
  return db
    .update(consultations)
    .set({ tagsRevision: sql`${consultations.tagsRevision} + 1` })
    .where(eq(consultations.id, consultationId));
}

export async function createTag(
  db: Db,
  consultationId: number,
  name: string,
  personId: string,
): Promise<void> {
  await db
    .batch([
      db
        .insert(consultationTags)
        .values({ consultationId, name, createdBy: personId, createdAt: Date.now() }),
      bump(db, consultationId),
    ])
    .catch(() => {
      throw new ApiError(409, "consultation_tag_exists");
    });
}

/** Tags or untags a group's answer to a question: the tag, the question and the asked group must be this consultation's. */
export async function setTagging(
  db: Db,
  consultationId: number,
  input: { tagId: number; groupId: number; questionId: number; tagged: boolean },
  personId: string,
): Promise<void> {
  const [[tag], [question], [asked]] = await db.batch([
    db
      .select({ id: consultationTags.id })
      .from(consultationTags)
      .where(and(eq(consultationTags.id, input.tagId), eq(consultationTags.consultationId, consultationId))),
    db
      .select({ id: consultationQuestions.id })
      .from(consultationQuestions)
      .where(
        and(
          eq(consultationQuestions.id, input.questionId),
          eq(consultationQuestions.consultationId, consultationId),
        ),
      ),
    db
      .select({ id: consultationGroups.groupId })
      .from(consultationGroups)
      .where(
        and(
          eq(consultationGroups.groupId, input.groupId),
          eq(consultationGroups.consultationId, consultationId),
        ),
      ),
  ]);
  if (!tag || !asked) throw new ApiError(404, "not_found");
  if (!question) throw new ApiError(422, "consultation_unknown_question");
  const key = { tagId: input.tagId, groupId: input.groupId, questionId: input.questionId };
  await db.batch([
    input.tagged
      ? db
          .insert(consultationTaggings)
          .values({ ...key, consultationId, taggedBy: personId, taggedAt: Date.now() })
          .onConflictDoNothing()
      : db
          .delete(consultationTaggings)
          .where(
            and(
              eq(consultationTaggings.tagId, key.tagId),
              eq(consultationTaggings.groupId, key.groupId),
              eq(consultationTaggings.questionId, key.questionId),
            ),
          ),
    bump(db, consultationId),
  ]);
}
