import { createEffect, createSignal, For, lazy, onCleanup, Show, Suspense } from "solid-js";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import {
  type MotionCommentThread,
  type MotionKind,
  motionFields,
  proposalField,
} from "../../../worker/shared/motions";
import { colourFor } from "../documents/colours";
import { Presence } from "../documents/Presence";
import { t } from "../i18n";
import { adoptRoom, createRoom } from "../rooms/createRoom";
import { RoomStatus } from "../rooms/RoomStatus";
import { fetchRoomToken } from "../rooms/roomToken";
import { Loading } from "../ui/Loading";
import { Comments } from "./Comments";
import type { Anchor } from "./commentAnchors";
import type { FieldHandle } from "./FieldEditor";
import type { FirstCaret, FirstEditor } from "./first/firstEditor";
import { takeFirstEditor } from "./headStart";
import { addProposal, moveProposal, proposalArray, proposalKeys, removeProposal } from "./proposals";
import { takeRoomToken } from "./tokenHeadStart";
import "./MotionWriter.css";

// TipTap loads only when a motion's text is open, in the editors' own chunk; the room does
// not wait for it.
const FieldEditor = lazy(() => import("./FieldEditor"));

/**
 * A motion's live text, written together: ONE room connection and ONE Y.Doc for the page,
 * with a TipTap editor on each part (the title, the motivation, each att-sats), all sharing
 * the connection's presence, so people see who is here and where each caret is. Read-only
 * for whoever may only read (the room's token decides).
 */
