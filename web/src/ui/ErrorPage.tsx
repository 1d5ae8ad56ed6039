import { useLocation } from "@solidjs/router";
import { createEffect, on } from "solid-js";
import { errorCode } from "../api/client";
import { errorMessage, t } from "../i18n";
import { paths } from "../paths";
import { usePageTitle } from "./title";

/**
 * What the error boundary shows: a plain-language message (the API's message for its error
 * code when there is one), a way to try again and a way home. Never the error's own text or stack.
 */
export function ErrorPage(props: { error: unknown; reset: () => void }) {
  const location = useLocation();
  usePageTitle(() => t("error.title"));
  // Going elsewhere clears the error, so the next page gets a fresh start.
  createEffect(
    on(
      () => location.pathname,
      () => props.reset(),
      { defer: true },
    ),
  );
  createEffect(() => console.error(props.error));

  const message = () => errorMessage(errorCode(props.error));

  return (
    <section class="message-page" aria-labelledby="error-title">
      <h1 id="error-title">{t("error.title")}</h1>
      <p role="alert">{message()}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.reset()}>
          {t("error.retry")}
        </button>
        <a class="action-link" href={paths.home}>
          {t("error.home")}
        </a>
      </div>
    </section>
  );
}
