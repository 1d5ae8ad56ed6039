import type { Role } from "../../../worker/shared/identity";
import { type MessageKey, t } from "../i18n";
import "./messages.sv";

const roleKeys = {
  member: "role.member",
  chair: "role.chair",
  secretary: "role.secretary",
  board_member: "role.board_member",
  welcome_officer: "role.welcome_officer",
  activity_lead: "role.activity_lead",
  union_lead: "role.union_lead",
  national_admin: "role.national_admin",
} as const satisfies Record<Role, MessageKey>;

/** "Ordförande" / "Chair", and so on (reactive: follows the language). */
export function roleLabel(role: Role): string {
  return t(roleKeys[role]);
}
