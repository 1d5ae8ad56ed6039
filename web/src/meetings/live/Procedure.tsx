import { createEffect, createResource, createSignal, For, Index, on, Show } from "solid-js";
import {
  type DecisionStepView,
  type ItemProcedureView,
  type ProposalKind,
  type ProposalView,
  proposalKinds,
  proposalKindsWithText,
  proposalTextMaxLength,
  type TieDraw,
} from "../../../../worker/shared/meetings";
import { type MessageKey, t } from "../../i18n";
import "../messages.sv";
import { Field, SubmitButton } from "../../ui/Form";
import type { MeetingLive } from "./createMeetingLive";
import { loadMotionProposals } from "./MotionVerdicts";

const kindKeys = {
  approve: "meetings.proposals.kind.approve",
  reject: "meetings.proposals.kind.reject",
  amend: "meetings.proposals.kind.amend",
  add: "meetings.proposals.kind.add",
  table: "meetings.proposals.kind.table",
  refer: "meetings.proposals.kind.refer",
} as const satisfies Record<ProposalKind, MessageKey>;

/** "Yrkande 3: Ändringsyrkande, att-sats 2": by number and kind, as the room names it in votes. */
export function proposalLabel(p: ProposalView): string {
  const label = t("meetings.proposals.label", { id: p.id, kind: t(kindKeys[p.kind]) });
  return p.attSats === null
    ? label
    : `${label}, ${t("meetings.proposals.attSatsShort", { n: p.attSats + 1 })}`;
}

/** How a tie was settled, as a sentence (shown on the step and on the decision). */
export function drawText(draw: TieDraw): string {
  const key = draw.method === "lots" ? "meetings.order.draw.lots" : "meetings.order.draw.casting";
  return t(key, { among: draw.among.join(", "), picked: draw.picked });
}

/**
 * The formal procedure on the current item of a members-only meeting: the proposals
 * (yrkanden) members enter and withdraw, the order of decisions (propositionsordning) the
 * chair proposes and the meeting approves, and each step in turn: the chair's gavel, any
 * voter's demand for a count until then (the vote panel then takes the ballots), and a tie
 * settled by the chair's casting vote or the room's drawn lot. The room decides every command.
 */
export function Procedure(props: { live: MeetingLive; itemId: number }) {
  const meeting = () => props.live.state().meeting;
  const you = () => props.live.state().you;
  const procedure = (): ItemProcedureView => {
    const p = meeting()?.procedure;
    return p && p.itemId === props.itemId ? p : { itemId: props.itemId, proposals: [], order: null };
  };
  const member = () => !!you() && !you()?.guest;
  const open = () => meeting()?.state === "open";
  const locked = () => meeting()?.speakers?.state === "closed" || procedure().order?.approved === true;
  const [said, setSaid] = createSignal("");
  createEffect(
    on(
      () => procedure().proposals.at(-1)?.id,
      (id, previous) => {
        const last = procedure().proposals.at(-1);
        if (last && id !== undefined && (previous === undefined || id > previous))
          setSaid(t("meetings.proposals.added", { label: proposalLabel(last) }));
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => procedure().order?.approved === true,
      (approved) => {
        if (approved) setSaid(t("meetings.order.nowApproved"));
      },
      { defer: true },
    ),
  );

  return (
    <section class="live-panel" aria-labelledby="proposals-title" data-testid="procedure">
      <h3 id="proposals-title">{t("meetings.proposals.title")}</h3>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said()}
      </p>
      <Show when={locked()}>
        <p class="meta" data-testid="proposals-locked">
          {t("meetings.proposals.locked")}
        </p>
      </Show>
      <Show
        when={procedure().proposals.length > 0}
        fallback={<p class="empty">{t("meetings.proposals.none")}</p>}
      >
        <ul class="plain-list spaced-list">
          <For each={procedure().proposals}>
            {(p) => (
              <li data-testid="proposal">
                <strong>{proposalLabel(p)}</strong>{" "}
                <span class="meta">{t("meetings.proposals.by", { name: p.name })}</span>
                <Show when={p.text}>{(text) => <p>{text()}</p>}</Show>
                <Show when={p.participantId === you()?.participantId && !locked() && open()}>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t("meetings.proposals.withdrawLabel", { id: p.id })}
                    onClick={() => props.live.send({ type: "proposal.withdraw", proposalId: p.id })}
                  >
                    {t("meetings.proposals.withdraw")}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={member() && !locked() && open()}>
        <NewProposal live={props.live} itemId={props.itemId} />
      </Show>
      <Order live={props.live} procedure={procedure()} />
    </section>
  );
}

/** A member's proposal: its kind, the att-sats of the item's motion it concerns, its wording. */
function NewProposal(props: { live: MeetingLive; itemId: number }) {
  const motionId = () =>
    props.live.state().meeting?.agenda.find((i) => i.id === props.itemId)?.motionId ?? null;
  const [motion] = createResource(motionId, (id) => loadMotionProposals(id));
  const [kind, setKind] = createSignal<ProposalKind>("approve");
  const [attSats, setAttSats] = createSignal("");
  const [text, setText] = createSignal("");
  const needsText = () => proposalKindsWithText.includes(kind());
  return (
    <form
      class="proposal-form"
      data-testid="new-proposal"
      onSubmit={(e) => {
        e.preventDefault();
        if (needsText() && !text().trim()) return;
        props.live.send({
          type: "proposal.add",
          kind: kind(),
          ...(text().trim() ? { text: text().trim() } : {}),
          ...(attSats() !== "" ? { attSats: Number(attSats()) } : {}),
        });
        setText("");
      }}
    >
      <h4>{t("meetings.proposals.new")}</h4>
      <Field id="proposal-kind" label={t("meetings.proposals.kindLabel")}>
        {(control) => (
          <select
            {...control}
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as ProposalKind)}
          >
            <For each={proposalKinds}>{(k) => <option value={k}>{t(kindKeys[k])}</option>}</For>
          </select>
        )}
      </Field>
      <Show when={(motion()?.proposals.length ?? 0) > 0}>
        <Field id="proposal-att-sats" label={t("meetings.proposals.attSats")}>
          {(control) => (
            <select {...control} value={attSats()} onChange={(e) => setAttSats(e.currentTarget.value)}>
              <option value="">{t("meetings.proposals.wholeItem")}</option>
              <Index each={motion()?.proposals ?? []}>
                {(clause, i) => (
                  <option value={i}>{t("meetings.decisions.attSats", { n: i + 1, text: clause() })}</option>
                )}
              </Index>
            </select>
          )}
        </Field>
      </Show>
      <Field id="proposal-text" label={t("meetings.proposals.text")} hint={t("meetings.proposals.textHint")}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={proposalTextMaxLength}
            required={needsText()}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        )}
      </Field>
      <SubmitButton testId="add-proposal">{t("meetings.proposals.add")}</SubmitButton>
    </form>
  );
}

