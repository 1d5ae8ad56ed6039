import { useParams, useSearchParams } from "@solidjs/router";
import { createSignal, lazy, onCleanup, Show, Suspense } from "solid-js";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { RoomMode } from "../../../worker/shared/rooms";
import { InvitePanel } from "../guests/InvitePanel";
import { documentHref } from "../guests/paths";
import { t } from "../i18n";
import { currentGuest, currentPerson, loadSession, sessionStatus } from "../identity/session";
import { createPresence, createRoom } from "../rooms/createRoom";
import { PresenceList } from "../rooms/PresenceList";
import { RoomStatus } from "../rooms/RoomStatus";
import { fetchRoomToken } from "../rooms/roomToken";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { isDocumentId } from "./links";
import { NameForm } from "./NameForm";
import { colourFor, readDisplayName, storeDisplayName } from "./user";
import "./DocumentPage.css";

// TipTap and ProseMirror load only when a document is open, in their own chunk.
const DocumentEditor = lazy(() => import("./DocumentEditor"));

/** `/documents/:documentId`: a shared document, edited live with everyone who has it open. */
export default function DocumentPage() {
  const params = useParams<{ documentId: string }>();
  usePageTitle(() => t("document.title"));
  void loadSession();
  const documentId = () => safeDecode(params.documentId ?? "");
  return (
    <Show when={isDocumentId(documentId())} fallback={<NotFound reason="page" />}>
      {/* A new id is a new document: everything below starts over. */}
      <Show when={documentId()} keyed>
        {(id) => <SharedDocument documentId={id} />}
      </Show>
    </Show>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * One document: its Y.Doc and presence live as long as the page, so edits survive
 * reconnects and a change of name; the room connection lives as long as the name.
 */
function SharedDocument(props: { documentId: string }) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  onCleanup(() => {
    awareness.destroy();
    doc.destroy();
  });
  const [name, setName] = createSignal(readDisplayName());
  const [askName, setAskName] = createSignal(!name());

  return (
    <article class="document">
      <h1>{t("document.title")}</h1>
      <p class="meta document-id">{t("document.id", { id: props.documentId })}</p>
      <Show when={sessionStatus() !== "loading"} fallback={<Loading />}>
        <Show
          when={currentGuest()}
          keyed
          fallback={
            <>
              <Show
                when={!askName() && name()}
                keyed
                fallback={
                  <>
                    <p class="lead">{t("document.lead")}</p>
                    {/* Logged in: the form starts from her name. */}
                    <NameForm
                      initial={name() || currentPerson()?.name || ""}
                      onSubmit={(next) => {
                        storeDisplayName(next);
                        setName(next);
                        setAskName(false);
                      }}
                    />
                  </>
                }
              >
                {(current) => (
                  <Session
                    documentId={props.documentId}
                    doc={doc}
                    awareness={awareness}
                    name={current}
                    onChangeName={() => setAskName(true)}
                  />
                )}
              </Show>
              <Show when={currentPerson()}>
                <InvitePanel documentId={props.documentId} />
              </Show>
            </>
          }
        >
          {/* A guest joins under the name she gave with the invite: no name form, no invites. */}
          {(guest) => (
            <>
              <Show when={guest.documentId !== props.documentId}>
                <p>
                  <a href={documentHref(guest.documentId)}>{t("document.guest.own")}</a>
                </p>
              </Show>
              <Session
                documentId={props.documentId}
                doc={doc}
                awareness={awareness}
                name={guest.name}
                guest
              />
            </>
          )}
        </Show>
      </Show>
    </article>
  );
}

function Session(props: {
  documentId: string;
  doc: Y.Doc;
  awareness: Awareness;
  name: string;
  /** A guest: her name is the one she gave with the invite, and cannot be changed here. */
  guest?: boolean;
  onChangeName?: () => void;
}) {
  const [search] = useSearchParams<{ mode?: string }>();
  // Logged in: the session decides. Otherwise, in development, `?mode=read` tries read-only access.
  const requestedMode: RoomMode = search.mode === "read" ? "read" : "write";
  const { documentId, doc, awareness, name } = props;
  const room = createRoom({
    documentId,
    doc,
    awareness,
    getToken: () => fetchRoomToken({ documentId, name, mode: requestedMode }),
  });
  const participants = createPresence(awareness);
  const user = { name, color: colourFor(name) };
  const editable = () => room.mode() !== "read" && room.status() !== "closed";

  return (
    <>
      <div class="document-bar">
        <RoomStatus state={room.state()} onRetry={room.reconnect} />
        <Show
          when={!props.guest}
          fallback={
            <p class="meta document-you" data-testid="guest-you">
              {t("document.guest.you", { name: room.name() ?? name })}
            </p>
          }
        >
          <p class="meta document-you">
            <span>{t("document.name.you", { name: room.name() ?? name })}</span>{" "}
            <button type="button" class="link-button" onClick={() => props.onChangeName?.()}>
              {t("document.name.change")}
            </button>
          </p>
        </Show>
      </div>
      <Show when={room.reason() !== "login_required"}>
        <Show when={room.mode() === "read"}>
          <p class="notice" data-testid="read-only-notice">
            {t("room.reason.read_only")}
          </p>
        </Show>
        <PresenceList participants={participants()} />
        <Suspense fallback={<Loading />}>
          <DocumentEditor
            doc={doc}
            awareness={awareness}
            user={user}
            editable={editable()}
            label={t("document.editor.label")}
          />
        </Suspense>
      </Show>
    </>
  );
}
