import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import type { SpeakerEntry, SpeakerKind, SpeakerList } from "../../../../worker/shared/meetings";
import { type MessageKey, t } from "../../i18n";
import "../messages.sv";
import type { MeetingLive } from "./createMeetingLive";

const kindKeys = {
  order: "meetings.speakers.kind.order",
  fact: "meetings.speakers.kind.fact",
  reply: "meetings.speakers.kind.reply",
  counter_reply: "meetings.speakers.kind.counter_reply",
  speech: "meetings.speakers.kind.speech",
} as const satisfies Record<SpeakerKind, MessageKey>;

export const speakerKindLabel = (kind: SpeakerKind) => t(kindKeys[kind]);

/** "Bo Ek (gäst)": a guest is marked wherever she is named. */
export function personLabel(person: { name: string; guest: boolean }): string {
  return person.guest ? t("document.presence.guest", { name: person.name }) : person.name;
}

/** "2:05": minutes and seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Seconds left of the current speech, counted down here from the room's start time and length; null: no limit. */
function createCountdown(list: () => SpeakerList | null) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 250);
  onCleanup(() => clearInterval(timer));
  return () => {
    const current = list()?.current;
    if (!current || current.seconds === 0) return null;
    return current.startedAt + current.seconds * 1000 - now();
  };
}

/**
 * The current item's speaker list: who speaks now, with the timer everyone sees; the queue
 * in the room's order (points of order, clarifications and replies first; first-time
 * speakers marked); asking for the floor and withdrawing; and for the chair, the order,
 * the floor, closing the list and the speaking-time figures.
 */
