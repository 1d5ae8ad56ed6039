import { For, Show } from "solid-js";
import type { AnswerItem, Question } from "../../../worker/shared/consultations";
import { t } from "../i18n";
import "./messages.sv";
import { choiceText } from "./ChoiceInput";

/** A frozen answer, question by question: what was chosen, and the text; "no answer" when neither. */
export function AnswerItems(props: { questions: Question[]; items: AnswerItem[] }) {
  return (
    <dl class="answer-items">
      <For each={props.questions}>
        {(question) => {
          const item = () => props.items.find((i) => i.questionId === question.id);
          const chosen = () => choiceText(question, item()?.choices, item()?.value);
          return (
            <div class="answer-item">
              <dt>{question.prompt}</dt>
              <dd>
                <Show
                  when={chosen() || item()?.text}
                  fallback={<p class="meta">{t("consultations.answers.none")}</p>}
                >
                  <Show when={chosen()}>
                    <p class="answer-choice">{chosen()}</p>
                  </Show>
                  <Show when={item()?.text}>{(text) => <p class="answer-text-frozen">{text()}</p>}</Show>
                </Show>
              </dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
}
