import { describe, expect, it } from "vitest";
import type { GroupMembership } from "../../../worker/shared/identity";
import { bengt } from "../identity/testing";
import { importGroups } from "./links";

const membership = (
  kind: GroupMembership["group"]["kind"],
  slug: string,
  can: GroupMembership["can"],
  roles: GroupMembership["roles"] = ["member"],
): GroupMembership => ({ group: { kind, slug, name: slug }, roles, can });

describe("importGroups", () => {
  it("offers each group where /api/me says she may import", () => {
    const cecilia = { groups: [membership("branch", "goteborg", ["members.import"], ["welcome_officer"])] };
    expect(importGroups(cecilia).map((c) => c.value)).toEqual(["branch:goteborg"]);
  });

  it("offers the whole party first when she may import for the national group", () => {
    const astrid = {
      groups: [
        membership("district", "skane", ["members.import"]),
        membership("national", "national", ["members.import", "audit.read"], ["national_admin"]),
        membership("branch", "malmo", ["members.import"]),
      ],
    };
    expect(importGroups(astrid).map((c) => c.value)).toEqual([
      "national:national",
      "district:skane",
      "branch:malmo",
    ]);
  });

  it("goes by can, not by roles", () => {
    expect(importGroups(bengt)).toEqual([]);
    const officerWithoutTheRight = { groups: [membership("branch", "goteborg", [], ["welcome_officer"])] };
    expect(importGroups(officerWithoutTheRight)).toEqual([]);
    const adminWithoutTheRight = { groups: [membership("national", "national", [], ["national_admin"])] };
    expect(importGroups(adminWithoutTheRight)).toEqual([]);
  });

  it("leaves out kinds of group the import does not take", () => {
    const association = { groups: [membership("association", "s-foreningen-majorna", ["members.import"])] };
    expect(importGroups(association)).toEqual([]);
  });
});
