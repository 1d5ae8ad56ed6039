import { describe, expect, it } from "vitest";
import { fromSwedishInput, toSwedishInput } from "./time";

describe("Swedish time for a consultation's dates", () => {
  it("reads a wall-clock time in Sweden, winter (UTC+1) and summer (UTC+2)", () => {
    expect(fromSwedishInput("2026-12-01T09:00")).toBe(Date.UTC(2026, 11, 1, 8, 0));
    expect(fromSwedishInput("2026-06-15T18:30")).toBe(Date.UTC(2026, 5, 15, 16, 30));
  });

  it("reads the hours around the clocks changing (29 March and 25 October 2026)", () => {
    expect(fromSwedishInput("2026-03-29T01:30")).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(fromSwedishInput("2026-03-29T04:00")).toBe(Date.UTC(2026, 2, 29, 2, 0));
    expect(fromSwedishInput("2026-10-25T04:00")).toBe(Date.UTC(2026, 9, 25, 3, 0));
  });

  it("writes an instant as the wall-clock time in Sweden, and back", () => {
    const instant = Date.UTC(2026, 6, 1, 22, 15);
    expect(toSwedishInput(instant)).toBe("2026-07-02T00:15");
    expect(fromSwedishInput(toSwedishInput(instant))).toBe(instant);
  });

  it("refuses what is not a date and a time", () => {
    expect(fromSwedishInput("")).toBeNull();
    expect(fromSwedishInput("2026-12-01")).toBeNull();
  });
});
