import { createSignal, For, type JSX, Show } from "solid-js";
import {
  defaultMeetingSettings,
  type MeetingSettings,
  type MeetingSummary,
  type MeetingView,
  meetingSettingLimits,
  type TieBreak,
  tieBreaks,
} from "../../../worker/shared/meetings";
import { call, client } from "../api/client";
import { formatNumber, type MessageKey, t } from "../i18n";
import "./messages.sv";
import { Field } from "../ui/Form";
import "./MeetingRules.css";

/**
 * The rules that vary between associations (MeetingSettings), as a chair sets them: when
 * planning a meeting and, live, during it. Times are shown in the unit people say: speeches
 * and the sign-up window after "streck i debatten" in minutes (decimals, comma or point,
 * rounded to whole seconds), replies in seconds. A draft keeps what was typed until it is read.
 */
type NumberRule = keyof typeof meetingSettingLimits;
export type RulesDraft = Omit<MeetingSettings, NumberRule> & Record<NumberRule, string>;
type RuleProblems = Partial<Record<NumberRule, string>>;

const numberRules: Record<
  NumberRule,
  { unit: 1 | 60; label: MessageKey; hint: MessageKey; mode: "numeric" | "decimal" }
> = {
  speechSeconds: {
    unit: 60,
    label: "meetings.speakers.speechTime",
    hint: "meetings.speakers.speechTimeHint",
    mode: "decimal",
  },
  replySeconds: { unit: 1, label: "meetings.rules.reply", hint: "meetings.rules.replyHint", mode: "numeric" },
  maxRepliesPerSpeech: {
    unit: 1,
    label: "meetings.rules.maxReplies",
    hint: "meetings.rules.maxRepliesHint",
    mode: "numeric",
  },
  closingWindowSeconds: {
    unit: 60,
    label: "meetings.rules.closingWindow",
    hint: "meetings.rules.closingWindowHint",
    mode: "decimal",
  },
};

const numberRuleNames = Object.keys(numberRules) as NumberRule[];

/**
 * The typed form of settings, in the reader's language ("1,5" in Swedish): minutes rounded
 * to hundredths, so 100 s shows as 1,67 and reads back as 100 s.
 */
function draftOf(settings: MeetingSettings): RulesDraft {
  const draft = { ...settings } as unknown as RulesDraft;
  for (const name of numberRuleNames) {
    draft[name] = formatNumber(Math.round((settings[name] / numberRules[name].unit) * 100) / 100);
  }
  return draft;
}

/** A typed number in its unit, as the schema's whole number, or the problem with it. */
function readNumber(name: NumberRule, typed: string): number | { problem: string } {
  const { unit } = numberRules[name];
  const max = meetingSettingLimits[name] / unit;
  const value = Number(typed.trim().replace(",", "."));
  const whole = unit === 1;
  if (
    typed.trim() === "" ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > max ||
    (whole && !Number.isInteger(value))
  )
    return { problem: t(whole ? "meetings.rules.wholeNumber" : "meetings.rules.number", { min: 0, max }) };
  return Math.round(value * unit);
}

export const sameRules = (a: MeetingSettings, b: MeetingSettings) =>
  (Object.keys(a) as (keyof MeetingSettings)[]).every((name) => a[name] === b[name]);

/** The group's most recently planned meeting: a new one starts from its rules (worker/meetings/planning.ts). */
async function latestOfGroup(group: string): Promise<MeetingView | null> {
  const list = await call(client.api.meetings.$get({ query: { group, past: "1" } }));
  const latest = list.meetings.reduce<MeetingSummary | null>((a, b) => (a && a.id > b.id ? a : b), null);
  return latest ? await call(client.api.meetings[":id"].$get({ param: { id: String(latest.id) } })) : null;
}

/**
 * A rules form's state, starting from a meeting's rules or, for a new meeting of a group,
 * from its latest meeting's (once they arrive, unless the chair has begun changing them).
 * `read()` gives the rules changed from where the form started (the Worker keeps the others)
 * or null, showing what to fix, while a number is out of range.
 */
