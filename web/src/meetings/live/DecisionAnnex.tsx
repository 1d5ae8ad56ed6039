import { createSignal, For, Show } from "solid-js";
import type { DecisionAnnex as Annex } from "../../../../worker/shared/meetings";
import { t } from "../../i18n";
import "../messages.sv";
import type { MeetingLive } from "./createMeetingLive";
import { drawText } from "./Procedure";

/**
 * What is attached to one decision before justering: a drawn lot or casting vote, the
 * reservations of members with a vote, protokollsanteckningar, and the adjusters' immediate
 * approval (omedelbar justering), after which nothing more can be attached.
 */
export function DecisionAnnex(props: { live: MeetingLive; decisionId: number }) {
  const meeting = () => props.live.state().meeting;
  const you = () => props.live.state().you;
  const annex = (): Annex | undefined => meeting()?.annexes?.find((a) => a.decisionId === props.decisionId);
  const adjusters = () => meeting()?.officers.filter((o) => o.role === "adjuster").length ?? 0;
  const open = () => meeting()?.state === "open" && !annex()?.adjusted;
  const member = () => !!you() && !you()?.guest;
  const voter = () => member() && !!you()?.votingRight;
  const adjuster = () =>
    props.live.holds("adjuster") && !annex()?.adjustedBy.includes(you()?.participantId ?? "");
  const [text, setText] = createSignal("");
  const inputId = () => `annex-text-${props.decisionId}`;
  return (
    <div class="decision-annex" data-testid="decision-annex">
      <Show when={annex()?.draw}>{(draw) => <p class="meta">{drawText(draw())}</p>}</Show>
      <Show when={(annex()?.reservations.length ?? 0) > 0}>
        <h4>{t("meetings.annex.reservations")}</h4>
        <ul class="plain-list">
          <For each={annex()?.reservations}>
            {(r) => (
              <li data-testid="reservation">
                {t("meetings.annex.reservation", { name: r.name })}
                <Show when={r.text}>{(reason) => <>: {reason()}</>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={(annex()?.notes.length ?? 0) > 0}>
        <h4>{t("meetings.annex.notes")}</h4>
        <ul class="plain-list">
          <For each={annex()?.notes}>
            {(n) => (
              <li data-testid="decision-note">
                {n.name}: {n.text}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show
        when={annex()?.adjusted}
        fallback={
          <Show when={(annex()?.adjustedBy.length ?? 0) > 0}>
            <p class="meta">
              {t("meetings.annex.adjustedBy", { done: annex()?.adjustedBy.length ?? 0, all: adjusters() })}
            </p>
          </Show>
        }
      >
        <p class="meta" data-testid="decision-adjusted">
          {t("meetings.annex.adjusted")}
        </p>
      </Show>
      <Show when={open() && member()}>
        <div class="field">
          <label class="field-label" for={inputId()}>
            {t("meetings.annex.text", { id: props.decisionId })}
          </label>
          <textarea id={inputId()} rows={2} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="actions">
          <Show when={voter()}>
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => {
                props.live.send({
                  type: "decision.reserve",
                  decisionId: props.decisionId,
                  ...(text().trim() ? { text: text().trim() } : {}),
                });
                setText("");
              }}
              data-testid="reserve"
            >
              {t("meetings.annex.reserve")}
            </button>
          </Show>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => {
              if (!text().trim()) return;
              props.live.send({ type: "decision.note", decisionId: props.decisionId, text: text().trim() });
              setText("");
            }}
            data-testid="note"
          >
            {t("meetings.annex.note")}
          </button>
          <Show when={adjuster()}>
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => props.live.send({ type: "decision.adjust", decisionId: props.decisionId })}
              data-testid="adjust"
            >
              {t("meetings.annex.adjust")}
            </button>
          </Show>
        </div>
      </Show>
    </div>
  );
}
