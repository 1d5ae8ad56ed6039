import type { Me } from "../../../worker/shared/identity";

/** The audit log's page. */
export const auditPath = "/admin/audit";

/** Whether she may read the audit log, as `/api/me` says (`can` on a group); the Worker decides. */
export function mayReadAudit(me: Pick<Me, "groups">): boolean {
  return me.groups.some((membership) => membership.can.includes("audit.read"));
}