export function createRulesDraft(start: MeetingSettings | { group: string }) {
  let base = "group" in start ? defaultMeetingSettings : start;
  const [draft, setDraft] = createSignal(draftOf(base));
  const [problems, setProblems] = createSignal<RuleProblems>({});
  const [from, setFrom] = createSignal<string | null>(null);
  let touched = false;
  const reset = (settings: MeetingSettings) => {
    base = settings;
    setDraft(draftOf(settings));
    setProblems({});
  };
  if ("group" in start) {
    latestOfGroup(start.group)
      .then((latest) => {
        if (!latest || touched) return;
        reset(latest.settings);
        setFrom(latest.title);
      })
      // The defaults stay in view; the Worker still takes the group's rules for any not sent.
      .catch(() => undefined);
  }
  return {
    draft,
    problems,
    /** The title of the meeting whose rules the form started from, for a new meeting. */
    from,
    change: (fields: Partial<RulesDraft>) => {
      touched = true;
      setDraft({ ...draft(), ...fields });
    },
    /** Starts over from settings (the room's, after they changed). */
    reset,
    read: (): Partial<MeetingSettings> | null => {
      const found: RuleProblems = {};
      const settings = { ...draft() } as unknown as MeetingSettings;
      for (const name of numberRuleNames) {
        const value = readNumber(name, draft()[name]);
        if (typeof value === "number") settings[name] = value;
        else found[name] = value.problem;
      }
      setProblems(found);
      if (Object.keys(found).length > 0) return null;
      return Object.fromEntries(
        (Object.keys(settings) as (keyof MeetingSettings)[])
          .filter((name) => settings[name] !== base[name])
          .map((name) => [name, settings[name]]),
      );
    },
  };
}
export type RulesForm = ReturnType<typeof createRulesDraft>;

/**
 * Every rule as a field, in a disclosure (`summary`) that opens by itself when a rule needs
 * fixing. `id` keeps the control ids unique where the fields appear twice on a page.
 */
export function MeetingRules(props: {
  id: string;
  form: RulesForm;
  summary: JSX.Element;
  hint?: string;
  /** After the fields, inside the disclosure (a save button). */
  children?: JSX.Element;
}) {
  const draft = () => props.form.draft();
  const id = (name: string) => `${props.id}-${name}`;
  const numberField = (name: NumberRule) => (
    <Field
      id={id(name)}
      label={t(numberRules[name].label)}
      hint={t(numberRules[name].hint)}
      error={props.form.problems()[name]}
    >
      {(control) => (
        // Minutes take a decimal comma, which a number input refuses in some browsers: text, then.
        <input
          {...control}
          type={numberRules[name].unit === 60 ? "text" : "number"}
          inputmode={numberRules[name].mode}
          min="0"
          max={meetingSettingLimits[name] / numberRules[name].unit}
          value={draft()[name]}
          onInput={(e) => props.form.change({ [name]: e.currentTarget.value })}
        />
      )}
    </Field>
  );
  const checkbox = (
    name: "firstTimeSpeakersFirst" | "pointsOfOrderAfterClosing",
    label: MessageKey,
    hint: MessageKey,
  ) => (
    <div class="rule-choice">
      <label class="choice">
        <input
          type="checkbox"
          checked={draft()[name]}
          aria-describedby={id(`${name}-hint`)}
          onChange={(e) => props.form.change({ [name]: e.currentTarget.checked })}
        />
        {t(label)}
      </label>
      <p class="hint" id={id(`${name}-hint`)}>
        {t(hint)}
      </p>
    </div>
  );
  const tieBreak = (name: "tieBreakOrdinary" | "tieBreakElection", legend: MessageKey) => (
    <fieldset class="rule-tie">
      <legend>{t(legend)}</legend>
      <For each={tieBreaks}>
        {(value: TieBreak) => (
          <label class="choice">
            <input
              type="radio"
              name={id(name)}
              value={value}
              checked={draft()[name] === value}
              onChange={() => props.form.change({ [name]: value })}
            />
            {t(value === "casting" ? "meetings.rules.tie.casting" : "meetings.rules.tie.lots")}
          </label>
        )}
      </For>
    </fieldset>
  );

  return (
    <details
      class="meeting-rules"
      open={Object.keys(props.form.problems()).length > 0 || undefined}
      data-testid={`${props.id}-rule-fields`}
    >
      <summary>
        {props.summary}
        <Show when={props.form.from()}>
          {(title) => (
            <span class="hint rules-from" data-testid={`${props.id}-rules-from`}>
              {t("meetings.rules.fromLatest", { title: title() })}
            </span>
          )}
        </Show>
      </summary>
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
      <fieldset class="rule-group">
        <legend>{t("meetings.rules.debate")}</legend>
        {checkbox(
          "firstTimeSpeakersFirst",
          "meetings.speakers.firstTimeFirst",
          "meetings.rules.firstTimeHint",
        )}
        {numberField("speechSeconds")}
        {numberField("replySeconds")}
        {numberField("maxRepliesPerSpeech")}
      </fieldset>
      <fieldset class="rule-group">
        <legend>{t("meetings.rules.closing")}</legend>
        {numberField("closingWindowSeconds")}
        {checkbox(
          "pointsOfOrderAfterClosing",
          "meetings.rules.ordersAfterClosing",
          "meetings.rules.ordersAfterClosingHint",
        )}
      </fieldset>
      <fieldset class="rule-group">
        <legend>{t("meetings.rules.tie")}</legend>
        <p class="hint">{t("meetings.rules.tieHint")}</p>
        {tieBreak("tieBreakOrdinary", "meetings.rules.tieOrdinary")}
        {tieBreak("tieBreakElection", "meetings.rules.tieElection")}
      </fieldset>
      {props.children}
    </details>
  );
}

