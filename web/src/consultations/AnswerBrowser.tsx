import { createResource, createSignal, For, Show } from "solid-js";
import type { AnswersQuery } from "../../../worker/shared/consultation-schemas";
import {
  type AnswerList,
  type AnswerRow,
  askableKinds,
  type ConsultationOverview,
  type ConsultationView,
  consultationLimits,
  type Quote,
} from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { createRequest } from "../motions/action";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { choiceText, scaleValues } from "./ChoiceInput";
import { CountedList, MoreButton, SearchField } from "./ListControls";
import { askableLabel } from "./labels";
import type { createTagBoard } from "./TagBoard";
import { TagToggles } from "./Tags";
import { formatSwedishTime } from "./time";

type Filters = Omit<AnswersQuery, "limit" | "offset">;
const pageSize = 50;

/** The query as the route takes it: strings, and only the filters set. */
function queryOf(filters: Filters, offset: number): Record<string, string> {
  const entries = Object.entries({ ...filters, limit: pageSize, offset }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

/**
 * Every group's latest answer, question by question, filtered (question, district, kind of
 * group, choice, tag) and searched in full text; each answer tagged by theme and, for the
 * asking level, quoted in the feedback.
 */
export function AnswerBrowser(props: {
  consultation: ConsultationView;
  overview: ConsultationOverview;
  tags: ReturnType<typeof createTagBoard>;
  manages: boolean;
  onQuote: (quote: Quote) => void;
}) {
  const id = () => String(props.consultation.id);
  const [question, setQuestion] = createSignal("");
  const [district, setDistrict] = createSignal("");
  const [kind, setKind] = createSignal("");
  const [choice, setChoice] = createSignal("");
  const [tag, setTag] = createSignal("");
  const [q, setQ] = createSignal("");
  const [filters, setFilters] = createSignal<Filters>({});
  const [more, setMore] = createSignal<AnswerRow[]>([]);
  const [page] = createResource(filters, (f) =>
    call(client.api.consultations[":id"].answers.$get({ param: { id: id() }, query: queryOf(f, 0) })),
  );
  const loadingMore = createRequest();
  const rows = () => [...(page.latest?.answers ?? []), ...more()];
  const chosenQuestion = () => props.consultation.questions.find((x) => String(x.id) === question());
  const questionOf = (row: AnswerRow) => props.consultation.questions.find((x) => x.id === row.questionId);
  const districts = () => props.overview.byDistrict.flatMap((d) => (d.district ? [d.district] : []));

  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    setMore([]);
    const picked = chosenQuestion();
    setFilters({
      ...(picked ? { question: picked.id } : {}),
      ...(district() ? { district: district() } : {}),
      ...(kind() ? { kind: kind() as AnswersQuery["kind"] } : {}),
      ...(picked && choice() !== "" ? { choice: Number(choice()) } : {}),
      ...(tag() ? { tag: Number(tag()) } : {}),
      ...(q().trim() ? { q: q().trim() } : {}),
    });
  };

  const showMore = (list: AnswerList) =>
    loadingMore.run(async () => {
      const next = await call(
        client.api.consultations[":id"].answers.$get({
          param: { id: id() },
          query: queryOf(filters(), list.answers.length + more().length),
        }),
      );
      setMore([...more(), ...next.answers]);
    });

  const select = (
    fieldId: string,
    label: string,
    value: () => string,
    set: (v: string) => void,
    options: { value: string; label: string }[],
  ) => (
    <Field id={fieldId} label={label}>
      {(control) => (
        <select {...control} value={value()} onChange={(e) => set(e.currentTarget.value)}>
          <option value="">{t("consultations.answers.all")}</option>
          <For each={options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
        </select>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="answers-title" class="results-section" data-testid="answer-browser">
      <h2 id="answers-title">{t("consultations.answers.title")}</h2>
      <form class="answer-filters" onSubmit={apply}>
        {select(
          "filter-question",
          t("consultations.answers.question"),
          question,
          (v) => {
            setQuestion(v);
            setChoice("");
          },
          props.consultation.questions.map((x, i) => ({
            value: String(x.id),
            label: `${i + 1}. ${x.prompt}`,
          })),
        )}
        <Show when={chosenQuestion() && chosenQuestion()?.kind !== "open" ? chosenQuestion() : undefined}>
          {(picked) =>
            select(
              "filter-choice",
              t("consultations.answers.choice"),
              choice,
              setChoice,
              (picked().kind === "scale" ? scaleValues(picked()) : picked().options.map((_, i) => i)).map(
                (n) => ({
                  value: String(n),
                  label: choiceText(picked(), [n], n),
                }),
              ),
            )
          }
        </Show>
        {select(
          "filter-district",
          t("consultations.rates.district"),
          district,
          setDistrict,
          districts().map((d) => ({ value: d.slug, label: d.name })),
        )}
        {select(
          "filter-kind",
          t("consultations.answers.kind"),
          kind,
          setKind,
          askableKinds.map((k) => ({ value: k, label: askableLabel(k) })),
        )}
        {select(
          "filter-tag",
          t("consultations.answers.tag"),
          tag,
          setTag,
          (props.tags.board()?.tags ?? []).map((x) => ({ value: String(x.id), label: x.name })),
        )}
        <SearchField id="filter-q" label={t("consultations.answers.search")} value={q()} onInput={setQ} />
        <SubmitButton testId="filter-answers">{t("consultations.answers.show")}</SubmitButton>
      </form>
      <CountedList page={page} countTestId="answer-count">
        {(list) => (
          <>
            <ul class="plain-list answer-list" data-testid="answer-list">
              <For each={rows()}>
                {(row) => (
                  <li class="item-card answer-card" data-testid="answer-row">
                    <p class="answer-card-head">
                      <strong>{row.group.name}</strong>
                      <Show when={row.district}>{(d) => <span class="meta"> · {d().name}</span>}</Show>
                      <span class="meta">
                        {" · "}
                        {t("consultations.answers.version", {
                          number: row.version,
                          time: formatSwedishTime(row.submittedAt),
                        })}
                      </span>
                    </p>
                    <p class="meta">{questionOf(row)?.prompt}</p>
                    <Show
                      when={questionOf(row) && choiceText(questionOf(row) as never, row.choices, row.value)}
                    >
                      {(chosen) => <p class="answer-choice">{chosen()}</p>}
                    </Show>
                    <Show when={row.text}>
                      <p class="answer-text-frozen" data-testid="answer-text">
                        {row.text}
                      </p>
                    </Show>
                    <TagToggles
                      consultationId={props.consultation.id}
                      answer={row}
                      tags={props.tags}
                      manages={props.manages}
                    />
                    <Show when={props.manages && row.text}>
                      <QuoteForm
                        consultationId={props.consultation.id}
                        answer={row}
                        onQuote={props.onQuote}
                      />
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={rows().length < list().total}>
              <MoreButton busy={loadingMore.busy()} onClick={() => showMore(list())} />
            </Show>
            <ErrorAlert code={loadingMore.failure()} />
          </>
        )}
      </CountedList>
    </section>
  );
}

/** Marks a point of a group's answer as quoted in the feedback: the words quoted, editable. */
function QuoteForm(props: { consultationId: number; answer: AnswerRow; onQuote: (quote: Quote) => void }) {
  const [open, setOpen] = createSignal(false);
  const [excerpt, setExcerpt] = createSignal(props.answer.text.slice(0, consultationLimits.excerpt));
  const [done, setDone] = createSignal(false);
  const quoting = createRequest();
  const fieldId = `quote-${props.answer.groupId}-${props.answer.questionId}`;
  return (
    <div class="quote-form">
      <button
        type="button"
        class="link-button"
        aria-expanded={open()}
        onClick={() => setOpen(!open())}
        data-testid="quote-toggle"
      >
        {t("consultations.quote.button", { group: props.answer.group.name })}
      </button>
      <Show when={open()}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!excerpt().trim()) return;
            void quoting.run(async () => {
              props.onQuote(
                await call(
                  client.api.consultations[":id"].quotes.$post({
                    param: { id: String(props.consultationId) },
                    json: {
                      groupId: props.answer.groupId,
                      questionId: props.answer.questionId,
                      excerpt: excerpt().trim(),
                    },
                  }),
                ),
              );
              setDone(true);
              setOpen(false);
            });
          }}
        >
          <Field id={fieldId} label={t("consultations.quote.excerpt")} hint={t("consultations.quote.hint")}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={consultationLimits.excerpt}
                value={excerpt()}
                onInput={(e) => setExcerpt(e.currentTarget.value)}
              />
            )}
          </Field>
          <SubmitButton busy={quoting.busy()} testId="save-quote">
            {t("consultations.quote.save")}
          </SubmitButton>
          <ErrorAlert code={quoting.failure()} />
        </form>
      </Show>
      <p class="form-result success" role="status">
        {done() ? t("consultations.quote.done") : ""}
      </p>
    </div>
  );
}
