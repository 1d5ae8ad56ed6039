import type { GroupRef } from "../../../worker/shared/org";
import { groupParam } from "../motions/links";

/** Where a meeting's pages are. Meeting ids are numbers, safe in a path as they are. */
export function meetingHref(id: number): string {
  return `/meetings/${id}`;
}

export function editMeetingHref(id: number): string {
  return `/meetings/${id}/edit`;
}

/** The form that plans a new meeting for a group (`branch:goteborg`). */
export function newMeetingHref(group: Pick<GroupRef, "kind" | "slug">): string {
  return `/meetings/new?group=${encodeURIComponent(groupParam(group))}`;
}

/** The meeting a live-document id belongs to (`meeting:7`, `meeting-notes:7-3`, `minutes:7`), if any. */
export function meetingIdOfDocument(documentId: string): number | undefined {
  const match = /^(?:meeting:|meeting-notes:|minutes:)([1-9][0-9]{0,9})(?:-[1-9][0-9]{0,9})?$/.exec(
    documentId,
  );
  return match ? Number(match[1]) : undefined;
}

/** A frozen version of a meeting's minutes, to read and print. */
export function minutesHref(meetingId: number, version: number): string {
  return `/meetings/${meetingId}/minutes/${version}`;
}

/** The same version as a Word document or as Markdown (the Worker's download routes). */
export function minutesDownloadHref(meetingId: number, version: number, format: "docx" | "markdown"): string {
  return `/api/meetings/${meetingId}/minutes/${version}/${format}`;
}
