import { For, Show } from "solid-js";
import type { ConsultationOverview, ConsultationView, Question } from "../../../worker/shared/consultations";
import { t } from "../i18n";
import "./messages.sv";
import { choiceText, scaleValues } from "./ChoiceInput";
import { Bars } from "./ResponseRates";

/** Every option (its index) or scale value, so one nobody chose shows as 0 too. */
function choicesOf(question: Question): number[] {
  return question.kind === "scale" ? scaleValues(question) : question.options.map((_, i) => i);
}

/** Per choice or scale question: how many of the groups that answered chose what (their latest answers). */
export function Tallies(props: { consultation: ConsultationView; overview: ConsultationOverview }) {
  const tallied = () =>
    props.overview.tallies.flatMap((tally) => {
      const question = props.consultation.questions.find((q) => q.id === tally.questionId);
      return question ? [{ question, counts: tally.counts }] : [];
    });
  return (
    <Show when={tallied().length > 0}>
      <section aria-labelledby="tallies-title" class="results-section" data-testid="tallies">
        <h2 id="tallies-title">{t("consultations.tallies.title")}</h2>
        <For each={tallied()}>
          {(tally) => (
            <>
              <h3>{tally.question.prompt}</h3>
              <Bars
                label={tally.question.prompt}
                rows={choicesOf(tally.question).map((choice) => ({
                  label: choiceText(tally.question, [choice], choice),
                  rate: {
                    answered: tally.counts.find((count) => count.choice === choice)?.groups ?? 0,
                    asked: props.overview.overall.answered,
                  },
                }))}
              />
            </>
          )}
        </For>
      </section>
    </Show>
  );
}
