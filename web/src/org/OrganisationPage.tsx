import { createResource, Show, Suspense } from "solid-js";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import "./messages.sv";
import { Loading } from "../ui/Loading";
import { usePageTitle } from "../ui/title";
import { GroupList } from "./GroupList";
import { OrgSearch } from "./OrgSearch";

/** The whole organisation: totals, search, the 26 districts and the side organisations. */
export default function OrganisationPage() {
  usePageTitle(() => t("org.title"));
  const [overview] = createResource(() => call(client.api.org.$get()));

  return (
    <>
      <h1>{t("org.title")}</h1>
      <Suspense fallback={<p class="lead placeholder" aria-hidden="true" />}>
        <Show when={overview()}>
          {(o) => (
            <p class="lead" data-testid="org-totals">
              {t("org.lead", {
                districts: tp("count.district", o().totals.district),
                branches: tp("count.branch", o().totals.branch),
                associations: tp("count.association", o().totals.association),
                sides: tp("count.side", o().totals.side),
              })}
            </p>
          )}
        </Show>
      </Suspense>
      <OrgSearch />
      <Suspense fallback={<Loading />}>
        <Show when={overview()}>
          {(o) => (
            <>
              <section aria-labelledby="districts-title">
                <h2 id="districts-title">{t("org.districts.title")}</h2>
                <GroupList groups={o().districts} />
              </section>
              <section aria-labelledby="side-title">
                <h2 id="side-title">{t("org.side.title")}</h2>
                <GroupList groups={o().sideOrganisations} />
              </section>
            </>
          )}
        </Show>
      </Suspense>
    </>
  );
}
