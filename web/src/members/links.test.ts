import { describe, expect, it } from "vitest";
import { bengt } from "../identity/testing";
import { importGroups } from "./links";

describe("importGroups", () => {
  it("offers a welcome officer her branch", () => {
    const cecilia = {
      groups: [
        {
          group: { kind: "branch" as const, slug: "goteborg", name: "Göteborg" },
          roles: ["board_member" as const, "welcome_officer" as const, "member" as const],
          can: ["members.import" as const],
        },
      ],
    };
    expect(importGroups(cecilia).map((c) => c.value)).toEqual(["branch:goteborg"]);
  });

  it("offers a national administrator the whole party first", () => {
    const astrid = {
      groups: [
        {
          group: { kind: "national" as const, slug: "national", name: "Partistyrelsen" },
          roles: ["national_admin" as const],
          can: ["members.import" as const, "audit.read" as const],
        },
        {
          group: { kind: "district" as const, slug: "skane", name: "Skåne" },
          roles: ["welcome_officer" as const],
          can: ["members.import" as const],
        },
      ],
    };
    expect(importGroups(astrid).map((c) => c.value)).toEqual(["national:national", "district:skane"]);
  });

  it("offers nothing to a chair, nor for an association", () => {
    expect(importGroups(bengt)).toEqual([]);
    const association = {
      groups: [
        {
          group: { kind: "association" as const, slug: "s-foreningen-majorna", name: "Majorna" },
          roles: ["welcome_officer" as const],
          can: ["members.import" as const],
        },
      ],
    };
    expect(importGroups(association)).toEqual([]);
  });
});
