import { Navigate, useLocation } from "@solidjs/router";
import { Show } from "solid-js";
import { t } from "../i18n";
import "./messages.sv";
import { paths } from "../paths";
import { usePageTitle } from "../ui/title";
import { identityPaths } from "./paths";

/** Where she lands after erasing her data. */
export const erasedPath = "/me/erased";

/** The navigation state that says this browser has just erased its person. */
export interface ErasedState {
  erased: true;
}

/**
 * `/me/erased`: the confirmation after erasure. Only straight after it (the navigation's
 * state says so); opened any other way, it goes to "my pages" instead of claiming anything.
 */
export default function ErasedPage() {
  usePageTitle(() => t("erased.title"));
  const location = useLocation<Partial<ErasedState> | undefined>();
  return (
    <Show when={location.state?.erased === true} fallback={<Navigate href={identityPaths.me} />}>
      <section class="message-page" aria-labelledby="erased-title" data-testid="erased">
        <h1 id="erased-title">{t("erased.title")}</h1>
        <p class="success" role="status">
          {t("erased.text")}
        </p>
        <p>{t("erased.thanks")}</p>
        <p>
          <a class="button" href={paths.home}>
            {t("error.home")}
          </a>
        </p>
      </section>
    </Show>
  );
}
