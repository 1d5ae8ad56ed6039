import { createEffect, createMemo, on, Show } from "solid-js";
import { defaultMeetingSettings } from "../../../../worker/shared/meetings";
import { t } from "../../i18n";
import "../messages.sv";
import { SubmitButton } from "../../ui/Form";
import { createRulesDraft, MeetingRules, RulesSummary, sameRules } from "../MeetingRules";
import type { MeetingLive } from "./createMeetingLive";

/**
 * The rules in force, for everyone present; while the meeting is open, the chair (the only
 * role the room lets change them) can open the same fields as in the plan and send the rules
 * she changed.
 */
export function LiveRules(props: { live: MeetingLive }) {
  // Every snapshot carries the settings anew: only a real change may replace what the chair is typing.
  const settings = createMemo(
    () => props.live.state().meeting?.settings ?? defaultMeetingSettings,
    undefined,
    {
      equals: sameRules,
    },
  );
  const rules = createRulesDraft(settings());
  createEffect(on(settings, (now) => rules.reset(now), { defer: true }));
  const save = () => {
    const changed = rules.read();
    if (changed && Object.keys(changed).length > 0)
      props.live.send({ type: "settings.update", settings: changed });
  };
  return (
    <section class="live-panel" aria-labelledby="live-rules-title" data-testid="live-rules">
      <h3 id="live-rules-title">{t("meetings.rules.live")}</h3>
      <RulesSummary settings={settings()} />
      {/* The room takes commands only while the meeting is open; before, the plan's form sets the rules. */}
      <Show when={props.live.holds("chair") && props.live.state().meeting?.state === "open"}>
        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <MeetingRules id="live" form={rules} summary={t("meetings.rules.change")}>
            <SubmitButton testId="save-rules">{t("meetings.rules.save")}</SubmitButton>
          </MeetingRules>
        </form>
      </Show>
    </section>
  );
}
