import type { ChainedCommands, Editor } from "@tiptap/core";
import { createSignal, createUniqueId, For, onCleanup, Show } from "solid-js";
import { type MessageKey, t } from "../i18n";
import { isSafeHref } from "./link";
import "./FormatToolbar.css";

/** The heading level the toolbar makes: a section of the text, below the page's own title. */
const headingLevel = 2;

interface Format {
  id: string;
  label: MessageKey;
  active: (editor: Editor) => boolean;
  toggle: (chain: ChainedCommands) => ChainedCommands;
}

const formats: Format[] = [
  {
    id: "heading",
    label: "editor.heading",
    active: (e) => e.isActive("heading", { level: headingLevel }),
    toggle: (c) => c.toggleHeading({ level: headingLevel }),
  },
  { id: "bold", label: "editor.bold", active: (e) => e.isActive("bold"), toggle: (c) => c.toggleBold() },
  {
    id: "italic",
    label: "editor.italic",
    active: (e) => e.isActive("italic"),
    toggle: (c) => c.toggleItalic(),
  },
  {
    id: "bulletList",
    label: "editor.bulletList",
    active: (e) => e.isActive("bulletList"),
    toggle: (c) => c.toggleBulletList(),
  },
  {
    id: "orderedList",
    label: "editor.orderedList",
    active: (e) => e.isActive("orderedList"),
    toggle: (c) => c.toggleOrderedList(),
  },
];

/**
 * What was typed as a link's address, as one the editor keeps: a web address (https:// added
 * when left out), an e-mail address (mailto:) or a phone number given as tel:; null for
 * anything else.
 */
export function linkAddress(typed: string): string | null {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text)
    ? text
    : /^[^@/]+@[^@/]+\.[^@/]+$/.test(text)
      ? `mailto:${text}`
      : `https://${text}`;
  if (!isSafeHref(withScheme)) return null;
  const url = new URL(withScheme);
  if (url.protocol === "mailto:") return url.pathname.includes("@") ? url.href : null;
  if (url.protocol === "tel:") return url.href;
  return url.hostname.includes(".") ? url.href : null;
}

/**
 * The formatting toolbar of an editor: heading, bold, italic, the two lists and a link. An
 * ARIA toolbar: one stop for Tab, the arrow keys (and Home, End) move between its buttons;
 * each button says whether its format is on where the caret is (`aria-pressed`). Pressing one
 * leaves the caret in the text. The link button opens a small form for the address.
 */
export function FormatToolbar(props: { editor: Editor; label: string }) {
  const editor = props.editor;
  // Which formats are on where the caret is, asked again after every change or caret move.
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((n) => n + 1);
  editor.on("transaction", bump);
  editor.on("focus", bump);
  onCleanup(() => {
    editor.off("transaction", bump);
    editor.off("focus", bump);
  });
  const isActive = (active: (e: Editor) => boolean) => {
    version();
    return active(editor);
  };

  let bar: HTMLDivElement | undefined;
  let linkButton: HTMLButtonElement | undefined;
  const [current, setCurrent] = createSignal(0);
  const buttons = () => [...(bar?.querySelectorAll<HTMLButtonElement>(":scope > button") ?? [])];
  const onKeyDown = (event: KeyboardEvent) => {
    const all = buttons();
    const at = all.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + all.length) % all.length;
    setCurrent(index);
    all[index]?.focus();
  };

  const [linking, setLinking] = createSignal(false);
  const [address, setAddress] = createSignal("");
  const [invalid, setInvalid] = createSignal(false);
  const openLink = () => {
    setAddress((editor.getAttributes("link").href as string | undefined) ?? "");
    setInvalid(false);
    setLinking(true);
  };
  const closeLink = () => {
    setLinking(false);
    linkButton?.focus();
  };
  const saveLink = (event: SubmitEvent) => {
    event.preventDefault();
    const href = linkAddress(address());
    if (!href) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({
        type: "text",
        text: address().trim(),
        marks: [{ type: "link", attrs: { href } }],
      });
    } else {
      chain.setLink({ href });
    }
    chain.run();
    setLinking(false);
  };
  const removeLink = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    setLinking(false);
  };

  const inputId = `link-address-${createUniqueId()}`;
  const tabIndex = (index: number) => (index === current() ? 0 : -1);

  return (
    <div class="format-toolbar-area">
      <div
        ref={bar}
        class="format-toolbar"
        role="toolbar"
        aria-label={t("editor.toolbar", { label: props.label })}
        data-testid="format-toolbar"
        onKeyDown={onKeyDown}
      >
        <For each={formats}>
          {(format, index) => (
            <button
              type="button"
              class={`format-button format-${format.id}`}
              data-format={format.id}
              aria-pressed={isActive(format.active) ? "true" : "false"}
              tabIndex={tabIndex(index())}
              // Keeps the text's focus and selection, which the command then formats.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setCurrent(index())}
              onClick={() => format.toggle(editor.chain().focus()).run()}
            >
              {t(format.label)}
            </button>
          )}
        </For>
        <button
          ref={linkButton}
          type="button"
          class="format-button format-link"
          data-format="link"
          aria-pressed={isActive((e) => e.isActive("link")) ? "true" : "false"}
          aria-expanded={linking() ? "true" : "false"}
          tabIndex={tabIndex(formats.length)}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setCurrent(formats.length)}
          onClick={() => (linking() ? closeLink() : openLink())}
        >
          {t("editor.link")}
        </button>
      </div>
      <Show when={linking()}>
        <form
          class="format-link-form"
          aria-label={t("editor.link.form")}
          data-testid="link-form"
          onSubmit={saveLink}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              closeLink();
            }
          }}
        >
          <label for={inputId}>{t("editor.link.address")}</label>
          <input
            id={inputId}
            ref={(input) => queueMicrotask(() => input.focus())}
            type="text"
            inputmode="url"
            autocomplete="off"
            value={address()}
            aria-invalid={invalid() ? "true" : undefined}
            aria-describedby={invalid() ? `${inputId}-error` : undefined}
            onInput={(event) => {
              setAddress(event.currentTarget.value);
              setInvalid(false);
            }}
          />
          <Show when={invalid()}>
            <p class="format-link-error" id={`${inputId}-error`} role="alert">
              {t("editor.link.invalid")}
            </p>
          </Show>
          <div class="format-link-actions">
            <button type="submit" class="button button-small">
              {t("editor.link.save")}
            </button>
            <Show when={isActive((e) => e.isActive("link"))}>
              <button type="button" class="button button-small button-secondary" onClick={removeLink}>
                {t("editor.link.remove")}
              </button>
            </Show>
            <button type="button" class="button button-small button-secondary" onClick={closeLink}>
              {t("editor.link.cancel")}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
