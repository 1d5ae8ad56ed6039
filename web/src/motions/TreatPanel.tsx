import { createResource, createSignal, For, Index, Show } from "solid-js";
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

function StatementForm(props: {
  motion: MotionView;
  proposals: FrozenProposal[];
  onChange: (motion: MotionView) => void;
}) {
  const earlier = props.motion.statement;
  const [text, setText] = createSignal(earlier?.text ?? "");
  const [verdicts, setVerdicts] = createSignal<Verdict[]>(
    props.proposals.map((_, i) => earlier?.proposals[i] ?? { verdict: "approve" }),
  );
  const [missing, setMissing] = createSignal(false);
  const save = createMotionAction(props.onChange);
  return (
    <form
      class="motion-step"
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!text().trim());
        if (!text().trim()) return;
        save.run(() =>
          call(
            client.api.motions[":id"].statement.$post({
              param: { id: String(props.motion.id) },
              json: { text: text().trim(), proposals: toRequest(verdicts(), props.proposals) },
            }),
          ),
        );
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
        onChange={(i, v) => setVerdicts((all) => all.map((old, j) => (j === i ? v : old)))}
      />
      <SubmitButton busy={save.busy()} busyLabel={t("motions.saving")} testId="save-statement">
        {earlier ? t("motions.statement.rewrite") : t("motions.statement.save")}
      </SubmitButton>
      <ErrorAlert code={save.failure()} />
    </form>
  );
}

function DecisionForm(props: {
  motion: MotionView;
  proposals: FrozenProposal[];
  onChange: (motion: MotionView) => void;
}) {
  // The meeting usually follows the board: its proposals are the starting point.
  const [verdicts, setVerdicts] = createSignal<Verdict[]>(
    props.proposals.map((_, i) => props.motion.statement?.proposals[i] ?? { verdict: "approve" }),
  );
  const save = createMotionAction(props.onChange);
  return (
    <form
      class="motion-step"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(() =>
          call(
            client.api.motions[":id"].decision.$post({
              param: { id: String(props.motion.id) },
              json: { decisions: toRequest(verdicts(), props.proposals) },
            }),
          ),
        );
      }}
    >
      <h3>{t("motions.decision.title")}</h3>
      <p class="hint">{t("motions.decision.lead")}</p>
      <VerdictFields
        name="decision"
        proposals={props.proposals}
        verdicts={verdicts()}
        onChange={(i, v) => setVerdicts((all) => all.map((old, j) => (j === i ? v : old)))}
      />
      <SubmitButton busy={save.busy()} busyLabel={t("motions.saving")} testId="save-decision">
        {t("motions.decision.save")}
      </SubmitButton>
      <ErrorAlert code={save.failure()} />
    </form>
  );
}

function ConclusionForm(props: { motion: MotionView; onChange: (motion: MotionView) => void }) {
  const [outcome, setOutcome] = createSignal<MotionOutcome>("adopt");
  const save = createMotionAction(props.onChange);
  return (
    <form
      class="motion-step"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(() =>
          call(
            client.api.motions[":id"].conclusion.$post({
              param: { id: String(props.motion.id) },
              json: { outcome: outcome() },
            }),
          ),
        );
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
      <SubmitButton busy={save.busy()} busyLabel={t("motions.saving")} testId="save-conclusion">
        {t("motions.conclusion.save")}
      </SubmitButton>
      <ErrorAlert code={save.failure()} testId="conclusion-error" />
    </form>
  );
}
