import { useLocation } from "@solidjs/router";
import { Show } from "solid-js";
import { t } from "../i18n";
import { loginHref } from "./next";
import { identityPaths } from "./paths";
import { currentPerson, firstName, sessionStatus } from "./session";

/**
 * The header's account link: her first name, to "Mina sidor", when logged in; otherwise
 * "Logga in" (which brings her back to this page afterwards). Nothing until it is known.
 */
export function AccountLink() {
  const location = useLocation();
  const here = (path: string) => (location.pathname === path ? "page" : undefined);
  return (
    <Show when={sessionStatus() !== "loading"}>
      <Show
        when={currentPerson()}
        fallback={
          <a
            class="header-link account-link"
            href={loginHref(`${location.pathname}${location.search}`)}
            aria-current={here(identityPaths.login)}
            data-testid="account-link"
          >
            {t("account.login")}
          </a>
        }
      >
        {(person) => (
          <a
            class="header-link account-link"
            href={identityPaths.me}
            aria-current={here(identityPaths.me)}
            data-testid="account-link"
          >
            <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2" />
              <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
            <span>{firstName(person())}</span>
            <span class="visually-hidden">, {t("account.myPages")}</span>
          </a>
        )}
      </Show>
    </Show>
  );
}
