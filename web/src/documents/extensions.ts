import type { AnyExtension } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { Bold } from "@tiptap/extension-bold";
import { Code } from "@tiptap/extension-code";
import { CodeBlock } from "@tiptap/extension-code-block";
import { Document } from "@tiptap/extension-document";
import { HardBreak } from "@tiptap/extension-hard-break";
import { Heading } from "@tiptap/extension-heading";
import { HorizontalRule } from "@tiptap/extension-horizontal-rule";
import { Italic } from "@tiptap/extension-italic";
// The package's own entry points per node: its index would bring task lists and the list keymap too.
import { BulletList } from "@tiptap/extension-list/bullet-list";
import { ListItem } from "@tiptap/extension-list/item";
import { OrderedList } from "@tiptap/extension-list/ordered-list";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Strike } from "@tiptap/extension-strike";
import { Text } from "@tiptap/extension-text";
import { Underline } from "@tiptap/extension-underline";
import { Link } from "./link";

/**
 * What a live text may hold, for every editor of the app (shared documents and motions).
 *
 * The node and mark types are exactly StarterKit's, which wrote every text so far: y-prosemirror
 * DELETES from the shared Y.Doc any element or text its schema cannot represent, so an editor
 * with fewer types would erase what a co-author (or an older tab) wrote. What StarterKit adds
 * beyond its types is left out, since a live text does not need it and every byte is paid on a
 * phone before the editor works: its undo history (Collaboration brings Yjs's own), the drop and
 * gap cursors, the trailing paragraph and the list keymap; and the link is our own mark
 * (./link.ts), stored as TipTap's, without its automatic linking.
 */
export const textExtensions: AnyExtension[] = [
  Document,
  Paragraph,
  Text,
  HardBreak,
  Heading,
  Blockquote,
  CodeBlock,
  HorizontalRule,
  BulletList,
  OrderedList,
  ListItem,
  Bold,
  Italic,
  Strike,
  Underline,
  Code,
  Link,
];
