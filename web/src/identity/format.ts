import { locale } from "../i18n";

/** "12 mars 2026 14:05" / "12 Mar 2026, 14:05": a moment in the UI language (reactive). */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(locale() === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(epochMs));
}
