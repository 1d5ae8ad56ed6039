import { useParams } from "@solidjs/router";
import { createResource, createSignal, lazy, Match, onCleanup, Show, Suspense, Switch } from "solid-js";
import { isEditable, type MotionView } from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import { formatDateTime } from "../identity/format";
import { loginHref } from "../identity/next";
import { currentPerson, loadSession } from "../identity/session";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { AuthorActions } from "./AuthorActions";
import { createMotionAction } from "./action";
import { dropFirstEditor } from "./headStart";
import { stateLabel } from "./labels";
import { groupMotionsHref, motionHref } from "./links";
import { MotionReading } from "./MotionReading";
import { type LoadedMotion as Loaded, loadMotion } from "./preload";
import { TreatPanel } from "./TreatPanel";
import { Versions } from "./Versions";
import "./MotionPage.css";

// Yjs and the room load only for a motion written live, so the page (and a submitted motion's
// reading view) does not wait for them; the route's preload has usually started them already.
const MotionWriter = lazy(() => import("./MotionWriter").then((m) => ({ default: m.MotionWriter })));

/** `/motions/:id`: a motion or idea draft, written live while it is a draft, then read, supported and treated. */
export default function MotionPage() {
  const params = useParams<{ id: string }>();
  void loadSession();
  const [loaded, { mutate }] = createResource(() => params.id ?? "", loadMotion);
  // A cold open's first editor that the writer did not take (it showed something else) goes with the page.
  onCleanup(dropFirstEditor);
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Match when={loaded.error}>
          <ErrorAlert code="internal" />
        </Match>
        <Match when={loaded() && "missing" in (loaded() as Loaded)}>
          <NotFound reason="page" />
        </Match>
        <Match when={loaded() && "loginNeeded" in (loaded() as Loaded)}>
          <section class="message-page">
            <h1>{t("motions.title")}</h1>
            <p>{t("motions.loginNeeded")}</p>
            <p>
              <a class="button" href={loginHref(motionHref(Number(params.id)))}>
                {t("me.login")}
              </a>
            </p>
          </section>
        </Match>
        <Match when={(loaded() as { motion?: MotionView } | undefined)?.motion}>
          {(motion) => <MotionDetailView motion={motion()} onChange={(next) => mutate({ motion: next })} />}
        </Match>
      </Switch>
    </Suspense>
  );
}

