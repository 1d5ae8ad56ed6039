import { createMemo, createSignal, For, Show } from "solid-js";
import type {
  AmendmentDecision,
  MotionAmendment,
  MotionVersion,
  NumberedLine,
} from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { type MessageKey, t } from "../i18n";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { createRequest } from "./action";
import { amendmentStateLabel } from "./labels";
import { WordDiff } from "./WordDiff";

/** "Rad 12–14", or "Rad 12" for one line. */
export function linesLabel(a: { firstLine: number; lastLine: number }): string {
  return a.firstLine === a.lastLine
    ? t("motions.amendments.line", { first: a.firstLine })
    : t("motions.amendments.lines", { first: a.firstLine, last: a.lastLine });
}

/**
 * One amendment as the reading view shows it beside its lines: the lines' words struck and
 * the new words inserted, who proposed it, its state, which open amendments it conflicts
 * with (the same lines), and for the board, accept and reject.
 */
export function AmendmentCard(props: {
  amendment: MotionAmendment;
  canDecide: boolean;
  busy: boolean;
  onDecide: (decision: AmendmentDecision) => void;
}) {
  const a = () => props.amendment;
  const headingId = () => `amendment-${a().id}`;
  return (
    <article
      class="motion-amendment"
      aria-labelledby={headingId()}
      data-testid="amendment"
      data-state={a().state}
      data-conflict={a().conflictsWith.length ? "" : undefined}
    >
      <p class="motion-amendment-head">
        <strong id={headingId()}>
          {t("motions.amendments.heading", { id: a().id, lines: linesLabel(a()) })}
        </strong>{" "}
        <span class="motion-badge" data-testid="amendment-state">
          {amendmentStateLabel(a().state)}
        </span>
      </p>
      <p class="motion-amendment-diff" data-testid="amendment-diff">
        <WordDiff changes={a().diff} />
        <Show when={!a().text}>
          {" "}
          <em>{t("motions.amendments.strike")}</em>
        </Show>
      </p>
      <Show when={a().conflictsWith.length > 0}>
        <p class="motion-amendment-conflict" data-testid="amendment-conflict">
          <span aria-hidden="true">⚠ </span>
          {t("motions.amendments.conflict", { ids: a().conflictsWith.join(", ") })}
        </p>
      </Show>
      <p class="meta">
        {t("motions.amendments.by", { name: a().author.name ?? t("audit.formerMember") })}
        <Show when={a().resultVersion}>
          {(number) => <> {t("motions.amendments.result", { number: number() })}</>}
        </Show>
      </p>
      <Show when={a().reason}>
        <p class="meta">{t("motions.amendments.reason", { reason: a().reason })}</p>
      </Show>
      <Show when={props.canDecide && (a().state === "open" || a().state === "needs_rework")}>
        <div class="motion-amendment-tools">
          <Show when={a().state === "open"}>
            <DecisionButton decision="accept" {...props} />
          </Show>
          <DecisionButton decision="reject" {...props} />
        </div>
      </Show>
    </article>
  );
}

const decisionLabels = {
  accept: "motions.amendments.accept",
  reject: "motions.amendments.reject",
} as const satisfies Record<AmendmentDecision, MessageKey>;

/** "Bifall" or "Avslå", naming the amendment for a screen reader. */
function DecisionButton(props: {
  decision: AmendmentDecision;
  amendment: MotionAmendment;
  busy: boolean;
  onDecide: (decision: AmendmentDecision) => void;
}) {
  return (
    <button
      type="button"
      class={props.decision === "accept" ? "button button-small" : "button button-small button-secondary"}
      data-testid={`${props.decision}-amendment`}
      aria-busy={props.busy ? "true" : undefined}
      onClick={() => props.onDecide(props.decision)}
    >
      {t(decisionLabels[props.decision])}
      <span class="visually-hidden">
        {" "}
        {t("motions.amendments.heading", { id: props.amendment.id, lines: linesLabel(props.amendment) })}
      </span>
    </button>
  );
}

