import { type Accessor, type JSX, Match, Show, Switch } from "solid-js";
import { t } from "../i18n";
import "./messages.sv";
import { loginHref } from "../identity/next";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import type { Loaded } from "./load";

/**
 * A consultation page's frame: loading, failed, not found, log in first, not hers; else the
 * page itself with its data. `here` is the page's own address, to come back to after log-in.
 */
export function PageState<T>(props: {
  loaded: Loaded<T> | undefined;
  error: unknown;
  here: string;
  notFound?: "page" | "group";
  children: (value: Accessor<T>) => JSX.Element;
}) {
  const state = () => props.loaded;
  return (
    <Switch fallback={<Loading />}>
      <Match when={props.error}>
        <ErrorAlert code="internal" />
      </Match>
      <Match when={state() && "missing" in (state() as object)}>
        <NotFound reason={props.notFound ?? "page"} />
      </Match>
      <Match when={state() && ("loginNeeded" in (state() as object) || "forbidden" in (state() as object))}>
        <section class="message-page">
          <h1>{t("consultations.title")}</h1>
          <Show
            when={state() && "loginNeeded" in (state() as object)}
            fallback={<p>{t("consultations.membersOnly")}</p>}
          >
            <p>{t("consultations.loginNeeded")}</p>
            <p>
              <a class="button" href={loginHref(props.here)}>
                {t("me.login")}
              </a>
            </p>
          </Show>
        </section>
      </Match>
      <Match when={(state() as { value?: T } | undefined)?.value}>{(value) => props.children(value)}</Match>
    </Switch>
  );
}
