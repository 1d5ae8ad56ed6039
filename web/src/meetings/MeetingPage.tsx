import { useParams } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import type { MeetingView } from "../../../worker/shared/meetings";
import { call, client, failedWith } from "../api/client";
import { InvitePanel } from "../guests/InvitePanel";
import { t } from "../i18n";
import { loginHref } from "../identity/next";
import { currentGuest, currentPerson, loadSession, sessionStatus } from "../identity/session";
import { groupHref } from "../org/links";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { accessLabel, itemKindLabel, meetingStateLabel } from "./labels";
import { editMeetingHref, meetingHref } from "./links";
import { formatMeetingTime } from "./time";
import "./MeetingPage.css";

type Loaded = { meeting: MeetingView } | { missing: true } | { loginNeeded: true };

/** A meeting one may not attend answers 404, as one that does not exist. */
async function loadMeeting(id: string): Promise<Loaded> {
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return { missing: true };
  try {
    return { meeting: await call(client.api.meetings[":id"].$get({ param: { id } })) };
  } catch (error) {
    if (failedWith(error, 404, 400)) return { missing: true };
    if (failedWith(error, 401)) return { loginNeeded: true };
    throw error;
  }
}

/** `/meetings/:id`: a meeting, planned or running: its plan, and the live meeting once there is one. */
export default function MeetingPage() {
  const params = useParams<{ id: string }>();
  void loadSession();
  // Asked again once the session is known: a guest's cookie is read with it.
  const [loaded, { mutate }] = createResource(
    () =>
      sessionStatus() === "loading"
        ? undefined
        : `${params.id ?? ""}:${currentPerson()?.id ?? currentGuest()?.name ?? ""}`,
    () => loadMeeting(params.id ?? ""),
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error}>
        <ErrorAlert code="internal" />
      </Match>
      <Match when={loaded() && "missing" in (loaded() as Loaded)}>
        <NotFound reason="page" />
      </Match>
      <Match when={loaded() && "loginNeeded" in (loaded() as Loaded)}>
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
        {(meeting) => <MeetingDetail meeting={meeting()} onChange={(next) => mutate({ meeting: next })} />}
      </Match>
    </Switch>
  );
}

function MeetingDetail(props: { meeting: MeetingView; onChange: (meeting: MeetingView) => void }) {
  usePageTitle(() => props.meeting.title);
  const m = () => props.meeting;
  const can = (action: MeetingView["can"][number]) => m().can.includes(action);
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
        <div>
          <dt>{t("meetings.stateLabel")}</dt>
          <dd>{meetingStateLabel(m().state)}</dd>
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
      <Show when={can("meeting.manage") && m().state === "planned"}>
        <p>
          <a class="action-link" href={editMeetingHref(m().id)} data-testid="edit-meeting">
            {t("meetings.edit.link")}
          </a>
        </p>
      </Show>

      <section aria-labelledby="agenda-title" class="meeting-agenda">
        <h2 id="agenda-title">{t("meetings.agenda.title")}</h2>
        <Show when={m().agenda.length > 0} fallback={<p class="empty">{t("meetings.agenda.none")}</p>}>
          <ol class="plain-list agenda-list" data-testid="agenda">
            <For each={m().agenda}>
              {(item) => (
                <li class="agenda-item" data-testid="agenda-item">
                  <span class="agenda-number">§ {item.number}</span>
                  <span class="agenda-item-title">{item.title}</span>
                  <span class="pill">{itemKindLabel(item.kind)}</span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>

      <Show when={m().access === "open" && can("meeting.manage") && m().state !== "closed"}>
        <section aria-labelledby="meeting-guests-title" class="meeting-guests">
          <h2 id="meeting-guests-title">{t("meetings.guests.title")}</h2>
          <p class="hint">{t("meetings.guests.hint")}</p>
          <InvitePanel documentId={m().documentId} />
        </section>
      </Show>
    </article>
  );
}