export function MotionWriter(props: {
  motionId: number;
  documentId: string;
  kind: MotionKind;
  name: string;
  /** Whether the asker may comment (`motion.comment`): then the threads show and highlight. */
  canComment: boolean;
}) {
  const { documentId, name } = props;
  // A cold open's first editor (./first) is in the room already: its document, presence and
  // connection are this writer's from now on, and it keeps the text's place until TipTap is ready.
  const first = takeFirstEditor(documentId);
  const doc = first?.doc ?? new Y.Doc();
  const awareness = first?.awareness ?? new Awareness(doc);
  onCleanup(() => {
    first?.retire();
    awareness.destroy();
    doc.destroy();
  });
  const room = first
    ? adoptRoom(first.connection)
    : createRoom({
        documentId,
        doc,
        awareness,
        getToken: () => takeRoomToken(documentId, () => fetchRoomToken(documentId)),
      });
  const user = { name, color: colourFor(name) };
  const editable = () => room.mode() !== "read" && room.status() !== "closed";

  const [keys, setKeys] = createSignal(proposalKeys(doc));
  const onKeys = () => setKeys(proposalKeys(doc));
  proposalArray(doc).observe(onKeys);
  onCleanup(() => proposalArray(doc).unobserve(onKeys));

  // Comments: each editor highlights its open threads; the last selection made in any of
  // them is what "Kommentera" anchors.
  const [threads, setThreads] = createSignal<MotionCommentThread[]>([]);
  const editors = new Map<string, FieldHandle>();
  let selectedField: string | undefined;
  const register = (field: string, handle: FieldHandle) => {
    editors.set(field, handle);
    if (first) handOver(first, field, handle);
    const instance = handle.editor;
    instance.on("selectionUpdate", () => {
      if (!instance.state.selection.empty) selectedField = field;
      else if (selectedField === field) selectedField = undefined;
    });
    instance.on("destroy", () => editors.delete(field));
  };
  const selection = (): Anchor | null =>
    (selectedField ? editors.get(selectedField)?.anchor() : null) ?? null;
  createEffect(() => {
    threads();
    for (const handle of editors.values()) handle.refresh();
  });
  /**
   * The full editors take over from the first one as they come: it goes once the first is
   * here, and whoever was typing in it goes on typing at the same place in the full editor.
   */
  let caret: FirstCaret | null = null;
  let typing = false;
  const handOver = (from: FirstEditor, field: string, handle: FieldHandle) => {
    if (!from.retired) {
      typing = from.focused;
      caret = from.caret();
      from.retire();
    }
    if (typing && caret?.field === field) handle.focusAt(caret.position);
  };

  const fieldLabel = (field: string) => {
    if (field === motionFields.title) return t("motions.text.titleLabel");
    if (field === motionFields.motivation) return t("motions.text.motivationLabel");
    const index = keys().findIndex((key) => proposalField(key) === field);
    return t("motions.compare.proposal.part", { n: index + 1 });
  };

  const editor = (field: string, label: string, singleLine: boolean) => (
    <FieldEditor
      doc={doc}
      awareness={awareness}
      user={user}
      editable={editable()}
      label={label}
      field={field}
      singleLine={singleLine}
      toolbar={!singleLine}
      {...(props.canComment ? { threads } : {})}
      onReady={(handle) => register(field, handle)}
    />
  );

  return (
    <section class="motion-writer" aria-labelledby="motion-text-title" data-testid="motion-writer">
      <h2 id="motion-text-title">{t("motions.text.title")}</h2>
      <div class="motion-writer-bar">
        <RoomStatus state={room.state()} onRetry={room.reconnect} />
        <Presence awareness={awareness} />
      </div>
      <Show when={room.mode() === "read" && room.synced()}>
        <p class="notice" data-testid="read-only-notice">
          {t("motions.text.readOnly")}
        </p>
      </Show>
      <Suspense fallback={first ? <FirstEditorPlace first={first} /> : <Loading />}>
        <div class="motion-part" data-testid="motion-title-editor">
          <p class="motion-part-label" aria-hidden="true">
            {t("motions.text.titleLabel")}
          </p>
          {editor(motionFields.title, t("motions.text.titleLabel"), true)}
        </div>
        <div class="motion-part" data-testid="motion-motivation-editor">
          <p class="motion-part-label" aria-hidden="true">
            {t("motions.text.motivationLabel")}
          </p>
          {/* The toolbar is there only for those who may write, and so is the advice about it. */}
          <Show when={editable()}>
            <p class="hint">{t("motions.text.motivationHint")}</p>
            <p class="hint keyboard-hint">{t("motions.text.keyboardHint")}</p>
          </Show>
          {editor(motionFields.motivation, t("motions.text.motivationLabel"), false)}
        </div>
        <Show when={props.kind === "motion"}>
          <div class="motion-part">
            <h3 class="motion-part-label">{t("motions.text.proposalsLabel")}</h3>
            <p class="hint">{t("motions.text.proposalsHint")}</p>
            <ol class="plain-list proposal-list" data-testid="proposal-list">
              <For each={keys()}>
                {(key, index) => (
                  <li class="proposal-item" data-testid="proposal-item">
                    <div class="proposal-line">
                      <span class="proposal-att" aria-hidden="true">
                        {t("motions.att")}
                      </span>
                      <div class="proposal-editor">
                        {editor(proposalField(key), t("motions.text.proposal", { n: index() + 1 }), true)}
                      </div>
                    </div>
                    <Show when={editable()}>
                      <div class="proposal-tools">
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          disabled={index() === 0}
                          onClick={() => moveProposal(doc, key, -1)}
                        >
                          {t("motions.text.up")}
                          <span class="visually-hidden">{t("motions.text.which", { n: index() + 1 })}</span>
                        </button>
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          disabled={index() === keys().length - 1}
                          onClick={() => moveProposal(doc, key, 1)}
                        >
                          {t("motions.text.down")}
                          <span class="visually-hidden">{t("motions.text.which", { n: index() + 1 })}</span>
                        </button>
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          onClick={() => removeProposal(doc, key)}
                        >
                          {t("motions.text.remove")}
                          <span class="visually-hidden">{t("motions.text.which", { n: index() + 1 })}</span>
                        </button>
                      </div>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
            <Show when={editable()}>
              <button
                type="button"
                class="button button-secondary"
                data-testid="add-proposal"
                onClick={() => addProposal(doc)}
              >
                {t("motions.text.add")}
              </button>
            </Show>
          </div>
        </Show>
      </Suspense>
      <Show when={props.canComment}>
        <Comments
          motionId={props.motionId}
          doc={doc}
          threads={threads()}
          onThreads={setThreads}
          selection={selection}
          fieldLabel={fieldLabel}
          synced={room.synced}
        />
      </Show>
    </section>
  );
}

/** Where the full editors will be, holding the first editor meanwhile. */
function FirstEditorPlace(props: { first: FirstEditor }) {
  return <div ref={(place) => props.first.moveTo(place)} />;
}
