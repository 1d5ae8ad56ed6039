import { createEffect, createSignal, For, on, Show } from "solid-js";
import {
  type AgendaItemKind,
  agendaItemKinds,
  agendaTitleMaxLength,
  type MeetingState,
  type MeetingView,
  meetingNotesDocumentId,
} from "../../../../worker/shared/meetings";
import { WorkspaceLink } from "../../consultations/WorkspaceLink";
import { errorMessage, t } from "../../i18n";
import { RoomStatus } from "../../rooms/RoomStatus";
import { Field, SubmitButton } from "../../ui/Form";
import { itemKindLabel, meetingStateLabel } from "../labels";
import { createMeetingLive, type MeetingLive } from "./createMeetingLive";
import { DecisionAnnex } from "./DecisionAnnex";
import { LiveDocument } from "./LiveDocument";
import { Minutes } from "./Minutes";
import { type MeetingVerdict, MotionVerdicts } from "./MotionVerdicts";
import { Participants } from "./Participants";
import { Polls } from "./Polls";
import { Procedure } from "./Procedure";
import { LiveRules } from "./Rules";
import { Speakers } from "./Speakers";
import { closeVoteId, Votes } from "./Votes";
import "../agenda.css";
import "./LiveMeeting.css";

/**
 * The live meeting: one connection to its room, whose snapshot every part below shows. Who
 * is present, the agenda with the item under treatment (every screen follows the chair),
 * that item's notes, speaker list, polls, votes and decisions, and the minutes. The chair's
 * controls show for whoever the room says chairs; the room decides every command and its
 * refusals are shown here.
 */
