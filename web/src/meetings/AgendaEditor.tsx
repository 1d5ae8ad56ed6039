import { createEffect, createResource, createSignal, For, Index, on, Show } from "solid-js";
import type { ConsultationSummary } from "../../../worker/shared/consultations";
import {
  type AgendaItemKind,
  agendaItemKinds,
  agendaMaxItems,
  agendaTitleMaxLength,
} from "../../../worker/shared/meetings";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { type ControlProps, Field } from "../ui/Form";
import { itemKindLabel } from "./labels";
import "./agenda.css";

/** An agenda item as the form holds it: `id` for one kept from the meeting (its notes stay with it). */
export interface DraftItem {
  id?: number;
  title: string;
  kind: AgendaItemKind;
  motionId: number | null;
  /** A consultation discussed under the item: the meeting page opens the group's workspace from it. */
  consultationId: number | null;
}

/** The title an item gets from its consultation, unless the consultation's own title already says "Rådslag: …". */
function consultationItemTitle(title: string): string {
  const prefixed = t("meetings.agenda.consultationItemTitle", { title });
  const prefix = prefixed.slice(0, prefixed.indexOf(title)).trim().toLowerCase();
  return title.toLowerCase().startsWith(prefix) ? title : prefixed;
}

/**
 * The agenda, edited: each item's title and kind, moved up or down with buttons (keyboard
 * and screen reader alike; no dragging needed), removed, and new ones added at the end.
 * Every move and removal is said in a polite live region, and focus stays on the item moved.
 * An item may discuss one of the group's open consultations (`group`: as in `?group=`), the
 * list its page shows; one already linked stays offered after it closes.
 */
