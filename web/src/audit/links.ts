import type { Me } from "../../../worker/shared/identity";

/** The audit log's page. */
export const auditPath = "/admin/audit";

/** Whether she may read the audit log: a national administrator (the Worker decides; this picks links). */
export function isNationalAdmin(me: Pick<Me, "groups">): boolean {
  return me.groups.some((membership) => membership.roles.includes("national_admin"));
}