/** "3 min", "1,5 min", "30 s", "100 s"; 0 as `zero` says. */
function duration(seconds: number, zero: MessageKey = "meetings.rules.noLimit"): string {
  if (seconds === 0) return t(zero);
  return seconds >= 60 && seconds % 30 === 0
    ? t("meetings.rules.minutes", { n: seconds / 60 })
    : t("meetings.rules.seconds", { n: seconds });
}

/** The rules in force, in a few lines everyone present can read. */
export function RulesSummary(props: { settings: MeetingSettings }) {
  const s = () => props.settings;
  const tie = (value: TieBreak) =>
    t(value === "casting" ? "meetings.rules.summary.casting" : "meetings.rules.summary.lots");
  return (
    <dl class="rules-summary" data-testid="rules-summary">
      <dt>{t("meetings.rules.summary.speech")}</dt>
      <dd>
        {t("meetings.rules.summary.speechValue", {
          speech: duration(s().speechSeconds),
          reply: duration(s().replySeconds),
        })}
      </dd>
      <dt>{t("meetings.rules.summary.replies")}</dt>
      <dd>
        {s().maxRepliesPerSpeech === 0
          ? t("meetings.rules.summary.noReplies")
          : t("meetings.rules.summary.maxReplies", { count: s().maxRepliesPerSpeech })}
      </dd>
      <dt>{t("meetings.rules.summary.order")}</dt>
      <dd>
        {t(s().firstTimeSpeakersFirst ? "meetings.speakers.firstTimeFirst" : "meetings.rules.summary.inTurn")}
      </dd>
      <dt>{t("meetings.rules.closing")}</dt>
      <dd>
        {t("meetings.rules.summary.closingValue", {
          window: duration(s().closingWindowSeconds, "meetings.rules.summary.noWindow"),
          orders: t(
            s().pointsOfOrderAfterClosing
              ? "meetings.rules.summary.ordersAllowed"
              : "meetings.rules.summary.ordersRefused",
          ),
        })}
      </dd>
      <dt>{t("meetings.rules.tie")}</dt>
      <dd>
        {t("meetings.rules.summary.tieValue", {
          ordinary: tie(s().tieBreakOrdinary),
          election: tie(s().tieBreakElection),
        })}
      </dd>
    </dl>
  );
}
