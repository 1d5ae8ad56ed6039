import { unzipSync } from "fflate";

/**
 * An XLSX file read back, for the tests of the consultation export (in workerd and in the
 * browser test), read with fflate and the sheet's XML rather than with the writer itself.
 */

/** A sheet's cells (the first unless told) as text, row by row: shared and inline strings resolved, numbers as written. */
export function readXlsx(bytes: Uint8Array, sheet = 1): string[][] {
  const files = unzipSync(bytes);
  const xml = (name: string) => new TextDecoder().decode(files[name] ?? new Uint8Array());
  const fromXml = (s: string) =>
    s
      .replaceAll("&quot;", '"')
      .replaceAll("&apos;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  const shared = [...xml("xl/sharedStrings.xml").matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    fromXml([...(m[1] ?? "").matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")),
  );
  return [...xml(`xl/worksheets/sheet${sheet}.xml`).matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...(row[1] ?? "").matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((cell) => {
      const value = /<v>(.*?)<\/v>/s.exec(cell[2] ?? "")?.[1] ?? "";
      if (/t="inlineStr"/.test(cell[1] ?? ""))
        return fromXml(/<t[^>]*>(.*?)<\/t>/s.exec(cell[2] ?? "")?.[1] ?? "");
      return /t="s"/.test(cell[1] ?? "") ? (shared[Number(value)] ?? "") : fromXml(value);
    }),
  );
}
