import { type Editor, Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import type { MotionCommentThread } from "../../../worker/shared/motions";

/**
 * Comment anchors between the editor and the Yjs document: a selection becomes a pair of
 * Yjs relative positions in the editor's fragment (base64 of Y.encodeRelativePosition, as
 * the Worker takes them), and each open thread's pair becomes a highlight again, wherever
 * its words have moved since. The start sticks to the passage's first character and the
 * end to its last, so text typed just before or after the passage stays out of it.
 */

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** The sync plugin's map from Yjs types to ProseMirror nodes, which position conversion needs. */
function mappingOf(editor: Editor): Mapping | undefined {
  return (ySyncPluginKey.getState(editor.state) as { binding?: { mapping: Mapping } } | undefined)?.binding
    ?.mapping;
}

function stickTo(doc: Y.Doc, position: Y.RelativePosition, assoc: 0 | -1): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return absolute?.type instanceof Y.XmlText
    ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc)
    : position;
}

export interface Anchor {
  field: string;
  start: string;
  end: string;
  quote: string;
}

/** The editor's selection as an anchor in `field`, or null when nothing is selected. */
export function selectionAnchor(editor: Editor, doc: Y.Doc, field: string): Anchor | null {
  const { from, to } = editor.state.selection;
  const mapping = mappingOf(editor);
  const quote = editor.state.doc.textBetween(from, to, " ").trim();
  if (from >= to || !mapping || !quote) return null;
  const fragment = doc.getXmlFragment(field);
  const start = stickTo(doc, absolutePositionToRelativePosition(from, fragment, mapping), 0);
  const end = stickTo(doc, absolutePositionToRelativePosition(to, fragment, mapping), -1);
  return {
    field,
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
    quote,
  };
}

const marksKey = new PluginKey("motionCommentMarks");

/**
 * Highlights the passages of `threads()` anchored in `field` that are still open. Their
 * places come from the relative positions at every redraw, so they follow the words as
 * anyone types; `refresh` redraws when the threads themselves change.
 */
export function commentMarks(doc: Y.Doc, field: string, threads: () => MotionCommentThread[]) {
  return Extension.create({
    name: "motionCommentMarks",
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        new Plugin({
          key: marksKey,
          props: {
            decorations(state) {
              const mapping = mappingOf(editor);
              if (!mapping) return null;
              const fragment = doc.getXmlFragment(field);
              const place = (encoded: string) => {
                try {
                  return relativePositionToAbsolutePosition(
                    doc,
                    fragment,
                    Y.decodeRelativePosition(fromBase64(encoded)),
                    mapping,
                  );
                } catch {
                  return null;
                }
              };
              const marks = threads()
                .filter((thread) => thread.field === field && !thread.resolved)
                .flatMap((thread) => {
                  const from = place(thread.anchor.start);
                  const to = place(thread.anchor.end);
                  if (from === null || to === null || from >= to || to > state.doc.content.size) return [];
                  return [
                    Decoration.inline(from, to, {
                      class: "motion-comment-mark",
                      "data-thread": String(thread.id),
                    }),
                  ];
                });
              return DecorationSet.create(state.doc, marks);
            },
          },
        }),
      ];
    },
  });
}

/** Redraws an editor's highlights after the threads changed (no text changed, so nothing else would). */
export function refreshMarks(editor: Editor) {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(marksKey, true));
}

/**
 * Focuses `editor` with its caret at a Yjs position in `field` (where the first editor's caret
 * was, web/src/motions/first): at the start when the position no longer resolves. Waits until
 * the editor is in the page (an editor made inside a pending Suspense is inserted after it
 * is made) and its binding has drawn the document.
 */
export function focusAt(
  editor: Editor,
  doc: Y.Doc,
  field: string,
  position: Y.RelativePosition,
  /** Frames to wait at most (about two seconds). */
  frames = 120,
) {
  if (editor.isDestroyed || frames === 0) return;
  const mapping = mappingOf(editor);
  if (!editor.view.dom.isConnected || !mapping) {
    requestAnimationFrame(() => focusAt(editor, doc, field, position, frames - 1));
    return;
  }
  let at: number | null = null;
  try {
    at = relativePositionToAbsolutePosition(doc, doc.getXmlFragment(field), position, mapping);
  } catch {
    at = null;
  }
  editor.commands.focus(at ?? "start");
}
