import { eq } from "drizzle-orm";
import { findGroup } from "../access/groups";
import type { MotionResource } from "../access/permissions";
import type { Db } from "../db/client";
import { motionDocumentId } from "../shared/motions";
import { motionAuthors, motions } from "./schema";

/** A motion as the permission table judges it, with the row the handlers work on; null if there is none. */
export async function findMotion(db: Db, motionId: number) {
  const [[record], authors] = await db.batch([
    db.select().from(motions).where(eq(motions.id, motionId)),
    db
      .select({ personId: motionAuthors.personId })
      .from(motionAuthors)
      .where(eq(motionAuthors.motionId, motionId)),
  ]);
  const group = record && (await findGroup(db, { id: record.groupId }));
  if (!record || !group) return null;
  return {
    type: "motion",
    motionId: record.id,
    documentId: motionDocumentId(record.id),
    group,
    state: record.state,
    authors: authors.map((a) => a.personId),
    record,
  } satisfies MotionResource & { record: typeof record };
}

export type FoundMotion = NonNullable<Awaited<ReturnType<typeof findMotion>>>;
