import { createResource, createSignal, For, Index, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import {
  type AskableKind,
  askableKinds,
  type ConsultationInput,
  type ConsultationView,
  consultationLimits,
  type QuestionInput,
  type QuestionKind,
  questionKinds,
} from "../../../worker/shared/consultations";
import type { GroupKind } from "../../../worker/shared/org";
import { call, client, errorCode } from "../api/client";
import { t } from "../i18n";
import { createRequest } from "../motions/action";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { askableLabel, questionKindLabel } from "./labels";
import { fromSwedishInput, toSwedishInput } from "./time";

/** One question while it is written: options one per line, the scale as text until it is sent. */
interface QuestionDraft {
  kind: QuestionKind;
  prompt: string;
  options: string;
  scaleMin: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
  comment: boolean;
}

const blankQuestion = (): QuestionDraft => ({
  kind: "open",
  prompt: "",
  options: "",
  scaleMin: "1",
  scaleMax: "5",
  minLabel: "",
  maxLabel: "",
  comment: true,
});

function draftOf(q: ConsultationView["questions"][number]): QuestionDraft {
  return {
    kind: q.kind,
    prompt: q.prompt,
    options: q.options.join("\n"),
    scaleMin: String(q.scale?.min ?? 1),
    scaleMax: String(q.scale?.max ?? 5),
    minLabel: q.scale?.minLabel ?? "",
    maxLabel: q.scale?.maxLabel ?? "",
    comment: q.comment,
  };
}

/** A draft as the API takes it: only the fields its kind has. */
export function questionInput(q: QuestionDraft): QuestionInput {
  const base = { kind: q.kind, prompt: q.prompt.trim() };
  if (q.kind === "open") return base;
  if (q.kind === "scale") {
    const scale = { min: Number(q.scaleMin), max: Number(q.scaleMax) };
    return {
      ...base,
      comment: q.comment,
      scale: {
        ...scale,
        ...(q.minLabel.trim() ? { minLabel: q.minLabel.trim() } : {}),
        ...(q.maxLabel.trim() ? { maxLabel: q.maxLabel.trim() } : {}),
      },
    };
  }
  const options = q.options
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);
  return { ...base, comment: q.comment, options };
}

const day = 24 * 60 * 60 * 1000;

const kindId = (kind: AskableKind) => `consultation-kind-${kind}`;

/**
 * A consultation as its asking level writes it: title, introduction, questions of each kind,
 * who is asked and when. Creates a draft, or rewrites one (`existing`); the dates are Swedish
 * time. A district asks its own branches and associations, so it picks no districts.
 */
