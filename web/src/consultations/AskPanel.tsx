import { createSignal, Show } from "solid-js";
import type { ConsultationPreview, ConsultationView } from "../../../worker/shared/consultations";
import type { GroupKind } from "../../../worker/shared/org";
import { call, client } from "../api/client";
import { formatNumber, kindLabel, t, tp } from "../i18n";
import { createRequest } from "../motions/action";
import { ErrorAlert, SubmitButton } from "../ui/Form";
import { ConsultationBody, ConsultationFacts } from "./ConsultationBody";
import { ConsultationForm } from "./ConsultationForm";

/**
 * A draft, for its asking level: rewrite it, see it as an asked group will (and how many
 * groups it asks), publish it. Publishing fixes the groups asked and mails their officers, so
 * it is asked first, with the number of groups as the Worker counts them now; the Worker
 * refuses a draft that closes in the past or asks nobody, and the page says so.
 */
export function AskPanel(props: { consultation: ConsultationView; onChange: (c: ConsultationView) => void }) {
  const id = () => String(props.consultation.id);
  const [editing, setEditing] = createSignal(false);
  const [preview, setPreview] = createSignal<ConsultationPreview>();
  const previewing = createRequest();
  const publishing = createRequest();
  const counting = createRequest();
  /** The groups the confirm step says will be asked; none while it is closed. */
  const [confirming, setConfirming] = createSignal<number>();
  let publishButton: HTMLButtonElement | undefined;

  const askToPublish = () =>
    counting.run(async () => {
      const counted = await call(client.api.consultations[":id"].preview.$get({ param: { id: id() } }));
      setConfirming(counted.asked.total);
      document.getElementById("publish-confirm-question")?.focus();
    });

  const cancelPublish = () => {
    setConfirming(undefined);
    publishButton?.focus();
  };

  const publish = (event: SubmitEvent) => {
    event.preventDefault();
    void publishing.run(async () =>
      props.onChange(await call(client.api.consultations[":id"].publish.$post({ param: { id: id() } }))),
    );
  };

  const showPreview = () =>
    previewing.run(async () => {
      setPreview(await call(client.api.consultations[":id"].preview.$get({ param: { id: id() } })));
      document.getElementById("preview-title")?.focus();
    });

  return (
    <section class="ask-panel" aria-labelledby="ask-title" data-testid="ask-panel">
      <h2 id="ask-title">{t("consultations.ask.title")}</h2>
      <p class="hint">{t("consultations.ask.lead")}</p>
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          aria-expanded={editing()}
          onClick={() => setEditing(!editing())}
          data-testid="edit-consultation"
        >
          {editing() ? t("consultations.ask.closeEdit") : t("consultations.ask.edit")}
        </button>
        <button
          type="button"
          class="button button-secondary"
          aria-busy={previewing.busy() ? "true" : undefined}
          onClick={showPreview}
          data-testid="preview-consultation"
        >
          {t("consultations.ask.preview")}
        </button>
        <button
          ref={publishButton}
          type="button"
          class="button"
          aria-busy={counting.busy() ? "true" : undefined}
          aria-expanded={confirming() !== undefined}
          onClick={askToPublish}
          data-testid="publish-consultation"
        >
          {t("consultations.ask.publish")}
        </button>
      </div>
      <Show when={confirming()}>
        {(total) => (
          <form
            class="form-panel publish-confirm"
            aria-labelledby="publish-confirm-question"
            onSubmit={publish}
            data-testid="publish-confirm"
          >
            <p id="publish-confirm-question" class="publish-confirm-question" tabIndex={-1}>
              {tp("consultations.publish.question", total())}
            </p>
            <p class="hint">{t("consultations.publish.hint")}</p>
            <div class="actions">
              <SubmitButton
                busy={publishing.busy()}
                busyLabel={t("consultations.ask.publishing")}
                testId="confirm-publish"
              >
                {t("consultations.publish.confirm")}
              </SubmitButton>
              <button
                type="button"
                class="button button-secondary"
                onClick={cancelPublish}
                data-testid="cancel-publish"
              >
                {t("consultations.publish.cancel")}
              </button>
            </div>
          </form>
        )}
      </Show>
      <ErrorAlert
        code={previewing.failure() ?? counting.failure() ?? publishing.failure()}
        testId="ask-error"
      />
      <Show when={editing()}>
        <ConsultationForm
          askerKind={props.consultation.asker.kind}
          existing={props.consultation}
          save={async (input) => {
            const saved = await call(
              client.api.consultations[":id"].$put({ param: { id: id() }, json: input }),
            );
            setEditing(false);
            setPreview(undefined);
            setConfirming(undefined);
            props.onChange(saved);
          }}
        />
      </Show>
      <Show when={preview()}>
        {(p) => (
          <section
            class="consultation-preview"
            aria-labelledby="preview-title"
            data-testid="consultation-preview"
          >
            <h2 id="preview-title" tabIndex={-1}>
              {t("consultations.preview.title")}
            </h2>
            <p data-testid="preview-count">
              {tp("consultations.preview.asks", p().asked.total)}{" "}
              {Object.entries(p().asked.byKind)
                .map(([kind, n]) => `${kindLabel(kind as GroupKind)}: ${formatNumber(n)}`)
                .join(", ")}
            </p>
            <div class="preview-frame">
              <p class="preview-heading">{p().consultation.title}</p>
              <ConsultationFacts consultation={p().consultation} />
              <ConsultationBody consultation={p().consultation} nested />
            </div>
          </section>
        )}
      </Show>
    </section>
  );
}
