import { createSignal, For, Show } from "solid-js";
import type { ConsultationView, Quote } from "../../../worker/shared/consultations";
import { consultationLimits } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import "./messages.sv";
import { createRequest } from "../motions/action";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { formatSwedishTime } from "./time";

/**
 * Answering back: the summary ("what you said, what we do with it") that every participating
 * group reads on its consultation page, and the points quoted in it (marked from the answers
 * above; each group sees its own). Publishing again replaces the text; only the first time
 * are the groups told by e-mail.
 */
export function Feedback(props: {
  consultation: ConsultationView;
  quotes: Quote[];
  onQuotes: (quotes: Quote[]) => void;
  onPublished: (consultation: ConsultationView) => void;
}) {
  const [summary, setSummary] = createSignal(props.consultation.summary?.text ?? "");
  const [missing, setMissing] = createSignal(false);
  const publishing = createRequest();
  const removing = createRequest();
  const id = () => String(props.consultation.id);
  const remove = (quote: Quote) =>
    removing.run(async () => {
      await call(
        client.api.consultations[":id"].quotes[":quoteId"].$delete({
          param: { id: id(), quoteId: String(quote.id) },
        }),
      );
      props.onQuotes(props.quotes.filter((q) => q.id !== quote.id));
    });
  return (
    <section aria-labelledby="feedback-title" class="results-section" data-testid="feedback">
      <h2 id="feedback-title">{t("consultations.feedback.title")}</h2>
      <Show when={props.consultation.summary}>
        {(published) => (
          <p class="success" data-testid="feedback-published">
            {t("consultations.summary.published", { time: formatSwedishTime(published().publishedAt) })}
          </p>
        )}
      </Show>
      <Show when={props.quotes.length > 0}>
        <h3>{t("consultations.feedback.quotes")}</h3>
        <ul class="quote-list" data-testid="quotes">
          <For each={props.quotes}>
            {(quote) => (
              <li>
                <blockquote>{quote.excerpt}</blockquote>
                <p class="meta">
                  {quote.group.name}{" "}
                  <button type="button" class="link-button" onClick={() => remove(quote)}>
                    {t("consultations.feedback.unquote", { group: quote.group.name })}
                  </button>
                </p>
              </li>
            )}
          </For>
        </ul>
        <ErrorAlert code={removing.failure()} />
      </Show>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setMissing(!summary().trim());
          if (!summary().trim()) {
            document.getElementById("feedback-summary")?.focus();
            return;
          }
          void publishing.run(async () =>
            props.onPublished(
              await call(
                client.api.consultations[":id"].feedback.$post({
                  param: { id: id() },
                  json: { summary: summary().trim() },
                }),
              ),
            ),
          );
        }}
      >
        <Field
          id="feedback-summary"
          label={t("consultations.feedback.summary")}
          hint={t("consultations.form.introductionHint")}
          error={missing() ? t("consultations.feedback.missing") : undefined}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={8}
              maxLength={consultationLimits.summary}
              value={summary()}
              onInput={(e) => setSummary(e.currentTarget.value)}
            />
          )}
        </Field>
        <SubmitButton
          busy={publishing.busy()}
          busyLabel={t("consultations.ask.publishing")}
          testId="publish-feedback"
        >
          {props.consultation.summary
            ? t("consultations.feedback.republish")
            : t("consultations.feedback.publish")}
        </SubmitButton>
        <ErrorAlert code={publishing.failure()} testId="feedback-error" />
      </form>
    </section>
  );
}
