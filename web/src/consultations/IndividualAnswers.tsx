import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Choice, IndividualInput, Workspace } from "../../../worker/shared/consultations";
import { consultationLimits } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import "./messages.sv";
import { createRequest } from "../motions/action";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { AnswerItems } from "./AnswerItems";
import { ChoiceInput } from "./ChoiceInput";
import { formatSwedishTime } from "./time";

/**
 * A member's own answer, where the consultation asks for one (written alone, saved as she
 * goes), and her group's other members' answers where the consultation shows them.
 */
export function IndividualAnswers(props: {
  workspace: Workspace;
  param: { id: string; group: string };
  onChange: (w: Workspace) => void;
}) {
  const questions = () => props.workspace.consultation.questions;
  const mine = props.workspace.mine;
  const [texts, setTexts] = createStore<Record<number, string>>(
    Object.fromEntries((mine?.items ?? []).map((i) => [i.questionId, i.text])),
  );
  const [choices, setChoices] = createSignal<Choice[]>(
    (mine?.items ?? []).map((i) => ({
      questionId: i.questionId,
      ...(i.choices ? { choices: i.choices } : {}),
      ...(i.value !== null ? { value: i.value } : {}),
    })),
  );
  const [saved, setSaved] = createSignal(false);
  const save = createRequest();
  const open = () => props.workspace.consultation.phase === "open";

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    const items: IndividualInput["items"] = questions().map((q) => {
      const choice = choices().find((c) => c.questionId === q.id);
      const text = texts[q.id]?.trim();
      return { questionId: q.id, ...(text ? { text } : {}), ...choice };
    });
    void save.run(async () => {
      props.onChange(
        await call(
          client.api.consultations[":id"].groups[":group"].individual.$put({
            param: props.param,
            json: { items },
          }),
        ),
      );
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="individual-title" data-testid="individual-answers">
      <h2 id="individual-title">{t("consultations.individual.title")}</h2>
      <Show when={props.workspace.can.includes("consultation.individual")}>
        <p class="hint">{t("consultations.individual.lead")}</p>
        <form onSubmit={submit} class="individual-form">
          <For each={questions()}>
            {(question, i) => (
              <div class="answer-question">
                <p class="question-prompt">
                  {t("consultations.form.question", { n: i() + 1 })}: {question.prompt}
                </p>
                <ChoiceInput
                  question={question}
                  name={`mine-${question.id}`}
                  value={choices().find((c) => c.questionId === question.id)}
                  disabled={!open()}
                  onChange={(choice) =>
                    setChoices([...choices().filter((c) => c.questionId !== question.id), choice])
                  }
                />
                <Show when={question.comment}>
                  <Field
                    id={`mine-text-${question.id}`}
                    label={t("consultations.individual.text", { n: i() + 1 })}
                  >
                    {(control) => (
                      <textarea
                        {...control}
                        rows={3}
                        disabled={!open()}
                        maxLength={consultationLimits.individualText}
                        value={texts[question.id] ?? ""}
                        onInput={(e) => setTexts(question.id, e.currentTarget.value)}
                      />
                    )}
                  </Field>
                </Show>
              </div>
            )}
          </For>
          <Show when={open()}>
            <SubmitButton busy={save.busy()} busyLabel={t("consultations.saving")} testId="save-individual">
              {t("consultations.individual.save")}
            </SubmitButton>
          </Show>
          <p class="form-result success" role="status">
            {saved() ? t("consultations.individual.saved", { time: formatSwedishTime(Date.now()) }) : ""}
          </p>
          <ErrorAlert code={save.failure()} />
        </form>
      </Show>
      <Show when={props.workspace.others.length > 0}>
        <h3>{t("consultations.individual.others")}</h3>
        <ul class="plain-list spaced-list" data-testid="others-answers">
          <For each={props.workspace.others}>
            {(other) => (
              <li class="item-card">
                <p class="meta">{other.person.name ?? t("audit.formerMember")}</p>
                <AnswerItems questions={questions()} items={other.items} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
