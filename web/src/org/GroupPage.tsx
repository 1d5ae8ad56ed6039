import { useParams } from "@solidjs/router";
import { createResource, For, Match, Show, Suspense, Switch } from "solid-js";
import type { GroupDetail, GroupKind } from "../../../worker/shared/org";
import { call, client, isApiRequestError } from "../api/client";
import { ConsultationsLink } from "../consultations/ConsultationsLink";
import { GroupConsultations } from "../consultations/GroupConsultations";
import { kindLabel, type MessageKey, t } from "../i18n";
import "./messages.sv";
import { loadSession } from "../identity/session";
import { GroupMeetings } from "../meetings/MeetingList";
import { MotionsLink } from "../motions/MotionsLink";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { GroupList } from "./GroupList";
import { groupHref, isBrowsableKind } from "./links";
import "./GroupPage.css";

/** Heading for a list of children, by the children's kind. */
const childrenTitle: Partial<Record<GroupKind, MessageKey>> = {
  district: "kinds.district",
  branch: "kinds.branch",
  association: "kinds.association",
  side: "kinds.side",
};

/** What to say when a group that normally has children has none yet. */
const emptyChildren: Partial<Record<GroupKind, { title: MessageKey; text: MessageKey }>> = {
  district: { title: "kinds.branch", text: "group.noBranches" },
  branch: { title: "kinds.association", text: "group.noAssociations" },
};

/** Loads a group; null when the API has no such group (or the address cannot name one). */
async function loadGroup(source: { kind: string; slug: string }): Promise<GroupDetail | null> {
  if (!isBrowsableKind(source.kind)) return null;
  try {
    return await call(
      client.api.org[":kind"][":slug"].$get({ param: { kind: source.kind, slug: source.slug } }),
    );
  } catch (error) {
    if (isApiRequestError(error) && (error.code === "not_found" || error.code === "validation_failed")) {
      return null;
    }
    throw error;
  }
}

/** One district, branch, association or side organisation: where it sits, and what is below it. */
export default function GroupPage() {
  const params = useParams<{ kind: string; slug: string }>();
  const [group] = createResource(() => ({ kind: params.kind, slug: params.slug }), loadGroup);

  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Match when={group() === null}>
          <NotFound reason="group" />
        </Match>
        <Match when={group()}>{(detail) => <GroupView group={detail()} />}</Match>
      </Switch>
    </Suspense>
  );
}

function GroupView(props: { group: GroupDetail }) {
  usePageTitle(() => props.group.name);
  void loadSession();
  const showCounty = () => props.group.kind === "district" || props.group.kind === "branch";
  const childKind = () => props.group.children[0]?.kind;
  const titleId = "children-title";

  return (
    <article class="group">
      <nav class="breadcrumb" aria-label={t("group.breadcrumb")}>
        <ol class="plain-list">
          <For each={props.group.parents}>
            {(parent) => (
              <li class="crumb">
                <a class="action-link crumb-link" href={groupHref(parent)}>
                  {parent.kind === "national" ? t("nav.organisation") : parent.name}
                </a>
              </li>
            )}
          </For>
          <li class="crumb">
            <a class="action-link crumb-link" href={groupHref(props.group)} aria-current="page">
              {props.group.name}
            </a>
          </li>
        </ol>
      </nav>

      <h1>{props.group.name}</h1>
      <dl class="facts">
        <div>
          <dt>{t("group.kind")}</dt>
          <dd data-testid="group-kind">{kindLabel(props.group.kind)}</dd>
        </div>
        <Show when={showCounty() ? props.group.county : null}>
          {(county) => (
            <div>
              <dt>{t("group.county")}</dt>
              <dd>{county().name}</dd>
            </div>
          )}
        </Show>
        <Show when={props.group.kind === "branch" ? props.group.municipalityCode : null}>
          {(code) => (
            <div>
              <dt>{t("group.municipalityCode")}</dt>
              <dd>{code()}</dd>
            </div>
          )}
        </Show>
      </dl>
      <p class="actions">
        <MotionsLink group={props.group} />
        <ConsultationsLink group={props.group} />
      </p>
      <GroupMeetings group={props.group} />
      <GroupConsultations group={props.group} />

      <Switch>
        <Match when={childKind()}>
          {(kind) => (
            <section aria-labelledby={titleId}>
              <h2 id={titleId}>
                {t("group.childrenTitle", {
                  title: t(childrenTitle[kind()] ?? "kinds.association"),
                  count: props.group.children.length,
                })}
              </h2>
              <GroupList groups={props.group.children} />
            </section>
          )}
        </Match>
        <Match when={emptyChildren[props.group.kind]}>
          {(empty) => (
            <section aria-labelledby={titleId}>
              <h2 id={titleId}>{t(empty().title)}</h2>
              <p class="empty" data-testid="group-empty">
                {t(empty().text)}
              </p>
            </section>
          )}
        </Match>
      </Switch>
    </article>
  );
}
