import { and, eq } from "drizzle-orm";
import type { DocumentKind } from "../access/documents";
import type { MeetingResource } from "../access/permissions";
import { findMeeting } from "./resource";
import { meetingAgendaItems } from "./schema";

const id = "[1-9][0-9]{0,9}";

/**
 * `meeting:<id>`: the live meeting (its MeetingRoom, not a Yjs document). Reading it means
 * attending; what each participant may do inside is decided per command by the room. Its
 * managers invite guests to it, when the meeting is open.
 */
export const meetingDocuments: DocumentKind<MeetingResource> = {
  prefix: "meeting",
  resolve: (db, documentId) => {
    const meetingId = new RegExp(`^meeting:(${id})$`).exec(documentId)?.[1];
    return meetingId ? findMeeting(db, Number(meetingId)) : null;
  },
  read: "meeting.attend",
  write: "meeting.attend",
  invite: "meeting.invite",
};

/**
 * `meeting-notes:<meetingId>-<itemId>`: an agenda item's shared notes, for an item of that
 * meeting only. Everyone present reads and writes.
 */
export const meetingNotesDocuments: DocumentKind<MeetingResource> = {
  prefix: "meeting-notes",
  resolve: async (db, documentId) => {
    const match = new RegExp(`^meeting-notes:(${id})-(${id})$`).exec(documentId);
    if (!match) return null;
    const [meetingId, itemId] = [Number(match[1]), Number(match[2])];
    const [item] = await db
      .select({ id: meetingAgendaItems.id })
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId)));
    return item ? findMeeting(db, meetingId) : null;
  },
  read: "meeting.attend",
  write: "meeting.notes",
};

/** `minutes:<meetingId>`: the minutes' live draft. Its secretary writes; everyone present reads. */
export const minutesDocuments: DocumentKind<MeetingResource> = {
  prefix: "minutes",
  resolve: (db, documentId) => {
    const meetingId = new RegExp(`^minutes:(${id})$`).exec(documentId)?.[1];
    return meetingId ? findMeeting(db, Number(meetingId)) : null;
  },
  read: "meeting.attend",
  write: "meeting.minutes",
};
