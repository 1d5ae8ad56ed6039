import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { people } from "../identity/schema";
import { groups } from "../org/schema";

/**
 * A member-register import: the CSV is parsed into staging rows first, then applied in
 * chunks the browser asks for one after another (progress for a national file of ~100,000
 * rows, within D1's per-request limits). A row is applied in one batch or not at all.
 */
export const memberImports = sqliteTable("member_imports", {
  id: text("id").primaryKey(),
  /** The group the importer acts for: a branch for its welcome officer, the national level for an administrator. */
  groupId: integer("group_id")
    .notNull()
    .references(() => groups.id),
  createdBy: text("created_by")
    .notNull()
    .references(() => people.id),
  createdAt: integer("created_at").notNull(),
  status: text("status", { enum: ["staged", "applying", "done"] }).notNull(),
  encoding: text("encoding").notNull(),
  delimiter: text("delimiter").notNull(),
  totalRows: integer("total_rows").notNull(),
  appliedRows: integer("applied_rows").notNull().default(0),
  refusedRows: integer("refused_rows").notNull().default(0),
});

export const memberImportRows = sqliteTable(
  "member_import_rows",
  {
    importId: text("import_id")
      .notNull()
      .references(() => memberImports.id),
    rowNumber: integer("row_number").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    branch: text("branch").notNull(),
    association: text("association").notNull(),
    roles: text("roles").notNull(),
    status: text("status", { enum: ["pending", "applied", "refused"] }).notNull(),
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNumber] }),
    index("member_import_rows_status").on(t.importId, t.status),
  ],
);
