import { createResource, createSignal, For, Show } from "solid-js";
import type { CoauthorCandidate, MotionPeriod, MotionView } from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import { formatDateTime } from "../identity/format";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { createMotionAction } from "./action";
import { groupParam } from "./links";

/** What the authors do with a draft: invite co-authors, open it for support, make an idea a motion, submit it. */
export function AuthorActions(props: { motion: MotionView; onChange: (motion: MotionView) => void }) {
  const id = () => String(props.motion.id);
  const step = createMotionAction(props.onChange);

  return (
    <section class="motion-actions" aria-labelledby="author-actions-title">
      <h2 id="author-actions-title">{t("motions.authors.title")}</h2>
      <CoauthorPicker motion={props.motion} onChange={props.onChange} />

      <Show when={props.motion.kind === "idea"}>
        <Step
          title={t("motions.convert.title")}
          lead={t("motions.convert.lead")}
          button={t("motions.convert.button")}
          testId="convert"
          onClick={() =>
            step.run(() => call(client.api.motions[":id"].convert.$post({ param: { id: id() } })))
          }
        />
      </Show>
      <Show when={props.motion.kind === "motion" && props.motion.state === "draft"}>
        <Step
          title={t("motions.open.title")}
          lead={t("motions.open.lead")}
          button={t("motions.open.button")}
          testId="open-for-support"
          onClick={() => step.run(() => call(client.api.motions[":id"].open.$post({ param: { id: id() } })))}
        />
      </Show>
      <ErrorAlert code={step.failure()} testId="author-action-error" />

      <Show when={props.motion.kind === "motion"}>
        <SubmitForm motion={props.motion} onChange={props.onChange} />
      </Show>
    </section>
  );
}

/** One step an author takes with one button, said what it does first. */
function Step(props: { title: string; lead: string; button: string; testId: string; onClick: () => void }) {
  return (
    <div class="motion-step">
      <h3>{props.title}</h3>
      <p class="hint">{props.lead}</p>
      <button type="button" class="button" data-testid={props.testId} onClick={() => props.onClick()}>
        {props.button}
      </button>
    </div>
  );
}

/** Invite a co-author: type part of a name, pick a member of the group from what matches. */
function CoauthorPicker(props: { motion: MotionView; onChange: (motion: MotionView) => void }) {
  const [query, setQuery] = createSignal("");
  const [asked, setAsked] = createSignal<string>();
  const [candidates] = createResource(
    () => asked(),
    (q): Promise<CoauthorCandidate[]> =>
      call(
        client.api.motions[":id"].candidates.$get({ param: { id: String(props.motion.id) }, query: { q } }),
      ),
  );
  const invite = createMotionAction((next) => {
    setAsked(undefined);
    setQuery("");
    props.onChange(next);
  });

  return (
    <div class="motion-step">
      <h3>{t("motions.coauthor.title")}</h3>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(query().trim());
        }}
      >
        <Field
          id="coauthor-query"
          label={t("motions.coauthor.label")}
          hint={t("motions.coauthor.hint")}
          action={<SubmitButton>{t("motions.coauthor.search")}</SubmitButton>}
        >
          {(control) => (
            <input
              {...control}
              type="search"
              autocomplete="off"
              value={query()}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          )}
        </Field>
      </form>
      <Show when={candidates()}>
        {(found) => (
          <Show when={found().length > 0} fallback={<p role="status">{t("motions.coauthor.none")}</p>}>
            <ul class="plain-list candidate-list" aria-label={t("motions.coauthor.results")}>
              <For each={found()}>
                {(person) => (
                  <li class="candidate">
                    <span>{person.name}</span>
                    <button
                      type="button"
                      class="button button-small"
                      onClick={() =>
                        invite.run(() =>
                          call(
                            client.api.motions[":id"].coauthors.$post({
                              param: { id: String(props.motion.id) },
                              json: { personId: person.id },
                            }),
                          ),
                        )
                      }
                    >
                      {t("motions.coauthor.invite", { name: person.name })}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <ErrorAlert code={invite.failure() ?? (candidates.error ? "internal" : undefined)} />
    </div>
  );
}

/** Submit to one of the group's open motion periods; its deadline and rules are shown, refusals in words. */
function SubmitForm(props: { motion: MotionView; onChange: (motion: MotionView) => void }) {
  const [periods] = createResource(
    () => groupParam(props.motion.group),
    async (group): Promise<MotionPeriod[]> =>
      (await call(client.api.motions.periods.$get({ query: { group } }))).filter((p) => p.open),
  );
  const [chosen, setChosen] = createSignal<number>();
  const submit = createMotionAction(props.onChange);
  const periodId = () => chosen() ?? periods()?.[0]?.id;

  return (
    <div class="motion-step">
      <h3>{t("motions.submit.title")}</h3>
      <Show when={periods()}>
        {(open) => (
          <Show when={open().length > 0} fallback={<p class="hint">{t("motions.submit.noPeriod")}</p>}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const id = periodId();
                if (id === undefined) return;
                submit.run(() =>
                  call(
                    client.api.motions[":id"].submit.$post({
                      param: { id: String(props.motion.id) },
                      json: { periodId: id },
                    }),
                  ),
                );
              }}
            >
              <Field id="submit-period" label={t("motions.submit.period")} hint={t("motions.submit.lead")}>
                {(control) => (
                  <select
                    {...control}
                    value={periodId()}
                    onChange={(e) => setChosen(Number(e.currentTarget.value))}
                  >
                    <For each={open()}>
                      {(p) => (
                        <option value={p.id}>
                          {t("motions.period.option", {
                            title: p.title,
                            deadline: formatDateTime(p.deadline),
                            supporters: tp("motions.supporters", p.minSupporters),
                          })}
                        </option>
                      )}
                    </For>
                  </select>
                )}
              </Field>
              <SubmitButton busy={submit.busy()} busyLabel={t("motions.submit.busy")} testId="submit-motion">
                {t("motions.submit.button")}
              </SubmitButton>
              <ErrorAlert code={submit.failure()} testId="submit-error" />
            </form>
          </Show>
        )}
      </Show>
    </div>
  );
}
