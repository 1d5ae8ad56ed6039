import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { AuditAction } from "../audit/log";
import type { Db } from "../db/client";
import { randomSecret } from "../http/secrets";
import { groups } from "../org/schema";
import {
  applyChunkRows,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportProgress,
  importLifetimeMs,
  type MemberImport,
  type RefusalReason,
  refusedListLimit,
} from "../shared/members";
import type { StagedRow } from "./rows";
import { memberImportRows, memberImports } from "./schema";

/**
 * Staging and applying, within D1's limits: every statement binds at most a handful of
 * parameters, the rows travel as JSON text read by `json_each` (a few hundred kilobytes per
 * statement, far below the 2 MB value limit), and a chunk of rows is applied by a fixed
 * number of set-based statements in one batch, which D1 runs as one transaction. So a
 * file of 100,000 rows (6 MB) is about 25 statements to stage and seven per chunk to apply,
 * well inside the 1,000 queries a Worker invocation may make, and no row is half-applied.
 */

/** Rows' JSON per staging statement; a batch carries a few such statements. */
const stagingJsonBytes = 256 * 1024;
const stagingStatementsPerBatch = 4;

const dialect = new SQLiteAsyncDialect();

/**
 * A D1 statement from a drizzle `sql` template (values stay bound parameters). drizzle's
 * own batch cannot carry raw statements with parameters, so these batches go to D1 directly.
 */
function statement(d1: D1Database, query: SQL): D1PreparedStatement {
  const built = dialect.sqlToQuery(query);
  return d1.prepare(built.sql).bind(...built.params);
}

export function newImportId(): string {
  return randomSecret(16);
}

/**
 * Staging rows of imports past their lifetime lose their pending rows (names and e-mail
 * addresses); returns how many went. Runs on the schedule (worker/retention/purge.ts) and
 * before each new import.
 */
export async function purgeExpiredImports(db: Db, now: number): Promise<number> {
  const result = await db.run(sql`
    DELETE FROM member_import_rows
    WHERE status = 'pending' AND import_id IN (
      SELECT id FROM member_imports WHERE status <> 'done' AND created_at < ${now - importLifetimeMs}
    )`);
  return result.meta.changes;
}

/** One staged row as a JSON array: [row, name, email, branch, association, roles, status, reason]. */
function stagingTuple(row: StagedRow): unknown[] {
  if (row.status === "refused") return [row.row, "", "", "", "", "", "refused", row.reason];
  return [
    row.row,
    row.name,
    row.email,
    String(row.branchId),
    row.associationId === null ? "" : String(row.associationId),
    JSON.stringify(row.roles),
    "pending",
    null,
  ];
}

/** The rows as JSON arrays of about `stagingJsonBytes` each. */
function stagingChunks(rows: StagedRow[]): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const part = JSON.stringify(stagingTuple(row));
    if (size + part.length > stagingJsonBytes && parts.length > 0) {
      chunks.push(`[${parts.join(",")}]`);
      parts = [];
      size = 0;
    }
    parts.push(part);
    size += part.length + 1;
  }
  if (parts.length > 0) chunks.push(`[${parts.join(",")}]`);
  return chunks;
}

export interface NewImport {
  id: string;
  groupId: number;
  createdBy: string;
  createdAt: number;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  rows: StagedRow[];
}

/**
 * Writes the import and all its rows. Should a batch fail part-way, what was written is
 * removed again, so a half-staged import never remains to be applied.
 */
export async function stageImport(d1: D1Database, input: NewImport): Promise<void> {
  const refused = input.rows.filter((r) => r.status === "refused").length;
  const inserts = stagingChunks(input.rows).map((json) =>
    statement(
      d1,
      sql`
      INSERT INTO member_import_rows
        (import_id, row_number, name, email, branch, association, roles, status, reason)
      SELECT ${input.id}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3,
             j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7
      FROM json_each(${json}) j`,
    ),
  );
  const statements = [
    statement(
      d1,
      sql`INSERT INTO member_imports
            (id, group_id, created_by, created_at, status, encoding, delimiter, total_rows, applied_rows, refused_rows)
          VALUES (${input.id}, ${input.groupId}, ${input.createdBy}, ${input.createdAt}, 'staged',
                  ${input.encoding}, ${input.delimiter}, ${input.rows.length}, 0, ${refused})`,
    ),
    ...inserts,
  ];
  try {
    for (let i = 0; i < statements.length; i += stagingStatementsPerBatch) {
      await d1.batch(statements.slice(i, i + stagingStatementsPerBatch));
    }
  } catch (error) {
    await d1
      .batch([
        statement(d1, sql`DELETE FROM member_import_rows WHERE import_id = ${input.id}`),
        statement(d1, sql`DELETE FROM member_imports WHERE id = ${input.id}`),
      ])
      .catch(() => {});
    throw error;
  }
}

export type ImportRecord = typeof memberImports.$inferSelect;

export async function findImport(db: Db, id: string): Promise<ImportRecord | undefined> {
  const [found] = await db.select().from(memberImports).where(eq(memberImports.id, id));
  return found;
}

export const importExpired = (record: ImportRecord, now: number) =>
  record.status !== "done" && now > record.createdAt + importLifetimeMs;

