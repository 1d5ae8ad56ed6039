import { createResource, createSignal, For, Index, type JSX, Show } from "solid-js";
import {
  type FrozenProposal,
  type MotionOutcome,
  type MotionView,
  motionOutcomes,
  type ProposalVerdict,
  proposalVerdicts,
} from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { createMotionAction } from "./action";
import { outcomeLabel, verdictLabel } from "./labels";
import { fetchVersion } from "./MotionReading";

type Verdict = { verdict: ProposalVerdict; amendedText?: string };

/**
 * The board's part, per att-sats: its statement with a proposal on each, then the meeting's
 * decision on each, then what the group does with the motion (which forwards it).
 */
export function TreatPanel(props: {
  motion: MotionView;
  version: number;
  onChange: (motion: MotionView) => void;
}) {
  const [version] = createResource(() => fetchVersion(props.motion.id, props.version));
  const state = () => props.motion.state;
  return (
    <section class="motion-actions" aria-labelledby="treat-title" data-testid="treat-panel">
      <h2 id="treat-title">{t("motions.treat.title")}</h2>
      <Show when={version()}>
        {(v) => (
          <>
            <Show when={state() === "submitted" || state() === "answered"}>
              <StatementForm motion={props.motion} proposals={v().proposals} onChange={props.onChange} />
            </Show>
            <Show when={state() === "answered"}>
              <DecisionForm motion={props.motion} proposals={v().proposals} onChange={props.onChange} />
            </Show>
          </>
        )}
      </Show>
      <Show when={state() === "decided"}>
        <ConclusionForm motion={props.motion} onChange={props.onChange} />
      </Show>
    </section>
  );
}

/** One verdict per att-sats: a radio group each, with the new wording when "approve as amended". */
function VerdictFields(props: {
  name: string;
  proposals: FrozenProposal[];
  verdicts: Verdict[];
  onChange: (index: number, verdict: Verdict) => void;
}) {
  return (
    <Index each={props.proposals}>
      {(proposal, i) => (
        <fieldset class="verdict-fieldset" data-testid={`${props.name}-proposal`}>
          <legend>
            {t("motions.verdicts.for", { n: i + 1 })} {t("motions.att")} {proposal().text}
          </legend>
          <div class="verdict-options">
            <For each={proposalVerdicts}>
              {(verdict) => (
                <label class="choice">
                  <input
                    type="radio"
                    name={`${props.name}-${i}`}
                    value={verdict}
                    checked={props.verdicts[i]?.verdict === verdict}
                    onChange={() => props.onChange(i, { ...props.verdicts[i], verdict })}
                  />{" "}
                  {verdictLabel(verdict)}
                </label>
              )}
            </For>
          </div>
          <Show when={props.verdicts[i]?.verdict === "amended"}>
            <Field id={`${props.name}-${i}-amended`} label={t("motions.verdicts.amendedText")} required>
              {(control) => (
                <textarea
                  {...control}
                  rows="2"
                  value={props.verdicts[i]?.amendedText ?? proposal().text}
                  onInput={(e) =>
                    props.onChange(i, { verdict: "amended", amendedText: e.currentTarget.value })
                  }
                />
              )}
            </Field>
          </Show>
        </fieldset>
      )}
    </Index>
  );
}

/** The verdicts as the API takes them: new wording only with "amended", and never empty there. */
function toRequest(verdicts: Verdict[], proposals: FrozenProposal[]) {
  return verdicts.map((v, i) =>
    v.verdict === "amended"
      ? { verdict: v.verdict, amendedText: (v.amendedText ?? proposals[i]?.text ?? "").trim() }
      : { verdict: v.verdict },
  );
}

/**
 * One of the board's forms: its fields, and on submit the request `send` makes (none when
 * the fields are not complete), with the motion as answered handed on or the refusal shown.
 */
function StepForm(props: {
  onChange: (motion: MotionView) => void;
  send: () => (() => Promise<MotionView>) | undefined;
  saveLabel: string;
  testId: string;
  children: JSX.Element;
}) {
  const save = createMotionAction(props.onChange);
  return (
    <form
      class="motion-step"
      onSubmit={(e) => {
        e.preventDefault();
        const request = props.send();
        if (request) save.run(request);
      }}
    >
      {props.children}
      <SubmitButton busy={save.busy()} busyLabel={t("motions.saving")} testId={props.testId}>
        {props.saveLabel}
      </SubmitButton>
      <ErrorAlert code={save.failure()} testId={`${props.testId}-error`} />
    </form>
  );
}

