import { describe, expect, it } from "vitest";
import { stockholmToUtc } from "../../../worker/shared/stockholm";
import { setLocale } from "../i18n";
import { formatMeetingTime, stockholmLocal } from "./time";

describe("meeting times", () => {
  it("writes an instant back as the Stockholm time a form sent, in winter and in summer", () => {
    for (const local of ["2026-12-01T18:30", "2026-06-15T09:05", "2026-03-29T03:00"]) {
      expect(stockholmLocal(stockholmToUtc(local) ?? 0)).toBe(local);
    }
  });

  it("shows the viewer's own zone, named when it is not Stockholm's", () => {
    setLocale("sv");
    const start = Date.UTC(2026, 11, 1, 17, 30);
    const end = Date.UTC(2026, 11, 1, 19, 0);
    expect(formatMeetingTime(start, end, "Europe/Stockholm")).toBe("1 dec. 2026 18:30–20:00");
    expect(formatMeetingTime(start, end, "America/New_York")).toMatch(/^1 dec\. 2026 12:30–14:00 .+/);
    setLocale("en");
    expect(formatMeetingTime(start, end + 86_400_000, "Europe/Stockholm")).toBe(
      "1 Dec 2026, 18:30–2 Dec 2026, 20:00",
    );
    setLocale("sv");
  });
});
