import type { Role } from "./identity";
import type { GroupRef } from "./org";

/**
 * Importing members from the member register (CSV), as the API and the web app both see
 * it. No zod here (validators in members-schemas.ts), so the web bundle stays small.
 */

/** The largest CSV file accepted: a national register of ~100,000 members is about 7 MB. */
export const importMaxBytes = 20 * 1024 * 1024;
/** The most data rows in one file (the party has about 95,000 members). */
export const importMaxRows = 200_000;
/** How many refused rows an answer lists (the count is always complete). */
export const refusedListLimit = 200;
/** Rows applied per `POST /api/members/imports/:id/apply`: one D1 batch (one transaction). */
export const applyChunkRows = 500;
/** A staged import not applied within this time can no longer be applied; its pending rows are purged. */
export const importLifetimeMs = 24 * 3600 * 1000;
/** The longest name a row may give. */
export const nameMaxLength = 200;

/** Kinds of group one may import for: the national level, a district or a branch. */
export const importGroupKinds = ["national", "district", "branch"] as const;
export type ImportGroupKind = (typeof importGroupKinds)[number];

/** Why a row was refused. The web app says each in plain language (i18n `import.reason.*`). */
export const refusalReasons = [
  /** A quote is misplaced, or the row has more cells than the header. */
  "row_malformed",
  /** A quote opens and never closes: the rest of the file could not be read as rows. */
  "quote_unclosed",
  "name_missing",
  "name_too_long",
  "email_missing",
  "email_invalid",
  "branch_missing",
  "branch_unknown",
  /** The branch is outside the group the import is for (Malmö in Göteborg's import). */
  "branch_out_of_scope",
  /** No association of that name in the row's branch. */
  "association_unknown",
  "role_unknown",
  /** Only a national administrator may make someone a national administrator. */
  "role_not_allowed",
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export interface RefusedRow {
  /** The row in the file as a spreadsheet numbers it: the header is row 1. */
  row: number;
  reason: RefusalReason;
}

export type ImportStatus = "staged" | "applying" | "done";
export type ImportEncoding = "utf-8" | "windows-1252";
export type ImportDelimiter = "," | ";";

/** An import: what `POST /api/members/imports` and `GET /api/members/imports/:id` answer. */
export interface MemberImport {
  id: string;
  group: GroupRef;
  status: ImportStatus;
  createdAt: number;
  /** After this the import can no longer be applied (unless it is done). */
  expiresAt: number;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  /** Data rows in the file (empty lines not counted). */
  totalRows: number;
  appliedRows: number;
  refusedRows: number;
  /** The first `refusedListLimit` refused rows, in file order. */
  refused: RefusedRow[];
  /** Header cells that are not a known column: their contents were not read. */
  ignoredColumns: string[];
}

/** What one `POST /api/members/imports/:id/apply` answers: progress so far. */
export interface ImportProgress {
  applied: number;
  refused: number;
  total: number;
  done: boolean;
}

/** The columns of a member file; `name`, `email` and `branch` are required. */
export const importColumns = ["name", "email", "branch", "association", "roles"] as const;
export type ImportColumn = (typeof importColumns)[number];
export const requiredImportColumns: readonly ImportColumn[] = ["name", "email", "branch"];

/** Header names accepted for each column, lower case (Swedish and English). */
export const importColumnNames: Record<ImportColumn, readonly string[]> = {
  name: ["namn", "name", "fullständigt namn", "full name"],
  email: [
    "e-post",
    "epost",
    "e-postadress",
    "epostadress",
    "e-mail",
    "email",
    "e-mail address",
    "email address",
    "mejl",
    "mail",
  ],
  branch: ["arbetarekommun", "branch", "kommun", "municipality"],
  association: ["förening", "forening", "s-förening", "s-forening", "association"],
  roles: ["roller", "roll", "roles", "role", "uppdrag"],
};

/**
 * Role names accepted in the roles column, compared in lower case with runs of spaces,
 * hyphens and underscores made one space: Swedish, English, and the role's own code.
 */
export const roleNames: Record<Role, readonly string[]> = {
  member: ["medlem", "member"],
  chair: ["ordförande", "chair", "chairperson"],
  secretary: ["sekreterare", "secretary"],
  board_member: ["styrelseledamot", "ledamot", "board member"],
  welcome_officer: ["medlemsansvarig", "welcome officer", "member welcome officer"],
  activity_lead: [
    "ansvarig för verksamhetsprogram",
    "studieansvarig",
    "activity lead",
    "activity programme lead",
  ],
  union_lead: ["facklig ledare", "fackligt ansvarig", "union lead", "union political lead"],
  national_admin: ["nationell administratör", "national administrator", "national admin"],
};

/** The key a role name is looked up by: "Board_Member" and "board-member" are "board member". */
export function roleKey(name: string): string {
  return name
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/gu, " ");
}
