import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Locale } from "../../../../worker/shared/errors";
import type { MotionKind } from "../../../../worker/shared/motions";
import { motionFields, proposalField } from "../../../../worker/shared/motions";
import type { RoomTokenResponse } from "../../../../worker/shared/rooms";
import { RoomConnection, type RoomState } from "../../rooms/RoomConnection";
import { proposalArray, proposalKeys } from "../proposals";
import { type EarlySocket, startingWith } from "./earlySocket";
import { drawFragment, type Slot, writeSlot } from "./render";
import { type FirstEditorText, firstEditorText } from "./text";

/**
 * The first editor of a motion opened cold: on a slow phone link TipTap and ProseMirror
 * (100+ KB) arrive seconds after the page, so until they do, the motion's parts are drawn
 * from the live Yjs document as plain DOM and typing in a paragraph, a heading or an
 * att-sats goes straight into that document (./render.ts), through the room connection the
 * full editor later keeps (RoomConnection, over the socket the head start opened). Nothing
 * is replayed at the hand-over: the text is already in Yjs, and already with everyone else.
 *
 * What needs the full editor waits for it: new paragraphs, joining blocks, formatting,
 * undo. Those keystrokes do nothing for the few seconds until it comes.
 *
 * No Solid and no dictionary here (they are most of the app's first bytes): DOM and its own
 * few words (./text.ts).
 */

export interface FirstEditorStart {
  documentId: string;
  kind: MotionKind;
  token: RoomTokenResponse;
  socket: EarlySocket;
  locale: Locale;
}

/** Where the caret was, for the full editor to put it back. */
export interface FirstCaret {
  field: string;
  position: Y.RelativePosition;
}

/** Marks the first editor's own changes, which it has drawn already. */
const typing = Symbol("first editor");

interface Field {
  name: string;
  element: HTMLElement;
  slots: Slot[];
  stop(): void;
}

export class FirstEditor {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly connection: RoomConnection;
  /** The writer's section; the page moves it where the full editor will be. */
  readonly element: HTMLElement;
  private readonly text: FirstEditorText;
  private readonly fields = new Map<string, Field>();
  private readonly proposals: HTMLOListElement | undefined;
  private readonly status: HTMLElement;
  private caretAt: FirstCaret | null = null;
  private composing = false;
  private editable = false;
  private isRetired = false;
  private hasFocus = false;
  private readonly stops: (() => void)[] = [];

  readonly documentId: string;

  constructor(start: FirstEditorStart) {
    this.documentId = start.documentId;
    this.text = firstEditorText[start.locale];
    let token: RoomTokenResponse | undefined = start.token;
    this.connection = new RoomConnection({
      documentId: start.documentId,
      doc: this.doc,
      awareness: this.awareness,
      // The HTML's token opened the head start's socket; every later connect asks anew.
      getToken: async () => {
        const first = token;
        token = undefined;
        if (first) return first;
        const { fetchRoomToken } = await import("../../rooms/roomToken");
        return fetchRoomToken(start.documentId);
      },
      WebSocket: startingWith(start.socket),
    });

    this.element = document.createElement("section");
    this.element.className = "motion-writer first-editor";
    this.element.dataset.testid = "first-editor";
    this.element.setAttribute("aria-label", this.text.title);
    this.status = this.statusLine();
    add(this.element, this.status);
    add(this.element, this.part(motionFields.title, this.text.titleLabel, true));
    add(this.element, this.part(motionFields.motivation, this.text.motivationLabel, false));
    if (start.kind === "motion") {
      const part = document.createElement("div");
      part.className = "motion-part";
      const heading = document.createElement("h3");
      heading.className = "motion-part-label";
      heading.textContent = this.text.proposalsLabel;
      this.proposals = document.createElement("ol");
      this.proposals.className = "plain-list proposal-list";
      add(part, heading, this.proposals);
      add(this.element, part);
      const onKeys = () => this.drawProposals();
      proposalArray(this.doc).observe(onKeys);
      this.stops.push(() => proposalArray(this.doc).unobserve(onKeys));
    }

    const onState = (state: RoomState) => this.showState(state);
    this.stops.push(this.connection.subscribe(onState));
    const onFocusIn = () => {
      this.hasFocus = true;
    };
    const onFocusOut = () =>
      queueMicrotask(() => {
        if (this.element.isConnected && !this.element.contains(document.activeElement)) this.hasFocus = false;
      });
    this.element.addEventListener("focusin", onFocusIn);
    this.element.addEventListener("focusout", onFocusOut);
    const onSelection = () => this.rememberCaret();
    document.addEventListener("selectionchange", onSelection);
    this.stops.push(() => document.removeEventListener("selectionchange", onSelection));
  }

  get retired(): boolean {
    return this.isRetired;
  }

  /**
   * Whether someone is writing in it: focus went into it and not, since, to anything else.
   * Its element leaving the page (the writer's fallback replaced by the full editors) takes
   * the browser's focus with it, which does not count.
   */
  get focused(): boolean {
    return this.hasFocus;
  }

