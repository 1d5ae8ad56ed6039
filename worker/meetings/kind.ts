import type { DocumentKind } from "../access/documents";
import type { MeetingResource } from "../access/permissions";
import { findMeeting } from "./resource";

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

/** `meeting-notes:<meetingId>-<itemId>`: an agenda item's shared notes. Everyone present reads and writes. */
export const meetingNotesDocuments: DocumentKind<MeetingResource> = {
  prefix: "meeting-notes",
  resolve: (db, documentId) => {
    const match = new RegExp(`^meeting-notes:(${id})-(${id})$`).exec(documentId);
    return match ? findMeeting(db, Number(match[1])) : null;
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
