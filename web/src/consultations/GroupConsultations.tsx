import { createResource, Show } from "solid-js";
import type { GroupRef } from "../../../worker/shared/org";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { currentPerson } from "../identity/session";
import { groupParam, membershipOf } from "./links";
import { SummaryList } from "./SummaryList";

/**
 * On a group's page, for its members: the consultations that ask the group and are open now,
 * each with the group's answer status, so the question is where the group already is. Nothing
 * when none is open, or she is not a member (then the Worker would refuse the list anyway).
 */
export function GroupConsultations(props: { group: Pick<GroupRef, "kind" | "slug" | "name"> }) {
  const member = () => (membershipOf(currentPerson(), props.group) ? groupParam(props.group) : undefined);
  const [list] = createResource(member, (group) =>
    call(client.api.consultations.$get({ query: { group } })).catch(() => null),
  );
  const open = () => (list.state === "ready" ? (list()?.asked ?? []).filter((c) => c.phase === "open") : []);
  return (
    <Show when={open().length > 0}>
      <section aria-labelledby="open-consultations-title" data-testid="open-consultations">
        <h2 id="open-consultations-title">{t("consultations.open.title")}</h2>
        <SummaryList items={open()} testId="open-consultation-list" withStatus />
      </section>
    </Show>
  );
}
