/**
 * The party's time: meetings and consultations are set in Swedish wall-clock time whatever zone
 * a browser is in (the office in Stockholm and a member abroad set and read the same deadline);
 * the API stores and speaks UTC instants (ms since the epoch).
 */
export const partyTimeZone = "Europe/Stockholm";

/** A local date and time as typed in a form: `2026-12-01T18:30`, read in Europe/Stockholm. */
export const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The UTC offset of Europe/Stockholm at instant `utcMs`, in minutes (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: partyTimeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(utcMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * A Stockholm wall-clock time as a UTC instant (ms), or null for a time that is not a real
 * date. A time skipped by the spring change reads as an hour later; one repeated in the
 * autumn as its first occurrence.
 */
export function stockholmToUtc(local: string): number | null {
  const m = localDateTimePattern.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  // Stockholm's offset on either side of any change that day: a candidate is right if the
  // offset at it is the one it was made with. Both are in autumn's repeated hour (the first
  // wins); neither is in spring's skipped hour (then the offset before the change applies).
  const before = stockholmOffsetMinutes(naive - 6 * 3600_000);
  const after = stockholmOffsetMinutes(naive + 6 * 3600_000);
  const fits = [before, after]
    .map((offset) => ({ offset, at: naive - offset * 60_000 }))
    .filter(({ offset, at }) => stockholmOffsetMinutes(at) === offset)
    .map(({ at }) => at);
  return fits.length ? Math.min(...fits) : naive - before * 60_000;
}