export function LiveMeeting(props: { meeting: MeetingView; onStateChange?: (state: MeetingState) => void }) {
  const live = createMeetingLive(props.meeting.documentId);
  const meeting = () => live.state().meeting;
  // The page around it shows the plan's controls only while the room says it is planned.
  createEffect(() => {
    const state = meeting()?.state;
    if (state) props.onStateChange?.(state);
  });
  const current = () => meeting()?.agenda.find((item) => item.id === meeting()?.currentItemId);
  const openVote = () => meeting()?.votes.find((vote) => vote.open);
  const [said, setSaid] = createSignal("");
  createEffect(
    on(
      () => current()?.id,
      () => {
        const item = current();
        if (item) setSaid(t("meetings.live.nowAt", { n: item.number, title: item.title }));
      },
      { defer: true },
    ),
  );

  return (
    <section class="live-meeting" aria-labelledby="live-title" data-testid="live-meeting">
      <h2 id="live-title">{t("meetings.live.title")}</h2>
      <RoomStatus
        state={{ ...live.state(), mode: "write", name: undefined, synced: meeting() !== null }}
        onRetry={live.reconnect}
      />
      <p class="visually-hidden" role="status" aria-live="polite">
        {said()}
      </p>
      <Show when={live.refusal()}>
        {(code) => (
          <p class="field-error" role="alert" data-testid="meeting-refusal">
            {errorMessage(code())}
            <Show when={code() === "meeting_close_vote_open" && openVote()}>
              {(vote) => (
                <>
                  {" "}
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => {
                      const close = document.getElementById(closeVoteId(vote().id));
                      close?.scrollIntoView({ block: "center" });
                      close?.focus();
                    }}
                    data-testid="to-open-vote"
                  >
                    {t("meetings.live.toOpenVote", { question: vote().question })}
                  </button>
                </>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={meeting()} fallback={<PlannedAgenda meeting={props.meeting} />}>
        {(m) => (
          <>
            <p class="meta" data-testid="live-state">
              {meetingStateLabel(m().state)}
            </p>
            <Show when={live.holds("chair")}>
              <MeetingControls live={live} />
            </Show>
            {/* In the order a chair needs it in the moment, which is also a phone's order: the
                item under treatment and the agenda to move on, then who speaks, then polls and
                votes, then the item's notes and decisions; a wide screen keeps the agenda in a
                column to the left. */}
            <div class="live-layout">
              <div class="live-current">
                <Show when={current()} fallback={<p class="empty">{t("meetings.live.noItem")}</p>}>
                  {(item) => (
                    <article
                      class="current-item"
                      aria-labelledby="current-item-title"
                      data-testid="current-item"
                    >
                      <h3 id="current-item-title" data-testid="current-item-title">
                        § {item().number} {item().title}
                      </h3>
                      <Show when={item().consultation}>
                        {(consultation) => (
                          <p>
                            <WorkspaceLink consultation={consultation()} group={props.meeting.group} />
                          </p>
                        )}
                      </Show>
                    </article>
                  )}
                </Show>
              </div>
              <div class="live-side">
                <LiveAgenda live={live} />
              </div>
              <div class="live-main">
                <Show when={current()}>
                  <Speakers live={live} />
                </Show>
                <Polls live={live} />
                <Votes live={live} meetingId={props.meeting.id} />
                <Show when={current()}>
                  {(item) => (
                    <>
                      <Show when={item().id} keyed>
                        {(itemId) => (
                          <section
                            aria-label={t("meetings.notes.title", { n: item().number })}
                            class="live-panel"
                          >
                            <h3>{t("meetings.notes.heading")}</h3>
                            <LiveDocument
                              documentId={meetingNotesDocumentId(props.meeting.id, itemId)}
                              label={t("meetings.notes.title", { n: item().number })}
                              readOnlyNote={t("meetings.notes.readOnly")}
                              testId="item-notes"
                            />
                          </section>
                        )}
                      </Show>
                      {/* An open meeting decides nothing: no decisions to show or record. */}
                      <Show when={m().access === "members"}>
                        <Procedure live={live} itemId={item().id} />
                        <Decisions live={live} itemId={item().id} />
                      </Show>
                    </>
                  )}
                </Show>
                <Participants live={live} />
                <LiveRules live={live} />
                <Show when={m().state !== "planned"}>
                  <Minutes live={live} meeting={props.meeting} />
                </Show>
              </div>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

/** The agenda as planned, until the room's snapshot arrives (or when it cannot be reached). */
function PlannedAgenda(props: { meeting: MeetingView }) {
  return (
    <section class="live-panel" aria-labelledby="planned-agenda-title">
      <h3 id="planned-agenda-title">{t("meetings.agenda.title")}</h3>
      <Show
        when={props.meeting.agenda.length > 0}
        fallback={<p class="empty">{t("meetings.agenda.none")}</p>}
      >
        <ol class="plain-list live-agenda" data-testid="agenda">
          <For each={props.meeting.agenda}>
            {(item) => (
              <li class="live-agenda-item" data-testid="agenda-item">
                <span class="agenda-number">§ {item.number}</span>
                <span class="agenda-item-title">{item.title}</span>
                <span class="pill">{itemKindLabel(item.kind)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** The chair opens and closes the meeting and adopts the agenda. */
function MeetingControls(props: { live: MeetingLive }) {
  const m = () => props.live.state().meeting;
  return (
    <div class="actions chair-controls" data-testid="meeting-controls">
      <Show when={m()?.state === "planned"}>
        <button
          type="button"
          class="button"
          onClick={() => props.live.send({ type: "meeting.open" })}
          data-testid="open-meeting"
        >
          {t("meetings.live.open")}
        </button>
      </Show>
      <Show when={m()?.state === "open" && !m()?.agendaAdopted}>
        <button
          type="button"
          class="button button-secondary"
          onClick={() => props.live.send({ type: "agenda.adopt" })}
        >
          {t("meetings.live.adopt")}
        </button>
      </Show>
      <Show when={m()?.state === "open"}>
        <button
          type="button"
          class="button button-secondary"
          onClick={() => props.live.send({ type: "meeting.close" })}
          data-testid="close-meeting"
        >
          {t("meetings.live.close")}
        </button>
      </Show>
    </div>
  );
}

/** The agenda, the current item marked (not by colour alone); the chair moves the meeting to an item. */
function LiveAgenda(props: { live: MeetingLive }) {
  const m = () => props.live.state().meeting;
  return (
    <section class="live-panel" aria-labelledby="live-agenda-title">
      <h3 id="live-agenda-title">{t("meetings.agenda.title")}</h3>
      <Show when={m()?.agendaAdopted}>
        <p class="meta">{t("meetings.live.adopted")}</p>
      </Show>
      <ol class="plain-list live-agenda" data-testid="live-agenda">
        <For each={m()?.agenda ?? []}>
          {(item) => {
            const isCurrent = () => item.id === m()?.currentItemId;
            return (
              <li
                class="live-agenda-item"
                classList={{ "live-agenda-current": isCurrent() }}
                aria-current={isCurrent() ? "step" : undefined}
                data-testid="live-agenda-item"
              >
                <span class="agenda-number">§ {item.number}</span>
                <span class="agenda-item-title">
                  {item.title}
                  <Show when={isCurrent()}>
                    <span class="current-marker"> ({t("meetings.live.current")})</span>
                  </Show>
                </span>
                <span class="visually-hidden">{itemKindLabel(item.kind)}</span>
                <Show when={props.live.holds("chair") && !isCurrent() && m()?.state === "open"}>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t("meetings.live.goto", { n: item.number, title: item.title })}
                    onClick={() => props.live.send({ type: "agenda.goto", itemId: item.id })}
                    data-testid="goto-item"
                  >
                    {t("meetings.live.gotoShort")}
                  </button>
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={props.live.holds("chair") && m()?.state !== "closed"}>
        <AddItem live={props.live} />
      </Show>
    </section>
  );
}

/**
 * The chair adds an item during the meeting ("övriga frågor"). Once the agenda is adopted it
 * changes only by a recorded decision, so the form then asks for that decision's wording.
 * Folded away: on a phone the agenda's "Gå till" buttons, not this form, are what the chair
 * needs before the speaker list.
 */
function AddItem(props: { live: MeetingLive }) {
  const m = () => props.live.state().meeting;
  const [title, setTitle] = createSignal("");
  const [kind, setKind] = createSignal<AgendaItemKind>("discussion");
  const [decision, setDecision] = createSignal("");
  const kinds = () =>
    m()?.access === "open" ? agendaItemKinds.filter((k) => k !== "decision") : agendaItemKinds;
  return (
    <details class="chair-controls add-item">
      <summary>{t("meetings.live.addItem")}</summary>
      <form
        data-testid="add-item"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title().trim()) return;
          props.live.send({
            type: "agenda.add",
            title: title().trim(),
            kind: kind(),
            ...(m()?.agendaAdopted && decision().trim() ? { decision: decision().trim() } : {}),
          });
          setTitle("");
          setDecision("");
        }}
      >
        <Field id="add-item-title" label={t("meetings.agenda.new")}>
          {(control) => (
            <input
              {...control}
              maxLength={agendaTitleMaxLength}
              value={title()}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="add-item-kind" label={t("meetings.agenda.kindLabel")}>
          {(control) => (
            <select
              {...control}
              value={kind()}
              onChange={(e) => setKind(e.currentTarget.value as AgendaItemKind)}
            >
              <For each={kinds()}>{(value) => <option value={value}>{itemKindLabel(value)}</option>}</For>
            </select>
          )}
        </Field>
        <Show when={m()?.agendaAdopted}>
          <Field
            id="add-item-decision"
            label={t("meetings.live.addItemDecision")}
            hint={t("meetings.live.addItemHint")}
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={decision()}
                onInput={(e) => setDecision(e.currentTarget.value)}
              />
            )}
          </Field>
        </Show>
        <SubmitButton>{t("meetings.agenda.add")}</SubmitButton>
      </form>
    </details>
  );
}

/** Decisions on the item, with the vote behind each; the chair records one. */
function Decisions(props: { live: MeetingLive; itemId: number }) {
  const m = () => props.live.state().meeting;
  const decisions = () => (m()?.decisions ?? []).filter((d) => d.itemId === props.itemId);
  const closedVotes = () => (m()?.votes ?? []).filter((v) => v.itemId === props.itemId && !v.open);
  const [text, setText] = createSignal("");
  const [voteId, setVoteId] = createSignal("");
  const motionId = () => m()?.agenda.find((item) => item.id === props.itemId)?.motionId ?? null;
  const [verdicts, setVerdicts] = createSignal<MeetingVerdict[]>([]);
  const voteOf = (id: number | null) => m()?.votes.find((v) => v.id === id);
  return (
    <section class="live-panel" aria-labelledby="decisions-title" data-testid="decisions">
      <h3 id="decisions-title">{t("meetings.decisions.title")}</h3>
      <Show when={decisions().length > 0} fallback={<p class="empty">{t("meetings.decisions.none")}</p>}>
        <ul class="plain-list spaced-list">
          <For each={decisions()}>
            {(decision) => (
              <li data-testid="decision">
                <p>{decision.text}</p>
                <Show when={voteOf(decision.voteId)}>
                  {(vote) => (
                    <p class="meta">
                      {t("meetings.decisions.vote", {
                        question: vote().question,
                        result: vote()
                          .options.map((o, i) => `${o} ${vote().counts?.[i] ?? 0}`)
                          .join(", "),
                      })}
                    </p>
                  )}
                </Show>
                <DecisionAnnex live={props.live} decisionId={decision.id} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.live.holds("chair") && m()?.state === "open"}>
        <form
          class="chair-controls"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text().trim()) return;
            props.live.send({
              type: "decision.record",
              text: text().trim(),
              ...(voteId() ? { voteId: Number(voteId()) } : {}),
              ...(motionId() !== null && verdicts().length
                ? { motionVerdicts: verdicts().map((verdict) => ({ verdict })) }
                : {}),
            });
            setText("");
          }}
        >
          <div class="field">
            <label class="field-label" for="decision-text">
              {t("meetings.decisions.text")}
            </label>
            <textarea
              id="decision-text"
              rows={2}
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <Show when={closedVotes().length > 0}>
            <div class="field">
              <label class="field-label" for="decision-vote">
                {t("meetings.decisions.withVote")}
              </label>
              <select id="decision-vote" value={voteId()} onChange={(e) => setVoteId(e.currentTarget.value)}>
                <option value="">{t("meetings.decisions.noVote")}</option>
                <For each={closedVotes()}>{(vote) => <option value={vote.id}>{vote.question}</option>}</For>
              </select>
            </div>
          </Show>
          <Show when={motionId()}>
            {(id) => <MotionVerdicts motionId={id()} verdicts={verdicts()} onChange={setVerdicts} />}
          </Show>
          <button type="submit" class="button button-secondary">
            {t("meetings.decisions.record")}
          </button>
        </form>
      </Show>
    </section>
  );
}
