import { asc, eq, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { groupRefs } from "../motions/queries";
import {
  consultationAnswers,
  consultationIndividualAnswers,
  consultationQuotes,
  consultations,
  consultationTaggings,
  consultationTags,
} from "./schema";

/**
 * A person's part in consultations, for her export and her erasure (worker/identity/privacy.ts).
 *
 * The export lists what she did: the group answers she submitted, her own individual
 * answers, the consultations she asked or answered back in, the tags, taggings and quotes
 * she made. Never other people's answers or names.
 *
 * On erasure her individual answers are deleted: they are her own opinions, not a group's.
 * The group answers she submitted stay, as the group's record, under her id (shown as a
 * former member), as do the consultations, tags and quotes she made as staff.
 */

export async function consultationDataOf(db: Db, personId: string) {
  const [submitted, individual, asked, tags, taggings, quotes] = await db.batch([
    db
      .select({
        consultationId: consultationAnswers.consultationId,
        groupId: consultationAnswers.groupId,
        version: consultationAnswers.version,
        submittedAt: consultationAnswers.submittedAt,
      })
      .from(consultationAnswers)
      .where(eq(consultationAnswers.submittedBy, personId))
      .orderBy(asc(consultationAnswers.id)),
    db
      .select({
        consultationId: consultationIndividualAnswers.consultationId,
        groupId: consultationIndividualAnswers.groupId,
        items: consultationIndividualAnswers.items,
        updatedAt: consultationIndividualAnswers.updatedAt,
      })
      .from(consultationIndividualAnswers)
      .where(eq(consultationIndividualAnswers.personId, personId)),
    db
      .select({
        id: consultations.id,
        title: consultations.title,
        createdAt: consultations.createdAt,
        publishedAt: consultations.publishedAt,
        summaryPublishedAt: consultations.summaryPublishedAt,
        created: eq(consultations.createdBy, personId),
        published: eq(consultations.publishedBy, personId),
        summarised: eq(consultations.summaryBy, personId),
      })
      .from(consultations)
      .where(
        or(
          eq(consultations.createdBy, personId),
          eq(consultations.publishedBy, personId),
          eq(consultations.summaryBy, personId),
        ),
      ),
    db
      .select({
        id: consultationTags.id,
        consultationId: consultationTags.consultationId,
        name: consultationTags.name,
      })
      .from(consultationTags)
      .where(eq(consultationTags.createdBy, personId)),
    db
      .select({
        tagId: consultationTaggings.tagId,
        groupId: consultationTaggings.groupId,
        questionId: consultationTaggings.questionId,
        taggedAt: consultationTaggings.taggedAt,
      })
      .from(consultationTaggings)
      .where(eq(consultationTaggings.taggedBy, personId)),
    db
      .select({
        id: consultationQuotes.id,
        consultationId: consultationQuotes.consultationId,
        groupId: consultationQuotes.groupId,
        excerpt: consultationQuotes.excerpt,
        createdAt: consultationQuotes.createdAt,
      })
      .from(consultationQuotes)
      .where(eq(consultationQuotes.createdBy, personId)),
  ]);
  const refs = await groupRefs(db, [...submitted.map((s) => s.groupId), ...individual.map((i) => i.groupId)]);
  return {
    submittedForGroups: submitted.map(({ groupId, ...s }) => ({ ...s, group: refs.get(groupId) ?? null })),
    individualAnswers: individual.map(({ groupId, items, ...i }) => ({
      ...i,
      group: refs.get(groupId) ?? null,
      items: JSON.parse(items) as unknown,
    })),
    asked: asked.map((a) => ({
      ...a,
      created: Boolean(a.created),
      published: Boolean(a.published),
      summarised: Boolean(a.summarised),
    })),
    tags,
    taggings,
    quotes,
  };
}

/** The statements erasure runs in its batch: her individual answers go. */
export function consultationErasure(db: Db, personId: string) {
  return [
    db.delete(consultationIndividualAnswers).where(eq(consultationIndividualAnswers.personId, personId)),
  ] as const;
}
