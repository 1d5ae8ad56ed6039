import { createSignal, For, type JSX, Show } from "solid-js";
import type { AnswerRow, TagBoard } from "../../../worker/shared/consultations";
import { consultationLimits } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t, tp } from "../i18n";
import "./messages.sv";
import { createRequest } from "../motions/action";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import type { createTagBoard } from "./TagBoard";

type Tags = ReturnType<typeof createTagBoard>;

/**
 * The overview by theme: how many answers carry each tag, as tagged now by everyone; `children`
 * (a new tag, for the asking level) follows the list, so themes are made where they are counted.
 */
export function TagCounts(props: { board: TagBoard; children?: JSX.Element }) {
  const count = (tagId: number) => props.board.tagged.filter((x) => x.tagId === tagId).length;
  return (
    <section aria-labelledby="tag-counts-title" class="results-section" data-testid="tag-counts">
      <h2 id="tag-counts-title">{t("consultations.tags.countsTitle")}</h2>
      <Show when={props.board.tags.length > 0} fallback={<p class="empty">{t("consultations.tags.none")}</p>}>
        <ul class="plain-list tag-count-list">
          <For each={props.board.tags}>
            {(tag) => (
              <li>
                <span class="pill">{tag.name}</span> {tp("consultations.tags.answers", count(tag.id))}
              </li>
            )}
          </For>
        </ul>
      </Show>
      {props.children}
    </section>
  );
}

/** A new shared tag: colleagues see it on their next poll. */
export function NewTag(props: { consultationId: number; tags: Tags }) {
  const [name, setName] = createSignal("");
  const create = createRequest();
  return (
    <form
      class="new-tag"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name().trim()) return;
        void create.run(async () => {
          props.tags.set(
            await call(
              client.api.consultations[":id"].tags.$post({
                param: { id: String(props.consultationId) },
                json: { name: name().trim() },
              }),
            ),
          );
          setName("");
        });
      }}
    >
      <Field
        id="new-tag"
        label={t("consultations.tags.new")}
        action={
          <SubmitButton busy={create.busy()} testId="create-tag">
            {t("consultations.tags.create")}
          </SubmitButton>
        }
      >
        {(control) => (
          <input
            {...control}
            maxLength={consultationLimits.tagName}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <ErrorAlert code={create.failure()} />
    </form>
  );
}

/** One answer's tags: each shared tag as a toggle (pressed when the answer carries it). */
export function TagToggles(props: {
  consultationId: number;
  answer: AnswerRow;
  tags: Tags;
  manages: boolean;
}) {
  const tagging = createRequest();
  const tagged = (tagId: number) =>
    props.tags
      .board()
      ?.tagged.some(
        (x) =>
          x.tagId === tagId && x.groupId === props.answer.groupId && x.questionId === props.answer.questionId,
      ) ?? false;
  const toggle = (tagId: number) =>
    tagging.run(async () =>
      props.tags.set(
        await call(
          client.api.consultations[":id"].tagging.$post({
            param: { id: String(props.consultationId) },
            json: {
              tagId,
              groupId: props.answer.groupId,
              questionId: props.answer.questionId,
              tagged: !tagged(tagId),
            },
          }),
        ),
      ),
    );
  return (
    <Show when={(props.tags.board()?.tags.length ?? 0) > 0}>
      <fieldset class="tag-toggles">
        <legend class="visually-hidden">
          {t("consultations.tags.forAnswer", { group: props.answer.group.name })}
        </legend>
        <For each={props.tags.board()?.tags ?? []}>
          {(tag) => (
            <Show
              when={props.manages}
              fallback={
                <Show when={tagged(tag.id)}>
                  <span class="pill">{tag.name}</span>
                </Show>
              }
            >
              <button
                type="button"
                class="tag-toggle"
                aria-pressed={tagged(tag.id)}
                onClick={() => toggle(tag.id)}
                data-testid="tag-toggle"
              >
                {tag.name}
              </button>
            </Show>
          )}
        </For>
        <ErrorAlert code={tagging.failure()} />
      </fieldset>
    </Show>
  );
}
