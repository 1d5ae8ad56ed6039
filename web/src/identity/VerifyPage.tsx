import { useLocation, useNavigate } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { call, client, errorCode } from "../api/client";
import { errorMessage, t } from "../i18n";
import "./messages.sv";
import { usePageTitle } from "../ui/title";
import { takeNextPath } from "./next";
import { identityPaths } from "./paths";
import { loggedIn } from "./session";
import "../ui/Loading.css";

/** A log-in link's token: 32 random bytes, base64url (as `loginTokenSchema` on the server). */
const loginTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The token from a log-in link's fragment (`#token=…`), if it has the shape of one. */
export function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && loginTokenPattern.test(token) ? token : undefined;
}

/** What to tell the person when the link does not work: the API's code, in plain language. */
function failureCode(error: unknown): string {
  const code = errorCode(error);
  // A token the API cannot even read is, to the person, an invalid link.
  return code === "validation_failed" ? "login_link_invalid" : code;
}

/**
 * `/login/verify#token=…`: where the link in the log-in mail leads. The token is in the
 * fragment, which never reaches a server (nor logs, nor mail scanners following the link);
 * the page takes it out of the address bar and history at once, then spends it with a POST.
 */
export default function VerifyPage() {
  usePageTitle(() => t("verify.title"));
  const location = useLocation();
  const navigate = useNavigate();
  const [failure, setFailure] = createSignal<string>();

  onMount(() => {
    const token = tokenFromHash(location.hash);
    // Through the router, which writes the address with history.replaceState: writing it
    // directly would be undone when a link inside the app led here, as the router records
    // the new address only once the page has rendered.
    if (location.hash) navigate(`${location.pathname}${location.search}`, { replace: true, scroll: false });
    if (!token) {
      setFailure("login_link_invalid");
      return;
    }
    call(client.api.auth.verify.$post({ json: { token } })).then(
      (person) => {
        loggedIn(person);
        navigate(takeNextPath(), { replace: true });
      },
      (error: unknown) => setFailure(failureCode(error)),
    );
  });

  return (
    <Show
      when={failure()}
      fallback={
        <section class="message-page" aria-labelledby="verify-title">
          <h1 id="verify-title">{t("verify.title")}</h1>
          <div class="loading" role="status">
            <span class="spinner" aria-hidden="true" />
            <span>{t("verify.working")}</span>
          </div>
        </section>
      }
    >
      {(code) => (
        <section class="message-page" aria-labelledby="verify-failed-title">
          <h1 id="verify-failed-title">{t("verify.failed")}</h1>
          <p role="alert" data-testid="verify-error">
            {errorMessage(code())}
          </p>
          <p>
            <a class="button" href={identityPaths.login}>
              {t("verify.again")}
            </a>
          </p>
        </section>
      )}
    </Show>
  );
}