type FormProps = { motion: MotionView; proposals: FrozenProposal[]; onChange: (motion: MotionView) => void };

/** The verdicts being edited, one per att-sats, starting from `initial` (else approve). */
function createVerdicts(proposals: FrozenProposal[], initial: Verdict[] | undefined) {
  const [verdicts, setVerdicts] = createSignal<Verdict[]>(
    proposals.map((_, i) => initial?.[i] ?? { verdict: "approve" }),
  );
  const set = (i: number, v: Verdict) => setVerdicts((all) => all.map((old, j) => (j === i ? v : old)));
  return [verdicts, set] as const;
}

function StatementForm(props: FormProps) {
  const earlier = props.motion.statement;
  const [text, setText] = createSignal(earlier?.text ?? "");
  const [verdicts, setVerdict] = createVerdicts(props.proposals, earlier?.proposals);
  const [missing, setMissing] = createSignal(false);
  return (
    <StepForm
      onChange={props.onChange}
      testId="save-statement"
      saveLabel={earlier ? t("motions.statement.rewrite") : t("motions.statement.save")}
      send={() => {
        setMissing(!text().trim());
        if (!text().trim()) return undefined;
        const json = { text: text().trim(), proposals: toRequest(verdicts(), props.proposals) };
        return () =>
          call(client.api.motions[":id"].statement.$post({ param: { id: String(props.motion.id) }, json }));
      }}
    >
      <h3>{t("motions.statement.title")}</h3>
      <Field
        id="statement-text"
        label={t("motions.statement.label")}
        hint={t("motions.statement.hint")}
        error={missing() ? t("motions.statement.missing") : undefined}
        required
      >
        {(control) => (
          <textarea {...control} rows="4" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        )}
      </Field>
      <VerdictFields
        name="statement"
        proposals={props.proposals}
        verdicts={verdicts()}
        onChange={setVerdict}
      />
    </StepForm>
  );
}

function DecisionForm(props: FormProps) {
  // The meeting usually follows the board: its proposals are the starting point.
  const [verdicts, setVerdict] = createVerdicts(props.proposals, props.motion.statement?.proposals);
  return (
    <StepForm
      onChange={props.onChange}
      testId="save-decision"
      saveLabel={t("motions.decision.save")}
      send={() => {
        const json = { decisions: toRequest(verdicts(), props.proposals) };
        return () =>
          call(client.api.motions[":id"].decision.$post({ param: { id: String(props.motion.id) }, json }));
      }}
    >
      <h3>{t("motions.decision.title")}</h3>
      <p class="hint">{t("motions.decision.lead")}</p>
      <VerdictFields
        name="decision"
        proposals={props.proposals}
        verdicts={verdicts()}
        onChange={setVerdict}
      />
    </StepForm>
  );
}

function ConclusionForm(props: { motion: MotionView; onChange: (motion: MotionView) => void }) {
  const [outcome, setOutcome] = createSignal<MotionOutcome>("adopt");
  return (
    <StepForm
      onChange={props.onChange}
      testId="save-conclusion"
      saveLabel={t("motions.conclusion.save")}
      send={() => {
        const json = { outcome: outcome() };
        return () =>
          call(client.api.motions[":id"].conclusion.$post({ param: { id: String(props.motion.id) }, json }));
      }}
    >
      <fieldset class="verdict-fieldset">
        <legend>{t("motions.conclusion.title")}</legend>
        <p class="hint">{t("motions.conclusion.lead")}</p>
        <For each={motionOutcomes}>
          {(value) => (
            <label class="choice">
              <input
                type="radio"
                name="conclusion"
                value={value}
                checked={outcome() === value}
                onChange={() => setOutcome(value)}
              />{" "}
              {outcomeLabel(value)}
            </label>
          )}
        </For>
      </fieldset>
    </StepForm>
  );
}
