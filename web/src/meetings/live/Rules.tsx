import { createEffect, createMemo, on, Show } from "solid-js";
import { defaultMeetingSettings, type MeetingSettings } from "../../../../worker/shared/meetings";
import { t } from "../../i18n";
import { SubmitButton } from "../../ui/Form";
import { createRulesDraft, MeetingRules, RulesSummary } from "../MeetingRules";
import type { MeetingLive } from "./createMeetingLive";

const sameRules = (a: MeetingSettings, b: MeetingSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rules in force, for everyone present; the chair (the only role the room lets change
 * them) can open the same fields as in the plan and send the rules she changed.
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
    const next = rules.read();
    if (!next) return;
    const changed = Object.fromEntries(
      Object.entries(next).filter(([name, value]) => settings()[name as keyof MeetingSettings] !== value),
    ) as Partial<MeetingSettings>;
    if (Object.keys(changed).length > 0) props.live.send({ type: "settings.update", settings: changed });
  };
  return (
    <section class="live-panel" aria-labelledby="live-rules-title" data-testid="live-rules">
      <h3 id="live-rules-title">{t("meetings.rules.live")}</h3>
      <RulesSummary settings={settings()} />
      <Show when={props.live.holds("chair") && props.live.state().meeting?.state !== "closed"}>
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
