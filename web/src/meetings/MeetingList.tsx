import { createResource, For, type JSX, Match, Show, Switch } from "solid-js";
import type { MeetingList as MeetingListAnswer, MeetingSummary } from "../../../worker/shared/meetings";
import type { GroupRef } from "../../../worker/shared/org";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import { currentPerson } from "../identity/session";
import { groupParam, membershipOf } from "../motions/links";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { CalendarFeed } from "./CalendarFeed";
import { accessLabel, meetingStateLabel } from "./labels";
import { meetingHref, newMeetingHref } from "./links";
import { formatMeetingTime } from "./time";
import "./MeetingList.css";

/** Meetings as cards: title (a link to the meeting), time in the viewer's zone, open or members-only, state. */
export function MeetingCards(props: { meetings: MeetingSummary[]; showGroup?: boolean }) {
  return (
    <Show when={props.meetings.length > 0} fallback={<p class="empty">{t("meetings.list.none")}</p>}>
      <ul class="plain-list card-list" data-testid="meeting-list">
        <For each={props.meetings}>
          {(meeting) => (
            <li class="item-card meeting-card" data-testid="meeting-item">
              <a class="meeting-card-title" href={meetingHref(meeting.id)}>
                {meeting.title}
              </a>
              <span class="meta">{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</span>
              <Show when={props.showGroup}>
                <span class="meta">{meeting.group.name}</span>
              </Show>
              <span class="pill">{accessLabel(meeting.access)}</span>
              <Show when={meeting.state !== "planned"}>
                <span class="pill">{meetingStateLabel(meeting.state)}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function Listed(props: {
  titleId: string;
  title: string;
  load: () => Promise<MeetingListAnswer>;
  showGroup?: boolean;
  actions?: JSX.Element;
}) {
  const [list] = createResource(props.load);
  return (
    <section aria-labelledby={props.titleId} class="meeting-section" data-testid={props.titleId}>
      <h2 id={props.titleId}>{props.title}</h2>
      <Switch>
        <Match when={list.error}>
          <ErrorAlert code="internal" />
        </Match>
        <Match when={list()}>
          {(answer) => (
            <>
              <p class="meta visually-hidden" role="status">
                {tp("meetings.list.count", answer().meetings.length)}
              </p>
              <MeetingCards meetings={answer().meetings} showGroup={props.showGroup} />
            </>
          )}
        </Match>
        <Match when={list.loading}>
          <Loading />
        </Match>
      </Switch>
      {props.actions}
    </section>
  );
}

/**
 * A group's upcoming meetings on its page, for its members (only they may list them), and
 * "Nytt möte" for whoever `/api/me` says may plan one there.
 */
export function GroupMeetings(props: { group: Pick<GroupRef, "kind" | "slug" | "name"> }) {
  const membership = () => membershipOf(currentPerson(), props.group);
  return (
    <Show when={membership()} keyed>
      {(member) => (
        <Listed
          titleId="group-meetings"
          title={t("meetings.group.title")}
          load={() => call(client.api.meetings.$get({ query: { group: groupParam(props.group) } }))}
          actions={
            <Show when={member.can.includes("meeting.plan")}>
              <p>
                <a class="button" href={newMeetingHref(props.group)} data-testid="new-meeting">
                  {t("meetings.new.link")}
                </a>
              </p>
            </Show>
          }
        />
      )}
    </Show>
  );
}

/** "Mina möten" on her own page: the upcoming meetings of her groups and those she is an officer of, and her calendar feed. */
export function MyMeetings() {
  return (
    <>
      <Listed
        titleId="my-meetings"
        title={t("meetings.mine.title")}
        load={() => call(client.api.meetings.mine.$get({ query: {} }))}
        showGroup
      />
      <CalendarFeed />
    </>
  );
}
