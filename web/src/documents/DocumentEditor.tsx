import { type AnyExtension, Editor, Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { createEffect, createSignal, onCleanup, onMount, Show } from "solid-js";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { textExtensions } from "./extensions";
import { FormatToolbar } from "./FormatToolbar";
import { participantLabel } from "./Presence";
import "./DocumentEditor.css";

export interface DocumentEditorProps {
  doc: Y.Doc;
  awareness: Awareness;
  /** This tab's person; `guest` only for a guest (the room sets the marker from her token anyway). */
  user: { name: string; color: string; guest?: true };
  editable: boolean;
  /** The editor's accessible name. */
  label: string;
  /**
   * The XmlFragment of `doc` this editor writes (TipTap's "default" when not given), so
   * several editors on one page share one document, one connection and one presence.
   */
  field?: string;
  /** One line of text (a title, an att-sats): Enter adds no paragraph, and the area is small. */
  singleLine?: boolean;
  /** The formatting toolbar above the text, while it may be edited. */
  toolbar?: boolean;
  /** More TipTap extensions for this editor (a page's own decorations, say). */
  extensions?: AnyExtension[];
  /** Called with the editor once it exists, for a page that reads its selection. */
  onEditor?: (editor: Editor) => void;
}

/** Enter and Shift+Enter do nothing: the text stays one paragraph. */
const SingleLine = Extension.create({
  name: "singleLine",
  addKeyboardShortcuts: () => ({ Enter: () => true, "Shift-Enter": () => true }),
});

interface CaretUser {
  name: string;
  color: string;
  /** Set by the room, from the token, for a guest's caret only. */
  guest?: unknown;
  /** Which caret is whose, to show a name again when its owner moves (their awareness client id). */
  caretId?: unknown;
}

/**
 * Another person's caret: a coloured bar with their name, marked if a guest's. Hidden from assistive technology
 * (the list of people present says who is here; a name read out in the middle of the text
 * would not help). The class names are the extension's own.
 */
function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.setAttribute("aria-hidden", "true");
  caret.dataset.caretId = String(user.caretId ?? "");
  caret.style.borderColor = user.color;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = user.color;
  label.textContent = participantLabel({ name: user.name, guest: user.guest === true, self: false });
  caret.appendChild(label);
  return caret;
}

/** The TipTap editor bound to a Yjs document, with everyone's carets. Its own lazily loaded chunk. */
export default function DocumentEditor(props: DocumentEditorProps) {
  let host: HTMLDivElement | undefined;
  const [instance, setInstance] = createSignal<Editor>();

  const attributes = () => ({
    class: props.singleLine ? "editor-content editor-content-line" : "editor-content",
    role: "textbox",
    "aria-multiline": "true",
    "aria-label": props.label,
    ...(props.editable ? {} : { "aria-readonly": "true" }),
  });

  onMount(() => {
    const editor = new Editor({
      element: host ?? null,
      editable: props.editable,
      extensions: [
        // Collaboration brings its own undo history, bound to the Yjs document.
        ...textExtensions,
        Collaboration.configure({ document: props.doc, ...(props.field ? { field: props.field } : {}) }),
        CollaborationCaret.configure({
          provider: { awareness: props.awareness },
          user: { ...props.user, caretId: props.awareness.clientID },
          render: renderCaret,
        }),
        ...(props.singleLine ? [SingleLine] : []),
        ...(props.extensions ?? []),
      ],
      editorProps: { attributes: attributes() },
    });

    setInstance(editor);
    props.onEditor?.(editor);

    // A name label covers the line above its caret, so it fades out (styles.css) a moment
    // after its owner stops moving, and shows again when they move.
    const onPresence = ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const clientId of [...added, ...updated]) {
        if (clientId === props.awareness.clientID) continue;
        const user = (props.awareness.getStates().get(clientId) as { user?: CaretUser } | undefined)?.user;
        if (user?.caretId === undefined) continue;
        const selector = `[data-caret-id="${CSS.escape(String(user.caretId))}"] .collaboration-carets__label`;
        for (const label of host?.querySelectorAll<HTMLElement>(selector) ?? []) {
          for (const animation of label.getAnimations()) {
            animation.currentTime = 0;
            animation.play();
          }
        }
      }
    };
    props.awareness.on("change", onPresence);
    onCleanup(() => props.awareness.off("change", onPresence));
    createEffect(() => editor.setEditable(props.editable, false));
    createEffect(() => editor.setOptions({ editorProps: { attributes: attributes() } }));
    onCleanup(() => editor.destroy());
  });

  return (
    <>
      <Show when={props.toolbar && props.editable && instance()}>
        {(editor) => <FormatToolbar editor={editor()} label={props.label} />}
      </Show>
      <div class="editor" ref={host} data-testid="document-editor" />
    </>
  );
}
