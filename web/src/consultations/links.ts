import type { GroupRef } from "../../../worker/shared/org";
import { groupParam } from "../motions/links";

export { groupParam, membershipOf } from "../motions/links";

/** A group's consultations: what asks it, and (for the asking level) what it asks. */
export function groupConsultationsHref(group: Pick<GroupRef, "kind" | "slug">): string {
  return `/consultations?group=${encodeURIComponent(groupParam(group))}`;
}

/** A new consultation asked by this group (the national office, a district's board). */
export function newConsultationHref(group: Pick<GroupRef, "kind" | "slug">): string {
  return `/consultations/new?group=${encodeURIComponent(groupParam(group))}`;
}

export function consultationHref(id: number): string {
  return `/consultations/${id}`;
}

/** An asked group's workspace: its live answer, choices, submit and versions. */
export function workspaceHref(id: number, group: Pick<GroupRef, "kind" | "slug">): string {
  return `/consultations/${id}/groups/${encodeURIComponent(groupParam(group))}`;
}

/** The asking level's reading room: rates, answers, tags, export, the summary. */
export function resultsHref(id: number): string {
  return `/consultations/${id}/results`;
}