function MotionDetailView(props: { motion: MotionView; onChange: (motion: MotionView) => void }) {
  usePageTitle(() => props.motion.title);
  const m = () => props.motion;
  const support = createMotionAction(props.onChange);
  const latestVersion = () => m().versions.at(-1)?.number;
  /** The version read: the latest, unless an older one was chosen from the list. */
  const [chosen, setChosen] = createSignal<number>();
  const reading = () => chosen() ?? latestVersion();

  return (
    <article class="motion-page" data-testid="motion-page" data-state={m().state}>
      <p class="motion-back">
        <a class="action-link" href={groupMotionsHref(m().group)}>
          {t("motions.backTo", { group: m().group.name })}
        </a>
      </p>
      <p class="meta motion-kind">
        {m().kind === "idea" ? t("motions.kind.idea") : t("motions.kind.motion")}
      </p>
      <h1 data-testid="motion-title">{m().title}</h1>
      <dl class="facts motion-facts">
        <div>
          <dt>{t("motions.fact.state")}</dt>
          <dd data-testid="motion-state">{stateLabel(m().state)}</dd>
        </div>
        <div>
          <dt>{t("motions.fact.group")}</dt>
          <dd>{m().group.name}</dd>
        </div>
        <Show when={m().authors.length > 0}>
          <div>
            <dt>{t("motions.fact.authors")}</dt>
            <dd data-testid="motion-authors">
              {m()
                .authors.map((a) => a.name ?? t("audit.formerMember"))
                .join(", ")}
            </dd>
          </div>
        </Show>
        <div>
          <dt>{t("motions.fact.supporters")}</dt>
          <dd data-testid="motion-supporters">{tp("motions.supporters", m().supporters)}</dd>
        </div>
        <Show when={m().period}>
          {(period) => (
            <div>
              <dt>{t("motions.fact.period")}</dt>
              <dd>
                {t("motions.period.item", {
                  title: period().title,
                  deadline: formatDateTime(period().deadline),
                })}
              </dd>
            </div>
          )}
        </Show>
        <Show when={m().sender}>
          {(sender) => (
            <div>
              <dt>{t("motions.fact.sender")}</dt>
              <dd data-testid="motion-sender">{sender().name}</dd>
            </div>
          )}
        </Show>
        <Show when={m().origin}>
          {(origin) => (
            <div>
              <dt>{t("motions.fact.origin")}</dt>
              <dd>
                <a href={motionHref(origin().id)}>
                  {t("motions.origin.link", { group: origin().group.name })}
                </a>
              </dd>
            </div>
          )}
        </Show>
        <Show when={m().forwardedTo}>
          {(to) => (
            <div>
              <dt>{t("motions.fact.forwardedTo")}</dt>
              <dd data-testid="motion-forwarded">
                <a href={motionHref(to().id)}>{t("motions.forwarded.link", { group: to().group.name })}</a>
              </dd>
            </div>
          )}
        </Show>
      </dl>

      <Show when={m().can.includes("motion.support") && m().state === "collecting"}>
        <section class="motion-support" aria-labelledby="support-title">
          <h2 id="support-title">{t("motions.support.title")}</h2>
          <Show
            when={!m().supported}
            fallback={
              <p class="success" data-testid="supported">
                {t("motions.support.done")}
              </p>
            }
          >
            <p class="hint">{t("motions.support.lead")}</p>
            <button
              type="button"
              class="button"
              data-testid="support"
              aria-busy={support.busy() ? "true" : undefined}
              onClick={() =>
                support.run(() =>
                  call(client.api.motions[":id"].support.$post({ param: { id: String(m().id) } })),
                )
              }
            >
              {t("motions.support.button")}
            </button>
          </Show>
          <ErrorAlert code={support.failure()} />
        </section>
      </Show>

      <Show when={isEditable(m().state)}>
        {/* Not keyed on the person: the session is read twice on a cold open, and each new
            object would start the writer (and its room connection) again. */}
        <Show when={currentPerson()}>
          {(person) => (
            <Show when={m().id} keyed>
              {(id) => (
                <Suspense fallback={<Loading />}>
                  <MotionWriter
                    motionId={id}
                    documentId={`motion:${id}`}
                    kind={m().kind}
                    name={person().name}
                    canComment={m().can.includes("motion.comment")}
                  />
                </Suspense>
              )}
            </Show>
          )}
        </Show>
      </Show>

      <Show when={m().can.includes("motion.manage") && isEditable(m().state)}>
        <AuthorActions motion={m()} onChange={props.onChange} />
      </Show>

      <Show when={reading()} keyed>
        {(number) => (
          <MotionReading
            motion={m()}
            version={number}
            latest={number === latestVersion()}
            onChange={(next) => {
              setChosen(undefined);
              props.onChange(next);
            }}
          />
        )}
      </Show>

      <Show
        when={m().can.includes("motion.treat") && ["submitted", "answered", "decided"].includes(m().state)}
      >
        <Show when={latestVersion()} keyed>
          {(number) => <TreatPanel motion={m()} version={number} onChange={props.onChange} />}
        </Show>
      </Show>

      <Show when={reading()}>
        {(number) => (
          <Versions
            motion={m()}
            reading={number()}
            onRead={(n) => {
              setChosen(n);
              // The reading view above now shows that version: go there, as a link would.
              document.getElementById("reading-title")?.focus();
            }}
          />
        )}
      </Show>
    </article>
  );
}
