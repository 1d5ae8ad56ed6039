import { useParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { MeetingState, MeetingView } from "../../../worker/shared/meetings";
import { call, client } from "../api/client";
import { WorkspaceLink } from "../consultations/WorkspaceLink";
import { InvitePanel } from "../guests/InvitePanel";
import { t } from "../i18n";
import { formatDateTime } from "../identity/format";
import { loginHref } from "../identity/next";
import { loadSession, sessionStatus } from "../identity/session";
import { createRequest } from "../motions/action";
import { groupHref } from "../org/links";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { accessLabel } from "./labels";
import { editMeetingHref, meetingHref } from "./links";
import { LiveMeeting } from "./live/LiveMeeting";
import { type LoadedMeeting, loadMeeting } from "./load";
import { formatMeetingTime } from "./time";
import "./MeetingPage.css";

/** `/meetings/:id`: a meeting, planned or running: its plan, and the live meeting once there is one. */
export default function MeetingPage() {
  const params = useParams<{ id: string }>();
  void loadSession();
  const [loaded] = createResource(() => params.id ?? "", loadMeeting);
  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error}>
        <ErrorAlert code="internal" />
      </Match>
      <Match when={loaded() && "missing" in (loaded() as LoadedMeeting)}>
        <NotFound reason="page" />
      </Match>
      <Match when={loaded() && "loginNeeded" in (loaded() as LoadedMeeting)}>
        <section class="message-page">
          <h1>{t("meetings.title")}</h1>
          <p>{t("meetings.loginNeeded")}</p>
          <p>
            <a class="button" href={loginHref(meetingHref(Number(params.id)))}>
              {t("me.login")}
            </a>
          </p>
        </section>
      </Match>
      <Match when={(loaded() as { meeting?: MeetingView } | undefined)?.meeting}>
        {(meeting) => <MeetingDetail meeting={meeting()} />}
      </Match>
    </Switch>
  );
}

/**
 * The meeting's planner mails the group's members an invitation with a calendar file. Every
 * press mails everyone, so once sent a second round is asked for again before it goes.
 */
function Invitations(props: { meeting: MeetingView }) {
  const [sent, setSent] = createSignal<{ count?: number; at: number } | null>(
    props.meeting.invitationsSentAt !== null ? { at: props.meeting.invitationsSentAt } : null,
  );
  const [confirming, setConfirming] = createSignal(false);
  let sendButton: HTMLButtonElement | undefined;
  let confirmButton: HTMLButtonElement | undefined;
  const request = createRequest();
  const send = () => {
    // A confirmed resend: the question gives way to the button again, and the keyboard goes back to it.
    if (confirming()) {
      setConfirming(false);
      sendButton?.focus();
    }
    return request.run(async () => {
      const answer = await call(
        client.api.meetings[":id"].invitations.$post({ param: { id: String(props.meeting.id) } }),
      );
      setSent({ count: answer.sent, at: answer.sentAt });
    });
  };
  const ask = () => {
    setConfirming(true);
    confirmButton?.focus();
  };
  const cancel = () => {
    setConfirming(false);
    sendButton?.focus();
  };
  return (
    <div class="meeting-invitations">
      <p class="form-result success" role="status" data-testid="invitations-status">
        <Show when={sent()}>
          {(done) =>
            done().count !== undefined
              ? t("meetings.invitations.sent", { count: done().count ?? 0, time: formatDateTime(done().at) })
              : t("meetings.invitations.sentBefore", { time: formatDateTime(done().at) })
          }
        </Show>
      </p>
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="button button-secondary"
            ref={sendButton}
            onClick={() => (sent() ? ask() : send())}
            data-testid="send-invitations"
          >
            {sent() ? t("meetings.invitations.sendAgain") : t("meetings.invitations.send")}
          </button>
        }
      >
        <div class="invitations-confirm" data-testid="resend-confirm">
          <p>{t("meetings.invitations.confirm")}</p>
          <div class="actions">
            <button
              type="button"
              class="button"
              ref={confirmButton}
              onClick={send}
              data-testid="confirm-resend"
            >
              {t("meetings.invitations.confirmYes")}
            </button>
            <button type="button" class="button button-secondary" onClick={cancel}>
              {t("meetings.invitations.confirmNo")}
            </button>
          </div>
        </div>
      </Show>
      <ErrorAlert code={request.failure()} />
    </div>
  );
}

