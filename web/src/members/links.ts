import type { Me } from "../../../worker/shared/identity";
import { type ImportGroupKind, importGroupKinds } from "../../../worker/shared/members";
import type { GroupRef } from "../../../worker/shared/org";

/** The import page. */
export const importPath = "/members/import";

/** A group one may import members for, as the import API names it (`branch:goteborg`). */
export interface ImportGroupChoice {
  value: string;
  group: GroupRef;
}

const isImportKind = (kind: string): kind is ImportGroupKind =>
  (importGroupKinds as readonly string[]).includes(kind);

/**
 * Where she may import, as `/api/me` says (`can` holds `members.import`), for the kinds of
 * group the import takes: the national group (the whole party) first, then the others in
 * the order the Worker gives them. The Worker decides every upload again.
 */
export function importGroups(me: Pick<Me, "groups">): ImportGroupChoice[] {
  return me.groups
    .filter(({ group, can }) => can.includes("members.import") && isImportKind(group.kind))
    .map(({ group }) => ({ value: `${group.kind}:${group.slug}`, group }))
    .sort((a, b) => Number(b.group.kind === "national") - Number(a.group.kind === "national"));
}
