import { Show } from "solid-js";
import type { GroupRef } from "../../../worker/shared/org";
import { t } from "../i18n";
import { currentPerson } from "../identity/session";
import { groupMotionsHref, membershipOf } from "./links";

/** The way to a group's motions, for its members (only they may list them). */
export function MotionsLink(props: { group: Pick<GroupRef, "kind" | "slug" | "name"> }) {
  return (
    <Show when={membershipOf(currentPerson(), props.group)}>
      <a class="action-link" href={groupMotionsHref(props.group)} data-testid="motions-link">
        {t("motions.linkFor", { group: props.group.name })}
      </a>
    </Show>
  );
}
