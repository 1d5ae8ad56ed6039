import Papa from "papaparse";
import { ApiError } from "../http/errors";
import {
  type ImportColumn,
  type ImportDelimiter,
  type ImportEncoding,
  importColumnNames,
  importColumns,
  importMaxRows,
  requiredImportColumns,
} from "../shared/members";

/**
 * Reading a member file: bytes → text (UTF-8, else Windows-1252) → records (Papa Parse,
 * with `,` or `;` as the header row shows) → rows of the known columns. File-level faults
 * (empty, no header, columns missing) throw a 400 ApiError; a bad row only marks that row.
 */

/** One data row: its number as a spreadsheet shows it (header = 1) and its cells, or why it cannot be read. */
export type CsvRow =
  | { row: number; cells: Record<ImportColumn, string> }
  | { row: number; malformed: "row_malformed" | "quote_unclosed" };

export interface CsvFile {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  rows: CsvRow[];
  /** Non-empty header cells that name no known column (their cells are never read). */
  ignoredColumns: string[];
}

/** UTF-8 if the bytes are valid UTF-8 (a byte-order mark is dropped), else Windows-1252 (Excel's "CSV"). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes),
      encoding: "utf-8",
    };
  } catch {
    // workerd decodes the WHATWG "windows-1252" encoding (0x80 is €, 0xC5 is Å).
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** `;` when the header row has more semicolons than commas outside quotes (Swedish Excel), else `,`. */
export function detectDelimiter(text: string): ImportDelimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ";") semicolons++;
    else if (!quoted && char === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

const headerKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/u, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/gu, " ");

const columnOfName = new Map<string, ImportColumn>(
  importColumns.flatMap((column) => importColumnNames[column].map((name) => [name, column] as const)),
);

/** Which cell holds which column. Throws the header's fault as a 400. */
function mapHeader(header: string[]): { columns: Map<ImportColumn, number>; ignored: string[] } {
  const columns = new Map<ImportColumn, number>();
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (!key) return;
    const column = columnOfName.get(key);
    if (!column) {
      if (ignored.length < 20) ignored.push(cell.trim().slice(0, 60));
      return;
    }
    if (columns.has(column)) {
      throw new ApiError(400, "import_duplicate_column", [
        { path: `header.${index}`, message: `"${column}" appears twice` },
      ]);
    }
    columns.set(column, index);
  });
  // A first row naming none of our columns is data, not a header.
  if (columns.size === 0) throw new ApiError(400, "import_no_header");
  const missing = requiredImportColumns.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw new ApiError(
      400,
      "import_missing_columns",
      missing.map((column) => ({
        path: `header.${column}`,
        message: `missing column: ${importColumnNames[column].slice(0, 2).join(" or ")}`,
      })),
    );
  }
  return { columns, ignored };
}

const isBlank = (record: string[]) => record.every((cell) => cell.trim() === "");

/** Parses a whole member file. Throws import_empty / import_no_header / import_missing_columns / … as 400s. */
export function parseMemberCsv(bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeCsv(bytes);
  if (text.trim() === "") throw new ApiError(400, "import_empty");
  const delimiter = detectDelimiter(text.replace(/^\s+/u, ""));
  const parsed = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', skipEmptyLines: false });

  const faults = new Map<number, "row_malformed" | "quote_unclosed">();
  for (const error of parsed.errors) {
    if (error.row === undefined) continue;
    faults.set(error.row, error.code === "MissingQuotes" ? "quote_unclosed" : "row_malformed");
  }

  const records = parsed.data;
  let headerIndex = 0;
  while (headerIndex < records.length && isBlank(records[headerIndex] ?? [])) headerIndex++;
  const header = records[headerIndex];
  if (!header) throw new ApiError(400, "import_empty");
  if (faults.has(headerIndex)) throw new ApiError(400, "import_no_header");
  const { columns, ignored } = mapHeader(header);

  const rows: CsvRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index] ?? [];
    const row = index + 1;
    const fault = faults.get(index);
    if (fault) {
      rows.push({ row, malformed: fault });
      continue;
    }
    if (isBlank(record)) continue;
    // Cells past the header's are tolerated only when empty (Excel pads rows with delimiters).
    if (record.slice(header.length).some((cell) => cell.trim() !== "")) {
      rows.push({ row, malformed: "row_malformed" });
      continue;
    }
    const cell = (column: ImportColumn) => {
      const at = columns.get(column);
      return at === undefined ? "" : (record[at] ?? "");
    };
    rows.push({
      row,
      cells: {
        name: cell("name"),
        email: cell("email"),
        branch: cell("branch"),
        association: cell("association"),
        roles: cell("roles"),
      },
    });
  }
  if (rows.length > importMaxRows) throw new ApiError(413, "import_too_many_rows");
  if (rows.length === 0) throw new ApiError(400, "import_no_rows");
  return { encoding, delimiter, rows, ignoredColumns: ignored };
}