/** The order of decisions: the chair's draft until she proposes it, then its steps as the room holds them. */
function Order(props: { live: MeetingLive; procedure: ItemProcedureView }) {
  const chair = () => props.live.holds("chair") && props.live.state().meeting?.state === "open";
  const order = () => props.procedure.order;
  const currentStep = () => (order()?.approved ? (order()?.steps.findIndex((s) => !s.outcome) ?? -1) : -1);
  return (
    <section class="order" aria-labelledby="order-title" data-testid="order">
      <h4 id="order-title">{t("meetings.order.title")}</h4>
      <Show when={order()} fallback={<p class="empty">{t("meetings.order.none")}</p>}>
        {(o) => (
          <>
            <p class="meta" data-testid="order-status">
              {t(o().approved ? "meetings.order.approved" : "meetings.order.proposed")}
            </p>
            <ol class="plain-list spaced-list">
              <For each={o().steps}>
                {(step, index) => (
                  <Step
                    live={props.live}
                    procedure={props.procedure}
                    step={step}
                    index={index()}
                    current={index() === currentStep()}
                  />
                )}
              </For>
            </ol>
            <Show when={chair() && !o().approved}>
              <button
                type="button"
                class="button"
                onClick={() => props.live.send({ type: "order.approve" })}
                data-testid="approve-order"
              >
                {t("meetings.order.approve")}
              </button>
            </Show>
          </>
        )}
      </Show>
      <Show when={chair() && !order()?.approved && props.procedure.proposals.length > 0}>
        <OrderDraft live={props.live} proposals={props.procedure.proposals} />
      </Show>
    </section>
  );
}

/** The chair puts proposals against each other, step by step, an election flagged as such. */
function OrderDraft(props: { live: MeetingLive; proposals: ProposalView[] }) {
  const [steps, setSteps] = createSignal<{ proposalIds: number[]; election: boolean }[]>([
    { proposalIds: [], election: false },
  ]);
  const change = (index: number, patch: Partial<{ proposalIds: number[]; election: boolean }>) =>
    setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <form
      class="chair-controls"
      data-testid="order-draft"
      onSubmit={(e) => {
        e.preventDefault();
        const chosen = steps().filter((s) => s.proposalIds.length > 0);
        if (chosen.length === 0) return;
        props.live.send({ type: "order.propose", steps: chosen });
      }}
    >
      <h4>{t("meetings.order.draft")}</h4>
      <Index each={steps()}>
        {(step, index) => (
          <fieldset class="verdict-fieldset" data-testid="order-draft-step">
            <legend>{t("meetings.order.stepProposals", { n: index + 1 })}</legend>
            <For each={props.proposals}>
              {(p) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={step().proposalIds.includes(p.id)}
                    onChange={(e) =>
                      change(index, {
                        proposalIds: e.currentTarget.checked
                          ? [...step().proposalIds, p.id]
                          : step().proposalIds.filter((id) => id !== p.id),
                      })
                    }
                  />{" "}
                  {proposalLabel(p)}
                </label>
              )}
            </For>
            <label class="choice">
              <input
                type="checkbox"
                checked={step().election}
                onChange={(e) => change(index, { election: e.currentTarget.checked })}
              />{" "}
              {t("meetings.order.election")}
            </label>
            <Show when={steps().length > 1}>
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
              >
                {t("meetings.order.removeStep", { n: index + 1 })}
              </button>
            </Show>
          </fieldset>
        )}
      </Index>
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={() => setSteps((all) => [...all, { proposalIds: [], election: false }])}
        >
          {t("meetings.order.addStep")}
        </button>
        <SubmitButton testId="propose-order">{t("meetings.order.propose")}</SubmitButton>
      </div>
    </form>
  );
}