export function Speakers(props: { live: MeetingLive }) {
  const meeting = () => props.live.state().meeting;
  const you = () => props.live.state().you;
  // The room keeps an item's list from its first entry on: until then it is an empty, open one.
  const list = (): SpeakerList | null => {
    const m = meeting();
    if (m?.speakers) return m.speakers;
    return m?.currentItemId != null
      ? { itemId: m.currentItemId, state: "open", closesAt: null, current: null, queue: [] }
      : null;
  };
  const chair = () => props.live.holds("chair");
  const left = createCountdown(list);
  const [said, setSaid] = createSignal("");

  // Said politely: who has the floor, and when the time is up (the timer itself stays quiet).
  createEffect(
    on(
      () => list()?.current?.id,
      (id) => {
        const current = list()?.current;
        setSaid(id && current ? t("meetings.speakers.nowSpeaking", { name: personLabel(current) }) : "");
      },
    ),
  );
  createEffect(
    on(
      () => list()?.paused === true,
      (paused) => {
        if (paused) setSaid(t("meetings.speakers.paused"));
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => (left() ?? 1) <= 0,
      (over) => {
        if (over) setSaid(t("meetings.speakers.timeUp"));
      },
      { defer: true },
    ),
  );

  const mine = () => (list()?.queue ?? []).filter((entry) => entry.participantId === you()?.participantId);
  const ask = (kind: SpeakerKind) => props.live.send({ type: "speaker.request", kind });
  const canReply = () => {
    const current = list()?.current;
    return !!current && current.participantId !== you()?.participantId;
  };
  const canCounter = () => {
    const current = list()?.current;
    return current?.kind === "reply" && current.replyTo === you()?.participantId;
  };
  const stateKey = (): MessageKey => {
    switch (list()?.state) {
      case "announced":
        return "meetings.speakers.state.announced";
      case "closed":
        return "meetings.speakers.state.closed";
      default:
        return "meetings.speakers.state.open";
    }
  };

  return (
    <section class="live-panel speakers" aria-labelledby="speakers-title" data-testid="speakers">
      <h3 id="speakers-title">{t("meetings.speakers.title")}</h3>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said()}
      </p>
      <Show when={list()} fallback={<p class="empty">{t("meetings.speakers.noItem")}</p>}>
        {(speakers) => (
          <>
            <p class="meta" data-testid="speakers-state">
              {t(stateKey())}
            </p>
            <Show when={speakers().paused}>
              <p class="notice" data-testid="speakers-paused">
                {t("meetings.speakers.paused")}
              </p>
            </Show>
            <Show when={speakers().current} fallback={<p class="empty">{t("meetings.speakers.nobody")}</p>}>
              {(current) => (
                <div class="current-speaker" data-testid="current-speaker">
                  <p>
                    <span class="meta">{t("meetings.speakers.hasFloor")} </span>
                    <strong>{personLabel(current())}</strong>
                    <Show when={current().kind !== "speech"}>
                      {" "}
                      <span class="pill">{speakerKindLabel(current().kind)}</span>
                    </Show>
                  </p>
                  <p
                    class="speech-timer"
                    role="timer"
                    data-testid="speech-timer"
                    data-over={(left() ?? 1) <= 0}
                  >
                    <span class="visually-hidden">{t("meetings.speakers.timeLeft")} </span>
                    {left() === null ? t("meetings.speakers.noLimit") : clock((left() ?? 0) / 1000)}
                  </p>
                </div>
              )}
            </Show>
            <Show
              when={speakers().queue.length > 0}
              fallback={<p class="empty">{t("meetings.speakers.empty")}</p>}
            >
              <ol
                class="plain-list speaker-queue"
                aria-label={t("meetings.speakers.queue")}
                data-testid="speaker-queue"
              >
                <For each={speakers().queue}>
                  {(entry, index) => (
                    <QueueEntry
                      entry={entry}
                      index={index()}
                      last={index() === speakers().queue.length - 1}
                      own={entry.participantId === you()?.participantId}
                      chair={chair()}
                      live={props.live}
                    />
                  )}
                </For>
              </ol>
            </Show>
            <div class="actions speaker-actions">
              <Show when={mine().every((entry) => entry.kind !== "speech")}>
                <button type="button" class="button" onClick={() => ask("speech")} data-testid="ask-speech">
                  {t("meetings.speakers.ask")}
                </button>
              </Show>
              <Show when={canReply()}>
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => ask("reply")}
                  data-testid="ask-reply"
                >
                  {t("meetings.speakers.askReply")}
                </button>
              </Show>
              <Show when={canCounter()}>
                <button type="button" class="button button-secondary" onClick={() => ask("counter_reply")}>
                  {t("meetings.speakers.askCounter")}
                </button>
              </Show>
              <button type="button" class="button button-secondary" onClick={() => ask("fact")}>
                {t("meetings.speakers.askFact")}
              </button>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => ask("order")}
                data-testid="ask-order"
              >
                {t("meetings.speakers.askOrder")}
              </button>
            </div>
            <Show when={chair()}>
              <ChairSpeakerControls live={props.live} list={speakers()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function QueueEntry(props: {
  entry: SpeakerEntry;
  index: number;
  last: boolean;
  own: boolean;
  chair: boolean;
  live: MeetingLive;
}) {
  const move = (to: number) => props.live.send({ type: "speaker.move", entryId: props.entry.id, to });
  const name = () => personLabel(props.entry);
  return (
    <li class="speaker-entry" data-testid="speaker-entry" data-kind={props.entry.kind}>
      <span class="speaker-name">
        {props.index + 1}. {name()}
      </span>
      <Show when={props.entry.kind !== "speech"}>
        <span class="pill">{speakerKindLabel(props.entry.kind)}</span>
      </Show>
      <Show when={props.entry.firstOnItem}>
        <span class="pill pill-first" data-testid="first-time">
          {t("meetings.speakers.firstTime")}
        </span>
      </Show>
      <span class="speaker-entry-buttons">
        <Show when={props.own}>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => props.live.send({ type: "speaker.withdraw", entryId: props.entry.id })}
          >
            {t("meetings.speakers.withdraw")}
          </button>
        </Show>
        <Show when={props.chair}>
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={props.index === 0}
            aria-label={t("meetings.speakers.up", { name: name() })}
            onClick={() => move(props.index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={props.last}
            aria-label={t("meetings.speakers.down", { name: name() })}
            onClick={() => move(props.index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="button button-secondary button-small"
            aria-label={t("meetings.speakers.remove", { name: name() })}
            onClick={() => props.live.send({ type: "speaker.remove", entryId: props.entry.id })}
          >
            {t("meetings.agenda.removeShort")}
          </button>
        </Show>
      </span>
    </li>
  );
}

/** The chair's part: the floor, streck i debatten, and who spoke how long (the rules themselves are in Rules.tsx). */
function ChairSpeakerControls(props: { live: MeetingLive; list: SpeakerList }) {
  const stats = () => props.live.state().you?.stats;
  return (
    <div class="chair-controls" data-testid="chair-speaker-controls">
      <h4>{t("meetings.chair.title")}</h4>
      <div class="actions">
        <button
          type="button"
          class="button"
          disabled={props.list.queue.length === 0}
          onClick={() => props.live.send({ type: "speaker.next" })}
          data-testid="speaker-next"
        >
          {t("meetings.speakers.next")}
        </button>
        <Show when={props.list.current}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => props.live.send({ type: "speaker.stop" })}
          >
            {t("meetings.speakers.stop")}
          </button>
        </Show>
        <Show when={props.list.paused}>
          <button
            type="button"
            class="button"
            onClick={() => props.live.send({ type: "speakers.resume" })}
            data-testid="speakers-resume"
          >
            {t("meetings.speakers.resume")}
          </button>
        </Show>
        <Show when={props.list.state === "open"}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => props.live.send({ type: "speakers.announce_closing" })}
          >
            {t("meetings.speakers.announceClosing")}
          </button>
        </Show>
        <Show when={props.list.state !== "closed"}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => props.live.send({ type: "speakers.close" })}
          >
            {t("meetings.speakers.close")}
          </button>
        </Show>
        <Show when={props.list.state !== "open"}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => props.live.send({ type: "speakers.reopen" })}
          >
            {t("meetings.speakers.reopen")}
          </button>
        </Show>
      </div>
      <Show when={stats()}>
        {(figures) => (
          <div class="speaking-stats" data-testid="speaking-stats">
            <p>
              {t("meetings.stats.split", {
                first: figures().firstTimeSpeeches,
                repeat: figures().repeatSpeeches,
              })}
            </p>
            <Show when={figures().perPerson.length > 0}>
              <div class="table-scroll">
                <table class="data-table">
                  <caption class="visually-hidden">{t("meetings.stats.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("meetings.stats.person")}</th>
                      <th scope="col">{t("meetings.stats.time")}</th>
                      <th scope="col">{t("meetings.stats.speeches")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={figures().perPerson}>
                      {(row) => (
                        <tr>
                          <th scope="row">{row.name}</th>
                          <td>{clock(row.seconds)}</td>
                          <td>{row.speeches}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
