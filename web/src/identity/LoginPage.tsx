import { useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import {
  type AuthProviders,
  type DemoPerson,
  isOidcLoginError,
  oidcStartPath,
} from "../../../worker/shared/identity";
import { call, client, errorCode } from "../api/client";
import { devInfo } from "../dev/devInfo";
import { errorMessage, t } from "../i18n";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { usePageTitle } from "../ui/title";
import { defaultNextPath, rememberNextPath, safeNextPath } from "./next";
import { devOutboxPath, identityPaths } from "./paths";
import { currentPerson, loggedIn } from "./session";
import "./LoginPage.css";

/** The longest address the API accepts. */
const maxEmailLength = 254;

/** Enough to catch a typo before asking the server, which checks properly. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(value);
}

type FieldProblem = "missing" | "invalid";

/** The log-in methods besides e-mail; none when the Worker cannot say (the e-mail form still works). */
const fetchProviders = (): Promise<AuthProviders> =>
  call(client.api.auth.providers.$get()).catch(() => ({ oidc: null }));

/**
 * `/login`: log-in without a password. The answer to a request is always the same neutral
 * message, so the page never tells whether an address belongs to a member. In development
 * mode it also offers one-click log-in as a demo person, and the development outbox.
 */
export default function LoginPage() {
  usePageTitle(() => t("login.title"));
  const [search] = useSearchParams<{ next?: string; error?: string }>();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal("");
  const [problem, setProblem] = createSignal<FieldProblem>();
  const [failure, setFailure] = createSignal<string>();
  const [sent, setSent] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [providers, setProviders] = createSignal<AuthProviders>();
  onMount(async () => setProviders(await fetchProviders()));
  /** A failed log-in through the identity provider comes back as `/login?error=<code>`. */
  const oidcError = () => (isOidcLoginError(search.error) ? search.error : undefined);
  const oidcHref = () => {
    const next = safeNextPath(search.next);
    return next ? `${oidcStartPath}?${new URLSearchParams({ next })}` : oidcStartPath;
  };
  let input: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const address = email().trim();
    const fieldProblem: FieldProblem | undefined = !address
      ? "missing"
      : looksLikeEmail(address)
        ? undefined
        : "invalid";
    setProblem(fieldProblem);
    setFailure(undefined);
    setSent(false);
    if (fieldProblem) {
      input?.focus();
      return;
    }
    setBusy(true);
    rememberNextPath(search.next);
    try {
      await call(client.api.auth.login.$post({ json: { email: address } }));
      setSent(true);
    } catch (error) {
      const code = errorCode(error);
      if (code === "validation_failed") {
        setProblem("invalid");
        input?.focus();
      } else {
        setFailure(code);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="narrow-page">
      <h1>{t("login.title")}</h1>
      <Show when={currentPerson()}>
        {(person) => (
          <p class="notice" data-testid="already-logged-in">
            {t("login.already", { name: person().name })}{" "}
            <a href={identityPaths.me}>{t("login.already.link")}</a>
          </p>
        )}
      </Show>
      <Show when={oidcError()}>
        {(code) => (
          <p class="notice" role="alert" data-testid="oidc-error">
            {errorMessage(code())}
          </p>
        )}
      </Show>
      <p class="lead">{t("login.lead")}</p>

      <Show when={providers()?.oidc}>
        {(oidc) => (
          <div class="oidc-login" data-testid="oidc-login">
            <p>
              {/* A full page load (rel="external"): the Worker sends the browser on to the provider. */}
              <a class="button" href={oidcHref()} rel="external">
                {t("login.oidc.button", { name: oidc().name })}
              </a>
            </p>
            <p class="hint">{t("login.oidc.or")}</p>
          </div>
        )}
      </Show>

      <form class="form-panel" onSubmit={submit} novalidate aria-busy={busy() ? "true" : undefined}>
        <Field
          id="login-email"
          label={t("login.email.label")}
          hint={t("login.email.hint")}
          error={problem() && t(problem() === "missing" ? "login.email.missing" : "login.email.invalid")}
          required
          action={
            <SubmitButton busy={busy()} busyLabel={t("login.sending")}>
              {t("login.submit")}
            </SubmitButton>
          }
        >
          {(control) => (
            <input
              ref={input}
              {...control}
              name="email"
              type="email"
              inputmode="email"
              autocomplete="email"
              autocapitalize="none"
              spellcheck={false}
              maxLength={maxEmailLength}
              value={email()}
              onInput={(event) => {
                setEmail(event.currentTarget.value);
                if (problem() && looksLikeEmail(event.currentTarget.value.trim())) setProblem(undefined);
              }}
              data-testid="login-email"
            />
          )}
        </Field>
      </form>

      {/* Present from the start, so its message is announced when it appears. */}
      <div class="form-result" role="status" aria-live="polite" data-testid="login-result">
        <Show when={sent()}>
          <p class="success">{t("login.sent")}</p>
          <p class="hint">{t("login.sent.hint")}</p>
        </Show>
      </div>
      <ErrorAlert code={failure()} testId="login-error" />

      <DemoLogIn
        onLoggedIn={() => navigate(safeNextPath(search.next) ?? defaultNextPath, { replace: true })}
      />
    </article>
  );
}

/** Development mode only: one button per demo person, and the way to the outbox. */
function DemoLogIn(props: { onLoggedIn: () => void }) {
  const [people, setPeople] = createSignal<DemoPerson[]>();
  const [busyId, setBusyId] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();

  onMount(async () => {
    try {
      if (await devInfo()) setPeople(await call(client.api.dev.people.$get()));
    } catch {
      // Not in development mode, or not reachable: the section stays away.
    }
  });

  const logInAs = async (person: DemoPerson) => {
    if (busyId()) return;
    setBusyId(person.id);
    setFailure(undefined);
    try {
      loggedIn(await call(client.api.dev["login-as"].$post({ json: { personId: person.id } })));
      props.onLoggedIn();
    } catch (error) {
      setFailure(errorCode(error));
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <Show when={people()}>
      {(list) => (
        <section class="demo-login" aria-labelledby="demo-login-title" data-testid="demo-login">
          <h2 id="demo-login-title">{t("login.dev.title")}</h2>
          <p class="hint">{t("login.dev.lead")}</p>
          <ul class="plain-list card-grid demo-people">
            <For each={list()}>
              {(person) => (
                <li>
                  <button
                    type="button"
                    class="demo-person"
                    aria-busy={busyId() === person.id ? "true" : undefined}
                    onClick={() => logInAs(person)}
                  >
                    <span class="demo-person-name">{person.name}</span>
                    <span class="meta">{person.summary}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
          <p class="visually-hidden" role="status" aria-live="polite">
            {(() => {
              const id = busyId();
              const person = id ? list().find((p) => p.id === id) : undefined;
              return person ? t("login.dev.busy", { name: person.name }) : "";
            })()}
          </p>
          <ErrorAlert code={failure()} />
          <p>
            <a class="action-link" href={devOutboxPath}>
              {t("login.dev.outbox")}
            </a>
          </p>
        </section>
      )}
    </Show>
  );
}
