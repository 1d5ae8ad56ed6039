import { describe, expect, it } from "vitest";
import { browsableKindList, groupHref, isBrowsableKind } from "./links";

describe("group links", () => {
  it("builds the page address for each kind", () => {
    expect(groupHref({ kind: "district", slug: "goteborg" })).toBe("/organisation/district/goteborg");
    expect(groupHref({ kind: "branch", slug: "malung-salen" })).toBe("/organisation/branch/malung-salen");
    expect(groupHref({ kind: "association", slug: "s-foreningen-x" })).toBe(
      "/organisation/association/s-foreningen-x",
    );
    expect(groupHref({ kind: "side", slug: "ssu" })).toBe("/organisation/side/ssu");
    expect(groupHref({ kind: "national", slug: "national" })).toBe("/organisation");
  });

  it("knows which kinds have pages", () => {
    expect(browsableKindList).toEqual(["district", "branch", "association", "side"]);
    expect(isBrowsableKind("branch")).toBe(true);
    expect(isBrowsableKind("national")).toBe(false);
    expect(isBrowsableKind("toString")).toBe(false);
  });
});
