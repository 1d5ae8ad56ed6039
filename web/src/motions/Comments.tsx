import { createSignal, For, Index, onCleanup, onMount, Show } from "solid-js";
import type * as Y from "yjs";
import type { MotionCommentThread } from "../../../worker/shared/motions";
import { call, client } from "../api/client";
import { t } from "../i18n";
import "./messages.sv";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { createRequest } from "./action";
import type { Anchor } from "./commentAnchors";

/** How long the text must rest before the list asks where the passages are now. */
const settleMs = 1000;

function fetchThreads(motionId: number): Promise<MotionCommentThread[]> {
  return call(client.api.motions[":id"].comments.$get({ param: { id: String(motionId) } })).then(
    (list) => list.threads,
  );
}

/**
 * Comment threads on the live text: "Kommentera" on the passage selected in one of the
 * editors, then the threads with the words they were about, where those words are now (the
 * Worker resolves the anchors; asked when the page opens and again whenever the text rests
 * after an edit), replies, resolve and reopen. The editors highlight the open threads'
 * passages themselves (commentAnchors.ts).
 */
export function Comments(props: {
  motionId: number;
  doc: Y.Doc;
  threads: MotionCommentThread[];
  onThreads: (threads: MotionCommentThread[]) => void;
  /** The passage selected in an editor, as an anchor; null when none is. */
  selection: () => Anchor | null;
  fieldLabel: (field: string) => string;
  /** Whether the room's first sync is done: the text it brings is what the first answer saw. */
  synced: () => boolean;
}) {
  const [draft, setDraft] = createSignal<Anchor>();
  const [noSelection, setNoSelection] = createSignal(false);
  const [body, setBody] = createSignal("");
  const start = createRequest();
  const load = createRequest();
  let bodyInput: HTMLTextAreaElement | undefined;

  const reload = () => load.run(async () => props.onThreads(await fetchThreads(props.motionId)));
  onMount(() => void reload());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onUpdate = () => {
    // The first sync only fills in the text the Worker resolved the anchors against: asking
    // again would repeat the first answer, a request on a cold phone's busy link.
    if (!props.synced()) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), settleMs);
  };
  props.doc.on("update", onUpdate);
  onCleanup(() => {
    clearTimeout(timer);
    props.doc.off("update", onUpdate);
  });

  const replace = (thread: MotionCommentThread) =>
    props.onThreads(props.threads.map((t) => (t.id === thread.id ? thread : t)));

  const begin = () => {
    const anchor = props.selection();
    setNoSelection(!anchor);
    setDraft(anchor ?? undefined);
    if (anchor) queueMicrotask(() => bodyInput?.focus());
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const anchor = draft();
    if (!anchor) return;
    void start.run(async () => {
      const { field, start: from, end } = anchor;
      const thread = await call(
        client.api.motions[":id"].comments.$post({
          param: { id: String(props.motionId) },
          json: { field, start: from, end, body: body() },
        }),
      );
      props.onThreads([...props.threads, thread]);
      setDraft(undefined);
      setBody("");
    });
  };

  return (
    <section class="motion-comments" aria-labelledby="comments-title" data-testid="motion-comments">
      <h3 id="comments-title">{t("motions.comments.title")}</h3>
      <Show
        when={draft()}
        fallback={
          <p>
            <button type="button" class="button button-secondary" data-testid="start-comment" onClick={begin}>
              {t("motions.comments.start")}
            </button>
          </p>
        }
      >
        {(anchor) => (
          <form class="motion-comment-form" onSubmit={save} data-testid="comment-form">
            <p class="meta">
              {props.fieldLabel(anchor().field)}: {t("motions.comments.selected", { quote: anchor().quote })}
            </p>
            <Field id="comment-body" label={t("motions.comments.body")}>
              {(control) => (
                <textarea
                  {...control}
                  ref={bodyInput}
                  rows={3}
                  required
                  value={body()}
                  onInput={(e) => setBody(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="motion-amendment-tools">
              <SubmitButton busy={start.busy()} testId="save-comment">
                {t("motions.comments.submit")}
              </SubmitButton>
              <button type="button" class="button button-secondary" onClick={() => setDraft(undefined)}>
                {t("motions.comments.cancel")}
              </button>
            </div>
          </form>
        )}
      </Show>
      <Show when={noSelection()}>
        <p class="hint" role="status">
          {t("motions.comments.startHint")}
        </p>
      </Show>
      <ErrorAlert code={start.failure() ?? load.failure()} testId="comment-error" />
      <Show when={props.threads.length > 0} fallback={<p class="meta">{t("motions.comments.none")}</p>}>
        <ol class="plain-list motion-thread-list">
          {/* By position, so a thread answered anew keeps its elements (and the focus in its form). */}
          <Index each={props.threads}>
            {(thread) => (
              <Thread
                thread={thread()}
                motionId={props.motionId}
                fieldLabel={props.fieldLabel}
                onChange={replace}
              />
            )}
          </Index>
        </ol>
      </Show>
    </section>
  );
}

function Thread(props: {
  motionId: number;
  thread: MotionCommentThread;
  fieldLabel: (field: string) => string;
  onChange: (thread: MotionCommentThread) => void;
}) {
  const [reply, setReply] = createSignal("");
  const request = createRequest();
  const param = () => ({ id: String(props.motionId), threadId: String(props.thread.id) });

  const send = (event: SubmitEvent) => {
    event.preventDefault();
    void request.run(async () => {
      props.onChange(
        await call(
          client.api.motions[":id"].comments[":threadId"].replies.$post({
            param: param(),
            json: { body: reply() },
          }),
        ),
      );
      setReply("");
    });
  };
  const resolve = (resolved: boolean) =>
    request.run(async () =>
      props.onChange(
        await call(
          client.api.motions[":id"].comments[":threadId"].resolution.$post({
            param: param(),
            json: { resolved },
          }),
        ),
      ),
    );

  return (
    <li
      class="motion-thread"
      data-testid="comment-thread"
      data-resolved={props.thread.resolved ? "" : undefined}
    >
      <p class="meta">{t("motions.comments.in", { part: props.fieldLabel(props.thread.field) })}</p>
      <p class="motion-thread-quote">{t("motions.comments.on", { quote: props.thread.quote })}</p>
      <p class="meta" data-testid="comment-current">
        <Show when={props.thread.current} fallback={t("motions.comments.gone")}>
          {(now) => t("motions.comments.now", { text: now().text })}
        </Show>
      </p>
      <ul class="plain-list motion-thread-comments">
        <For each={props.thread.comments}>
          {(comment) => (
            <li data-testid="comment">
              <strong>{comment.author.name ?? t("audit.formerMember")}</strong>: {comment.body}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.thread.resolved}>
        <p class="success" data-testid="comment-resolved">
          {t("motions.comments.resolved", { name: props.thread.resolvedBy?.name ?? t("audit.formerMember") })}
        </p>
      </Show>
      <form class="motion-reply" onSubmit={send}>
        <Field
          id={`reply-${props.thread.id}`}
          label={t("motions.comments.replyLabel")}
          action={
            <SubmitButton busy={request.busy()} testId="send-reply">
              {t("motions.comments.reply")}
            </SubmitButton>
          }
        >
          {(control) => (
            <input
              {...control}
              type="text"
              required
              value={reply()}
              onInput={(e) => setReply(e.currentTarget.value)}
            />
          )}
        </Field>
      </form>
      <button
        type="button"
        class="button button-small button-secondary"
        data-testid={props.thread.resolved ? "reopen-comment" : "resolve-comment"}
        onClick={() => void resolve(!props.thread.resolved)}
      >
        {props.thread.resolved ? t("motions.comments.reopen") : t("motions.comments.resolve")}
      </button>
      <ErrorAlert code={request.failure()} />
    </li>
  );
}