/** The proposals of a counted step that tie for the most votes (more than one: a tie). */
function tiedProposals(step: DecisionStepView, counts: number[]): number[] {
  const most = Math.max(...counts);
  return step.proposalIds.filter((_, i) => counts[i] === most);
}

/** One step: what is put against what, and while it is the one to decide, the gavel and the demand for a count. */
function Step(props: {
  live: MeetingLive;
  procedure: ItemProcedureView;
  step: DecisionStepView;
  index: number;
  current: boolean;
}) {
  const meeting = () => props.live.state().meeting;
  const you = () => props.live.state().you;
  const chair = () => props.live.holds("chair") && meeting()?.state === "open";
  const voter = () => !!you()?.votingRight && !you()?.guest;
  const proposal = (id: number) => props.procedure.proposals.find((p) => p.id === id);
  const name = (id: number) => {
    const p = proposal(id);
    return p ? proposalLabel(p) : `#${id}`;
  };
  const vote = () => meeting()?.votes.find((v) => v.id === props.step.voteId);
  const counted = () => {
    const v = vote();
    return v && !v.open && v.counts ? v.counts : null;
  };
  const tie = () => {
    const counts = counted();
    return counts ? tiedProposals(props.step, counts) : [];
  };
  const casting = () => {
    const settings = meeting()?.settings;
    const rule = props.step.election ? settings?.tieBreakElection : settings?.tieBreakOrdinary;
    return tie().length > 1 && rule === "casting";
  };
  const decide = (proposalId?: number) =>
    props.live.send({
      type: "step.decide",
      step: props.index,
      ...(proposalId !== undefined ? { proposalId } : {}),
    });
  return (
    <li
      class="order-step"
      classList={{ "live-agenda-current": props.current }}
      aria-current={props.current ? "step" : undefined}
      data-testid="order-step"
    >
      <p>
        <strong>{t("meetings.order.step", { n: props.index + 1 })}: </strong>
        {props.step.proposalIds.map(name).join(t("meetings.order.against"))}
        <Show when={props.step.election}>
          {" "}
          <span class="pill">{t("meetings.order.election")}</span>
        </Show>
        <Show when={props.current}>
          {" "}
          <span class="pill">{t("meetings.order.current")}</span>
        </Show>
      </p>
      <Show when={props.step.outcome}>
        {(outcome) => (
          <p data-testid="step-outcome">
            {t("meetings.order.outcome", {
              id: outcome().proposalId,
              how: t(`meetings.order.by.${outcome().by}` as const),
            })}
            <Show when={outcome().draw}>{(draw) => <> {drawText(draw())}</>}</Show>
          </p>
        )}
      </Show>
      <Show when={props.current}>
        <Show when={props.step.countDemanded}>
          <p class="meta" data-testid="count-demanded">
            {t("meetings.order.countDemanded")}
          </p>
        </Show>
        <div class="actions">
          <Show when={voter() && !props.step.countDemanded && meeting()?.state === "open"}>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => props.live.send({ type: "step.demand_count", step: props.index })}
              data-testid="demand-count"
            >
              {t("meetings.order.demandCount")}
            </button>
          </Show>
          <Show when={voter() && props.step.voteId === null && meeting()?.state === "open"}>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => props.live.send({ type: "step.demand_count", step: props.index, secret: true })}
            >
              {t("meetings.order.demandSecret")}
            </button>
          </Show>
          <Show when={chair() && !props.step.countDemanded}>
            <For each={props.step.proposalIds}>
              {(id) => (
                <button type="button" class="button" onClick={() => decide(id)} data-testid="gavel">
                  {t("meetings.order.gavel", { id })}
                </button>
              )}
            </For>
          </Show>
          <Show when={chair() && counted()}>
            <Show
              when={casting()}
              fallback={
                <button type="button" class="button" onClick={() => decide()} data-testid="decide-by-count">
                  {t("meetings.order.decideByCount")}
                </button>
              }
            >
              <p class="meta">{t("meetings.order.tie")}</p>
              <For each={tie()}>
                {(id) => (
                  <button type="button" class="button" onClick={() => decide(id)} data-testid="casting-vote">
                    {t("meetings.order.casting", { id })}
                  </button>
                )}
              </For>
            </Show>
          </Show>
        </div>
      </Show>
    </li>
  );
}