/** The import as the API shows it: counts and the first refused rows (row number and reason only). */
export async function describeImport(
  db: Db,
  record: ImportRecord,
  ignoredColumns: string[] = [],
): Promise<MemberImport> {
  const [[group], refused] = await Promise.all([
    db
      .select({ kind: groups.kind, slug: groups.slug, name: groups.name })
      .from(groups)
      .where(eq(groups.id, record.groupId)),
    db
      .select({ row: memberImportRows.rowNumber, reason: memberImportRows.reason })
      .from(memberImportRows)
      .where(and(eq(memberImportRows.importId, record.id), eq(memberImportRows.status, "refused")))
      .orderBy(asc(memberImportRows.rowNumber))
      .limit(refusedListLimit),
  ]);
  if (!group) throw new Error("import without its group");
  return {
    id: record.id,
    group,
    status: record.status,
    createdAt: record.createdAt,
    expiresAt: record.createdAt + importLifetimeMs,
    encoding: record.encoding as ImportEncoding,
    delimiter: record.delimiter as ImportDelimiter,
    totalRows: record.totalRows,
    appliedRows: record.appliedRows,
    refusedRows: record.refusedRows,
    refused: refused.map((r) => ({ row: r.row, reason: r.reason as RefusalReason })),
    ignoredColumns,
  };
}

export const progressOf = (record: ImportRecord): ImportProgress => ({
  applied: record.appliedRows,
  refused: record.refusedRows,
  total: record.totalRows,
  done: record.status === "done",
});

const importAudit: AuditAction = "members.import";

/**
 * Applies the next chunk of pending rows in one batch (one transaction): creates people
 * who are new (random id) and, in a national import only, updates the names of those who
 * exist, matched by e-mail;
 * adds the memberships the rows give (member of the branch and of the association, the
 * listed roles in the branch, a national administrator at the national level); never
 * removes anyone or any membership. The applied rows' staging copies go in the same
 * batch. When no pending row is left, the import is done and one audit entry records
 * its counts (no names, no addresses). Two calls at once cannot apply a row twice or
 * count it twice: the counts are recomputed from what is left, inside the transaction.
 */
export async function applyNextChunk(
  db: Db,
  d1: D1Database,
  id: string,
  actorId: string,
  now: number,
): Promise<void> {
  const [last] = await db
    .select({ row: memberImportRows.rowNumber })
    .from(memberImportRows)
    .where(and(eq(memberImportRows.importId, id), eq(memberImportRows.status, "pending")))
    .orderBy(asc(memberImportRows.rowNumber))
    .limit(1)
    .offset(applyChunkRows - 1);
  const upTo = last?.row ?? Number.MAX_SAFE_INTEGER;
  // Only the national register may rename someone who already exists: a branch officer's
  // file must not change the name of a member elsewhere (matching is by e-mail).
  const [scope] = await db.all<{ kind: string }>(
    sql`SELECT g.kind FROM member_imports i JOIN groups g ON g.id = i.group_id WHERE i.id = ${id}`,
  );
  const renames = scope?.kind === "national" ? 1 : 0;
  const chunk = sql`r.import_id = ${id} AND r.status = 'pending' AND r.row_number <= ${upTo}`;
  const pendingLeft = sql`EXISTS (SELECT 1 FROM member_import_rows WHERE import_id = ${id} AND status = 'pending')`;

  await d1.batch([
    statement(
      d1,
      sql`
      INSERT INTO people (id, email, name, created_at)
      SELECT lower(hex(randomblob(16))), r.email, r.name, ${now}
      FROM member_import_rows r
      WHERE ${chunk}
      ORDER BY r.row_number
      ON CONFLICT (email) DO UPDATE SET name = CASE WHEN ${renames} = 1 THEN excluded.name ELSE people.name END`,
    ),
    statement(
      d1,
      sql`
      INSERT INTO memberships (person_id, group_id, role, created_at)
      SELECT p.id, CAST(r.branch AS INTEGER), 'member', ${now}
      FROM member_import_rows r JOIN people p ON p.email = r.email
      WHERE ${chunk}
      ON CONFLICT DO NOTHING`,
    ),
    statement(
      d1,
      sql`
      INSERT INTO memberships (person_id, group_id, role, created_at)
      SELECT p.id, CAST(r.association AS INTEGER), 'member', ${now}
      FROM member_import_rows r JOIN people p ON p.email = r.email
      WHERE ${chunk} AND r.association <> ''
      ON CONFLICT DO NOTHING`,
    ),
    statement(
      d1,
      sql`
      INSERT INTO memberships (person_id, group_id, role, created_at)
      SELECT p.id,
             CASE j.value
               WHEN 'national_admin' THEN (SELECT id FROM groups WHERE kind = 'national' AND slug = 'national')
               ELSE CAST(r.branch AS INTEGER)
             END,
             j.value, ${now}
      FROM member_import_rows r JOIN people p ON p.email = r.email JOIN json_each(r.roles) j
      WHERE ${chunk}
      ON CONFLICT DO NOTHING`,
    ),
    statement(d1, sql`DELETE FROM member_import_rows AS r WHERE ${chunk}`),
    // The audit entry, once: only while the import is not yet done and nothing is left.
    statement(
      d1,
      sql`
      INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, details)
      SELECT ${now}, ${actorId}, ${importAudit}, 'import', i.id,
             json_object('totalRows', i.total_rows, 'appliedRows', i.total_rows - i.refused_rows,
                         'refusedRows', i.refused_rows)
      FROM member_imports i
      WHERE i.id = ${id} AND i.status <> 'done' AND NOT ${pendingLeft}`,
    ),
    statement(
      d1,
      sql`
      UPDATE member_imports SET
        applied_rows = total_rows - refused_rows
          - (SELECT count(*) FROM member_import_rows WHERE import_id = ${id} AND status = 'pending'),
        status = CASE WHEN ${pendingLeft} THEN 'applying' ELSE 'done' END
      WHERE id = ${id}`,
    ),
  ]);
}
