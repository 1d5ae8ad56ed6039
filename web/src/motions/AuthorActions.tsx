import { createResource, createSignal, For, Show } from "solid-js";
import type { CoauthorCandidate, MotionPeriod, MotionView } from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { PersonSearch } from "../ui/PersonSearch";
import { createMotionAction } from "./action";
import { periodRules } from "./labels";
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
  const invite = createMotionAction(props.onChange);
  return (
    <div class="motion-step">
      <h3>{t("motions.coauthor.title")}</h3>
      <PersonSearch
        id="coauthor-query"
        label={t("motions.coauthor.label")}
        hint={t("motions.coauthor.hint")}
        searchLabel={t("motions.coauthor.search")}
        resultsLabel={t("motions.coauthor.results")}
        none={t("motions.coauthor.none")}
        search={(q): Promise<CoauthorCandidate[]> =>
          call(
            client.api.motions[":id"].candidates.$get({
              param: { id: String(props.motion.id) },
              query: { q },
            }),
          )
        }
        actions={(person, clear) => (
          <button
            type="button"
            class="button button-small"
            onClick={() =>
              invite.run(async () => {
                const next = await call(
                  client.api.motions[":id"].coauthors.$post({
                    param: { id: String(props.motion.id) },
                    json: { personId: person.id },
                  }),
                );
                clear();
                return next;
              })
            }
          >
            {t("motions.coauthor.invite", { name: person.name })}
          </button>
        )}
      />
      <ErrorAlert code={invite.failure()} />
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
  const period = () => periods()?.find((p) => p.id === periodId());

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
              <Field
                id="submit-period"
                label={t("motions.submit.period")}
                hint={
                  <>
                    <Show when={period()}>
                      {(p) => <span data-testid="period-rules">{periodRules(p())}</span>}
                    </Show>{" "}
                    {t("motions.submit.lead")}
                  </>
                }
              >
                {(control) => (
                  <select
                    {...control}
                    value={periodId()}
                    onChange={(e) => setChosen(Number(e.currentTarget.value))}
                  >
                    <For each={open()}>{(p) => <option value={p.id}>{p.title}</option>}</For>
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