  /** Where the caret is (kept as a Yjs position, so it follows the words), or null. */
  caret(): FirstCaret | null {
    return this.caretAt;
  }

  /**
   * Puts the first editor into `host` (where the full editor will be), its caret kept: put
   * back once `host` is in the page (the writer's fallback may be inserted after it is made).
   */
  moveTo(host: HTMLElement): void {
    if (this.isRetired) return;
    // The writer shows the room's status itself.
    this.status.remove();
    host.appendChild(this.element);
    if (!this.hasFocus) return;
    const restore = () => {
      if (this.isRetired) return;
      if (host.isConnected) this.restoreCaret();
      else requestAnimationFrame(restore);
    };
    restore();
  }

  /**
   * Leaves the page to the full editor: stops drawing and listening and removes its DOM. The
   * doc, awareness and connection now belong to whoever took them.
   */
  retire(): void {
    if (this.isRetired) return;
    this.isRetired = true;
    for (const stop of this.stops) stop();
    for (const field of this.fields.values()) field.stop();
    this.element.remove();
  }

  /** Everything, for a page that did not take it over (one opened elsewhere). */
  destroy(): void {
    this.retire();
    this.connection.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private statusLine(): HTMLElement {
    const status = document.createElement("div");
    status.className = "room-status";
    const line = document.createElement("p");
    line.className = "room-status-text";
    line.setAttribute("role", "status");
    line.setAttribute("aria-live", "polite");
    line.dataset.testid = "room-status";
    const dot = document.createElement("span");
    dot.className = "room-status-dot";
    dot.setAttribute("aria-hidden", "true");
    add(line, dot, document.createElement("span"));
    add(status, line);
    const bar = document.createElement("div");
    bar.className = "motion-writer-bar";
    add(bar, status);
    return bar;
  }

  private showState(state: RoomState): void {
    const status = this.status.querySelector<HTMLElement>(".room-status");
    if (status) status.dataset.status = state.status;
    const words = this.status.querySelector(".room-status-text span:last-child");
    if (words) words.textContent = this.text.status[state.status];
    // Typing before the document has come would write beside it, not in it.
    this.editable = state.synced && state.mode === "write" && state.status !== "closed";
    for (const field of this.fields.values()) field.element.contentEditable = String(this.editable);
  }

  /** One part (the title, the motivation): a label and its text. */
  private part(name: string, label: string, singleLine: boolean): HTMLElement {
    const part = document.createElement("div");
    part.className = "motion-part";
    const caption = document.createElement("p");
    caption.className = "motion-part-label";
    caption.setAttribute("aria-hidden", "true");
    caption.textContent = label;
    add(part, caption, this.field(name, label, singleLine));
    return part;
  }

  private drawProposals(): void {
    const list = this.proposals;
    if (!list) return;
    const keys = proposalKeys(this.doc);
    const wanted = new Set(keys.map(proposalField));
    for (const [name, field] of this.fields) {
      if (name.startsWith("proposal:") && !wanted.has(name)) {
        field.stop();
        this.fields.delete(name);
      }
    }
    list.replaceChildren(
      ...keys.map((key, index) => {
        const item = document.createElement("li");
        item.className = "proposal-item";
        const line = document.createElement("div");
        line.className = "proposal-line";
        const att = document.createElement("span");
        att.className = "proposal-att";
        att.setAttribute("aria-hidden", "true");
        att.textContent = this.text.att;
        const host = document.createElement("div");
        host.className = "proposal-editor";
        const name = proposalField(key);
        const label = this.text.proposal.replace("{n}", String(index + 1));
        const existing = this.fields.get(name);
        if (existing) {
          existing.element.setAttribute("aria-label", label);
          add(host, existing.element.parentElement ?? existing.element);
        } else add(host, this.field(name, label, true));
        add(line, att, host);
        add(item, line);
        return item;
      }),
    );
  }

  /** A part's text as an editable area bound to its fragment. */
  private field(name: string, label: string, singleLine: boolean): HTMLElement {
    const wrapper = document.createElement("div");
    wrapper.className = "editor";
    const element = document.createElement("div");
    element.className = singleLine ? "editor-content editor-content-line" : "editor-content";
    element.setAttribute("role", "textbox");
    element.setAttribute("aria-multiline", "true");
    element.setAttribute("aria-label", label);
    element.dataset.firstField = name;
    element.contentEditable = String(this.editable);
    element.spellcheck = true;
    add(wrapper, element);

    const fragment = this.doc.getXmlFragment(name);
    const field: Field = { name, element, slots: [], stop: () => undefined };
    const draw = () => {
      field.slots = drawFragment(fragment, element);
      if (element.contains(document.activeElement) || this.caretAt?.field === name) this.restoreCaret();
    };
    const onChange = (_events: unknown, transaction: Y.Transaction) => {
      if (transaction.origin === typing || this.composing) return;
      draw();
    };
    fragment.observeDeep(onChange);
    const onBeforeInput = (event: InputEvent) => this.beforeInput(field, event);
    const onInput = (event: Event) => {
      if (!(event as InputEvent).isComposing) this.write(field);
    };
    const onCompositionStart = () => {
      this.composing = true;
    };
    const onCompositionEnd = () => {
      this.composing = false;
      this.write(field);
      draw();
    };
    element.addEventListener("beforeinput", onBeforeInput);
    element.addEventListener("input", onInput);
    element.addEventListener("compositionstart", onCompositionStart);
    element.addEventListener("compositionend", onCompositionEnd);
    field.stop = () => {
      fragment.unobserveDeep(onChange);
      element.removeEventListener("beforeinput", onBeforeInput);
      element.removeEventListener("input", onInput);
      element.removeEventListener("compositionstart", onCompositionStart);
      element.removeEventListener("compositionend", onCompositionEnd);
    };
    this.fields.set(name, field);
    draw();
    return wrapper;
  }

  /** Lets the browser change text inside one block; anything else waits for the full editor. */
  private beforeInput(field: Field, event: InputEvent): void {
    const range = event.getTargetRanges()[0] ?? currentRange();
    const slot = range && slotOf(field, range.startContainer);
    const sameSlot = range !== undefined && slot !== undefined && slot === slotOf(field, range.endContainer);
    if (event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop") {
      event.preventDefault();
      const pasted = event.dataTransfer?.getData("text/plain") ?? "";
      if (sameSlot && range && pasted) this.replace(field, slot, range, pasted.replace(/\s+/g, " "));
      return;
    }
    const inBlock = /^(insert(Text|ReplacementText|CompositionText)|delete(Content|Word)(Backward|Forward))$/;
    if (!inBlock.test(event.inputType) || !sameSlot) event.preventDefault();
  }

  /** Replaces `range` (inside `slot`) with `text`, in Yjs, then draws. */
  private replace(field: Field, slot: Slot, range: StaticRange | Range, text: string): void {
    const start = offsetIn(slot.element, range.startContainer, range.startOffset);
    const end = offsetIn(slot.element, range.endContainer, range.endOffset);
    const shown = slot.element.textContent ?? "";
    this.doc.transact(() => writeSlot(slot, shown.slice(0, start) + text + shown.slice(end)), typing);
    this.redraw(field, slot, start + text.length);
  }

  /** What the browser changed in the block with the caret, into Yjs. */
  private write(field: Field): void {
    const selection = document.getSelection();
    const slot = selection?.anchorNode ? slotOf(field, selection.anchorNode) : undefined;
    if (!slot || !selection?.anchorNode) return;
    const caret = offsetIn(slot.element, selection.anchorNode, selection.anchorOffset);
    let changed = false;
    this.doc.transact(() => {
      changed = writeSlot(slot, slot.element.textContent ?? "");
    }, typing);
    if (changed) this.redraw(field, slot, caret);
  }

  /** Draws the field again from Yjs (marks as the document has them), the caret at `offset` of `slot`'s text. */
  private redraw(field: Field, slot: Slot, offset: number): void {
    const text = slot.text;
    field.slots = drawFragment(this.doc.getXmlFragment(field.name), field.element);
    if (!text) return;
    this.caretAt = { field: field.name, position: Y.createRelativePositionFromTypeIndex(text, offset) };
    this.restoreCaret();
  }

  private rememberCaret(): void {
    if (this.composing || this.isRetired) return;
    const selection = document.getSelection();
    const node = selection?.anchorNode;
    if (!node) return;
    for (const field of this.fields.values()) {
      const slot = slotOf(field, node);
      if (!slot) continue;
      const offset = offsetIn(slot.element, node, selection.anchorOffset);
      const position = slot.text
        ? Y.createRelativePositionFromTypeIndex(slot.text, offset)
        : Y.createRelativePositionFromTypeIndex(slot.parent, 0);
      this.caretAt = { field: field.name, position };
      return;
    }
  }

  private restoreCaret(): void {
    const caret = this.caretAt;
    const field = caret && this.fields.get(caret.field);
    if (!caret || !field) return;
    const absolute = Y.createAbsolutePositionFromRelativePosition(caret.position, this.doc);
    const slot =
      field.slots.find((s) => absolute && (s.text === absolute.type || s.parent === absolute.type)) ??
      field.slots[0];
    if (!slot) return;
    const offset = absolute && slot.text === absolute.type ? absolute.index : 0;
    const [node, at] = domPoint(slot.element, offset);
    field.element.focus({ preventScroll: true });
    document.getSelection()?.setBaseAndExtent(node, at, node, at);
  }
}

/** appendChild for several children (the project's types give Element.append HTMLRewriter's signature). */
function add(parent: Node, ...children: Node[]): void {
  for (const child of children) parent.appendChild(child);
}

function currentRange(): Range | undefined {
  const selection = document.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
}

function slotOf(field: Field, node: Node): Slot | undefined {
  return field.slots.find((slot) => slot.element === node || slot.element.contains(node));
}

/** The character offset in `block`'s text of a DOM point inside it. */
function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The DOM point at character `offset` of `block`'s text. */
function domPoint(block: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (left <= length) return [node, left];
    left -= length;
  }
  return [block, block.childNodes.length];
}
