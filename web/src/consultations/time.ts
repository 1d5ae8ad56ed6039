import { consultationTimeZone } from "../../../worker/shared/consultations";
import { locale } from "../i18n";

/**
 * A consultation's dates are wall-clock times in Sweden (`consultationTimeZone`) whatever
 * zone the browser is in: the office in Stockholm and a member abroad must read, and set, the
 * same deadline. The API speaks UTC milliseconds.
 */

function partsIn(epochMs: number): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: consultationTimeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(epochMs));
  return Object.fromEntries(
    parts.filter((p) => p.type !== "literal").map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
}

/** How far Swedish time is ahead of UTC at this instant, in milliseconds. */
function offsetAt(epochMs: number): number {
  const p = partsIn(epochMs);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  return asUtc - Math.floor(epochMs / 60_000) * 60_000;
}

/** `2026-12-01T18:00` (an `<input type="datetime-local">` value, Swedish time) → UTC ms; null if not one. */
export function fromSwedishInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC is at most an hour off; asking again at the
  // result settles it, also on the days the clocks change.
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, "0");

/** UTC ms → an `<input type="datetime-local">` value in Swedish time. */
export function toSwedishInput(epochMs: number): string {
  const p = partsIn(epochMs);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "1 dec. 2026 18:00" / "1 Dec 2026, 18:00", in Swedish time, in the UI language (reactive). */
export function formatSwedishTime(epochMs: number): string {
  return new Intl.DateTimeFormat(locale() === "sv" ? "sv-SE" : "en-GB", {
    timeZone: consultationTimeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(epochMs));
}
