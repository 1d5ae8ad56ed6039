import { useSearchParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import { currentPerson, loadSession } from "../identity/session";
import { usePageTitle } from "../ui/title";
import { membershipOf, newConsultationHref } from "./links";
import { loadPage } from "./load";
import { PageState } from "./PageState";
import { SummaryList } from "./SummaryList";
import "./Consultations.css";

/** `/consultations?group=branch:goteborg`: what asks a group, and what its asking level asks. */
export default function ConsultationListPage() {
  void loadSession();
  const [search] = useSearchParams<{ group?: string }>();
  const group = () => search.group ?? "";
  const [loaded] = createResource(group, (g) =>
    loadPage(() => call(client.api.consultations.$get({ query: { group: g } }))),
  );
  usePageTitle(() => t("consultations.title"));
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
