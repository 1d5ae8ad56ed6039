import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import type { Me, SessionInfo } from "../../../worker/shared/identity";
import { call, client, errorCode, failedWith } from "../api/client";
import { AuditLink } from "../audit/AuditLink";
import { ConsultationsLink } from "../consultations/ConsultationsLink";
import { kindLabel, t } from "../i18n";
import "./messages.sv";
import { MyMeetings } from "../meetings/MeetingList";
import { ImportLink } from "../members/ImportLink";
import { MotionsLink } from "../motions/MotionsLink";
import { groupHref } from "../org/links";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { usePageTitle } from "../ui/title";
import { formatDateTime } from "./format";
import { loginHref } from "./next";
import { PrivacySection } from "./PrivacySection";
import { identityPaths } from "./paths";
import { roleLabel } from "./roles";
import { SessionProblem } from "./SessionProblem";
import { currentPerson, loadSession, loggedOut, sessionStatus } from "./session";
import "./MePage.css";

/** `/me`, "Mina sidor": who she is, her groups and roles, her logged-in devices, log out. */
export default function MePage() {
  usePageTitle(() => t("me.title"));
  void loadSession();
  const [justLoggedOut, setJustLoggedOut] = createSignal(false);
  return (
    <Switch
      fallback={
        <section class="message-page" aria-labelledby="me-title">
          <h1 id="me-title">{t("me.title")}</h1>
          {/* Focus lands here after logging out, where the log-out button was. */}
          <div
            class="logged-out"
            tabindex="-1"
            ref={(el) => justLoggedOut() && queueMicrotask(() => el.focus())}
          >
            <Show when={justLoggedOut()}>
              <p class="success" role="status" data-testid="logged-out">
                {t("me.loggedOut")}
              </p>
            </Show>
            <p data-testid="not-logged-in">{t("me.notLoggedIn")}</p>
          </div>
          <p>
            <a class="button" href={loginHref(identityPaths.me)}>
              {t("me.login")}
            </a>
          </p>
        </section>
      }
    >
      <Match when={sessionStatus() === "loading"}>
        <Loading />
      </Match>
      <Match when={currentPerson()}>
        {(person) => <MyPages me={person()} onLoggedOut={() => setJustLoggedOut(true)} />}
      </Match>
      <Match when={sessionStatus() === "error"}>
        <section class="message-page" aria-labelledby="me-title">
          <h1 id="me-title">{t("me.title")}</h1>
          <SessionProblem />
        </section>
      </Match>
    </Switch>
  );
}

function MyPages(props: { me: Me; onLoggedOut: () => void }) {
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  const logOut = async () => {
    if (loggingOut()) return;
    setLoggingOut(true);
    setFailure(undefined);
    try {
      await call(client.api.auth.logout.$post());
    } catch (error) {
      // Already logged out elsewhere (401) is what she wanted; anything else is reported.
      if (!failedWith(error, 401)) {
        setFailure(errorCode(error));
        setLoggingOut(false);
        return;
      }
    }
    props.onLoggedOut();
    loggedOut();
  };

  return (
    <article class="narrow-page my-pages">
      <h1>{t("me.title")}</h1>
      <dl class="facts">
        <div>
          <dt>{t("me.name")}</dt>
          <dd data-testid="me-name">{props.me.name}</dd>
        </div>
        <div>
          <dt>{t("me.email")}</dt>
          <dd class="email">{props.me.email}</dd>
        </div>
      </dl>
      <p>
        <button type="button" class="button button-secondary" onClick={logOut} data-testid="logout">
          {loggingOut() ? t("me.loggingOut") : t("me.logout")}
        </button>
      </p>
      <ErrorAlert code={failure()} />

      <section aria-labelledby="my-groups-title">
        <h2 id="my-groups-title">{t("me.groups.title")}</h2>
        <Show when={props.me.groups.length > 0} fallback={<p class="empty">{t("me.groups.none")}</p>}>
          <ul class="plain-list card-list" data-testid="my-groups">
            <For each={props.me.groups}>
              {(membership) => (
                <li class="item-card">
                  <a class="membership-name" href={groupHref(membership.group)}>
                    {membership.group.name}
                  </a>
                  <span class="meta">{kindLabel(membership.group.kind)}</span>
                  <ul
                    class="plain-list role-list"
                    aria-label={t("me.groups.roles", { group: membership.group.name })}
                  >
                    <For each={membership.roles}>{(role) => <li class="pill">{roleLabel(role)}</li>}</For>
                  </ul>
                  <MotionsLink group={membership.group} />
                  <ConsultationsLink group={membership.group} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <MyMeetings />

      <ImportLink me={props.me} />
      <AuditLink me={props.me} />

      <Sessions />

      <PrivacySection />
    </article>
  );
}

function Sessions() {
  const [list, setList] = createSignal<SessionInfo[]>();
  const [failure, setFailure] = createSignal<string>();
  const [ending, setEnding] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal("");

  /** Reloads the list; a 401 means this very session is gone, so she is logged out. */
  const load = async () => {
    try {
      setList(await call(client.api.me.sessions.$get()));
      setFailure(undefined);
    } catch (error) {
      if (failedWith(error, 401)) loggedOut();
      else setFailure(errorCode(error));
    }
  };
  onMount(load);

  const end = async (session: SessionInfo) => {
    if (ending()) return;
    setEnding(session.id);
    setAnnouncement("");
    try {
      await call(client.api.me.sessions[":id"].$delete({ param: { id: session.id } }));
      setAnnouncement(t("me.sessions.ended", { device: session.label }));
    } catch (error) {
      // 404: it had already ended (expired, or ended from elsewhere): the list will show it gone.
      if (failedWith(error, 401)) loggedOut();
      else if (!failedWith(error, 404)) setFailure(errorCode(error));
    } finally {
      setEnding(undefined);
    }
    await load();
  };

  return (
    <section aria-labelledby="my-sessions-title">
      <h2 id="my-sessions-title">{t("me.sessions.title")}</h2>
      <p class="hint">{t("me.sessions.lead")}</p>
      <p class="form-result success" role="status" aria-live="polite" data-testid="sessions-status">
        {announcement()}
      </p>
      <ErrorAlert code={failure()} />
      <Show when={list()} fallback={<Show when={!failure()}>{<Loading />}</Show>}>
        {(sessions) => (
          <ul class="plain-list card-list" data-testid="my-sessions">
            <For each={sessions()}>
              {(session) => {
                const labelId = `session-${session.id}`;
                return (
                  <li class="item-card session" classList={{ "item-card-current": session.current }}>
                    <p class="item-card-title" id={labelId}>
                      <span class="session-label">{session.label}</span>
                      <Show when={session.current}>
                        {" "}
                        <span class="pill">{t("me.sessions.current")}</span>
                      </Show>
                    </p>
                    <p class="meta">
                      {t("me.sessions.lastSeen", { time: formatDateTime(session.lastSeenAt) })}
                      <br />
                      {t("me.sessions.since", { time: formatDateTime(session.createdAt) })}
                    </p>
                    <Show when={!session.current}>
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        aria-describedby={labelId}
                        aria-busy={ending() === session.id ? "true" : undefined}
                        onClick={() => end(session)}
                      >
                        {t("me.sessions.end")}
                      </button>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}
