import { For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { ConsultationView, Question } from "../../../worker/shared/consultations";
import { t } from "../i18n";
import { Introduction } from "./Introduction";
import { phaseLabel, questionKindLabel } from "./labels";
import { formatSwedishTime } from "./time";

/** When a consultation opens and closes, who asks, and where it is. */
export function ConsultationFacts(props: { consultation: ConsultationView }) {
  const c = () => props.consultation;
  return (
    <dl class="facts consultation-facts">
      <div>
        <dt>{t("consultations.fact.asker")}</dt>
        <dd>{c().asker.name}</dd>
      </div>
      <div>
        <dt>{t("consultations.fact.phase")}</dt>
        <dd data-testid="consultation-phase">{phaseLabel(c().phase)}</dd>
      </div>
      <div>
        <dt>{t("consultations.fact.opens")}</dt>
        <dd>{formatSwedishTime(c().opensAt)}</dd>
      </div>
      <div>
        <dt>{t("consultations.fact.closes")}</dt>
        <dd data-testid="consultation-closes">{formatSwedishTime(c().closesAt)}</dd>
      </div>
    </dl>
  );
}

/** What a question asks for, in a line: its kind, and its options or scale. */
export function QuestionMeta(props: { question: Question }) {
  const q = () => props.question;
  return (
    <p class="meta">
      {questionKindLabel(q().kind)}
      <Show when={q().scale}>
        {(scale) => (
          <>
            {" · "}
            {t("consultations.question.scaleRange", {
              min: scale().minLabel ? `${scale().min} (${scale().minLabel})` : String(scale().min),
              max: scale().maxLabel ? `${scale().max} (${scale().maxLabel})` : String(scale().max),
            })}
          </>
        )}
      </Show>
      <Show when={q().kind !== "open" && q().comment}> · {t("consultations.question.withComment")}</Show>
    </p>
  );
}

/** The introduction and the questions, as every asked group reads them (and the preview shows). */
export function ConsultationBody(props: {
  consultation: ConsultationView;
  /** Inside another section (the preview), the questions' heading is one level down. */
  nested?: boolean;
}) {
  const headingId = () => (props.nested ? "preview-questions-title" : "questions-title");
  return (
    <>
      <Show when={props.consultation.introduction}>
        <Introduction markdown={props.consultation.introduction} />
      </Show>
      <section aria-labelledby={headingId()} class="consultation-questions">
        <Dynamic component={props.nested ? "h3" : "h2"} id={headingId()}>
          {t("consultations.questions.title")}
        </Dynamic>
        <ol class="question-list" data-testid="question-list">
          <For each={props.consultation.questions}>
            {(question) => (
              <li class="question-item">
                <p class="question-prompt">{question.prompt}</p>
                <QuestionMeta question={question} />
                <Show when={question.options.length > 0}>
                  <ul class="option-list">
                    <For each={question.options}>{(option) => <li>{option}</li>}</For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </section>
    </>
  );
}
