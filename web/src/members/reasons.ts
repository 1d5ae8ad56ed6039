import type { RefusalReason } from "../../../worker/shared/members";
import { type MessageKey, t } from "../i18n";
import "./messages.sv";

const reasonKeys = {
  row_malformed: "import.reason.row_malformed",
  quote_unclosed: "import.reason.quote_unclosed",
  name_missing: "import.reason.name_missing",
  name_too_long: "import.reason.name_too_long",
  email_missing: "import.reason.email_missing",
  email_invalid: "import.reason.email_invalid",
  branch_missing: "import.reason.branch_missing",
  branch_unknown: "import.reason.branch_unknown",
  branch_out_of_scope: "import.reason.branch_out_of_scope",
  association_unknown: "import.reason.association_unknown",
  role_unknown: "import.reason.role_unknown",
  role_not_allowed: "import.reason.role_not_allowed",
} as const satisfies Record<RefusalReason, MessageKey>;

/** Why a row was refused, in plain language (reactive: follows the language). */
export function reasonLabel(reason: RefusalReason): string {
  return t(reasonKeys[reason] ?? "import.reason.row_malformed");
}
