import { createSignal, For, Index, Show } from "solid-js";
import type { BallotList, VoteView } from "../../../../worker/shared/meetings";
import { call, client, errorCode } from "../../api/client";
import { t } from "../../i18n";
import "../messages.sv";
import { ErrorAlert, Field, SubmitButton } from "../../ui/Form";
import type { MeetingLive } from "./createMeetingLive";

/** The chair's button that closes a vote: where a refusal that waits for the vote sends her. */
export const closeVoteId = (voteId: number) => `close-vote-${voteId}`;

/**
 * Formal votes in a members-only meeting. A voter with the right, checked in, votes once;
 * a secret ballot answers with a receipt code, which she can find in the published list
 * once the vote closes. Whoever cannot vote is told why. The chair opens and closes votes.
 */
export function Votes(props: { live: MeetingLive; meetingId: number }) {
  const meeting = () => props.live.state().meeting;
  const votes = () => meeting()?.votes ?? [];
  return (
    <section class="live-panel votes" aria-labelledby="votes-title" data-testid="votes">
      <h3 id="votes-title">{t("meetings.votes.title")}</h3>
      <Show
        when={meeting()?.access === "members"}
        fallback={<p class="notice">{t("meetings.votes.openMeeting")}</p>}
      >
        <RollStatus live={props.live} />
        <Show when={votes().length > 0} fallback={<p class="empty">{t("meetings.votes.none")}</p>}>
          <ul class="plain-list poll-list">
            <For each={[...votes()].reverse()}>
              {(vote) => <Vote vote={vote} live={props.live} meetingId={props.meetingId} />}
            </For>
          </ul>
        </Show>
        <Show when={props.live.holds("chair") && meeting()?.state === "open"}>
          <NewVote live={props.live} />
        </Show>
      </Show>
    </section>
  );
}

/**
 * Her place on the voting roll: whether she votes, and checking in or out (a vote counts
 * those checked in when it opens). A guest or someone without a vote is told so.
 */
function RollStatus(props: { live: MeetingLive }) {
  const you = () => props.live.state().you;
  return (
    <Show when={you()}>
      {(me) => (
        <p class="roll-status" data-testid="roll-status">
          <Show
            when={me().votingRight}
            fallback={me().guest ? t("meetings.votes.why.guest") : t("meetings.votes.why.noRight")}
          >
            {me().checkedIn ? t("meetings.votes.checkedIn") : t("meetings.votes.why.notCheckedIn")}{" "}
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => props.live.send({ type: "roll.check", checkedIn: !me().checkedIn })}
              data-testid="roll-check"
            >
              {me().checkedIn ? t("meetings.votes.checkOut") : t("meetings.votes.checkIn")}
            </button>
          </Show>
        </p>
      )}
    </Show>
  );
}

function Vote(props: { vote: VoteView; live: MeetingLive; meetingId: number }) {
  const you = () => props.live.state().you;
  const voted = () => you()?.votedIn.includes(props.vote.id) ?? false;
  const receipt = () => props.live.receipts()[props.vote.id];
  const [choice, setChoice] = createSignal<number>();
  const cannot = () => {
    const me = you();
    if (!me) return undefined;
    if (me.guest) return t("meetings.votes.why.guest");
    if (!me.votingRight) return t("meetings.votes.why.noRight");
    if (!me.checkedIn) return t("meetings.votes.why.notCheckedIn");
    return undefined;
  };
  return (
    <li class="poll item-card" data-testid="vote" data-open={props.vote.open}>
      <p class="poll-question">
        <strong>{props.vote.question}</strong>{" "}
        <span class="pill">{props.vote.secret ? t("meetings.votes.secret") : t("meetings.votes.open")}</span>
        <Show when={!props.vote.open}>
          {" "}
          <span class="pill">{t("meetings.votes.closed")}</span>
        </Show>
      </p>
      <p class="meta" data-testid="vote-turnout">
        {t("meetings.votes.turnout", { voted: props.vote.voted, eligible: props.vote.eligible })}
      </p>
      <Show when={props.vote.secret && props.vote.open}>
        <p class="hint">{t("meetings.votes.secretHint")}</p>
      </Show>
      <Show when={props.vote.open}>
        <Show
          when={!voted()}
          fallback={
            <p class="success" data-testid="vote-done">
              {t("meetings.votes.youVoted")}
            </p>
          }
        >
          <Show
            when={!cannot()}
            fallback={
              <p class="notice" data-testid="vote-cannot">
                {cannot()}
              </p>
            }
          >
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const picked = choice();
                if (picked !== undefined)
                  props.live.send({ type: "vote.cast", voteId: props.vote.id, choices: [picked] });
              }}
            >
              <fieldset class="verdict-fieldset">
                <legend>{t("meetings.votes.ballotLegend", { question: props.vote.question })}</legend>
                <Index each={props.vote.options}>
                  {(label, index) => (
                    <label class="choice">
                      <input
                        type="radio"
                        name={`vote-${props.vote.id}`}
                        checked={choice() === index}
                        onChange={() => setChoice(index)}
                      />{" "}
                      {label()}
                    </label>
                  )}
                </Index>
              </fieldset>
              <SubmitButton testId="cast-vote">{t("meetings.votes.cast")}</SubmitButton>
            </form>
          </Show>
        </Show>
      </Show>
      <Show when={receipt()}>
        {(code) => (
          <p class="receipt" data-testid="vote-receipt">
            {t("meetings.votes.receipt")} <strong class="receipt-code">{code()}</strong>
            <span class="hint"> {t("meetings.votes.receiptHint")}</span>
          </p>
        )}
      </Show>
      <Show when={props.vote.counts}>
        {(counts) => (
          <ul class="plain-list poll-results" data-testid="vote-results">
            <Index each={props.vote.options}>
              {(label, index) => (
                <li class="result-row">
                  <span class="result-label">{label()}</span>
                  <span class="result-count">{counts()[index] ?? 0}</span>
                </li>
              )}
            </Index>
          </ul>
        )}
      </Show>
      <Show when={!props.vote.open && props.vote.secret}>
        <Ballots meetingId={props.meetingId} vote={props.vote} own={receipt()} />
      </Show>
      <Show when={props.vote.open && props.live.holds("chair")}>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => props.live.send({ type: "vote.close", voteId: props.vote.id })}
          id={closeVoteId(props.vote.id)}
          data-testid="close-vote"
        >
          {t("meetings.votes.close")}
        </button>
      </Show>
    </li>
  );
}

