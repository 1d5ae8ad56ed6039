import { createSignal, For, Show } from "solid-js";
import type { MotionVersionDiff, MotionView } from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { formatDateTime } from "../identity/format";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { createRequest } from "./action";
import { reasonLabel } from "./labels";
import { WordDiff } from "./WordDiff";

type Section = MotionVersionDiff["sections"][number];

function sectionLabel(section: Section): string {
  if (section.part === "title") return t("motions.compare.title.part");
  if (section.part === "motivation") return t("motions.compare.motivation.part");
  const index = section.proposal?.to ?? section.proposal?.from;
  return index === null || index === undefined
    ? t("motions.compare.proposal.removed")
    : t("motions.compare.proposal.part", { n: index + 1 });
}

/**
 * A motion's versions: each with its reason and time, one of them read above (`reading`),
 * and any two compared word by word (`/diff`), the changed parts with their words struck
 * and inserted.
 */
export function Versions(props: { motion: MotionView; reading: number; onRead: (number: number) => void }) {
  const numbers = () => props.motion.versions.map((v) => v.number);
  // The two latest versions, until the reader picks others (a new version may come meanwhile).
  const [pickedFrom, setFrom] = createSignal<number>();
  const [pickedTo, setTo] = createSignal<number>();
  const from = () => pickedFrom() ?? numbers().at(-2) ?? 1;
  const to = () => pickedTo() ?? numbers().at(-1) ?? 1;
  const [diff, setDiff] = createSignal<MotionVersionDiff>();
  const request = createRequest();

  const compare = (event: SubmitEvent) => {
    event.preventDefault();
    void request.run(async () => {
      const query = { from: String(from()), to: String(to()) };
      setDiff(
        await call(client.api.motions[":id"].diff.$get({ param: { id: String(props.motion.id) }, query })),
      );
    });
  };

  const select = (id: string, label: string, value: () => number, set: (n: number) => void) => (
    <Field id={id} label={label}>
      {(control) => (
        <select {...control} value={value()} onChange={(e) => set(Number(e.currentTarget.value))}>
          <For each={numbers()}>{(n) => <option value={n}>{n}</option>}</For>
        </select>
      )}
    </Field>
  );

  return (
    <section class="motion-versions" aria-labelledby="versions-title" data-testid="motion-versions">
      <h2 id="versions-title">{t("motions.versions.title")}</h2>
      <ul class="plain-list motion-version-list">
        <For each={props.motion.versions}>
          {(v) => (
            <li class="motion-version" data-testid="motion-version">
              <span>
                {t("motions.versions.item", {
                  number: v.number,
                  reason: reasonLabel(v.reason),
                  time: formatDateTime(v.createdAt),
                })}
              </span>
              <Show
                when={v.number !== props.reading}
                fallback={
                  <span class="motion-badge" aria-current="true">
                    {t("motions.versions.reading")}
                  </span>
                }
              >
                <button
                  type="button"
                  class="button button-small button-secondary"
                  data-testid="read-version"
                  onClick={() => props.onRead(v.number)}
                >
                  {t("motions.versions.read")}
                  <span class="visually-hidden"> {t("motions.versions.which", { number: v.number })}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={numbers().length > 1}>
        <form class="motion-compare" aria-labelledby="compare-title" onSubmit={compare}>
          <h3 id="compare-title">{t("motions.compare.title")}</h3>
          <div class="motion-amend-lines">
            {select("compare-from", t("motions.compare.from"), from, setFrom)}
            {select("compare-to", t("motions.compare.to"), to, setTo)}
          </div>
          <SubmitButton busy={request.busy()} testId="compare-versions">
            {t("motions.compare.submit")}
          </SubmitButton>
          <ErrorAlert code={request.failure()} />
        </form>
        <Show when={diff()}>
          {(d) => (
            <div class="motion-diff" data-testid="version-diff" aria-live="polite">
              <h3>{t("motions.compare.result", { from: d().from, to: d().to })}</h3>
              <Show when={d().sections.some((s) => s.changed)} fallback={<p>{t("motions.compare.none")}</p>}>
                <For each={d().sections.filter((s) => s.changed)}>
                  {(section) => (
                    <div class="motion-diff-section" data-testid="diff-section">
                      <h4>{sectionLabel(section)}</h4>
                      <p>
                        <WordDiff changes={section.changes} />
                      </p>
                    </div>
                  )}
                </For>
              </Show>
            </div>
          )}
        </Show>
      </Show>
    </section>
  );
}
