import { useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import { loginHref } from "../identity/next";
import { currentPerson, loadSession } from "../identity/session";
import { Loading } from "../ui/Loading";
import { usePageTitle } from "../ui/title";
import { groupConsultationsHref, membershipOf, newConsultationHref } from "./links";
import { loadPage } from "./load";
import { PageState } from "./PageState";
import { SummaryList } from "./SummaryList";
import "./Consultations.css";

/** `/consultations?group=branch:goteborg`: what asks a group, and what its asking level asks. */
export default function ConsultationListPage() {
  const [search] = useSearchParams<{ group?: string }>();
  usePageTitle(() => t("consultations.title"));
  return (
    <Show when={search.group} fallback={<YourGroups />}>
      {(group) => <GroupConsultationList group={group()} />}
    </Show>
  );
}

/**
 * `/consultations` names no group: each of hers leads to its consultations, instead of the
 * Worker refusing the empty group and the page saying there is no such group.
 */
function YourGroups() {
  const [session] = createResource(loadSession);
  return (
    <Show when={!session.loading} fallback={<Loading />}>
      <article class="consultation-page">
        <h1>{t("consultations.title")}</h1>
        <Show
          when={currentPerson()}
          fallback={
            <>
              <p>{t("consultations.loginNeeded")}</p>
              <p>
                <a class="button" href={loginHref("/consultations")}>
                  {t("me.login")}
                </a>
              </p>
            </>
          }
        >
          {(me) => (
            <Show when={me().groups.length > 0} fallback={<p class="empty">{t("me.groups.none")}</p>}>
              <ul class="plain-list" data-testid="consultation-groups">
                <For each={me().groups}>
                  {(membership) => (
                    <li>
                      <a class="action-link" href={groupConsultationsHref(membership.group)}>
                        {t("consultations.linkFor", { group: membership.group.name })}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </article>
    </Show>
  );
}

function GroupConsultationList(props: { group: string }) {
  void loadSession();
  const [loaded] = createResource(
    () => props.group,
    (g) => loadPage(() => call(client.api.consultations.$get({ query: { group: g } }))),
  );
  const group = () => props.group;
  return (
    <PageState
      loaded={loaded()}
      error={loaded.error}
      here={`/consultations?group=${encodeURIComponent(group())}`}
      notFound="group"
    >
      {(list) => {
        const membership = () => membershipOf(currentPerson(), list().group);
        return (
          <article class="consultation-page">
            <h1>{t("consultations.listTitle", { group: list().group.name })}</h1>
            <Show when={membership()?.can.includes("consultation.create")}>
              <p>
                <a class="button" href={newConsultationHref(list().group)} data-testid="new-consultation">
                  {t("consultations.new.link")}
                </a>
              </p>
            </Show>
            <Show when={list().asking.length > 0 || membership()?.can.includes("consultation.create")}>
              <section aria-labelledby="asking-title">
                <h2 id="asking-title">{t("consultations.list.asking")}</h2>
                <p class="meta">{tp("consultations.count", list().asking.length)}</p>
                <SummaryList items={list().asking} testId="asking-list" withStatus={false} />
              </section>
            </Show>
            <section aria-labelledby="asked-title">
              <h2 id="asked-title">{t("consultations.list.asked")}</h2>
              <SummaryList items={list().asked} testId="asked-list" withStatus />
            </section>
          </article>
        );
      }}
    </PageState>
  );
}
