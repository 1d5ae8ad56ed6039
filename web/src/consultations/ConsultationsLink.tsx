import { Show } from "solid-js";
import type { GroupRef } from "../../../worker/shared/org";
import { t } from "../i18n";
import { currentPerson } from "../identity/session";
import { groupConsultationsHref, membershipOf } from "./links";

/** The way to a group's consultations, for its members (only they, and its asking level, may list them). */
export function ConsultationsLink(props: { group: Pick<GroupRef, "kind" | "slug" | "name"> }) {
  return (
    <Show when={membershipOf(currentPerson(), props.group)}>
      <a class="action-link" href={groupConsultationsHref(props.group)} data-testid="consultations-link">
        {t("consultations.linkFor", { group: props.group.name })}
      </a>
    </Show>
  );
}
