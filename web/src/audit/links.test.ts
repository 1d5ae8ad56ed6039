import { describe, expect, it } from "vitest";
import type { GroupMembership } from "../../../worker/shared/identity";
import { mayReadAudit } from "./links";

const national = { kind: "national" as const, slug: "national", name: "Partistyrelsen" };
const member = (roles: GroupMembership["roles"], can: GroupMembership["can"]) => ({
  groups: [{ group: national, roles, can }],
});

describe("mayReadAudit", () => {
  it("is audit.read in can, whatever the roles say", () => {
    expect(mayReadAudit(member(["national_admin"], ["members.import", "audit.read"]))).toBe(true);
    expect(mayReadAudit(member(["member"], ["audit.read"]))).toBe(true);
    expect(mayReadAudit(member(["national_admin"], ["members.import"]))).toBe(false);
    expect(mayReadAudit({ groups: [] })).toBe(false);
  });
});
