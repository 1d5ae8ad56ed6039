import { useParams } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import type {
  ConsultationOverview,
  ConsultationView,
  ExportFormat,
  Quote,
} from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { loadSession } from "../identity/session";
import { usePageTitle } from "../ui/title";
import { AnswerBrowser } from "./AnswerBrowser";
import { Feedback } from "./Feedback";
import { consultationHref, resultsHref } from "./links";
import { isId, loadPage } from "./load";
import { MemberAnswers } from "./MemberAnswers";
import { PageState } from "./PageState";
import { ResponseRates } from "./ResponseRates";
import { createTagBoard } from "./TagBoard";
import { NewTag, TagCounts } from "./Tags";
import { Tallies } from "./Tallies";
import "./Consultations.css";
import "./Results.css";

interface Reading {
  consultation: ConsultationView;
  overview: ConsultationOverview;
  /** Made in earlier visits too, so they can be reviewed and removed before the summary. */
  quotes: Quote[];
}

/** `/consultations/:id/results`: the asking level's reading room. */
export default function ResultsPage() {
  void loadSession();
  const params = useParams<{ id: string }>();
  const load = (id: string) =>
    loadPage(async (): Promise<Reading> => {
      const param = { id };
      const [consultation, overview, { quotes }] = await Promise.all([
        call(client.api.consultations[":id"].$get({ param })),
        call(client.api.consultations[":id"].overview.$get({ param })),
        call(client.api.consultations[":id"].quotes.$get({ param })),
      ]);
      return { consultation, overview, quotes };
    });
  const [loaded, { refetch }] = createResource(
    () => params.id ?? "",
    (id) => (isId(id) ? load(id) : Promise.resolve({ missing: true as const })),
  );
  return (
    <PageState loaded={loaded()} error={loaded.error} here={resultsHref(Number(params.id))}>
      {(reading) => <ReadingRoom reading={reading()} onRefresh={() => void refetch()} />}
    </PageState>
  );
}

function ReadingRoom(props: { reading: Reading; onRefresh: () => void }) {
  const c = () => props.reading.consultation;
  usePageTitle(() => t("consultations.results.title", { title: c().title }));
  const tags = createTagBoard(c().id);
  const manages = () => c().can.includes("consultation.manage");
  const [quotes, setQuotes] = createSignal<Quote[]>(props.reading.quotes);
  const [consultation, setConsultation] = createSignal<ConsultationView>();
  const current = () => consultation() ?? c();
  // A plain link: the browser downloads the file with her session cookie, as it names it.
  const exportHref = (format: ExportFormat) => `/api/consultations/${c().id}/export?format=${format}`;

  return (
    <article class="consultation-page results-page" data-testid="results-page">
      <p class="consultation-back">
        <a class="action-link" href={consultationHref(c().id)}>
          {t("consultations.workspace.backTo", { title: c().title })}
        </a>
      </p>
      <h1>{t("consultations.results.title", { title: c().title })}</h1>
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={props.onRefresh}
          data-testid="refresh-results"
        >
          {t("consultations.results.refresh")}
        </button>
        <a class="button button-secondary" href={exportHref("csv")} download="" data-testid="export-csv">
          {t("consultations.export.csv")}
        </a>
        <a class="button button-secondary" href={exportHref("xlsx")} download="" data-testid="export-xlsx">
          {t("consultations.export.xlsx")}
        </a>
      </div>

      <ResponseRates overview={props.reading.overview} />
      <Tallies consultation={c()} overview={props.reading.overview} />
      <Show when={tags.board()}>
        {(board) => (
          <TagCounts board={board()}>
            <Show when={manages()}>
              <NewTag consultationId={c().id} tags={tags} />
            </Show>
          </TagCounts>
        )}
      </Show>

      <AnswerBrowser
        consultation={c()}
        overview={props.reading.overview}
        tags={tags}
        manages={manages()}
        onQuote={(quote) => setQuotes([...quotes(), quote])}
      />

      <Show when={c().audience.individuals}>
        <MemberAnswers consultation={c()} />
      </Show>

      <Show when={manages()}>
        <Feedback
          consultation={current()}
          quotes={quotes()}
          onQuotes={setQuotes}
          onPublished={setConsultation}
        />
      </Show>
      <Show when={!manages() && current().summary}>
        <p>
          <a href={consultationHref(c().id)}>{t("consultations.quoted.readSummary")}</a>
        </p>
      </Show>
    </article>
  );
}
