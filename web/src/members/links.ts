import type { Me } from "../../../worker/shared/identity";
import type { GroupRef } from "../../../worker/shared/org";

/** The import page. */
export const importPath = "/members/import";

/** A group one may import members for, as the import API names it (`branch:goteborg`). */
export interface ImportGroupChoice {
  value: string;
  group: GroupRef;
}

const importKinds = new Set(["national", "district", "branch"]);

/**
 * Where she may import: the whole party if she is a national administrator, then each
 * national, district or branch group where she is the member-welcome officer. The Worker
 * decides; this only picks what the page and the link on my pages offer.
 */
export function importGroups(me: Pick<Me, "groups">): ImportGroupChoice[] {
  const choices: ImportGroupChoice[] = [];
  const nationalAdmin = me.groups.some((m) => m.roles.includes("national_admin"));
  const national = me.groups.find((m) => m.group.kind === "national");
  if (nationalAdmin) {
    choices.push({
      value: "national:national",
      group: national?.group ?? { kind: "national", slug: "national", name: "" },
    });
  }
  for (const { group, roles } of me.groups) {
    if (!roles.includes("welcome_officer") || !importKinds.has(group.kind)) continue;
    const value = `${group.kind}:${group.slug}`;
    if (!choices.some((c) => c.value === value)) choices.push({ value, group });
  }
  return choices;
}
