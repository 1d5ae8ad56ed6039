/**
 * Caret colours: 6-digit hex (the caret extension ignores anything else), each with at
 * least 4.5:1 contrast for white label text.
 */
export const caretColours = [
  "#1d4ed8",
  "#047857",
  "#7c3aed",
  "#b45309",
  "#0e7490",
  "#be185d",
  "#4d7c0f",
  "#9a3412",
] as const;

/** The same name gets the same colour on every device. */
export function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
  return caretColours[hash % caretColours.length] ?? caretColours[0];
}
