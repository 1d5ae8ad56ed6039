import { useParams } from "@solidjs/router";
import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import type { AnswerVersion, Choice, Question, Workspace } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { formatDateTime } from "../identity/format";
import { currentPerson, loadSession } from "../identity/session";
import { meetingHref } from "../meetings/links";
import { createRequest } from "../motions/action";
import { ErrorAlert } from "../ui/Form";
import { usePageTitle } from "../ui/title";
import { AnswerItems } from "./AnswerItems";
import { AnswerWriter } from "./AnswerWriter";
import { ChoiceInput } from "./ChoiceInput";
import { ConsultationFacts } from "./ConsultationBody";
import { IndividualAnswers } from "./IndividualAnswers";
import { statusLabel } from "./labels";
import { consultationHref } from "./links";
import { isId, loadPage } from "./load";
import { PageState } from "./PageState";
import { formatSwedishTime } from "./time";
import "./Consultations.css";

/** How often an open workspace asks for its group's choices and status. */
export const workspacePollMs = 8000;

function decodedSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? "");
  } catch {
    return "";
  }
}

/** `/consultations/:id/groups/:group`: an asked group's workspace. */
export default function WorkspacePage() {
  void loadSession();
  const params = useParams<{ id: string; group: string }>();
  const [loaded, { mutate }] = createResource(
    // The router hands the segment on as written (`branch%3Alulea`); the client encodes it again.
    () => ({ id: params.id ?? "", group: decodedSegment(params.group) }),
    (p) =>
      isId(p.id)
        ? loadPage(() => call(client.api.consultations[":id"].groups[":group"].$get({ param: p })))
        : Promise.resolve({ missing: true as const }),
  );
  return (
    <PageState
      loaded={loaded()}
      error={loaded.error}
      here={`/consultations/${params.id}/groups/${params.group ?? ""}`}
    >
      {(workspace) => <WorkspaceView workspace={workspace()} onChange={(next) => mutate({ value: next })} />}
    </PageState>
  );
}

