import { useLocation, useNavigate } from "@solidjs/router";
import { createSignal, Match, onMount, Switch } from "solid-js";
import { call, client, errorCode } from "../api/client";
import { errorMessage, t } from "../i18n";
import "./messages.sv";
import { currentGuest, joinedAsGuest, loadSession, sessionStatus } from "../identity/session";
import { paths } from "../paths";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { usePageTitle } from "../ui/title";
import { GuestNameForm } from "./GuestNameForm";
import { documentHref, inviteTokenFromHash } from "./paths";

/**
 * Where the invite link's token waits while she chooses a name, so a reload does not lose
 * it (the address no longer has it). This tab only; cleared once spent or refused.
 */
export const inviteTokenStorageKey = "samtal.inviteToken";

function storedToken(): string | undefined {
  try {
    return inviteTokenFromHash(`token=${globalThis.sessionStorage?.getItem(inviteTokenStorageKey) ?? ""}`);
  } catch {
    return undefined;
  }
}

function storeToken(token: string | undefined): void {
  try {
    if (token) globalThis.sessionStorage?.setItem(inviteTokenStorageKey, token);
    else globalThis.sessionStorage?.removeItem(inviteTokenStorageKey);
  } catch {
    // Not kept: she can open the link again after a reload.
  }
}

/** Refusals that a second try with the same link would meet again: no form, say what to do. */
const linkFailures = new Set(["invite_invalid", "invite_expired", "invite_revoked", "validation_failed"]);

/**
 * `/invite#token=…`: where an invite link leads. The token is in the fragment, which never
 * reaches a server; the page takes it out of the address bar and history at once, asks
 * what the guest wants to be called, accepts the invite and opens its document.
 */
export default function InvitePage() {
  usePageTitle(() => t("invite.title"));
  void loadSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [started, setStarted] = createSignal(false);
  const [token, setToken] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [joining, setJoining] = createSignal(false);

  onMount(() => {
    const fromLink = inviteTokenFromHash(location.hash);
    // Through the router, as on the log-in link's page (VerifyPage.tsx explains why).
    if (location.hash) navigate(`${location.pathname}${location.search}`, { replace: true, scroll: false });
    if (fromLink) storeToken(fromLink);
    // A fragment that is there but is no token is a broken link, whatever this tab kept.
    setToken(location.hash ? fromLink : storedToken());
    setStarted(true);
  });

  const join = async (chosen: string) => {
    const spend = token();
    if (joining() || !spend) return;
    setJoining(true);
    setProblem(undefined);
    try {
      const guest = await call(client.api.invites.accept.$post({ json: { token: spend, name: chosen } }));
      storeToken(undefined);
      joinedAsGuest(guest);
      navigate(documentHref(guest.documentId), { replace: true });
    } catch (error) {
      const code = errorCode(error);
      if (linkFailures.has(code)) {
        storeToken(undefined);
        // The name was checked here, so a refusal as invalid is the link's token.
        setFailure(code === "validation_failed" ? "invite_invalid" : code);
      } else {
        setProblem(code);
      }
      setJoining(false);
    }
  };

  // Without a token, she may still be a guest already (a bookmark, the back button): ask first.
  const waiting = () => !started() || (!token() && !failure() && sessionStatus() === "loading");
  const failed = () => failure() ?? (!token() && !currentGuest() ? "invite_invalid" : undefined);

  return (
    <Switch>
      <Match when={waiting()}>
        <Loading />
      </Match>
      <Match when={failed()}>
        {(code) => (
          <section class="message-page" aria-labelledby="invite-failed-title">
            <h1 id="invite-failed-title">{t("invite.failed")}</h1>
            <p role="alert" data-testid="invite-error">
              {errorMessage(code())}
            </p>
            <p>{t("invite.failed.hint")}</p>
            <p>
              <a class="button" href={paths.home}>
                {t("error.home")}
              </a>
            </p>
          </section>
        )}
      </Match>
      <Match when={!token() && currentGuest()}>
        {(guest) => (
          <section class="message-page" aria-labelledby="invite-title">
            <h1 id="invite-title">{t("invite.title")}</h1>
            <p>{t("invite.already", { name: guest().name })}</p>
            <p>
              <a class="button" href={documentHref(guest().documentId)}>
                {t("invite.already.link")}
              </a>
            </p>
          </section>
        )}
      </Match>
      <Match when={token()}>
        <section class="invite message-page" aria-labelledby="invite-title">
          <h1 id="invite-title">{t("invite.title")}</h1>
          <p class="lead">{t("invite.lead")}</p>
          <GuestNameForm busy={joining()} onSubmit={join}>
            <ErrorAlert code={problem()} testId="invite-problem" />
          </GuestNameForm>
        </section>
      </Match>
    </Switch>
  );
}
