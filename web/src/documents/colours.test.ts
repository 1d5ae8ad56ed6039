import { describe, expect, it } from "vitest";
import { caretColours, colourFor } from "./colours";

describe("caret colour", () => {
  it("gives a name the same 6-digit hex colour every time", () => {
    for (const name of ["Anna", "Bo Ek", "Åsa Öberg", ""]) {
      expect(colourFor(name)).toMatch(/^#[0-9a-f]{6}$/);
      expect(caretColours).toContain(colourFor(name));
      expect(colourFor(name)).toBe(colourFor(name));
    }
    expect(new Set(["Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik"].map(colourFor)).size).toBeGreaterThan(
      2,
    );
  });
});