export function AgendaEditor(props: {
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  group?: string | undefined;
}) {
  const [newTitle, setNewTitle] = createSignal("");
  const [newConsultation, setNewConsultation] = createSignal<number | null>(null);
  const [said, setSaid] = createSignal("");
  const [asked] = createResource(
    () => props.group,
    (group) => call(client.api.consultations.$get({ query: { group } })).catch(() => null),
  );
  const consultations = (): ConsultationSummary[] =>
    (asked.state === "ready" ? (asked()?.asked ?? []) : []).filter(
      (c) => c.phase === "open" || props.items.some((item) => item.consultationId === c.id),
    );
  const consultationTitle = (id: number | null) => consultations().find((c) => c.id === id)?.title;
  let list: HTMLOListElement | undefined;

  const focusItem = (index: number, control: string) =>
    queueMicrotask(() =>
      list?.querySelector<HTMLElement>(`[data-index="${index}"] [data-control="${control}"]`)?.focus(),
    );

  const patch = (index: number, change: Partial<DraftItem>) =>
    props.onChange(props.items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const item = props.items[index];
    if (!item || to < 0 || to >= props.items.length) return;
    const next = [...props.items];
    next.splice(index, 1);
    next.splice(to, 0, item);
    props.onChange(next);
    setSaid(t("meetings.agenda.moved", { title: item.title || "–", n: to + 1 }));
    // The button pressed may now be disabled (top or bottom): keep focus on that item.
    const edge = to === 0 || to === next.length - 1;
    focusItem(to, edge ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down");
  };

  const remove = (index: number) => {
    const item = props.items[index];
    if (!item) return;
    props.onChange(props.items.filter((_, i) => i !== index));
    setSaid(t("meetings.agenda.removed", { title: item.title || "–" }));
    queueMicrotask(() => document.getElementById("agenda-new")?.focus());
  };

  const add = () => {
    const title = newTitle().trim();
    if (!title || props.items.length >= agendaMaxItems) return;
    const n = props.items.length + 1;
    props.onChange([
      ...props.items,
      { title, kind: "discussion", motionId: null, consultationId: newConsultation() },
    ]);
    setNewTitle("");
    setNewConsultation(null);
    setSaid(t("meetings.agenda.added", { title, n }));
  };

  return (
    <fieldset class="agenda-editor" data-testid="agenda-editor">
      <legend>{t("meetings.agenda.title")}</legend>
      <ol class="plain-list agenda-draft" ref={list}>
        <Index each={props.items}>
          {(item, index) => (
            <li class="agenda-draft-item" data-index={index} data-testid="agenda-draft-item">
              <span class="agenda-number" aria-hidden="true">
                § {index + 1}
              </span>
              <label class="visually-hidden" for={`agenda-title-${index}`}>
                {t("meetings.agenda.itemTitle", { n: index + 1 })}
              </label>
              <input
                id={`agenda-title-${index}`}
                class="agenda-title-input"
                maxLength={agendaTitleMaxLength}
                value={item().title}
                required
                onInput={(e) => patch(index, { title: e.currentTarget.value })}
              />
              <label class="visually-hidden" for={`agenda-kind-${index}`}>
                {t("meetings.agenda.itemKind", { n: index + 1 })}
              </label>
              <select
                id={`agenda-kind-${index}`}
                value={item().kind}
                onChange={(e) => patch(index, { kind: e.currentTarget.value as AgendaItemKind })}
              >
                <For each={agendaItemKinds}>
                  {(kind) => <option value={kind}>{itemKindLabel(kind)}</option>}
                </For>
              </select>
              <Show when={consultations().length > 0}>
                <label class="visually-hidden" for={`agenda-consultation-${index}`}>
                  {t("meetings.agenda.itemConsultation", { n: index + 1 })}
                </label>
                <ConsultationSelect
                  id={`agenda-consultation-${index}`}
                  consultations={consultations()}
                  selected={item().consultationId}
                  onChoose={(id) => {
                    const title = consultationTitle(id);
                    patch(index, {
                      consultationId: id,
                      ...(title && !item().title.trim() ? { title: consultationItemTitle(title) } : {}),
                    });
                  }}
                />
              </Show>
              <span class="agenda-draft-buttons">
                <button
                  type="button"
                  class="button button-secondary button-small"
                  data-control="up"
                  disabled={index === 0}
                  aria-label={t("meetings.agenda.up", { n: index + 1 })}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  data-control="down"
                  disabled={index === props.items.length - 1}
                  aria-label={t("meetings.agenda.down", { n: index + 1 })}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  aria-label={t("meetings.agenda.remove", { n: index + 1 })}
                  onClick={() => remove(index)}
                >
                  {t("meetings.agenda.removeShort")}
                </button>
              </span>
            </li>
          )}
        </Index>
      </ol>
      <Show when={consultations().length > 0}>
        <Field
          id="agenda-new-consultation"
          label={t("meetings.agenda.consultation")}
          hint={t("meetings.agenda.consultationHint")}
        >
          {(control) => (
            <ConsultationSelect
              {...control}
              consultations={consultations()}
              selected={newConsultation()}
              onChoose={(id) => {
                setNewConsultation(id);
                const title = consultationTitle(id);
                if (title && !newTitle().trim()) setNewTitle(consultationItemTitle(title));
              }}
            />
          )}
        </Field>
      </Show>
      <div class="field">
        <label class="field-label" for="agenda-new">
          {t("meetings.agenda.new")}
        </label>
        <div class="field-row">
          <input
            id="agenda-new"
            maxLength={agendaTitleMaxLength}
            value={newTitle()}
            onInput={(e) => setNewTitle(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" class="button button-secondary" onClick={add} data-testid="agenda-add">
            {t("meetings.agenda.add")}
          </button>
        </div>
      </div>
      <p class="visually-hidden" role="status">
        {said()}
      </p>
    </fieldset>
  );
}

/**
 * A choice of consultation (or none). The list arrives after the select is drawn, and a
 * select's value set before its options exist is lost: it is set again once they are there.
 */
function ConsultationSelect(
  props: Partial<ControlProps> & {
    id: string;
    consultations: ConsultationSummary[];
    selected: number | null;
    onChoose: (id: number | null) => void;
  },
) {
  let select: HTMLSelectElement | undefined;
  createEffect(
    on([() => props.consultations, () => props.selected], ([, selected]) => {
      if (select) select.value = selected === null ? "" : String(selected);
    }),
  );
  return (
    <select
      ref={select}
      id={props.id}
      aria-describedby={props["aria-describedby"]}
      onChange={(e) => props.onChoose(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
    >
      <option value="">{t("meetings.agenda.noConsultation")}</option>
      <For each={props.consultations}>{(c) => <option value={c.id}>{c.title}</option>}</For>
    </select>
  );
}
