import type { GroupMembership, Me } from "../../../worker/shared/identity";
import type { GroupRef } from "../../../worker/shared/org";

/** A group as the motions API names it: `branch:goteborg`. */
export function groupParam(group: Pick<GroupRef, "kind" | "slug">): string {
  return `${group.kind}:${group.slug}`;
}

/** A group's motions. */
export function groupMotionsHref(group: Pick<GroupRef, "kind" | "slug">): string {
  return `/motions?group=${encodeURIComponent(groupParam(group))}`;
}

export function motionHref(id: number): string {
  return `/motions/${id}`;
}

/** Her membership of a group, if she has one: what `/api/me` offers her there (`can`). */
export function membershipOf(
  me: Pick<Me, "groups"> | null | undefined,
  group: Pick<GroupRef, "kind" | "slug">,
): GroupMembership | undefined {
  return me?.groups.find((g) => g.group.kind === group.kind && g.group.slug === group.slug);
}
