import type { Db } from "../db/client";
import { type AnswerItem, neutraliseCell, type Question } from "../shared/consultations";
import type { GroupRef } from "../shared/org";
import { questionsOf } from "./queries";
import { answers, individualAnswers } from "./results";
import { tagBoard } from "./tags";

/**
 * Every latest answer as a table to take away, CSV or XLSX: one row per group and question,
 * with the consultation's, group's and question's ids and the submission's instant (UTC,
 * ISO 8601) in every row; then, where members answer for themselves, one row per member's
 * answer and question (its `person_id` set, the instant of its last save, no version or tags),
 * after the groups' rows in CSV and on a sheet of their own in XLSX. Text cells that a spreadsheet would read as a formula are
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
  "person_id",
] as const;

type Cell = string | number | null;

/** The group answers' rows and the members' own answers' rows. */
export interface ExportRows {
  groups: Cell[][];
  members: Cell[][];
}

export async function exportRows(
  db: Db,
  consultationId: number,
  scope: number[] | null,
): Promise<ExportRows> {
  const all = { limit: null, offset: 0 };
  const [questions, board, groupAnswers, memberAnswers] = await Promise.all([
    questionsOf(db, consultationId),
    tagBoard(db, consultationId, scope),
    answers(db, consultationId, scope, {}, all),
    individualAnswers(db, consultationId, scope, {}, all),
  ]);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const tagNames = new Map(board.tags.map((t) => [t.id, t.name]));
  const text = (value: string) => neutraliseCell(value);
  const row = (
    answer: { groupId: number; group: GroupRef; district: GroupRef | null },
    version: number | null,
    at: number,
    item: AnswerItem,
    tags: string,
    personId: string | null,
  ): Cell[] => {
    const question = byId.get(item.questionId) as Question;
    return [
      consultationId,
      answer.groupId,
      answer.group.kind,
      text(answer.group.name),
      text(answer.district?.name ?? ""),
      version,
      new Date(at).toISOString(),
      item.questionId,
      text(question.prompt),
      text((item.choices ?? []).map((i) => question.options[i] ?? String(i)).join("; ")),
      item.value,
      text(item.text),
      text(tags),
      personId,
    ];
  };
  return {
    groups: groupAnswers.answers.map((a) =>
      row(a, a.version, a.submittedAt, a, a.tagIds.map((id) => tagNames.get(id) ?? "").join("; "), null),
    ),
    members: memberAnswers.answers.flatMap((m) =>
      m.items
        .filter((item) => byId.has(item.questionId))
        .map((item) => row(m, null, m.updatedAt, item, "", m.person.id)),
    ),
  };
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
export async function toXlsx(rows: ExportRows): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheets = [
    ["Svar", rows.groups],
    ["Medlemmarnas svar", rows.members],
  ] as const;
  for (const [name, sheetRows] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...exportColumns]).font = { bold: true };
    sheet.addRows(sheetRows);
  }
  // Inline strings and the fastest deflate level: 2,290 answers in about half the time of the
  // defaults (docs/benchmarks.md), for a file a quarter larger.
  const written = await workbook.xlsx.writeBuffer({
    useSharedStrings: false,
    zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
  });
  return written as ArrayBuffer;
}
