import { For, type JSX, lazy, onCleanup, Show, Suspense } from "solid-js";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Question } from "../../../worker/shared/consultations";
import { colourFor } from "../documents/colours";
import { Presence } from "../documents/Presence";
import { t } from "../i18n";
import "./messages.sv";
import { createRoom, type Room } from "../rooms/createRoom";
import { RoomStatus } from "../rooms/RoomStatus";
import { fetchRoomToken } from "../rooms/roomToken";
import { Loading } from "../ui/Loading";

// TipTap loads only when a workspace is open, in the document editor's own chunk.
const DocumentEditor = lazy(() => import("../documents/DocumentEditor"));

interface LiveText {
  questionId: number;
  documentId: string;
  doc: Y.Doc;
  awareness: Awareness;
  room: Room;
}

/** One room per question's document, for the lifetime of the writer. */
function joinAll(documents: { questionId: number; documentId: string }[]): LiveText[] {
  return documents.map(({ questionId, documentId }) => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    onCleanup(() => {
      awareness.destroy();
      doc.destroy();
    });
    const room = createRoom({ documentId, doc, awareness, getToken: () => fetchRoomToken(documentId) });
    return { questionId, documentId, doc, awareness, room };
  });
}

/**
 * A group's answer written together: one live document per question (its open answer, or a
 * choice question's comment), each its own room with its own editor and everyone's named
 * carets. Everyone on the page joins every room, so the first room's presence is who is here;
 * the status shown is the first room not in step (or the first room's), so a lost connection
 * anywhere shows. Read-only when the room says so (submitted, closed, or a reader).
 */
export function AnswerWriter(props: {
  documents: { questionId: number; documentId: string }[];
  questions: Question[];
  name: string;
  /** Each question's choices, beside its text. */
  choices: (question: Question) => JSX.Element;
}) {
  const texts = joinAll(props.documents);
  const user = { name: props.name, color: colourFor(props.name) };
  const shown = () => texts.find((text) => text.room.status() !== "connected") ?? texts[0];
  const textOf = (questionId: number) => texts.find((text) => text.questionId === questionId);
  const commentLabel = (index: number) => t("consultations.workspace.commentLabel", { n: index + 1 });
  const editable = (text: LiveText) => text.room.mode() !== "read" && text.room.status() !== "closed";

  return (
    <section class="answer-writer" aria-labelledby="answer-title" data-testid="answer-writer">
      <h2 id="answer-title">{t("consultations.workspace.answerTitle")}</h2>
      <p class="hint">{t("consultations.workspace.answerLead")}</p>
      <Show when={texts[0]}>
        {(first) => (
          <div class="answer-writer-bar">
            <Show when={shown()}>
              {(text) => <RoomStatus state={text().room.state()} onRetry={text().room.reconnect} />}
            </Show>
            <Presence awareness={first().awareness} />
          </div>
        )}
      </Show>
      <ol class="plain-list answer-questions">
        <For each={props.questions}>
          {(question, i) => (
            <li class="answer-question" data-testid="answer-question">
              <h3 class="question-prompt">
                {t("consultations.form.question", { n: i() + 1 })}: {question.prompt}
              </h3>
              {props.choices(question)}
              <Show when={textOf(question.id)}>
                {(text) => (
                  <div class="answer-text">
                    {/* Under the choices an unlabelled box says nothing of what it is for; the
                        editor carries the same words as its accessible name. */}
                    <Show when={question.kind !== "open"}>
                      <p class="field-label" aria-hidden="true" data-testid="comment-label">
                        {commentLabel(i())}
                      </p>
                    </Show>
                    <Suspense fallback={<Loading />}>
                      <DocumentEditor
                        doc={text().doc}
                        awareness={text().awareness}
                        user={user}
                        editable={editable(text())}
                        label={
                          question.kind === "open"
                            ? t("consultations.workspace.textLabel", { n: i() + 1 })
                            : commentLabel(i())
                        }
                      />
                    </Suspense>
                  </div>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
