import { createSignal, Show } from "solid-js";
import type { MeetingView, MinutesStatus, MinutesVersion } from "../../../../worker/shared/meetings";
import { call, client } from "../../api/client";
import { t } from "../../i18n";
import "../messages.sv";
import { createRequest } from "../../motions/action";
import { ErrorAlert } from "../../ui/Form";
import { minutesHref } from "../links";
import type { MeetingLive } from "./createMeetingLive";
import { LiveDocument } from "./LiveDocument";

function statusOf(version: MinutesVersion): MinutesStatus {
  return {
    version: version.version,
    approvedBy: version.approvals.map((a) => a.person.id),
    frozenAt: version.frozenAt,
  };
}

/**
 * The minutes: the live draft the room writes into as the meeting runs and the secretary
 * edits; once the meeting has closed she hands a version to the adjusters, who approve it
 * (justerar); the last approval freezes it, and it is then printed or downloaded.
 */
export function Minutes(props: { live: MeetingLive; meeting: MeetingView }) {
  const [status, setStatus] = createSignal<MinutesStatus>(props.meeting.minutes);
  const request = createRequest();
  const id = String(props.meeting.id);
  const closed = () => props.live.state().meeting?.state === "closed";
  const me = () => props.live.state().you?.participantId;
  const secretary = () => props.live.holds("secretary") || props.meeting.can.includes("meeting.minutes");
  const adjuster = () => props.live.holds("adjuster") || props.meeting.can.includes("meeting.approve");
  const adjusters = () =>
    props.live.state().participants.filter((p) => p.officer.includes("adjuster")).length ||
    props.meeting.officers.adjusters.length;
  // The permission table gives the chair the secretary's rights while none is elected: say so.
  const noSecretary = () => {
    const officers = props.live.state().meeting?.officers;
    return officers
      ? !officers.some((o) => o.role === "secretary")
      : props.meeting.officers.secretary === null;
  };
  const chairKeepsMinutes = () =>
    noSecretary() && props.live.holds("chair") && props.meeting.can.includes("meeting.minutes");
  const approvedByMe = () => status().approvedBy.includes(me() ?? "");
  const submit = () =>
    request.run(async () => {
      setStatus(statusOf(await call(client.api.meetings[":id"].minutes.$post({ param: { id } }))));
    });
  const approve = () =>
    request.run(async () => {
      const approved = await call(
        client.api.meetings[":id"].minutes[":version"].approval.$post({
          param: { id, version: String(status().version) },
        }),
      );
      setStatus(statusOf(approved));
    });
  return (
    <section class="live-panel" aria-labelledby="minutes-title" data-testid="minutes-panel">
      <h3 id="minutes-title">{t("meetings.minutes.title")}</h3>
      <Show when={chairKeepsMinutes() && status().frozenAt === null}>
        <p class="notice" data-testid="minutes-chair-writes">
          {t("meetings.minutes.chairWrites")}
        </p>
      </Show>
      <Show when={status().frozenAt === null}>
        <LiveDocument
          documentId={props.meeting.minutesDocumentId}
          label={t("meetings.minutes.title")}
          readOnlyNote={noSecretary() ? t("meetings.minutes.readOnlyChair") : t("meetings.minutes.readOnly")}
          testId="minutes"
        />
      </Show>
      <p class="meta" role="status" data-testid="minutes-status">
        {status().frozenAt !== null
          ? t("meetings.minutes.frozen", { version: status().version })
          : status().version > 0
            ? t("meetings.minutes.awaiting", {
                version: status().version,
                approved: status().approvedBy.length,
                adjusters: adjusters(),
              })
            : t("meetings.minutes.draft")}
      </p>
      <div class="actions">
        <Show when={secretary() && closed() && status().frozenAt === null}>
          <button type="button" class="button" onClick={submit} data-testid="submit-minutes">
            {status().version > 0 ? t("meetings.minutes.submitAgain") : t("meetings.minutes.submit")}
          </button>
        </Show>
        <Show when={adjuster() && status().version > 0 && status().frozenAt === null && !approvedByMe()}>
          <button type="button" class="button" onClick={approve} data-testid="approve-minutes">
            {t("meetings.minutes.approve", { version: status().version })}
          </button>
        </Show>
        <Show when={status().frozenAt !== null}>
          <a
            class="button"
            href={minutesHref(props.meeting.id, status().version)}
            data-testid="minutes-print-link"
          >
            {t("meetings.minutes.read")}
          </a>
        </Show>
      </div>
      <ErrorAlert code={request.failure()} testId="minutes-error" />
    </section>
  );
}
