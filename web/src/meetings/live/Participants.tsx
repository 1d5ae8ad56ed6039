import { For, Show } from "solid-js";
import type { Participant } from "../../../../worker/shared/meetings";
import { t } from "../../i18n";
import "../messages.sv";
import { ToggleButton } from "../../ui/ToggleButton";
import type { MeetingLive } from "./createMeetingLive";
import { personLabel } from "./Speakers";

const officerKeys = {
  chair: "meetings.officer.chair",
  secretary: "meetings.officer.secretary",
  adjuster: "meetings.officer.adjuster",
} as const;

/**
 * Who is here now: members and guests (marked), with their roles in the meeting and their
 * place on the voting roll. The chair elects the meeting's secretary and adjusters from those
 * here; in a members-only meeting the chair and the secretary keep the roll (justering av
 * röstlängd): per member, checked in or out and a vote or none. Those who left while checked
 * in stay listed for them, marked, since a vote opened now would count them.
 */
export function Participants(props: { live: MeetingLive }) {
  const all = () => props.live.state().participants;
  const chair = () => props.live.holds("chair");
  const membersOnly = () => props.live.state().meeting?.access === "members";
  const keepsRoll = () => membersOnly() && (chair() || props.live.holds("secretary"));
  const present = () => all().filter((p) => p.present);
  const listed = () =>
    all()
      .filter((p) => p.present || (keepsRoll() && p.votingRight && p.checkedIn))
      .sort(
        (a, b) =>
          Number(a.guest) - Number(b.guest) ||
          Number(b.present) - Number(a.present) ||
          a.name.localeCompare(b.name),
      );
  // Rows are keyed by id, not by entry: each change replaces the entry, and a row rebuilt
  // would take the keyboard focus off the button just pressed.
  const ids = () => listed().map((p) => p.id);
  const byId = (id: string) => all().find((p) => p.id === id);
  const toggleRole = (p: Participant, role: "secretary" | "adjuster") => {
    const holders = all()
      .filter((other) => other.officer.includes(role))
      .map((other) => other.id);
    const next = p.officer.includes(role)
      ? holders.filter((id) => id !== p.id)
      : role === "secretary"
        ? [p.id]
        : [...holders, p.id];
    props.live.send({ type: "officers.set", role, participantIds: next });
  };
  return (
    <section class="live-panel" aria-labelledby="participants-title" data-testid="participants">
      <h3 id="participants-title">{t("meetings.participants.title", { count: present().length })}</h3>
      <ul class="plain-list participant-list">
        <For each={ids()}>
          {(id) => (
            <Show when={byId(id)}>
              {(p) => (
                <li
                  class="participant-row"
                  data-testid="participant"
                  data-guest={p().guest}
                  data-present={p().present}
                >
                  <span class="participant-name">
                    {personLabel(p())}
                    <Show when={!p().present}>
                      <span class="meta"> ({t("meetings.participants.away")})</span>
                    </Show>
                  </span>
                  <For each={p().officer}>{(role) => <span class="pill">{t(officerKeys[role])}</span>}</For>
                  <Show when={p().votingRight}>
                    <span class="pill" data-testid="roll-pill">
                      {p().checkedIn
                        ? t("meetings.participants.votes")
                        : t("meetings.participants.checkedOut")}
                    </span>
                  </Show>
                  <Show when={!p().guest && (chair() || keepsRoll())}>
                    <span class="participant-tools">
                      <Show when={chair()}>
                        <For each={["secretary", "adjuster"] as const}>
                          {(role) => (
                            <ToggleButton
                              pressed={p().officer.includes(role)}
                              label={t("meetings.participants.role", {
                                role: t(officerKeys[role]),
                                name: p().name,
                              })}
                              onToggle={() => toggleRole(p(), role)}
                            >
                              {t(officerKeys[role])}
                            </ToggleButton>
                          )}
                        </For>
                      </Show>
                      <Show when={keepsRoll()}>
                        <Show when={p().votingRight}>
                          <ToggleButton
                            pressed={p().checkedIn}
                            label={t("meetings.participants.checkedIn", { name: p().name })}
                            onToggle={() =>
                              props.live.send({
                                type: "roll.check",
                                participantId: p().id,
                                checkedIn: !p().checkedIn,
                              })
                            }
                            testId="roll-check-other"
                          >
                            {t("meetings.participants.checkedInShort")}
                          </ToggleButton>
                        </Show>
                        <ToggleButton
                          pressed={p().votingRight}
                          label={t("meetings.participants.votingRight", { name: p().name })}
                          onToggle={() =>
                            props.live.send({
                              type: "roll.set",
                              participantId: p().id,
                              votingRight: !p().votingRight,
                            })
                          }
                          testId="roll-set"
                        >
                          {t("meetings.participants.votingRightShort")}
                        </ToggleButton>
                      </Show>
                    </span>
                  </Show>
                </li>
              )}
            </Show>
          )}
        </For>
      </ul>
    </section>
  );
}