function WorkspaceView(props: { workspace: Workspace; onChange: (w: Workspace) => void }) {
  const w = () => props.workspace;
  const c = () => w().consultation;
  usePageTitle(() => t("consultations.workspace.title", { group: w().group.name }));
  const param = () => ({ id: String(c().id), group: `${w().group.kind}:${w().group.slug}` });
  const can = (action: Workspace["can"][number]) => w().can.includes(action);
  const open = () => c().phase === "open";
  const step = createRequest();
  const choosing = createRequest();
  const run = (request: () => Promise<Workspace>) => step.run(async () => props.onChange(await request()));

  // The texts are live; the choices, the status and the versions are rows in D1. While the
  // consultation is open, ask for them every few seconds, so a colleague's choice or the
  // chair's submit shows here too (a submit also closes the texts' rooms for writing).
  const timer = setInterval(() => {
    if (!open() || step.busy() || choosing.busy()) return;
    call(client.api.consultations[":id"].groups[":group"].$get({ param: param() }))
      .then((fresh) => {
        if (!step.busy() && !choosing.busy()) props.onChange(fresh);
      })
      .catch(() => undefined);
  }, workspacePollMs);
  onCleanup(() => clearInterval(timer));

  const choose = (choice: Choice) =>
    choosing.run(async () => {
      const choices = [...w().draft.filter((d) => d.questionId !== choice.questionId), choice];
      props.onChange(
        await call(
          client.api.consultations[":id"].groups[":group"].choices.$put({
            param: param(),
            json: { choices },
          }),
        ),
      );
    });
  const documents = () =>
    w().documents.flatMap((d) =>
      d.documentId ? [{ questionId: d.questionId, documentId: d.documentId }] : [],
    );

  return (
    <article class="consultation-page" data-testid="workspace-page" data-status={w().status}>
      <p class="consultation-back">
        <a class="action-link" href={consultationHref(c().id)}>
          {t("consultations.workspace.backTo", { title: c().title })}
        </a>
      </p>
      <h1>{t("consultations.workspace.title", { group: w().group.name })}</h1>
      <p class="lead">{c().title}</p>
      <ConsultationFacts consultation={c()} />
      <p>
        <span class="pill" data-testid="workspace-status">
          {statusLabel(w().status)}
        </span>
      </p>
      <Show when={w().meeting}>
        {(meeting) => (
          <p>
            <a class="action-link" href={meetingHref(meeting().id)} data-testid="workspace-meeting">
              {t("consultations.workspace.meeting", {
                title: meeting().title,
                date: formatDateTime(meeting().startsAt),
              })}
            </a>
          </p>
        )}
      </Show>

      <Show when={c().summary}>
        {(summary) => (
          <section class="consultation-summary" aria-labelledby="quoted-title">
            <h2 id="quoted-title">{t("consultations.quoted.title")}</h2>
            <p>
              <a href={consultationHref(c().id)}>{t("consultations.quoted.readSummary")}</a>{" "}
              <span class="meta" data-testid="summary-published">
                {t("consultations.summary.published", { time: formatSwedishTime(summary().publishedAt) })}
              </span>
            </p>
            <Show
              when={w().quoted.length > 0}
              fallback={<p class="empty">{t("consultations.quoted.none")}</p>}
            >
              <ul class="quote-list" data-testid="quoted">
                <For each={w().quoted}>
                  {(quote) => (
                    <li>
                      <blockquote>{quote.excerpt}</blockquote>
                      <p class="meta">{c().questions.find((q) => q.id === quote.questionId)?.prompt}</p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </Show>

      <Show when={open() && can("consultation.write") ? w().status : undefined} keyed>
        {/* Keyed on the status: after a submit or reopen the rooms are joined again, with the right mode. */}
        {(_status) => (
          <Show when={currentPerson()}>
            {(person) => (
              <AnswerWriter
                documents={documents()}
                questions={c().questions}
                name={person().name}
                choices={(question: Question) => (
                  <ChoiceInput
                    question={question}
                    name={`group-${question.id}`}
                    value={w().draft.find((d) => d.questionId === question.id)}
                    disabled={w().status === "submitted"}
                    onChange={choose}
                  />
                )}
              />
            )}
          </Show>
        )}
      </Show>
      <ErrorAlert code={choosing.failure()} />

      <Show when={can("consultation.submit") && open()}>
        <section class="submit-panel" aria-labelledby="submit-title">
          <h2 id="submit-title">{t("consultations.submit.title")}</h2>
          <Show
            when={w().status === "submitted"}
            fallback={
              <>
                <p class="hint">
                  {t("consultations.submit.lead", { closes: formatSwedishTime(c().closesAt) })}
                </p>
                <button
                  type="button"
                  class="button"
                  data-testid="submit-answer"
                  aria-busy={step.busy() ? "true" : undefined}
                  onClick={() =>
                    run(() =>
                      call(client.api.consultations[":id"].groups[":group"].submit.$post({ param: param() })),
                    )
                  }
                >
                  {w().versions.length ? t("consultations.submit.again") : t("consultations.submit.button")}
                </button>
              </>
            }
          >
            <p class="hint">{t("consultations.submit.reopenLead")}</p>
            <button
              type="button"
              class="button button-secondary"
              data-testid="reopen-answer"
              aria-busy={step.busy() ? "true" : undefined}
              onClick={() =>
                run(() =>
                  call(client.api.consultations[":id"].groups[":group"].reopen.$post({ param: param() })),
                )
              }
            >
              {t("consultations.submit.reopen")}
            </button>
          </Show>
          <ErrorAlert code={step.failure()} testId="submit-error" />
        </section>
      </Show>

      <Show when={w().versions.length > 0}>
        <AnswerVersions workspace={w()} param={param()} />
      </Show>

      <Show when={can("consultation.individual") || w().others.length > 0}>
        <IndividualAnswers workspace={w()} param={param()} onChange={props.onChange} />
      </Show>
    </article>
  );
}

/** The versions submitted, oldest first; the latest is shown, any other can be read. */
function AnswerVersions(props: { workspace: Workspace; param: { id: string; group: string } }) {
  const [read, setRead] = createSignal<AnswerVersion>();
  const reading = createRequest();
  const shown = () => read() ?? props.workspace.latest;
  const open = (number: number) =>
    reading.run(async () => {
      setRead(
        await call(
          client.api.consultations[":id"].groups[":group"].versions[":number"].$get({
            param: { ...props.param, number: String(number) },
          }),
        ),
      );
    });
  return (
    <section aria-labelledby="versions-title" data-testid="answer-versions">
      <h2 id="versions-title">{t("consultations.versions.title")}</h2>
      <ul class="plain-list spaced-list">
        <For each={props.workspace.versions}>
          {(version) => (
            <li data-testid="answer-version">
              {t("consultations.versions.item", {
                number: version.number,
                time: formatSwedishTime(version.submittedAt),
                name: version.submittedBy.name ?? t("audit.formerMember"),
              })}{" "}
              <button
                type="button"
                class="link-button"
                aria-pressed={shown()?.number === version.number}
                onClick={() => open(version.number)}
              >
                {t("consultations.versions.read", { number: version.number })}
              </button>
            </li>
          )}
        </For>
      </ul>
      <ErrorAlert code={reading.failure()} />
      <Show when={shown()}>
        {(version) => (
          <div class="answer-record" data-testid="answer-record">
            <h3>{t("consultations.versions.shown", { number: version().number })}</h3>
            <AnswerItems questions={props.workspace.consultation.questions} items={version().items} />
          </div>
        )}
      </Show>
    </section>
  );
}
