import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { groups } from "../org/schema";
import type { Role } from "../shared/identity";
import { emailSchema } from "../shared/identity-schemas";
import { nameMaxLength, type RefusalReason, roleKey, roleNames } from "../shared/members";
import type { CsvRow } from "./csv";

/**
 * Checking each row of a member file against the party's structure and the importer's
 * scope. A valid row is staged with what applying needs (the branch's and association's
 * group ids, the role codes); a refused row keeps only its number and the reason.
 */

export type StagedRow =
  | {
      row: number;
      status: "pending";
      name: string;
      email: string;
      branchId: number;
      associationId: number | null;
      roles: Role[];
    }
  | { row: number; status: "refused"; reason: RefusalReason };

/** The national level, districts, branches and associations, indexed for looking rows up. */
export interface Directory {
  parentOf: Map<number, number | null>;
  /** Lower-case branch name, slug and four-digit municipality code → branch ids. */
  branches: Map<string, number[]>;
  /** Per branch: lower-case association name and slug → association id. */
  associations: Map<number, Map<string, number>>;
}

const lookupKey = (value: string) => value.normalize("NFC").trim().toLowerCase().replace(/\s+/gu, " ");

export async function loadDirectory(db: Db): Promise<Directory> {
  const rows = await db
    .select({
      id: groups.id,
      kind: groups.kind,
      slug: groups.slug,
      name: groups.name,
      parentId: groups.parentId,
      municipalityCode: groups.municipalityCode,
    })
    .from(groups)
    .where(inArray(groups.kind, ["national", "district", "branch", "association"]));
  const directory: Directory = { parentOf: new Map(), branches: new Map(), associations: new Map() };
  const add = (key: string, id: number) => {
    const ids = directory.branches.get(key) ?? [];
    if (!ids.includes(id)) directory.branches.set(key, [...ids, id]);
  };
  for (const g of rows) {
    directory.parentOf.set(g.id, g.parentId);
    if (g.kind === "branch") {
      add(lookupKey(g.name), g.id);
      add(g.slug, g.id);
      if (g.municipalityCode) add(g.municipalityCode, g.id);
    } else if (g.kind === "association" && g.parentId !== null) {
      const inBranch = directory.associations.get(g.parentId) ?? new Map<string, number>();
      inBranch.set(lookupKey(g.name), g.id);
      inBranch.set(g.slug, g.id);
      directory.associations.set(g.parentId, inBranch);
    }
  }
  return directory;
}

/** "Göteborg", "göteborg", "1480", "Göteborgs arbetarekommun", or Excel's "180" for 0180. */
export function findBranch(directory: Directory, cell: string): number | undefined {
  const key = lookupKey(cell);
  const candidates = [key];
  if (/^\d{3}$/u.test(key)) candidates.push(`0${key}`);
  const withoutSuffix = key.replace(/ arbetarekommun$/u, "");
  if (withoutSuffix !== key) candidates.push(withoutSuffix, withoutSuffix.replace(/s$/u, ""));
  for (const candidate of candidates) {
    const ids = directory.branches.get(candidate);
    // Two branches under one name would be ambiguous: such a row must give the municipality code.
    if (ids?.length === 1) return ids[0];
  }
  return undefined;
}

/** The group and every group above it. */
function pathOf(directory: Directory, groupId: number): number[] {
  const path: number[] = [];
  for (let id: number | null | undefined = groupId; id != null && !path.includes(id); ) {
    path.push(id);
    id = directory.parentOf.get(id);
  }
  return path;
}

const roleOfName = new Map<string, Role>(
  (Object.entries(roleNames) as [Role, readonly string[]][]).flatMap(([role, names]) => [
    [roleKey(role), role] as const,
    ...names.map((name) => [roleKey(name), role] as const),
  ]),
);

/** Control characters become spaces, runs of white space one space. */
const cleanName = (value: string) =>
  value
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();

export interface ImportScope {
  /** The group the importer acts for: every row's branch must lie within it. */
  groupId: number;
  /** Only a national administrator may make someone a national administrator. */
  mayGrantNationalAdmin: boolean;
}

export function checkRow(directory: Directory, scope: ImportScope, input: CsvRow): StagedRow {
  const refuse = (reason: RefusalReason): StagedRow => ({ row: input.row, status: "refused", reason });
  if ("malformed" in input) return refuse(input.malformed);
  const { cells } = input;

  const name = cleanName(cells.name);
  if (!name) return refuse("name_missing");
  if (name.length > nameMaxLength) return refuse("name_too_long");

  if (!cells.email.trim()) return refuse("email_missing");
  const email = emailSchema.safeParse(cells.email);
  if (!email.success) return refuse("email_invalid");

  if (!cells.branch.trim()) return refuse("branch_missing");
  const branchId = findBranch(directory, cells.branch);
  if (branchId === undefined) return refuse("branch_unknown");
  if (!pathOf(directory, branchId).includes(scope.groupId)) return refuse("branch_out_of_scope");

  let associationId: number | null = null;
  if (cells.association.trim()) {
    const found = directory.associations.get(branchId)?.get(lookupKey(cells.association));
    if (found === undefined) return refuse("association_unknown");
    associationId = found;
  }

  const roles: Role[] = [];
  for (const part of cells.roles.split(/[,;|]/u)) {
    if (!part.trim()) continue;
    const role = roleOfName.get(roleKey(part));
    if (!role) return refuse("role_unknown");
    if (role === "national_admin" && !scope.mayGrantNationalAdmin) return refuse("role_not_allowed");
    // Every imported person is a member of her branch anyway.
    if (role !== "member" && !roles.includes(role)) roles.push(role);
  }

  return { row: input.row, status: "pending", name, email: email.data, branchId, associationId, roles };
}
