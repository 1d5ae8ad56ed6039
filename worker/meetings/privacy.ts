import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  calendarFeeds,
  meetingAttendance,
  meetingDecisions,
  meetingOfficers,
  meetingRoll,
  meetings,
} from "./schema";

/**
 * A person's part in meetings, for her export and her erasure (worker/identity/privacy.ts).
 *
 * The export lists what is about her: the meetings she was an officer of, her lines on
 * voting rolls, the meetings she attended, the decisions she recorded as chair, and her
 * calendar feeds (when made and revoked, never the address). Never how she voted: a secret
 * ballot has no voter id, and an open vote's ballots are the meeting's record.
 *
 * On erasure, the record stays under her id (officer roles, roll lines, attendance, who
 * voted, decisions): it is what the meeting was and decided, and names are read from
 * `people` when shown, so she appears as a former member. Her calendar feeds are deleted:
 * a feed is hers alone, and its address would keep serving her meetings.
 */
export async function meetingDataOf(db: Db, personId: string) {
  const [officer, roll, attended, decisions, feeds] = await db.batch([
    db
      .select({ meetingId: meetingOfficers.meetingId, title: meetings.title, role: meetingOfficers.role })
      .from(meetingOfficers)
      .innerJoin(meetings, eq(meetings.id, meetingOfficers.meetingId))
      .where(eq(meetingOfficers.personId, personId))
      .orderBy(asc(meetingOfficers.meetingId)),
    db
      .select({
        meetingId: meetingRoll.meetingId,
        votingRight: meetingRoll.votingRight,
        checkedIn: meetingRoll.checkedIn,
        changedAt: meetingRoll.changedAt,
      })
      .from(meetingRoll)
      .where(eq(meetingRoll.personId, personId))
      .orderBy(asc(meetingRoll.meetingId)),
    db
      .select({ meetingId: meetingAttendance.meetingId, firstJoinedAt: meetingAttendance.firstJoinedAt })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.participantId, personId))
      .orderBy(asc(meetingAttendance.meetingId)),
    db
      .select({
        meetingId: meetingDecisions.meetingId,
        text: meetingDecisions.text,
        createdAt: meetingDecisions.createdAt,
      })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.createdBy, personId))
      .orderBy(asc(meetingDecisions.id)),
    db
      .select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.personId, personId)),
  ]);
  return { officer, roll, attended, decisions, calendarFeeds: feeds };
}

/** The statements, for the erasure's batch, that delete what is hers alone in meetings. */
export function meetingErasure(db: Db, personId: string) {
  return [db.delete(calendarFeeds).where(eq(calendarFeeds.personId, personId))] as const;
}
