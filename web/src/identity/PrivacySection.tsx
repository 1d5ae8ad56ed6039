import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { call, client, errorCode, failedWith } from "../api/client";
import { t } from "../i18n";
import "./messages.sv";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { type ErasedState, erasedPath } from "./ErasedPage";
import { loggedOut } from "./session";
import "./PrivacySection.css";

/** The word typed to confirm, in either language: she may have switched after reading. */
export function confirmsErasure(typed: string): boolean {
  const word = typed.trim().toLocaleLowerCase("sv");
  return word === "radera" || word === "erase";
}

/**
 * "Dina uppgifter" on my pages: download everything samtal holds about her, and erase it,
 * after a plain account of what erasure does and a typed confirmation.
 */
export function PrivacySection() {
  const navigate = useNavigate();
  const [confirming, setConfirming] = createSignal(false);
  const [word, setWord] = createSignal("");
  const [wrongWord, setWrongWord] = createSignal(false);
  const [erasing, setErasing] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  let startButton: HTMLButtonElement | undefined;
  let wordInput: HTMLInputElement | undefined;

  const start = () => {
    setConfirming(true);
    setWord("");
    setWrongWord(false);
    setFailure(undefined);
    wordInput?.focus();
  };

  const cancel = () => {
    setConfirming(false);
    startButton?.focus();
  };

  const erase = async (event: SubmitEvent) => {
    event.preventDefault();
    if (erasing()) return;
    if (!confirmsErasure(word())) {
      setWrongWord(true);
      wordInput?.focus();
      return;
    }
    setErasing(true);
    setFailure(undefined);
    try {
      await call(client.api.me.data.erase.$post({ json: { confirm: "erase" } }));
    } catch (error) {
      setErasing(false);
      // Her session had already ended: nothing was erased, and she is not logged in.
      if (failedWith(error, 401)) loggedOut();
      else setFailure(errorCode(error));
      return;
    }
    navigate(erasedPath, { replace: true, state: { erased: true } satisfies ErasedState });
    loggedOut();
  };

  return (
    <section class="privacy" aria-labelledby="privacy-title" data-testid="privacy">
      <h2 id="privacy-title">{t("privacy.title")}</h2>
      <p>{t("privacy.export.text")}</p>
      <p>
        {/* A download, which the router leaves to the browser; the Worker names the file. */}
        <a
          class="button button-secondary"
          href={client.api.me.data.export.$path()}
          download=""
          data-testid="export-data"
        >
          {t("privacy.export")}
        </a>
      </p>

      <div class="danger-zone">
        <h3 id="erase-title">{t("privacy.erase.title")}</h3>
        <p>{t("privacy.erase.lead")}</p>
        <ul class="spaced-list">
          <li>{t("privacy.erase.what.identity")}</li>
          <li>{t("privacy.erase.what.memberships")}</li>
          <li>{t("privacy.erase.what.contributions")}</li>
          <li>
            <strong>{t("privacy.erase.what.final")}</strong>
          </li>
        </ul>
        <p class="hint">{t("privacy.erase.party")}</p>
        <Show
          when={confirming()}
          fallback={
            <p>
              <button
                ref={startButton}
                type="button"
                class="button button-secondary"
                aria-describedby="erase-title"
                onClick={start}
                data-testid="erase-start"
              >
                {t("privacy.erase.start")}
              </button>
            </p>
          }
        >
          <form class="form-panel erase-confirm" onSubmit={erase} novalidate aria-labelledby="erase-title">
            <Field
              id="erase-word"
              label={t("privacy.erase.confirm.label")}
              hint={t("privacy.erase.confirm.hint")}
              error={wrongWord() && t("privacy.erase.confirm.missing")}
            >
              {(control) => (
                <input
                  ref={wordInput}
                  {...control}
                  name="confirm"
                  type="text"
                  autocomplete="off"
                  autocapitalize="none"
                  spellcheck={false}
                  value={word()}
                  onInput={(event) => {
                    setWord(event.currentTarget.value);
                    if (confirmsErasure(event.currentTarget.value)) setWrongWord(false);
                  }}
                />
              )}
            </Field>
            <div class="actions erase-actions">
              <SubmitButton busy={erasing()} busyLabel={t("privacy.erase.erasing")} testId="erase-confirm">
                {t("privacy.erase.submit")}
              </SubmitButton>
              <button type="button" class="button button-secondary" onClick={cancel}>
                {t("privacy.erase.cancel")}
              </button>
            </div>
            <ErrorAlert code={failure()} />
          </form>
        </Show>
      </div>
    </section>
  );
}
