import { useParams } from "@solidjs/router";
import { createEffect, lazy, Match, on, onCleanup, Show, Suspense, Switch } from "solid-js";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { InvitePanel } from "../guests/InvitePanel";
import { documentHref } from "../guests/paths";
import { t } from "../i18n";
import { loginHref } from "../identity/next";
import { SessionProblem } from "../identity/SessionProblem";
import { currentGuest, currentPerson, loadSession, refreshSession, sessionStatus } from "../identity/session";
import { createRoom } from "../rooms/createRoom";
import { RoomStatus } from "../rooms/RoomStatus";
import { fetchRoomToken } from "../rooms/roomToken";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { usePageTitle } from "../ui/title";
import { colourFor } from "./colours";
import { isDocumentId } from "./links";
import { Presence } from "./Presence";
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
 * reconnects. Whoever is logged in joins under the name her session gives (a member's own,
 * a guest's from her invite); nobody else is asked for a name, only to log in.
 */
function SharedDocument(props: { documentId: string }) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  onCleanup(() => {
    awareness.destroy();
    doc.destroy();
  });

  return (
    <article class="document">
      <h1>{t("document.title")}</h1>
      <p class="meta document-id">{t("document.id", { id: props.documentId })}</p>
      <Switch
        fallback={
          <>
            <p class="lead">{t("document.lead")}</p>
            <LoginPrompt documentId={props.documentId} />
          </>
        }
      >
        <Match when={sessionStatus() === "loading"}>
          <Loading />
        </Match>
        <Match when={currentPerson()}>
          {(person) => (
            <>
              <Session documentId={props.documentId} doc={doc} awareness={awareness} name={person().name} />
              <InvitePanel documentId={props.documentId} />
            </>
          )}
        </Match>
        {/* A guest joins under the name she gave with the invite: no invites of her own. */}
        <Match when={currentGuest()}>
          {(guest) => (
            <>
              <Show when={guest().documentId !== props.documentId}>
                <p>
                  <a href={documentHref(guest().documentId)}>{t("document.guest.own")}</a>
                </p>
              </Show>
              <Session
                documentId={props.documentId}
                doc={doc}
                awareness={awareness}
                name={guest().name}
                guest
              />
            </>
          )}
        </Match>
        <Match when={sessionStatus() === "error"}>
          <SessionProblem />
        </Match>
      </Switch>
    </article>
  );
}

/** Shared documents are for people who are logged in: the way to log in and come back here. */
function LoginPrompt(props: { documentId: string }) {
  return (
    <div data-testid="document-login">
      <p>{t("document.login")}</p>
      <p>
        <a class="button" href={loginHref(documentHref(props.documentId))}>
          {t("document.login.link")}
        </a>
      </p>
    </div>
  );
}

function Session(props: {
  documentId: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** Her name as her session has it; the room's welcome confirms it from the token. */
  name: string;
  /** A guest: her name is the one she gave with the invite. */
  guest?: boolean;
}) {
  const { documentId, doc, awareness, name } = props;
  const room = createRoom({ documentId, doc, awareness, getToken: () => fetchRoomToken(documentId) });
  const user = props.guest
    ? { name, color: colourFor(name), guest: true as const }
    : { name, color: colourFor(name) };
  const editable = () => room.mode() !== "read" && room.status() !== "closed";
  // The session this page started with has ended: ask who is here now, for the header too.
  createEffect(
    on(room.reason, (reason) => {
      if (reason === "login_required") void refreshSession();
    }),
  );

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
          <p class="meta document-you" data-testid="document-you">
            {t("document.you", { name: room.name() ?? name })}
          </p>
        </Show>
      </div>
      <Show when={room.reason() !== "login_required"} fallback={<LoginPrompt documentId={documentId} />}>
        <Show when={room.mode() === "read"}>
          <p class="notice" data-testid="read-only-notice">
            {t("room.reason.read_only")}
          </p>
        </Show>
        <Presence awareness={awareness} />
        <Suspense fallback={<Loading />}>
          <DocumentEditor
            doc={doc}
            awareness={awareness}
            user={user}
            editable={editable()}
            label={t("document.editor.label")}
            toolbar
          />
        </Suspense>
      </Show>
    </>
  );
}
