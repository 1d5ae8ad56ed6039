import type { Editor } from "@tiptap/core";
import type { Accessor } from "solid-js";
import type * as Y from "yjs";
import type { MotionCommentThread } from "../../../worker/shared/motions";
import DocumentEditor, { type DocumentEditorProps } from "../documents/DocumentEditor";
import { type Anchor, commentMarks, focusAt, refreshMarks, selectionAnchor } from "./commentAnchors";

/** What the writer does with one part's editor, without loading TipTap itself. */
export interface FieldHandle {
  editor: Editor;
  /** The selection as a comment anchor, or null when nothing is selected. */
  anchor(): Anchor | null;
  /** Redraws the highlights after the threads changed. */
  refresh(): void;
  /** Focuses the editor with its caret at a Yjs position of its part. */
  focusAt(position: Y.RelativePosition): void;
}

/**
 * The editor of one part of a motion (its own lazily loaded chunk, with TipTap): the document
 * editor on the part's fragment, highlighting the open comment threads when there are any to
 * show. Apart from MotionWriter so the room connects while TipTap is still on its way.
 */
export default function FieldEditor(
  props: Omit<DocumentEditorProps, "extensions" | "onEditor" | "field"> & {
    doc: Y.Doc;
    field: string;
    /** The threads to highlight, for whoever may comment. */
    threads?: Accessor<MotionCommentThread[]>;
    onReady: (handle: FieldHandle) => void;
  },
) {
  const { doc, field, threads } = props;
  return (
    <DocumentEditor
      doc={doc}
      awareness={props.awareness}
      user={props.user}
      editable={props.editable}
      label={props.label}
      field={field}
      singleLine={props.singleLine}
      toolbar={props.toolbar}
      extensions={threads ? [commentMarks(doc, field, threads)] : []}
      onEditor={(editor) =>
        props.onReady({
          editor,
          anchor: () => selectionAnchor(editor, doc, field),
          refresh: () => refreshMarks(editor),
          focusAt: (position) => focusAt(editor, doc, field, position),
        })
      }
    />
  );
}
