import type { BrowsableKind, GroupRef } from "../../../worker/shared/org";
import { paths } from "../paths";

// Kept here rather than imported from worker/shared/org, whose zod schemas would join the bundle.
// A Record, so a new kind in the shared type is a compile error until it is added.
const browsable: Record<BrowsableKind, true> = {
  district: true,
  branch: true,
  association: true,
  side: true,
};

export const browsableKindList = Object.keys(browsable) as BrowsableKind[];

export function isBrowsableKind(value: unknown): value is BrowsableKind {
  return typeof value === "string" && Object.hasOwn(browsable, value);
}

/** The page for a group; the national level is the organisation page itself. */
export function groupHref(group: Pick<GroupRef, "kind" | "slug">): string {
  if (group.kind === "national") return paths.organisation;
  return `${paths.organisation}/${group.kind}/${encodeURIComponent(group.slug)}`;
}
