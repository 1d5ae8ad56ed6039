import { lazy, onCleanup, Show, Suspense } from "solid-js";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { colourFor } from "../../documents/colours";
import { currentGuest, currentPerson } from "../../identity/session";
import { createRoom } from "../../rooms/createRoom";
import { RoomStatus } from "../../rooms/RoomStatus";
import { fetchRoomToken } from "../../rooms/roomToken";
import { Loading } from "../../ui/Loading";

// TipTap loads only when a meeting is live, in the document editor's own chunk.
const DocumentEditor = lazy(() => import("../../documents/DocumentEditor"));

/**
 * One of the meeting's live texts (an item's notes, the minutes): its own room connection
 * and Y.Doc for as long as it is shown, a TipTap editor with named carets, read-only for
 * whoever the room's token makes a reader.
 */
export function LiveDocument(props: {
  documentId: string;
  label: string;
  readOnlyNote: string;
  testId: string;
}) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  onCleanup(() => {
    awareness.destroy();
    doc.destroy();
  });
  const { documentId } = props;
  const room = createRoom({ documentId, doc, awareness, getToken: () => fetchRoomToken(documentId) });
  const name = currentPerson()?.name ?? currentGuest()?.name ?? "";
  const user =
    currentGuest() && !currentPerson()
      ? { name, color: colourFor(name), guest: true as const }
      : { name, color: colourFor(name) };
  return (
    <div class="live-document" data-testid={props.testId}>
      <RoomStatus state={room.state()} onRetry={room.reconnect} />
      <Show when={room.mode() === "read" && room.synced()}>
        <p class="notice" data-testid={`${props.testId}-read-only`}>
          {props.readOnlyNote}
        </p>
      </Show>
      <Suspense fallback={<Loading />}>
        <DocumentEditor
          doc={doc}
          awareness={awareness}
          user={user}
          editable={room.mode() !== "read" && room.status() !== "closed"}
          label={props.label}
        />
      </Suspense>
    </div>
  );
}
