import { createEffect, createSignal, For, Index, on, Show } from "solid-js";
import {
  type PollKind,
  type PollView,
  pollKinds,
  pollMaxOptions,
  pollOptionMaxLength,
  pollQuestionMaxLength,
  temperatureScale,
} from "../../../../worker/shared/meetings";
import { type MessageKey, t } from "../../i18n";
import "../messages.sv";
import { Field, SubmitButton } from "../../ui/Form";
import type { MeetingLive } from "./createMeetingLive";

const kindKeys = {
  single: "meetings.polls.kind.single",
  multiple: "meetings.polls.kind.multiple",
  temperature: "meetings.polls.kind.temperature",
} as const satisfies Record<PollKind, MessageKey>;

/** The labels a poll is answered with: its options, or the temperature scale's steps. */
function optionLabels(poll: Pick<PollView, "kind" | "options">): string[] {
  return poll.kind === "temperature"
    ? temperatureScale.map((step) => t("meetings.polls.temperatureStep", { step }))
    : poll.options;
}

/**
 * Quick polls (känna av rummet): everyone present answers, guests too, and sees the results
 * as they come. The chair opens and closes them, while the meeting is open (the room refuses
 * them otherwise). A new poll is announced politely.
 */
export function Polls(props: { live: MeetingLive }) {
  const polls = () => props.live.state().meeting?.polls ?? [];
  const [said, setSaid] = createSignal("");
  createEffect(
    on(
      () =>
        polls()
          .filter((poll) => poll.open)
          .map((poll) => poll.id)
          .join(","),
      () => {
        const newest = polls()
          .filter((poll) => poll.open)
          .at(-1);
        if (newest) setSaid(t("meetings.polls.opened", { question: newest.question }));
      },
      { defer: true },
    ),
  );
  return (
    <section class="live-panel polls" aria-labelledby="polls-title" data-testid="polls">
      <h3 id="polls-title">{t("meetings.polls.title")}</h3>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said()}
      </p>
      <Show when={polls().length > 0} fallback={<p class="empty">{t("meetings.polls.none")}</p>}>
        <ul class="plain-list poll-list">
          <For each={[...polls()].reverse()}>{(poll) => <Poll poll={poll} live={props.live} />}</For>
        </ul>
      </Show>
      <Show when={props.live.holds("chair") && props.live.state().meeting?.state === "open"}>
        <NewPoll live={props.live} />
      </Show>
    </section>
  );
}

function Poll(props: { poll: PollView; live: MeetingLive }) {
  const answered = () => props.live.state().you?.pollAnswers[props.poll.id];
  const [chosen, setChosen] = createSignal<number[]>(answered() ?? []);
  const labels = () => optionLabels(props.poll);
  const multiple = () => props.poll.kind === "multiple";
  const name = `poll-${props.poll.id}`;
  const toggle = (index: number, on: boolean) =>
    setChosen((was) => (multiple() ? (on ? [...was, index] : was.filter((i) => i !== index)) : [index]));
  const highest = () => Math.max(1, ...props.poll.counts);
  return (
    <li class="poll item-card" data-testid="poll" data-open={props.poll.open}>
      <p class="poll-question">
        <strong>{props.poll.question}</strong> <span class="pill">{t(kindKeys[props.poll.kind])}</span>
        <Show when={!props.poll.open}>
          {" "}
          <span class="pill">{t("meetings.polls.closed")}</span>
        </Show>
      </p>
      <Show when={props.poll.open}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen().length)
              props.live.send({ type: "poll.answer", pollId: props.poll.id, choices: chosen() });
          }}
        >
          <fieldset class="verdict-fieldset">
            <legend>{t("meetings.polls.answerLegend", { question: props.poll.question })}</legend>
            <Index each={labels()}>
              {(label, index) => (
                <label class="choice">
                  <input
                    type={multiple() ? "checkbox" : "radio"}
                    name={name}
                    checked={chosen().includes(index)}
                    onChange={(e) => toggle(index, e.currentTarget.checked)}
                  />{" "}
                  {label()}
                </label>
              )}
            </Index>
          </fieldset>
          <SubmitButton testId="poll-answer">
            {answered() ? t("meetings.polls.changeAnswer") : t("meetings.polls.answer")}
          </SubmitButton>
          <Show when={answered()}>
            <p class="success" data-testid="poll-answered">
              {t("meetings.polls.youAnswered")}
            </p>
          </Show>
        </form>
      </Show>
      <div class="poll-results" data-testid="poll-results">
        <p class="meta">{t("meetings.polls.answeredCount", { count: props.poll.answered })}</p>
        <ul class="plain-list">
          <Index each={labels()}>
            {(label, index) => (
              <li class="result-row">
                <span class="result-label">{label()}</span>
                <span class="result-bar" aria-hidden="true">
                  <span style={{ width: `${((props.poll.counts[index] ?? 0) / highest()) * 100}%` }} />
                </span>
                <span class="result-count" data-testid="poll-count">
                  {props.poll.counts[index] ?? 0}
                </span>
              </li>
            )}
          </Index>
        </ul>
      </div>
      <Show when={props.poll.open && props.live.holds("chair")}>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => props.live.send({ type: "poll.close", pollId: props.poll.id })}
        >
          {t("meetings.polls.close")}
        </button>
      </Show>
    </li>
  );
}

/** The chair opens a poll: a question, its kind, and (but for a temperature check) one option per line. */
function NewPoll(props: { live: MeetingLive }) {
  const [question, setQuestion] = createSignal("");
  const [kind, setKind] = createSignal<PollKind>("single");
  const [options, setOptions] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const lines = () =>
    options()
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  return (
    <form
      class="chair-controls"
      data-testid="new-poll"
      onSubmit={(e) => {
        e.preventDefault();
        const opts = kind() === "temperature" ? [] : lines();
        if (!question().trim()) return setProblem(t("meetings.polls.questionMissing"));
        if (kind() !== "temperature" && (opts.length < 2 || opts.length > pollMaxOptions))
          return setProblem(t("meetings.polls.optionsMissing", { max: pollMaxOptions }));
        setProblem(undefined);
        props.live.send({ type: "poll.open", question: question().trim(), kind: kind(), options: opts });
        setQuestion("");
        setOptions("");
      }}
    >
      <h4>{t("meetings.polls.new")}</h4>
      <Field id="poll-question" label={t("meetings.polls.question")} error={problem()}>
        {(control) => (
          <input
            {...control}
            maxLength={pollQuestionMaxLength}
            value={question()}
            onInput={(e) => setQuestion(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="poll-kind" label={t("meetings.polls.kind")}>
        {(control) => (
          <select {...control} value={kind()} onChange={(e) => setKind(e.currentTarget.value as PollKind)}>
            <For each={pollKinds}>{(value) => <option value={value}>{t(kindKeys[value])}</option>}</For>
          </select>
        )}
      </Field>
      <Show when={kind() !== "temperature"}>
        <Field id="poll-options" label={t("meetings.polls.options")} hint={t("meetings.polls.optionsHint")}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={pollMaxOptions * (pollOptionMaxLength + 1)}
              value={options()}
              onInput={(e) => setOptions(e.currentTarget.value)}
            />
          )}
        </Field>
      </Show>
      <SubmitButton testId="open-poll">{t("meetings.polls.open")}</SubmitButton>
    </form>
  );
}
