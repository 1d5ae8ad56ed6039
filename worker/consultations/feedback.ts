import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { auditStatement } from "../audit/log";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { groupRefs } from "../motions/queries";
import type { Quote } from "../shared/consultations";
import type { GroupRef } from "../shared/org";
import { quoteView } from "./queries";
import type { ConsultationRecord } from "./resource";
import { groupsInScope } from "./results";
import { consultationAnswerItems, consultationGroups, consultationQuotes, consultations } from "./schema";

/**
 * Answering back: the asking level quotes points of the groups' answers (an excerpt of a
 * group's latest text for a question, checked against it) and publishes a summary. Each
 * participating group sees the summary and its own quoted points once it is published.
 */

/** Quotes an excerpt of a group's latest answer to a question; returns the quote. */
export async function addQuote(
  db: Db,
  record: ConsultationRecord,
  input: { groupId: number; questionId: number; excerpt: string },
  personId: string,
) {
  const [item] = await db
    .select({ text: consultationAnswerItems.text, version: consultationAnswerItems.version })
    .from(consultationAnswerItems)
    .innerJoin(
      consultationGroups,
      and(
        eq(consultationGroups.consultationId, consultationAnswerItems.consultationId),
        eq(consultationGroups.groupId, consultationAnswerItems.groupId),
        eq(consultationGroups.latestVersion, consultationAnswerItems.version),
      ),
    )
    .where(
      and(
        eq(consultationAnswerItems.consultationId, record.id),
        eq(consultationAnswerItems.groupId, input.groupId),
        eq(consultationAnswerItems.questionId, input.questionId),
      ),
    );
  if (!item?.text.includes(input.excerpt)) throw new ApiError(422, "consultation_quote_not_found");
  const [created] = await db
    .insert(consultationQuotes)
    .values({
      consultationId: record.id,
      ...input,
      version: item.version,
      createdBy: personId,
      createdAt: Date.now(),
    })
    .returning();
  if (!created) throw new Error("quote insert returned nothing");
  return created;
}

/** The quotes made so far, oldest first; `scope` narrows them to a district's groups (readerScope). */
export async function quotesOf(db: Db, consultationId: number, scope: number[] | null): Promise<Quote[]> {
  const rows = await db
    .select()
    .from(consultationQuotes)
    .where(
      and(
        eq(consultationQuotes.consultationId, consultationId),
        scope ? inArray(consultationQuotes.groupId, groupsInScope(db, consultationId, scope)) : undefined,
      ),
    )
    .orderBy(asc(consultationQuotes.id));
  const refs = await groupRefs(
    db,
    rows.map((r) => r.groupId),
  );
  return rows.map((r) => quoteView(r, refs.get(r.groupId) as GroupRef));
}

export async function removeQuote(db: Db, consultationId: number, quoteId: number): Promise<void> {
  const removed = await db
    .delete(consultationQuotes)
    .where(and(eq(consultationQuotes.id, quoteId), eq(consultationQuotes.consultationId, consultationId)))
    .returning({ id: consultationQuotes.id });
  if (!removed.length) throw new ApiError(404, "not_found");
}

/**
 * Publishes (or rewrites) the summary; says whether this was its first publication, after
 * which the route tells the groups that answered (sendFeedbackMails). A rewrite changes the
 * text only.
 */
export async function publishFeedback(
  db: Db,
  record: ConsultationRecord,
  summary: string,
  personId: string,
): Promise<boolean> {
  if (record.publishedAt === null) throw new ApiError(409, "consultation_no_feedback_yet");
  // Claiming the first publication in D1 makes a double click mail once.
  const [, claimed] = await db.batch([
    db.update(consultations).set({ summary, summaryBy: personId }).where(eq(consultations.id, record.id)),
    db
      .update(consultations)
      .set({ summaryPublishedAt: Date.now() })
      .where(and(eq(consultations.id, record.id), isNull(consultations.summaryPublishedAt)))
      .returning({ id: consultations.id }),
    auditStatement(db, {
      actorId: personId,
      action: "consultation.feedback",
      subjectType: "consultation",
      subjectId: String(record.id),
    }),
  ]);
  return claimed.length > 0;
}