/** A line as the amendment form offers it: its number and the start of its words. */
function lineOption(line: NumberedLine): string {
  const text = line.text.length > 40 ? `${line.text.slice(0, 40)}…` : line.text;
  return t("motions.amend.lineOption", { number: line.number, text });
}

/**
 * Proposing an amendment to the version being read: the first line, then the last among the
 * lines of the same block (the Worker refuses ranges across blocks, and the title), and the
 * wording that replaces them, prefilled with their words so a change is an edit.
 */
export function AmendForm(props: {
  motionId: number;
  version: MotionVersion;
  onProposed: (amendment: MotionAmendment) => void;
}) {
  const amendable = () => props.version.lines.filter((l) => l.part !== "title");
  const [first, setFirst] = createSignal(amendable()[0]?.number ?? 0);
  const firstLine = () => amendable().find((l) => l.number === first());
  const sameBlock = createMemo(() => {
    const from = firstLine();
    return amendable().filter(
      (l) => from && l.part === from.part && l.block === from.block && l.number >= from.number,
    );
  });
  const [last, setLast] = createSignal(first());
  const wordsOf = (from: number, to: number) =>
    amendable()
      .filter((l) => l.number >= from && l.number <= to)
      .map((l) => l.text)
      .join(" ");
  const [text, setText] = createSignal(wordsOf(first(), last()));
  const [reason, setReason] = createSignal("");
  const request = createRequest();
  const [done, setDone] = createSignal(false);

  const choose = (from: number, to: number) => {
    setFirst(from);
    setLast(to);
    setText(wordsOf(from, to));
    setDone(false);
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setDone(false);
    void request.run(async () => {
      const json = {
        version: props.version.number,
        firstLine: first(),
        lastLine: last(),
        text: text().replace(/\s+/gu, " ").trim(),
        reason: reason(),
      };
      props.onProposed(
        await call(
          client.api.motions[":id"].amendments.$post({ param: { id: String(props.motionId) }, json }),
        ),
      );
      setReason("");
      setDone(true);
    });
  };

  return (
    <form
      class="motion-amend no-print"
      aria-labelledby="amend-title"
      onSubmit={submit}
      data-testid="amend-form"
    >
      <h3 id="amend-title">{t("motions.amend.title")}</h3>
      <p class="hint">{t("motions.amend.lead")}</p>
      <div class="motion-amend-lines">
        <Field id="amend-first" label={t("motions.amend.first")}>
          {(control) => (
            <select
              {...control}
              value={first()}
              onChange={(e) => choose(Number(e.currentTarget.value), Number(e.currentTarget.value))}
            >
              <For each={amendable()}>
                {(line) => <option value={line.number}>{lineOption(line)}</option>}
              </For>
            </select>
          )}
        </Field>
        <Field id="amend-last" label={t("motions.amend.last")}>
          {(control) => (
            <select
              {...control}
              value={last()}
              onChange={(e) => choose(first(), Number(e.currentTarget.value))}
            >
              <For each={sameBlock()}>
                {(line) => <option value={line.number}>{lineOption(line)}</option>}
              </For>
            </select>
          )}
        </Field>
      </div>
      <Field id="amend-text" label={t("motions.amend.text")} hint={t("motions.amend.textHint")}>
        {(control) => (
          <textarea {...control} rows={4} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        )}
      </Field>
      <Field id="amend-reason" label={t("motions.amend.reason")}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </Field>
      <SubmitButton busy={request.busy()} testId="propose-amendment">
        {t("motions.amend.submit")}
      </SubmitButton>
      <ErrorAlert code={request.failure()} testId="amend-error" />
      <Show when={done()}>
        <p class="success" role="status">
          {t("motions.amend.done")}
        </p>
      </Show>
    </form>
  );
}
