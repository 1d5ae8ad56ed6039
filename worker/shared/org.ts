/**
 * The party's structure, as the API and the web app both see it (validators in
 * org-schemas.ts, so the web bundle needs no zod). A "group" is any unit
 * people can belong to: a district, a municipal branch (arbetarekommun), a local
 * association (S-förening) or a side organisation.
 */
export const groupKinds = ["national", "district", "branch", "association", "side"] as const;
export type GroupKind = (typeof groupKinds)[number];

/** Kinds that have a page of their own (the national level is the organisation page itself). */
export const browsableKinds = ["district", "branch", "association", "side"] as const;
export type BrowsableKind = (typeof browsableKinds)[number];

export function isBrowsableKind(value: unknown): value is BrowsableKind {
  return typeof value === "string" && (browsableKinds as readonly string[]).includes(value);
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const searchLimitMax = 50;
export const searchQueryMaxLength = 100;

export interface GroupRef {
  kind: GroupKind;
  slug: string;
  name: string;
}

export interface GroupSummary extends GroupRef {
  /** Number of groups directly below this one (branches of a district, associations of a branch). */
  childCount: number;
}

export interface GroupDetail extends GroupRef {
  county: { code: string; name: string } | null;
  municipalityCode: string | null;
  /** From the top down, not including the group itself. */
  parents: GroupRef[];
  children: GroupSummary[];
}

export interface OrganisationOverview {
  national: GroupRef;
  districts: GroupSummary[];
  sideOrganisations: GroupSummary[];
  totals: Record<Exclude<GroupKind, "national">, number>;
}

export interface GroupSearchHit extends GroupRef {
  parent: GroupRef | null;
}

export interface GroupSearchResult {
  query: string;
  hits: GroupSearchHit[];
}
