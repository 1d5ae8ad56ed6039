import type { Db } from "../db/client";
import { type AnswerRow, neutraliseCell, type Question } from "../shared/consultations";
import { questionsOf } from "./queries";
import { answers } from "./results";
import { tagBoard } from "./tags";

/**
 * Every latest answer as a table to take away, CSV or XLSX: one row per group and question,
 * with the consultation's, group's and question's ids and the submission's instant (UTC,
 * ISO 8601) in every row. Text cells that a spreadsheet would read as a formula are
 * neutralised (neutraliseCell), in both formats.
 */

export const exportColumns = [
  "consultation_id",
  "group_id",
  "group_kind",
  "group",
  "district",
  "version",
  "submitted_at_utc",
  "question_id",
  "question",
  "choices",
  "value",
  "text",
  "tags",
] as const;

type Cell = string | number | null;

export async function exportRows(db: Db, consultationId: number, scope: number[] | null): Promise<Cell[][]> {
  const [questions, board, all] = await Promise.all([
    questionsOf(db, consultationId),
    tagBoard(db, consultationId, scope),
    answers(db, consultationId, scope, {}, { limit: null, offset: 0 }),
  ]);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const tagNames = new Map(board.tags.map((t) => [t.id, t.name]));
  const text = (value: string) => neutraliseCell(value);
  return all.answers.map((a: AnswerRow) => {
    const question = byId.get(a.questionId) as Question;
    return [
      a.consultationId,
      a.groupId,
      a.group.kind,
      text(a.group.name),
      text(a.district?.name ?? ""),
      a.version,
      new Date(a.submittedAt).toISOString(),
      a.questionId,
      text(question.prompt),
      text((a.choices ?? []).map((i) => question.options[i] ?? String(i)).join("; ")),
      a.value,
      text(a.text),
      text(a.tagIds.map((id) => tagNames.get(id) ?? "").join("; ")),
    ];
  });
}

/** RFC 4180: every text field quoted, quotes doubled, CRLF between records; a BOM so Excel reads UTF-8. */
export function toCsv(rows: Cell[][]): string {
  const field = (cell: Cell) =>
    cell === null ? "" : typeof cell === "number" ? String(cell) : `"${cell.replaceAll('"', '""')}"`;
  return `\uFEFF${[[...exportColumns], ...rows].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

/**
 * The same rows as an XLSX workbook, written by exceljs (its browser build: pure JavaScript,
 * no Node built-ins, runs in workerd). It is loaded only here, so it is not evaluated when
 * the Worker starts. docs/benchmarks.md has its size, and why write-excel-file, a tenth of
 * the size, was not taken (its zip step needs Web Workers for large files).
 */
export async function toXlsx(rows: Cell[][]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Svar");
  sheet.addRow([...exportColumns]).font = { bold: true };
  sheet.addRows(rows);
  // Inline strings and the fastest deflate level: 2,290 answers in about half the time of the
  // defaults (docs/benchmarks.md), for a file a quarter larger.
  const written = await workbook.xlsx.writeBuffer({
    useSharedStrings: false,
    zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
  });
  return written as ArrayBuffer;
}
