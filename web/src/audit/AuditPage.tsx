import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import type { AuditEntryView } from "../../../worker/shared/identity";
import { call, client, errorCode, isApiRequestError } from "../api/client";
import { type MessageKey, t, tp } from "../i18n";
import "./messages.sv";
import { formatDateTime } from "../identity/format";
import { loginHref } from "../identity/next";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { usePageTitle } from "../ui/title";
import { auditPath } from "./links";
import "./AuditPage.css";

/** Entries per request ("Visa fler" asks for the next this many). */
export const auditPageSize = 50;

const actionKeys: Record<string, MessageKey> = {
  "members.import": "audit.action.members.import",
  "membership.role_added": "audit.action.membership.role_added",
  "membership.role_removed": "audit.action.membership.role_removed",
  "membership.ended": "audit.action.membership.ended",
  "person.erased": "audit.action.person.erased",
  "invite.created": "audit.action.invite.created",
  "invite.revoked": "audit.action.invite.revoked",
};

const subjectKeys: Record<string, MessageKey> = {
  person: "audit.subject.person",
  group: "audit.subject.group",
  import: "audit.subject.import",
  invite: "audit.subject.invite",
};

/** "Raderade personuppgifter" / "Erased personal data"; an action this app does not know yet as its code. */
export function actionLabel(action: string): string {
  const key = actionKeys[action];
  return key ? t(key) : action;
}

/** Who acted: her name; "Tidigare medlem" once she is erased (the id stays); "Systemet" for no one. */
export function actorLabel(entry: Pick<AuditEntryView, "actorId" | "actorName">): string {
  if (entry.actorName) return entry.actorName;
  return entry.actorId ? t("audit.formerMember") : t("audit.system");
}

export function subjectLabel(subjectType: string): string {
  const key = subjectKeys[subjectType];
  return key ? t(key) : subjectType;
}

/**
 * Counts and ids recorded with the entry (never names or content): the ones this app knows
 * in words ("giltig i 7 dagar"), any other as "name: value".
 */
export function detailsText(details: AuditEntryView["details"]): string {
  return Object.entries(details)
    .map(([name, value]) =>
      name === "days" && typeof value === "number"
        ? tp("audit.details.days", value)
        : `${name}: ${String(value)}`,
    )
    .join(", ");
}

/** `/admin/audit`: the audit log for national administrators, newest first, a page at a time. */
export default function AuditPage() {
  usePageTitle(() => t("audit.title"));
  const [entries, setEntries] = createSignal<AuditEntryView[]>();
  const [failure, setFailure] = createSignal<{ code: string; status: number }>();
  const [more, setMore] = createSignal(false);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreFailure, setMoreFailure] = createSignal<string>();
  let count: HTMLParagraphElement | undefined;

  const fetchPage = (before?: number) =>
    call(client.api.audit.$get({ query: { before, limit: auditPageSize } }));

  const load = async () => {
    setFailure(undefined);
    setEntries(undefined);
    try {
      const page = await fetchPage();
      setEntries(page);
      setMore(page.length === auditPageSize);
    } catch (error) {
      setFailure({ code: errorCode(error), status: isApiRequestError(error) ? error.status : 0 });
    }
  };
  onMount(load);

  const loadMore = async () => {
    const shown = entries() ?? [];
    const oldest = shown[shown.length - 1];
    if (loadingMore() || !oldest) return;
    setLoadingMore(true);
    setMoreFailure(undefined);
    try {
      const page = await fetchPage(oldest.id);
      setEntries([...shown, ...page]);
      setMore(page.length === auditPageSize);
      // The button is gone at the end of the log: keep her place on the count instead.
      if (page.length < auditPageSize) count?.focus();
    } catch (error) {
      setMoreFailure(errorCode(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <article>
      <h1>{t("audit.title")}</h1>
      <Switch>
        <Match when={failure()?.status === 401}>
          <p data-testid="audit-denied">{t("audit.notLoggedIn")}</p>
          <p>
            <a class="button" href={loginHref(auditPath)}>
              {t("me.login")}
            </a>
          </p>
        </Match>
        <Match when={failure()?.status === 403}>
          <p class="notice" data-testid="audit-denied">
            {t("audit.forbidden")}
          </p>
        </Match>
        <Match when={failure()}>
          {(problem) => (
            <>
              <ErrorAlert code={problem().code} />
              <button type="button" class="button" onClick={load}>
                {t("error.retry")}
              </button>
            </>
          )}
        </Match>
        <Match when={entries()}>
          {(list) => (
            <>
              <p class="lead">{t("audit.lead")}</p>
              <Show when={list().length > 0} fallback={<p class="empty">{t("audit.empty")}</p>}>
                {/* Four columns do not fit a phone: the table scrolls sideways inside its own region. */}
                <section class="table-scroll" aria-labelledby="audit-caption" tabindex="0">
                  <table class="data-table audit-table" data-testid="audit-table">
                    <caption id="audit-caption">{t("audit.caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("audit.col.time")}</th>
                        <th scope="col">{t("audit.col.who")}</th>
                        <th scope="col">{t("audit.col.what")}</th>
                        <th scope="col">{t("audit.col.subject")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={list()}>
                        {(entry) => (
                          <tr data-testid="audit-entry">
                            <td class="audit-time">
                              <time datetime={new Date(entry.at).toISOString()}>
                                {formatDateTime(entry.at)}
                              </time>
                            </td>
                            <td classList={{ "audit-former": !entry.actorName && Boolean(entry.actorId) }}>
                              {actorLabel(entry)}
                            </td>
                            <td>
                              {actionLabel(entry.action)}
                              <Show when={detailsText(entry.details)}>
                                {(details) => (
                                  <>
                                    {" "}
                                    <span class="audit-details meta">{details()}</span>
                                  </>
                                )}
                              </Show>
                            </td>
                            <td>
                              {subjectLabel(entry.subjectType)}{" "}
                              <code class="audit-id">{entry.subjectId}</code>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </section>
              </Show>
              <p class="meta audit-count" role="status" tabindex="-1" ref={count} data-testid="audit-count">
                {tp("audit.shown", list().length)}
                <Show when={list().length > 0 && !more()}> {t("audit.end")}</Show>
              </p>
              <Show when={more()}>
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={loadMore}
                  aria-busy={loadingMore() ? "true" : undefined}
                >
                  {loadingMore() ? t("audit.loadingMore") : t("audit.more")}
                </button>
              </Show>
              <ErrorAlert code={moreFailure()} />
            </>
          )}
        </Match>
        <Match when={!entries()}>
          <Loading />
        </Match>
      </Switch>
    </article>
  );
}
