import { createResource, createSignal, For, Show } from "solid-js";
import type { MotionPeriod } from "../../../worker/shared/motions";
import { call, client, errorCode } from "../api/client";
import { t } from "../i18n";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { periodRules } from "./labels";

/** The group's motion periods, and for its board a form to open one (deadline at the end of the chosen day). */
export function PeriodForm(props: { group: string }) {
  const [periods, { refetch }] = createResource(
    () => props.group,
    (group): Promise<MotionPeriod[]> => call(client.api.motions.periods.$get({ query: { group } })),
  );
  const [title, setTitle] = createSignal("");
  const [deadline, setDeadline] = createSignal("");
  const [minSupporters, setMinSupporters] = createSignal(0);
  const [forMembers, setForMembers] = createSignal(true);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [missing, setMissing] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const day = deadline() ? new Date(`${deadline()}T23:59:59`) : null;
    setMissing(!title().trim() || !day);
    if (!title().trim() || !day || busy()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await call(
        client.api.motions.periods.$post({
          query: { group: props.group },
          json: {
            title: title().trim(),
            deadline: day.getTime(),
            minSupporters: minSupporters(),
            acceptsMemberMotions: forMembers(),
          },
        }),
      );
      setTitle("");
      await refetch();
    } catch (error) {
      setFailure(errorCode(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="periods-title" class="motion-step">
      <h2 id="periods-title">{t("motions.periods.title")}</h2>
      <Show when={periods()}>
        {(list) => (
          <ul class="plain-list" data-testid="period-list">
            <For each={list()} fallback={<li class="empty">{t("motions.periods.none")}</li>}>
              {(p) => (
                <li>
                  {p.title}
                  <br />
                  <span class="meta">{periodRules(p)}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <form onSubmit={submit}>
        <h3>{t("motions.periods.new")}</h3>
        <Field id="period-title" label={t("motions.periods.name")} required>
          {(control) => (
            <input {...control} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          id="period-deadline"
          label={t("motions.periods.deadline")}
          error={missing() ? t("motions.periods.missing") : undefined}
          required
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={deadline()}
              onInput={(e) => setDeadline(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="period-supporters" label={t("motions.periods.minSupporters")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min="0"
              max="1000"
              value={minSupporters()}
              onInput={(e) => setMinSupporters(Math.max(0, Number(e.currentTarget.value) || 0))}
            />
          )}
        </Field>
        <label class="choice">
          <input
            type="checkbox"
            checked={forMembers()}
            onChange={(e) => setForMembers(e.currentTarget.checked)}
          />{" "}
          {t("motions.periods.forMembers")}
        </label>
        <SubmitButton busy={busy()} busyLabel={t("motions.saving")} testId="create-period">
          {t("motions.periods.submit")}
        </SubmitButton>
        <ErrorAlert code={failure()} />
      </form>
    </section>
  );
}
