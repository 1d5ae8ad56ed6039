import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { groupRefs } from "./queries";
import { motionAmendments, motionAuthors, motionComments, motionSupporters, motions } from "./schema";

/**
 * A person's part in motions, for her export and her erasure (worker/identity/privacy.ts).
 *
 * The export lists her own contributions only: the motions she (co-)wrote, her supports, her
 * amendments, her comments and replies. Never other people's names: those are theirs.
 *
 * On erasure, motions, authorships, versions, the board's treatments, amendments and comment
 * bodies stay: they are the organisation's record of what was written, submitted and decided.
 * They hold her id, not her name, and names are read from `people` when shown, so with her
 * name blanked she appears as a former member. Her supports of motions still collecting
 * support are withdrawn: a support counts as a member's backing towards the period's minimum,
 * and erasure ends her memberships, so a motion submitted after she left must not count her.
 * Supports of motions already submitted stay: they are part of the record that the minimum
 * was met when it was.
 */

export async function motionDataOf(db: Db, personId: string) {
  const [authored, supports, amendments, comments] = await db.batch([
    db
      .select({
        id: motions.id,
        groupId: motions.groupId,
        kind: motions.kind,
        title: motions.title,
        state: motions.state,
        initiator: motionAuthors.initiator,
        addedAt: motionAuthors.addedAt,
        createdAt: motions.createdAt,
        updatedAt: motions.updatedAt,
      })
      .from(motionAuthors)
      .innerJoin(motions, eq(motions.id, motionAuthors.motionId))
      .where(eq(motionAuthors.personId, personId))
      .orderBy(asc(motions.id)),
    db
      .select({
        motionId: motionSupporters.motionId,
        title: motions.title,
        supportedAt: motionSupporters.supportedAt,
      })
      .from(motionSupporters)
      .innerJoin(motions, eq(motions.id, motionSupporters.motionId))
      .where(eq(motionSupporters.personId, personId))
      .orderBy(asc(motionSupporters.motionId)),
    db
      .select({
        id: motionAmendments.id,
        motionId: motionAmendments.motionId,
        version: motionAmendments.versionNumber,
        firstLine: motionAmendments.firstLine,
        lastLine: motionAmendments.lastLine,
        text: motionAmendments.text,
        reason: motionAmendments.reason,
        state: motionAmendments.state,
        createdAt: motionAmendments.createdAt,
        decidedAt: motionAmendments.decidedAt,
      })
      .from(motionAmendments)
      .where(eq(motionAmendments.createdBy, personId))
      .orderBy(asc(motionAmendments.id)),
    db
      .select({
        id: motionComments.id,
        motionId: motionComments.motionId,
        threadId: motionComments.threadId,
        body: motionComments.body,
        createdAt: motionComments.createdAt,
      })
      .from(motionComments)
      .where(eq(motionComments.createdBy, personId))
      .orderBy(asc(motionComments.id)),
  ]);
  const refs = await groupRefs(
    db,
    authored.map((m) => m.groupId),
  );
  return {
    authored: authored.map(({ groupId, ...m }) => ({ ...m, group: refs.get(groupId) ?? null })),
    supports,
    amendments,
    // A reply names the thread it answers; a thread's first comment has none.
    comments: comments.map(({ threadId, ...c }) => ({
      ...c,
      kind: threadId === null ? "thread" : "reply",
      threadId,
    })),
  };
}

/** The statements erasure runs in its batch: her supports of motions still collecting are withdrawn. */
export function motionErasure(db: Db, personId: string) {
  const collecting = db.select({ id: motions.id }).from(motions).where(eq(motions.state, "collecting"));
  return [
    db
      .delete(motionSupporters)
      .where(and(eq(motionSupporters.personId, personId), inArray(motionSupporters.motionId, collecting))),
  ] as const;
}
