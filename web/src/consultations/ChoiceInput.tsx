import { For, Show } from "solid-js";
import type { Choice, Question } from "../../../worker/shared/consultations";
import { t } from "../i18n";
import "./messages.sv";

/** The values of a scale question, lowest first. */
export function scaleValues(question: Question): number[] {
  const scale = question.scale;
  if (!scale) return [];
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
}

/** A scale value with what its end means: "1 (inte alls)". */
export function scaleValueLabel(question: Question, value: number): string {
  const scale = question.scale;
  const meaning = value === scale?.min ? scale.minLabel : value === scale?.max ? scale.maxLabel : undefined;
  return meaning ? `${value} (${meaning})` : String(value);
}

/** What was chosen, in words: the options' texts, or the scale value. */
export function choiceText(
  question: Question,
  choices: number[] | null | undefined,
  value: number | null | undefined,
): string {
  if (question.kind === "scale")
    return value === null || value === undefined ? "" : scaleValueLabel(question, value);
  return (choices ?? []).map((i) => question.options[i] ?? "").join(", ");
}

/**
 * A choice or scale question's answer: radio buttons for one choice and for a scale, check
 * boxes for several, in a fieldset named by the question. `name` keeps one question's radio
 * group apart from another's (and the group's answer apart from a member's own).
 */
export function ChoiceInput(props: {
  question: Question;
  name: string;
  value: Choice | undefined;
  disabled: boolean;
  onChange: (choice: Choice) => void;
}) {
  const q = () => props.question;
  const chosen = () => props.value?.choices ?? [];
  const pick = (index: number, on: boolean) => {
    const choices =
      q().kind === "multiple"
        ? on
          ? [...chosen().filter((c) => c !== index), index].sort((a, b) => a - b)
          : chosen().filter((c) => c !== index)
        : [index];
    props.onChange({ questionId: q().id, choices });
  };
  return (
    <Show when={q().kind !== "open"}>
      <fieldset class="choice-fieldset" disabled={props.disabled} data-testid="choice-input">
        <legend>
          {q().kind === "multiple"
            ? t("consultations.workspace.pickSeveral")
            : t("consultations.workspace.pickOne")}
          <span class="visually-hidden">: {q().prompt}</span>
        </legend>
        <Show
          when={q().kind === "scale"}
          fallback={
            <For each={q().options}>
              {(option, i) => (
                <label class="consultation-choice">
                  <input
                    type={q().kind === "multiple" ? "checkbox" : "radio"}
                    name={props.name}
                    checked={chosen().includes(i())}
                    onChange={(e) => pick(i(), e.currentTarget.checked)}
                  />
                  {option}
                </label>
              )}
            </For>
          }
        >
          <div class="scale-options">
            <For each={scaleValues(q())}>
              {(value) => (
                <label class="consultation-choice">
                  <input
                    type="radio"
                    name={props.name}
                    checked={props.value?.value === value}
                    onChange={() => props.onChange({ questionId: q().id, value })}
                  />
                  {scaleValueLabel(q(), value)}
                </label>
              )}
            </For>
          </div>
        </Show>
      </fieldset>
    </Show>
  );
}
