import { partyTimeZone, stockholmToUtc } from "../../../worker/shared/stockholm";
import { locale } from "../i18n";
import { stockholmLocal } from "../meetings/time";

/**
 * A consultation's dates are wall-clock times in Sweden (`partyTimeZone`) whatever
 * zone the browser is in: the office in Stockholm and a member abroad must read, and set, the
 * same deadline. The API speaks UTC milliseconds. Reading a typed time is `stockholmToUtc`,
 * as for meetings (the same zone, the same daylight-saving rules).
 */

/** `2026-12-01T18:00` (an `<input type="datetime-local">` value, Swedish time) → UTC ms; null if not one. */
export function fromSwedishInput(value: string): number | null {
  return stockholmToUtc(value);
}

/** UTC ms → an `<input type="datetime-local">` value in Swedish time (the meetings' formatter: same zone, same form input). */
export function toSwedishInput(epochMs: number): string {
  return stockholmLocal(epochMs);
}

/** "1 dec. 2026 18:00" / "1 Dec 2026, 18:00", in Swedish time, in the UI language (reactive). */
export function formatSwedishTime(epochMs: number): string {
  return new Intl.DateTimeFormat(locale() === "sv" ? "sv-SE" : "en-GB", {
    timeZone: partyTimeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(epochMs));
}
