import { browsableKinds, type GroupRef } from "../../../worker/shared/org";
import { paths } from "../paths";

export { isBrowsableKind } from "../../../worker/shared/org";
export const browsableKindList = browsableKinds;

/** The page for a group; the national level is the organisation page itself. */
export function groupHref(group: Pick<GroupRef, "kind" | "slug">): string {
  if (group.kind === "national") return paths.organisation;
  return `${paths.organisation}/${group.kind}/${encodeURIComponent(group.slug)}`;
}