/** The items that discuss a consultation, each opening the group's workspace for it. */
function ConsultationItems(props: { meeting: MeetingView }) {
  const items = () => props.meeting.agenda.filter((item) => item.consultation !== null);
  return (
    <Show when={items().length > 0}>
      <section class="meeting-consultations" aria-labelledby="meeting-consultations-title">
        <h2 id="meeting-consultations-title">{t("meetings.agenda.consultations")}</h2>
        <ul class="plain-list" data-testid="meeting-consultations">
          <For each={items()}>
            {(item) => (
              <li>
                § {item.number} {item.title}{" "}
                <Show when={item.consultation}>
                  {(consultation) => (
                    <WorkspaceLink consultation={consultation()} group={props.meeting.group} />
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function MeetingDetail(props: { meeting: MeetingView }) {
  usePageTitle(() => props.meeting.title);
  const m = () => props.meeting;
  const can = (action: MeetingView["can"][number]) => m().can.includes(action);
  const [state, setState] = createSignal<MeetingState>(props.meeting.state);
  return (
    <article class="meeting-page" data-testid="meeting-page" data-state={m().state}>
      <p class="meeting-group">
        <a class="action-link" href={groupHref(m().group)}>
          {m().group.name}
        </a>
      </p>
      <h1>{m().title}</h1>
      <dl class="facts meeting-facts">
        <div>
          <dt>{t("meetings.when")}</dt>
          <dd data-testid="meeting-time">{formatMeetingTime(m().startsAt, m().endsAt)}</dd>
        </div>
        <div>
          <dt>{t("meetings.form.access")}</dt>
          <dd data-testid="meeting-access">{accessLabel(m().access)}</dd>
        </div>
        <Show when={m().officers.chair}>
          {(chair) => (
            <div>
              <dt>{t("meetings.officer.chair")}</dt>
              <dd>{chair().name ?? t("meetings.formerMember")}</dd>
            </div>
          )}
        </Show>
        <Show when={m().officers.secretary}>
          {(secretary) => (
            <div>
              <dt>{t("meetings.officer.secretary")}</dt>
              <dd>{secretary().name ?? t("meetings.formerMember")}</dd>
            </div>
          )}
        </Show>
        <Show when={m().officers.adjusters.length > 0}>
          <div>
            <dt>{t("meetings.officer.adjusters")}</dt>
            <dd>
              {m()
                .officers.adjusters.map((a) => a.name ?? t("meetings.formerMember"))
                .join(", ")}
            </dd>
          </div>
        </Show>
      </dl>
      <Show when={m().videoUrl}>
        {(url) => (
          <p>
            <a
              class="button button-secondary"
              href={url()}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="video-link"
            >
              {t("meetings.video.join")}
              <span class="visually-hidden"> {t("meetings.video.newTab")}</span>
            </a>
          </p>
        )}
      </Show>
      <Show when={can("meeting.manage") && state() === "planned"}>
        <p>
          <a class="action-link" href={editMeetingHref(m().id)} data-testid="edit-meeting">
            {t("meetings.edit.link")}
          </a>
        </p>
        <Invitations meeting={m()} />
      </Show>
      {/* Guests are let in while the meeting runs too: the link stays by the facts, not under the live meeting. */}
      <Show when={m().access === "open" && can("meeting.manage") && state() !== "closed"}>
        <InvitePanel documentId={m().documentId} kind="meeting" />
      </Show>
      <ConsultationItems meeting={m()} />

      {/* The live part joins under the session's name: once the session is known. */}
      <Show when={can("meeting.attend") && sessionStatus() !== "loading"}>
        <LiveMeeting meeting={m()} onStateChange={setState} />
      </Show>
    </article>
  );
}
