import { Show } from "solid-js";
import type { Me } from "../../../worker/shared/identity";
import { t } from "../i18n";
import { auditPath, isNationalAdmin } from "./links";

/** On my pages, for national administrators: the way to the audit log. */
export function AuditLink(props: { me: Me }) {
  return (
    <Show when={isNationalAdmin(props.me)}>
      <p>
        <a class="action-link" href={auditPath} data-testid="audit-link">
          {t("audit.link")}
        </a>
      </p>
    </Show>
  );
}
