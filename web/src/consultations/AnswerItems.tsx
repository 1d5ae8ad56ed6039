import { For, Show } from "solid-js";
import type { AnswerItem, Question } from "../../../worker/shared/consultations";
import { t } from "../i18n";
import { choiceText } from "./ChoiceInput";

/** A frozen answer, question by question: what was chosen, and the text. */
export function AnswerItems(props: { questions: Question[]; items: AnswerItem[] }) {
  return (
    <dl class="answer-items">
      <For each={props.questions}>
        {(question) => {
          const item = () => props.items.find((i) => i.questionId === question.id);
          return (
            <div class="answer-item">
              <dt>{question.prompt}</dt>
              <dd>
                <Show when={choiceText(question, item()?.choices, item()?.value)}>
                  {(chosen) => <p class="answer-choice">{chosen()}</p>}
                </Show>
                <Show
                  when={item()?.text}
                  fallback={
                    <p class="empty">{question.kind === "open" ? t("consultations.answers.noText") : ""}</p>
                  }
                >
                  {(text) => <p class="answer-text-frozen">{text()}</p>}
                </Show>
              </dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
}
