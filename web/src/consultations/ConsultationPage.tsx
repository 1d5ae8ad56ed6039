import { useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import type { ConsultationView } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { loadSession } from "../identity/session";
import { usePageTitle } from "../ui/title";
import { AskPanel } from "./AskPanel";
import { ConsultationBody, ConsultationFacts } from "./ConsultationBody";
import { Introduction } from "./Introduction";
import { statusLabel } from "./labels";
import { consultationHref, groupConsultationsHref, resultsHref, workspaceHref } from "./links";
import { isId, loadPage } from "./load";
import { PageState } from "./PageState";
import { formatSwedishTime } from "./time";
import "./Consultations.css";

/** `/consultations/:id`: a consultation as its reader may see it, with her ways onward. */
export default function ConsultationPage() {
  void loadSession();
  const params = useParams<{ id: string }>();
  const [loaded, { mutate }] = createResource(
    () => params.id ?? "",
    (id) =>
      isId(id)
        ? loadPage(() => call(client.api.consultations[":id"].$get({ param: { id } })))
        : Promise.resolve({ missing: true as const }),
  );
  return (
    <PageState loaded={loaded()} error={loaded.error} here={consultationHref(Number(params.id))}>
      {(consultation) => (
        <ConsultationDetail consultation={consultation()} onChange={(next) => mutate({ value: next })} />
      )}
    </PageState>
  );
}

function ConsultationDetail(props: {
  consultation: ConsultationView;
  onChange: (c: ConsultationView) => void;
}) {
  const c = () => props.consultation;
  usePageTitle(() => c().title);
  const manages = () => c().can.includes("consultation.manage");
  return (
    <article class="consultation-page" data-testid="consultation-page" data-phase={c().phase}>
      <Show when={manages()}>
        <p class="consultation-back">
          <a class="action-link" href={groupConsultationsHref(c().asker)}>
            {t("consultations.backTo", { group: c().asker.name })}
          </a>
        </p>
      </Show>
      <h1 data-testid="consultation-title">{c().title}</h1>
      <ConsultationFacts consultation={c()} />

      <Show when={c().summary}>
        {(summary) => (
          <section
            class="consultation-summary"
            aria-labelledby="summary-title"
            data-testid="consultation-summary"
          >
            <h2 id="summary-title">{t("consultations.summary.title")}</h2>
            <p class="meta">
              {t("consultations.summary.published", { time: formatSwedishTime(summary().publishedAt) })}
            </p>
            <Introduction markdown={summary().text} />
          </section>
        )}
      </Show>

      <Show when={c().myGroups.length > 0}>
        <section class="consultation-mine" aria-labelledby="my-answers-title">
          <h2 id="my-answers-title">{t("consultations.mine.title")}</h2>
          <ul class="plain-list card-list" data-testid="my-workspaces">
            <For each={c().myGroups}>
              {(mine) => (
                <li class="item-card consultation-card">
                  <a
                    href={workspaceHref(c().id, mine.group)}
                    class="consultation-card-title"
                    data-testid="workspace-link"
                  >
                    {t("consultations.mine.link", { group: mine.group.name })}
                  </a>
                  <span class="pill">{statusLabel(mine.status)}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <Show when={c().can.includes("consultation.results") && c().phase !== "draft"}>
        <p>
          <a class="button" href={resultsHref(c().id)} data-testid="results-link">
            {t("consultations.results.link")}
          </a>
        </p>
      </Show>

      <Show when={manages() && c().phase === "draft"}>
        <AskPanel consultation={c()} onChange={props.onChange} />
      </Show>

      <ConsultationBody consultation={c()} />
    </article>
  );
}
