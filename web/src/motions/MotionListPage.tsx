import { useNavigate, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import {
  type MotionKind,
  type MotionList,
  motionStates,
  motionTitleMaxLength,
} from "../../../worker/shared/motions";
import { call, client, failedWith } from "../api/client";
import { t, tp } from "../i18n";
import { formatDateTime } from "../identity/format";
import { loginHref } from "../identity/next";
import { currentPerson, loadSession } from "../identity/session";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { createMotionAction } from "./action";
import { stateLabel } from "./labels";
import { membershipOf, motionHref } from "./links";
import { PeriodForm } from "./PeriodForm";
import "./MotionPage.css";

type Loaded = { list: MotionList } | { missing: true } | { refused: "login" | "forbidden" };

async function loadList(query: { group: string; state?: string; q?: string }): Promise<Loaded> {
  try {
    return { list: await call(client.api.motions.$get({ query: query as { group: string } })) };
  } catch (error) {
    if (failedWith(error, 404, 400)) return { missing: true };
    if (failedWith(error, 401)) return { refused: "login" };
    if (failedWith(error, 403)) return { refused: "forbidden" };
    throw error;
  }
}

/** `/motions?group=branch:goteborg[&state=…][&q=…]`: a group's motions by state, searched, and a new one. */
export default function MotionListPage() {
  void loadSession();
  const [search, setSearch] = useSearchParams<{ group?: string; state?: string; q?: string }>();
  const query = () => ({
    group: search.group ?? "",
    ...(search.state ? { state: search.state } : {}),
    ...(search.q ? { q: search.q } : {}),
  });
  const [loaded] = createResource(query, loadList);
  usePageTitle(() => t("motions.title"));
  const [q, setQ] = createSignal(search.q ?? "");
  const [state, setState] = createSignal(search.state ?? "");

  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error}>
        <ErrorAlert code="internal" />
      </Match>
      <Match when={loaded() && "missing" in (loaded() as Loaded)}>
        <NotFound reason="group" />
      </Match>
      <Match when={(loaded() as { refused?: string } | undefined)?.refused}>
        {(why) => (
          <section class="message-page">
            <h1>{t("motions.title")}</h1>
            <p>{why() === "login" ? t("motions.loginNeeded") : t("motions.membersOnly")}</p>
            <Show when={why() === "login"}>
              <p>
                <a
                  class="button"
                  href={loginHref(`/motions?group=${encodeURIComponent(search.group ?? "")}`)}
                >
                  {t("me.login")}
                </a>
              </p>
            </Show>
          </section>
        )}
      </Match>
      <Match when={(loaded() as { list?: MotionList } | undefined)?.list}>
        {(list) => {
          const membership = () => membershipOf(currentPerson(), list().group);
          return (
            <article class="motion-list-page">
              <h1>{t("motions.listTitle", { group: list().group.name })}</h1>
              {/* First, so a writer on a phone starts one without scrolling past every motion. */}
              <Show when={membership()?.can.includes("motion.create")}>
                <NewMotionForm group={search.group ?? ""} />
              </Show>
              <section aria-labelledby="motion-list-title">
                <h2 id="motion-list-title">{t("motions.list.title")}</h2>
                <form
                  class="motion-filter"
                  onSubmit={(e) => {
                    e.preventDefault();
                    setSearch({ q: q().trim() || undefined, state: state() || undefined });
                  }}
                >
                  <Field id="motion-q" label={t("motions.search.label")}>
                    {(control) => (
                      <input
                        {...control}
                        type="search"
                        value={q()}
                        onInput={(e) => setQ(e.currentTarget.value)}
                      />
                    )}
                  </Field>
                  <Field id="motion-state" label={t("motions.search.state")}>
                    {(control) => (
                      <select {...control} value={state()} onChange={(e) => setState(e.currentTarget.value)}>
                        <option value="">{t("motions.search.allStates")}</option>
                        <For each={motionStates}>{(s) => <option value={s}>{stateLabel(s)}</option>}</For>
                      </select>
                    )}
                  </Field>
                  <SubmitButton>{t("motions.search.submit")}</SubmitButton>
                </form>
                <p role="status" class="meta">
                  {tp("motions.count", list().motions.length)}
                </p>
                <ul class="plain-list card-list" data-testid="motion-list">
                  <For each={list().motions}>
                    {(motion) => (
                      <li class="item-card motion-card" data-testid="motion-item">
                        <a href={motionHref(motion.id)} class="motion-card-title">
                          {motion.title}
                        </a>
                        <span class="pill">{stateLabel(motion.state)}</span>
                        <Show when={motion.kind === "idea"}>
                          <span class="pill">{t("motions.kind.idea")}</span>
                        </Show>
                        <span class="meta">
                          {tp("motions.supporters", motion.supporters)} · {formatDateTime(motion.updatedAt)}
                        </span>
                        <Show when={motion.sender}>
                          {(sender) => (
                            <span class="meta" data-testid="motion-item-sender">
                              {t("motions.from", { group: sender().name })}
                            </span>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <Show when={membership()?.can.includes("motion.periods")}>
                <PeriodForm group={search.group ?? ""} />
              </Show>
            </article>
          );
        }}
      </Match>
    </Switch>
  );
}

/** A new motion or idea draft: a title and which kind; its text is then written live on its page. */
function NewMotionForm(props: { group: string }) {
  const navigate = useNavigate();
  const [title, setTitle] = createSignal("");
  const [kind, setKind] = createSignal<MotionKind>("motion");
  const [missing, setMissing] = createSignal(false);
  const create = createMotionAction((motion) => navigate(motionHref(motion.id)));
  return (
    <section aria-labelledby="new-motion-title" class="motion-step">
      <h2 id="new-motion-title">{t("motions.new.title")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setMissing(!title().trim());
          if (!title().trim()) return;
          create.run(() =>
            call(
              client.api.motions.$post({
                query: { group: props.group },
                json: { kind: kind(), title: title().trim() },
              }),
            ),
          );
        }}
      >
        <fieldset class="verdict-fieldset">
          <legend>{t("motions.new.kind")}</legend>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              checked={kind() === "motion"}
              onChange={() => setKind("motion")}
            />{" "}
            {t("motions.kind.motion")}
          </label>
          <label class="choice">
            <input type="radio" name="kind" checked={kind() === "idea"} onChange={() => setKind("idea")} />{" "}
            {t("motions.kind.idea")}
          </label>
        </fieldset>
        <Field
          id="new-motion-title-input"
          label={t("motions.new.label")}
          hint={t("motions.new.hint")}
          error={missing() ? t("motions.new.missing") : undefined}
          required
        >
          {(control) => (
            <input
              {...control}
              maxLength={motionTitleMaxLength}
              value={title()}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          )}
        </Field>
        <SubmitButton busy={create.busy()} busyLabel={t("motions.saving")} testId="create-motion">
          {t("motions.new.submit")}
        </SubmitButton>
        <ErrorAlert code={create.failure()} />
      </form>
    </section>
  );
}