export function ConsultationForm(props: {
  askerKind: GroupKind;
  existing?: ConsultationView;
  save: (input: ConsultationInput) => Promise<void>;
}) {
  const existing = props.existing;
  const [title, setTitle] = createSignal(existing?.title ?? "");
  const [introduction, setIntroduction] = createSignal(existing?.introduction ?? "");
  const [questions, setQuestions] = createStore<QuestionDraft[]>(
    existing?.questions.map(draftOf) ?? [blankQuestion()],
  );
  const [kinds, setKinds] = createSignal<AskableKind[]>(existing?.audience.kinds ?? ["branch"]);
  const [districts, setDistricts] = createSignal<string[]>(existing?.audience.districts ?? []);
  const [individuals, setIndividuals] = createSignal(existing?.audience.individuals ?? false);
  const [visible, setVisible] = createSignal(existing?.audience.individualsVisibleToGroup ?? false);
  const now = Date.now();
  const [opens, setOpens] = createSignal(toSwedishInput(existing?.opensAt ?? now));
  const [closes, setCloses] = createSignal(toSwedishInput(existing?.closesAt ?? now + 14 * day));
  const [problem, setProblem] = createSignal<string>();
  const national = props.askerKind === "national";
  const [districtList] = createResource(
    () => national,
    // Without the list she can still ask the whole country; the picker says it is missing.
    async () => (await call(client.api.org.$get())).districts.map((d) => ({ slug: d.slug, name: d.name })),
  );
  const save = createRequest();

  const offered = national ? askableKinds : askableKinds.filter((k) => k !== "side");
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const opensAt = fromSwedishInput(opens());
    const closesAt = fromSwedishInput(closes());
    const input: ConsultationInput = {
      title: title().trim(),
      introduction: introduction().trim(),
      questions: questions.map(questionInput),
      audience: {
        kinds: kinds(),
        districts: national ? districts() : [],
        individuals: individuals(),
        individualsVisibleToGroup: individuals() && visible(),
      },
      opensAt: opensAt ?? 0,
      closesAt: closesAt ?? 0,
    };
    // The problem, and the control that has it: she is taken there, not left at the button.
    const promptless = input.questions.findIndex((q) => !q.prompt);
    const optionless = input.questions.findIndex((q) => q.options && q.options.length < 2);
    const [missing, control] = !input.title
      ? [t("consultations.form.missingTitle"), "consultation-title"]
      : promptless >= 0
        ? [t("consultations.form.missingPrompt"), `question-${promptless}-prompt`]
        : optionless >= 0
          ? [t("consultations.form.missingOptions"), `question-${optionless}-options`]
          : input.audience.kinds.length === 0
            ? [t("consultations.form.missingKinds"), kindId(offered[0] ?? "branch")]
            : opensAt === null || closesAt === null || closesAt <= opensAt
              ? [
                  t("consultations.form.badDates"),
                  opensAt === null ? "consultation-opens" : "consultation-closes",
                ]
              : [undefined, undefined];
    setProblem(missing);
    if (control) document.getElementById(control)?.focus();
    if (!missing) void save.run(() => props.save(input));
  };

  return (
    <form class="consultation-form" onSubmit={submit} noValidate>
      <Field id="consultation-title" label={t("consultations.form.title")} required>
        {(control) => (
          <input
            {...control}
            maxLength={consultationLimits.title}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="consultation-introduction"
        label={t("consultations.form.introduction")}
        hint={t("consultations.form.introductionHint")}
      >
        {(control) => (
          <textarea
            {...control}
            rows={6}
            maxLength={consultationLimits.introduction}
            value={introduction()}
            onInput={(e) => setIntroduction(e.currentTarget.value)}
          />
        )}
      </Field>

      <h3>{t("consultations.questions.title")}</h3>
      <ol class="plain-list question-editors">
        <Index each={questions}>
          {(question, i) => {
            const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) =>
              setQuestions(i, key, value);
            const id = (part: string) => `question-${i}-${part}`;
            return (
              <li>
                <fieldset class="question-editor" data-testid="question-editor">
                  <legend>{t("consultations.form.question", { n: i + 1 })}</legend>
                  <Field id={id("kind")} label={t("consultations.form.kind")}>
                    {(control) => (
                      <select
                        {...control}
                        value={question().kind}
                        onChange={(e) => set("kind", e.currentTarget.value as QuestionKind)}
                      >
                        <For each={questionKinds}>
                          {(kind) => <option value={kind}>{questionKindLabel(kind)}</option>}
                        </For>
                      </select>
                    )}
                  </Field>
                  <Field id={id("prompt")} label={t("consultations.form.prompt")} required>
                    {(control) => (
                      <textarea
                        {...control}
                        rows={2}
                        maxLength={consultationLimits.prompt}
                        value={question().prompt}
                        onInput={(e) => set("prompt", e.currentTarget.value)}
                      />
                    )}
                  </Field>
                  <Show when={question().kind === "single" || question().kind === "multiple"}>
                    <Field
                      id={id("options")}
                      label={t("consultations.form.options")}
                      hint={t("consultations.form.optionsHint")}
                      required
                    >
                      {(control) => (
                        <textarea
                          {...control}
                          rows={4}
                          value={question().options}
                          onInput={(e) => set("options", e.currentTarget.value)}
                        />
                      )}
                    </Field>
                  </Show>
                  <Show when={question().kind === "scale"}>
                    <div class="scale-fields">
                      <Field id={id("min")} label={t("consultations.form.scaleMin")}>
                        {(control) => (
                          <select
                            {...control}
                            value={question().scaleMin}
                            onChange={(e) => set("scaleMin", e.currentTarget.value)}
                          >
                            <option value="0">0</option>
                            <option value="1">1</option>
                          </select>
                        )}
                      </Field>
                      <Field id={id("max")} label={t("consultations.form.scaleMax")}>
                        {(control) => (
                          <input
                            {...control}
                            type="number"
                            min={2}
                            max={consultationLimits.scaleMax}
                            value={question().scaleMax}
                            onInput={(e) => set("scaleMax", e.currentTarget.value)}
                          />
                        )}
                      </Field>
                      <Field id={id("min-label")} label={t("consultations.form.minLabel")}>
                        {(control) => (
                          <input
                            {...control}
                            value={question().minLabel}
                            onInput={(e) => set("minLabel", e.currentTarget.value)}
                          />
                        )}
                      </Field>
                      <Field id={id("max-label")} label={t("consultations.form.maxLabel")}>
                        {(control) => (
                          <input
                            {...control}
                            value={question().maxLabel}
                            onInput={(e) => set("maxLabel", e.currentTarget.value)}
                          />
                        )}
                      </Field>
                    </div>
                  </Show>
                  <Show when={question().kind !== "open"}>
                    <label class="consultation-choice">
                      <input
                        type="checkbox"
                        checked={question().comment}
                        onChange={(e) => set("comment", e.currentTarget.checked)}
                      />
                      {t("consultations.form.comment")}
                    </label>
                  </Show>
                  <Show when={questions.length > 1}>
                    <p>
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        onClick={() => setQuestions(produce((list) => list.splice(i, 1)))}
                      >
                        {t("consultations.form.removeQuestion", { n: i + 1 })}
                      </button>
                    </p>
                  </Show>
                </fieldset>
              </li>
            );
          }}
        </Index>
      </ol>
      <Show when={questions.length < consultationLimits.questions}>
        <p>
          <button
            type="button"
            class="button button-secondary"
            data-testid="add-question"
            onClick={() => setQuestions(questions.length, blankQuestion())}
          >
            {t("consultations.form.addQuestion")}
          </button>
        </p>
      </Show>

      <fieldset class="choice-fieldset">
        <legend>{t("consultations.form.audience")}</legend>
        <For each={offered}>
          {(kind) => (
            <label class="consultation-choice">
              <input
                id={kindId(kind)}
                type="checkbox"
                checked={kinds().includes(kind)}
                onChange={(e) => setKinds(toggle(kinds(), kind, e.currentTarget.checked))}
              />
              {askableLabel(kind)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={national}>
        <fieldset class="choice-fieldset district-picker">
          <legend>{t("consultations.form.districts")}</legend>
          <p class="hint">{t("consultations.form.districtsHint")}</p>
          <div class="district-options">
            <For each={districtList.state === "ready" ? districtList() : []}>
              {(district) => (
                <label class="consultation-choice">
                  <input
                    type="checkbox"
                    checked={districts().includes(district.slug)}
                    onChange={(e) =>
                      setDistricts(toggle(districts(), district.slug, e.currentTarget.checked))
                    }
                  />
                  {district.name}
                </label>
              )}
            </For>
          </div>
          <ErrorAlert code={districtList.error ? errorCode(districtList.error) : undefined} />
        </fieldset>
      </Show>
      <fieldset class="choice-fieldset">
        <legend>{t("consultations.form.individualsTitle")}</legend>
        <label class="consultation-choice">
          <input
            type="checkbox"
            checked={individuals()}
            onChange={(e) => setIndividuals(e.currentTarget.checked)}
          />
          {t("consultations.form.individuals")}
        </label>
        <Show when={individuals()}>
          <label class="consultation-choice">
            <input
              type="checkbox"
              checked={visible()}
              onChange={(e) => setVisible(e.currentTarget.checked)}
            />
            {t("consultations.form.individualsVisible")}
          </label>
        </Show>
      </fieldset>
      <div class="date-fields">
        <Field
          id="consultation-opens"
          label={t("consultations.form.opens")}
          hint={t("consultations.form.swedishTime")}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={opens()}
              onInput={(e) => setOpens(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="consultation-closes"
          label={t("consultations.form.closes")}
          hint={t("consultations.form.swedishTime")}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={closes()}
              onInput={(e) => setCloses(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Show when={problem()}>
        <p class="field-error" role="alert">
          {problem()}
        </p>
      </Show>
      <SubmitButton busy={save.busy()} busyLabel={t("consultations.saving")} testId="save-consultation">
        {existing ? t("consultations.form.update") : t("consultations.form.create")}
      </SubmitButton>
      <ErrorAlert code={save.failure()} />
    </form>
  );
}
