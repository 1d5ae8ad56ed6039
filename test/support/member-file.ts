/**
 * A generated member-register file: a different address per row, spread over a few branches
 * and associations, in the Swedish Excel shape (`;`, CRLF). Used by the import tests and the
 * `member-import` benchmark.
 */
export function generatedMemberFile(rows: number, delimiter = ";"): string {
  const branches = ["Göteborg", "Malmö", "Stockholm", "Kiruna", "Umeå", "1280", "0180"];
  const lines = [["namn", "e-post", "arbetarekommun", "förening", "roller"].join(delimiter)];
  for (let i = 0; i < rows; i++) {
    const branch = branches[i % branches.length] ?? "Göteborg";
    const association = branch === "Göteborg" && i % 3 === 0 ? "S-föreningen Majorna" : "";
    const role = i % 50 === 0 ? "styrelseledamot" : "";
    lines.push(
      [`Medlem Nummer ${i}`, `medlem${i}@register.example`, branch, association, role].join(delimiter),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
