import { Show } from "solid-js";
import type { Me } from "../../../worker/shared/identity";
import { t } from "../i18n";
import { auditPath, mayReadAudit } from "./links";

/** On my pages, for those who may read it (national administrators): the way to the audit log. */
export function AuditLink(props: { me: Me }) {
  return (
    <Show when={mayReadAudit(props.me)}>
      <p>
        <a class="action-link" href={auditPath} data-testid="audit-link">
          {t("audit.link")}
        </a>
      </p>
    </Show>
  );
}
