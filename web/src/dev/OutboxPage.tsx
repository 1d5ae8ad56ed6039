import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import type { OutboxMessage } from "../../../worker/shared/identity";
import { call, client, errorCode, failedWith } from "../api/client";
import { t, tp } from "../i18n";
import "./messages.sv";
import { formatDateTime } from "../identity/format";
import { identityPaths } from "../identity/paths";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { devInfo } from "./devInfo";
import { linkify } from "./linkify";
import "./OutboxPage.css";

type State = "loading" | "absent" | "ready" | "error";

/**
 * `/dev/outbox`, development mode only: the mail samtal would have sent, newest first,
 * with the links in it clickable. Elsewhere it is a page that does not exist.
 */
export default function OutboxPage() {
  const [state, setState] = createSignal<State>("loading");
  const [mails, setMails] = createSignal<OutboxMessage[]>([]);
  const [failure, setFailure] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal("");
  // Without the soft hyphen that helps the heading wrap on phones.
  usePageTitle(() => (state() === "absent" ? t("notFound.title") : t("outbox.title").replace(/\u00AD/g, "")));

  const load = async (announce: boolean) => {
    setAnnouncement("");
    try {
      const list = await call(client.api.dev.outbox.$get());
      setMails(list);
      setState("ready");
      if (announce) setAnnouncement(tp("outbox.count", list.length));
    } catch (error) {
      if (failedWith(error, 404)) {
        setState("absent");
        return;
      }
      setFailure(errorCode(error));
      setState("error");
    }
  };

  onMount(async () => {
    try {
      if (!(await devInfo())) {
        setState("absent");
        return;
      }
    } catch (error) {
      setFailure(errorCode(error));
      setState("error");
      return;
    }
    await load(false);
  });

  return (
    <Switch>
      <Match when={state() === "loading"}>
        <Loading />
      </Match>
      <Match when={state() === "absent"}>
        <NotFound reason="page" />
      </Match>
      <Match when={state() === "ready" || state() === "error"}>
        <article class="narrow-page">
          <h1>{t("outbox.title")}</h1>
          <p class="lead">{t("outbox.lead")}</p>
          <div class="actions">
            <button type="button" class="button" onClick={() => load(true)}>
              {t("outbox.refresh")}
            </button>
            <a class="action-link" href={identityPaths.login}>
              {t("outbox.login")}
            </a>
          </div>
          <p class="form-result" role="status" aria-live="polite">
            {announcement()}
          </p>
          <ErrorAlert code={state() === "error" ? failure() : undefined} />
          <Show when={state() === "ready"}>
            <Show when={mails().length > 0} fallback={<p class="empty">{t("outbox.empty")}</p>}>
              <ol class="plain-list card-list" data-testid="outbox">
                <For each={mails()}>{(mail) => <Mail mail={mail} />}</For>
              </ol>
            </Show>
          </Show>
        </article>
      </Match>
    </Switch>
  );
}

function Mail(props: { mail: OutboxMessage }) {
  const titleId = `mail-${props.mail.id}`;
  return (
    <li class="mail" data-testid="outbox-mail">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} class="mail-subject">
          {props.mail.subject}
        </h2>
        <dl class="mail-meta">
          <div>
            <dt>{t("outbox.to")}</dt>
            <dd data-testid="outbox-to">{props.mail.to}</dd>
          </div>
          <div>
            <dt>{t("outbox.sent")}</dt>
            <dd>{formatDateTime(props.mail.createdAt)}</dd>
          </div>
        </dl>
        <p class="mail-text">
          <For each={linkify(props.mail.text)}>
            {(part) => (part.kind === "link" ? <a href={part.href}>{part.text}</a> : part.text)}
          </For>
        </p>
      </article>
    </li>
  );
}
