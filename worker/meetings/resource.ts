import { eq } from "drizzle-orm";
import { findGroup } from "../access/groups";
import type { MeetingResource } from "../access/permissions";
import type { Db } from "../db/client";
import { meetingDocumentId } from "../shared/meetings";
import { meetingMinutes, meetingOfficers, meetings } from "./schema";

/** A meeting as the permission table judges it, with the row the handlers work on; null if there is none. */
export async function findMeeting(db: Db, meetingId: number) {
  const [[record], officers, frozen] = await db.batch([
    db.select().from(meetings).where(eq(meetings.id, meetingId)),
    db
      .select({ personId: meetingOfficers.personId, role: meetingOfficers.role })
      .from(meetingOfficers)
      .where(eq(meetingOfficers.meetingId, meetingId)),
    db
      .select({ frozenAt: meetingMinutes.frozenAt })
      .from(meetingMinutes)
      .where(eq(meetingMinutes.meetingId, meetingId)),
  ]);
  const group = record && (await findGroup(db, { id: record.groupId }));
  if (!record || !group) return null;
  return {
    type: "meeting",
    meetingId: record.id,
    documentId: meetingDocumentId(record.id),
    group,
    access: record.access,
    state: record.state,
    officers,
    minutesFrozen: frozen.some((m) => m.frozenAt !== null),
    record,
  } satisfies MeetingResource & { record: typeof record };
}

export type FoundMeeting = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;
