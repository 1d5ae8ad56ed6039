import { partyTimeZone } from "../../../worker/shared/stockholm";
import { locale } from "../i18n";

/**
 * Meeting times. The API carries UTC instants; a form takes Stockholm wall-clock time (the
 * party's), as the Worker reads it (`stockholmToUtc`); lists and pages show the viewer's own
 * zone, named when it is not Stockholm's, so a member abroad sees her own time.
 */

/** An instant as a Stockholm wall-clock time for a form's `datetime-local` input: `2026-12-01T18:30`. */
export function stockholmLocal(utcMs: number): string {
  // Swedish dates are written the way the input wants them: "2026-12-01 18:30".
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: partyTimeZone,
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(utcMs)
    .replace(" ", "T");
}

function viewerZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "1 dec. 2026 18:30–20:00", in the viewer's zone; the zone's name added when it is not Stockholm's. */
export function formatMeetingTime(startsAt: number, endsAt: number, zone: string = viewerZone()): string {
  const tag = locale() === "sv" ? "sv-SE" : "en-GB";
  const day = { day: "numeric", month: "short", year: "numeric" } as const;
  const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  const dayOf = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, ...day }).format(ms);
  const start = new Intl.DateTimeFormat(tag, { timeZone: zone, ...day, ...clock });
  const end = new Intl.DateTimeFormat(tag, {
    timeZone: zone,
    ...(dayOf(startsAt) === dayOf(endsAt) ? {} : day),
    ...clock,
    ...(zone !== partyTimeZone ? { timeZoneName: "short" } : {}),
  });
  return `${start.format(startsAt)}–${end.format(endsAt)}`;
}
