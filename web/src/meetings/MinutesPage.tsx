import { useParams } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import type { MinutesVersion, PersonRef } from "../../../worker/shared/meetings";
import { call, client, failedWith } from "../api/client";
import { t, tp } from "../i18n";
import "./messages.sv";
import { formatDateTime } from "../identity/format";
import { loadSession } from "../identity/session";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { meetingHref, minutesDownloadHref } from "./links";
import { minutesBlocks } from "./minutesText";
import "./MinutesPage.css";

async function loadVersion(params: { id: string; version: string }): Promise<MinutesVersion | null> {
  if (!/^[1-9][0-9]{0,9}$/.test(params.id) || !/^[1-9][0-9]{0,4}$/.test(params.version)) return null;
  try {
    return await call(client.api.meetings[":id"].minutes[":version"].$get({ param: params }));
  } catch (error) {
    if (failedWith(error, 404, 400, 401)) return null;
    throw error;
  }
}

const nameOf = (person: PersonRef) => person.name ?? t("meetings.formerMember");

/** Who held the meeting's offices, as the record has them (the minutes' text names nobody). */
function officerRows(minutes: MinutesVersion) {
  const { chair, secretary, adjusters } = minutes.officers;
  return [
    { label: t("meetings.officer.chair"), people: chair ? [chair] : [] },
    { label: t("meetings.officer.secretary"), people: secretary ? [secretary] : [] },
    { label: t("meetings.officer.adjusters"), people: adjusters },
  ]
    .filter((row) => row.people.length > 0)
    .map((row) => ({ label: row.label, names: row.people.map(nameOf).join(", ") }));
}

/** "Ida Karlsson, Bo Ek och 2 gäster": who was present. */
function presentText(minutes: MinutesVersion): string {
  const names = minutes.present.map(nameOf).join(", ");
  if (!minutes.guests) return names || t("meetings.minutes.nobody");
  const guests = tp("meetings.minutes.guests", minutes.guests);
  return names ? t("meetings.minutes.andGuests", { names, guests }) : guests;
}

/**
 * `/meetings/:id/minutes/:version`: one version of the minutes as it was handed to the
 * adjusters, with who approved it and when; printed as just the minutes (MinutesPage.css),
 * and downloaded as DOCX or Markdown.
 */
export default function MinutesPage() {
  void loadSession();
  const params = useParams<{ id: string; version: string }>();
  const [found] = createResource(() => ({ id: params.id ?? "", version: params.version ?? "" }), loadVersion);
  usePageTitle(() => t("meetings.minutes.pageTitle", { version: params.version ?? "" }));
  const id = () => Number(params.id);
  return (
    <Switch fallback={<Loading />}>
      <Match when={found.error}>
        <ErrorAlert code="internal" />
      </Match>
      <Match when={found() === null}>
        <NotFound reason="page" />
      </Match>
      <Match when={found()}>
        {(minutes) => (
          <article class="minutes-page minutes-print" data-testid="minutes-page">
            <p class="no-print">
              <a class="action-link" href={meetingHref(id())}>
                {t("meetings.minutes.back")}
              </a>
            </p>
            <For each={minutesBlocks(minutes().text)}>
              {(block) => (
                <Switch fallback={<p>{block.text}</p>}>
                  <Match when={block.kind === "title"}>
                    <h1>{block.text}</h1>
                  </Match>
                  <Match when={block.kind === "heading"}>
                    <h2>{block.text}</h2>
                  </Match>
                  <Match when={block.kind === "item"}>
                    <p class="minutes-item">{block.text}</p>
                  </Match>
                </Switch>
              )}
            </For>
            <section aria-labelledby="attendance-title" class="minutes-approvals">
              <h2 id="attendance-title">{t("meetings.minutes.attendance")}</h2>
              <dl class="facts" data-testid="minutes-officers">
                <For each={officerRows(minutes())}>
                  {(row) => (
                    <div>
                      <dt>{row.label}</dt>
                      <dd>{row.names}</dd>
                    </div>
                  )}
                </For>
              </dl>
              <p data-testid="minutes-present">{presentText(minutes())}</p>
            </section>
            <section aria-labelledby="approvals-title" class="minutes-approvals">
              <h2 id="approvals-title">{t("meetings.minutes.approvals")}</h2>
              <p class="meta" data-testid="minutes-version">
                {minutes().frozenAt !== null
                  ? t("meetings.minutes.frozenAt", {
                      version: minutes().version,
                      time: formatDateTime(minutes().frozenAt ?? 0),
                    })
                  : t("meetings.minutes.notFrozen", { version: minutes().version })}
              </p>
              <ul class="plain-list">
                <For each={minutes().approvals}>
                  {(approval) => (
                    <li>
                      {t("meetings.minutes.approvedBy", {
                        name: approval.person.name ?? t("meetings.formerMember"),
                        time: formatDateTime(approval.approvedAt),
                      })}
                    </li>
                  )}
                </For>
              </ul>
            </section>
            <div class="actions no-print">
              <button type="button" class="button" onClick={() => window.print()}>
                {t("meetings.minutes.print")}
              </button>
              <a
                class="button button-secondary"
                href={minutesDownloadHref(id(), minutes().version, "docx")}
                download=""
                data-testid="minutes-docx"
              >
                {t("meetings.minutes.docx")}
              </a>
              <a
                class="button button-secondary"
                href={minutesDownloadHref(id(), minutes().version, "markdown")}
                download=""
              >
                {t("meetings.minutes.markdown")}
              </a>
            </div>
            <Show when={minutes().frozenAt === null}>
              <p class="notice">{t("meetings.minutes.notYetValid")}</p>
            </Show>
          </article>
        )}
      </Match>
    </Switch>
  );
}
