import { Show } from "solid-js";
import type { GroupRef } from "../../../worker/shared/org";
import { t } from "../i18n";
import { currentPerson } from "../identity/session";
import { membershipOf, workspaceHref } from "./links";

/**
 * From a meeting's agenda item to the group's workspace for the consultation it discusses.
 * Only for the group's members, who alone may open it (a guest or a member elsewhere would
 * meet a refusal). The consultation's title, unseen, tells several such links apart.
 */
export function WorkspaceLink(props: {
  consultation: { id: number; title: string };
  group: Pick<GroupRef, "kind" | "slug">;
}) {
  return (
    <Show when={membershipOf(currentPerson(), props.group)}>
      <a
        class="action-link"
        href={workspaceHref(props.consultation.id, props.group)}
        data-testid="workspace-link"
      >
        {t("consultations.workspace.open")}
        <span class="visually-hidden">: {props.consultation.title}</span>
      </a>
    </Show>
  );
}
