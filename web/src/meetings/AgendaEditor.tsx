import { createSignal, For, Index } from "solid-js";
import {
  type AgendaItemKind,
  agendaItemKinds,
  agendaMaxItems,
  agendaTitleMaxLength,
} from "../../../worker/shared/meetings";
import { t } from "../i18n";
import { itemKindLabel } from "./labels";
import "./agenda.css";

/** An agenda item as the form holds it: `id` for one kept from the meeting (its notes stay with it). */
export interface DraftItem {
  id?: number;
  title: string;
  kind: AgendaItemKind;
  motionId: number | null;
}

/**
 * The agenda, edited: each item's title and kind, moved up or down with buttons (keyboard
 * and screen reader alike; no dragging needed), removed, and new ones added at the end.
 * Every move and removal is said in a polite live region, and focus stays on the item moved.
 */
export function AgendaEditor(props: { items: DraftItem[]; onChange: (items: DraftItem[]) => void }) {
  const [newTitle, setNewTitle] = createSignal("");
  const [said, setSaid] = createSignal("");
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
    props.onChange([...props.items, { title, kind: "discussion", motionId: null }]);
    setNewTitle("");
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
