import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { call, client, errorCode, failedWith } from "../api/client";
import { errorMessage, t } from "../i18n";
import { type ErasedState, erasedPath } from "./ErasedPage";
import { loggedOut } from "./session";

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
        <ul class="erase-consequences">
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
          <form class="erase-confirm" onSubmit={erase} novalidate aria-labelledby="erase-title">
            <label for="erase-word">{t("privacy.erase.confirm.label")}</label>
            <p class="hint" id="erase-word-hint">
              {t("privacy.erase.confirm.hint")}
            </p>
            <div class="field-row">
              <input
                ref={wordInput}
                id="erase-word"
                name="confirm"
                type="text"
                autocomplete="off"
                autocapitalize="none"
                spellcheck={false}
                value={word()}
                aria-describedby={wrongWord() ? "erase-word-hint erase-word-error" : "erase-word-hint"}
                aria-invalid={wrongWord() ? "true" : undefined}
                onInput={(event) => {
                  setWord(event.currentTarget.value);
                  if (confirmsErasure(event.currentTarget.value)) setWrongWord(false);
                }}
              />
            </div>
            <Show when={wrongWord()}>
              <p class="field-error" id="erase-word-error" role="alert">
                {t("privacy.erase.confirm.missing")}
              </p>
            </Show>
            <div class="actions erase-actions">
              <button
                type="submit"
                class="button"
                aria-busy={erasing() ? "true" : undefined}
                data-testid="erase-confirm"
              >
                {erasing() ? t("privacy.erase.erasing") : t("privacy.erase.submit")}
              </button>
              <button type="button" class="button button-secondary" onClick={cancel}>
                {t("privacy.erase.cancel")}
              </button>
            </div>
            <Show when={failure()}>
              {(code) => (
                <p class="field-error" role="alert">
                  {errorMessage(code())}
                </p>
              )}
            </Show>
          </form>
        </Show>
      </div>
    </section>
  );
}