/** The published ballots of a closed secret vote, by receipt; her own marked if this tab holds its receipt. */
function Ballots(props: { meetingId: number; vote: VoteView; own: string | undefined }) {
  const [list, setList] = createSignal<BallotList>();
  const [failure, setFailure] = createSignal<string>();
  const load = async () => {
    setFailure(undefined);
    try {
      setList(
        await call(
          client.api.meetings[":id"].votes[":voteId"].ballots.$get({
            param: { id: String(props.meetingId), voteId: String(props.vote.id) },
          }),
        ),
      );
    } catch (error) {
      setFailure(errorCode(error));
    }
  };
  return (
    <div class="ballots">
      <Show
        when={list()}
        fallback={
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={load}
            data-testid="show-ballots"
          >
            {t("meetings.votes.showBallots")}
          </button>
        }
      >
        {(ballots) => (
          <div class="table-scroll">
            <table class="data-table" data-testid="ballot-list">
              <caption>{t("meetings.votes.ballotsCaption", { count: ballots().ballots.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("meetings.votes.receiptColumn")}</th>
                  <th scope="col">{t("meetings.votes.choiceColumn")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={ballots().ballots}>
                  {(ballot) => (
                    <tr
                      class={ballot.receipt === props.own ? "own-ballot" : undefined}
                      data-testid={ballot.receipt === props.own ? "own-ballot" : undefined}
                    >
                      <th scope="row">
                        {ballot.receipt}
                        <Show when={ballot.receipt === props.own}>
                          <span class="visually-hidden"> {t("meetings.votes.yourBallot")}</span>
                        </Show>
                      </th>
                      <td>{ballot.choices.map((c) => props.vote.options[c] ?? "?").join(", ")}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Show>
      <ErrorAlert code={failure()} />
    </div>
  );
}

/** The chair opens a vote on the current item: the question, the options (one per line), open or secret. */
function NewVote(props: { live: MeetingLive }) {
  const [question, setQuestion] = createSignal("");
  const [options, setOptions] = createSignal(t("meetings.votes.defaultOptions"));
  const [secret, setSecret] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  return (
    <form
      class="chair-controls"
      data-testid="new-vote"
      onSubmit={(e) => {
        e.preventDefault();
        const opts = options()
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean);
        if (!question().trim()) return setProblem(t("meetings.polls.questionMissing"));
        if (opts.length < 2) return setProblem(t("meetings.votes.optionsMissing"));
        setProblem(undefined);
        props.live.send({ type: "vote.open", question: question().trim(), options: opts, secret: secret() });
        setQuestion("");
      }}
    >
      <h4>{t("meetings.votes.new")}</h4>
      <Field id="vote-question" label={t("meetings.polls.question")} error={problem()}>
        {(control) => (
          <input {...control} value={question()} onInput={(e) => setQuestion(e.currentTarget.value)} />
        )}
      </Field>
      <Field id="vote-options" label={t("meetings.polls.options")} hint={t("meetings.polls.optionsHint")}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={options()}
            onInput={(e) => setOptions(e.currentTarget.value)}
          />
        )}
      </Field>
      <label class="choice">
        <input
          type="checkbox"
          checked={secret()}
          onChange={(e) => setSecret(e.currentTarget.checked)}
          data-testid="vote-secret"
        />{" "}
        {t("meetings.votes.secretChoice")}
      </label>
      <SubmitButton testId="open-vote">{t("meetings.votes.openVote")}</SubmitButton>
    </form>
  );
}
