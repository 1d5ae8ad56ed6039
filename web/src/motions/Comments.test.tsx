import { fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { MotionCommentThread } from "../../../worker/shared/motions";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { freshStateForEachTest } from "../identity/testing";
import { Comments } from "./Comments";
import type { Anchor } from "./commentAnchors";

freshStateForEachTest();

function thread(overrides: Partial<MotionCommentThread> = {}): MotionCommentThread {
  return {
    id: 3,
    field: "motivation",
    anchor: { start: "AAAA", end: "BBBB" },
    quote: "Göteborg",
    current: { start: 20, end: 28, text: "Göteborg" },
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    comments: [
      { id: 3, author: { id: "demo-ida", name: "Ida Karlsson" }, body: "Hela namnet?", createdAt: 0 },
    ],
    ...overrides,
  };
}

function show(selection: Anchor | null, doc = new Y.Doc(), synced: () => boolean = () => true) {
  const [threads, setThreads] = createSignal<MotionCommentThread[]>([]);
  render(() => (
    <Comments
      motionId={7}
      doc={doc}
      threads={threads()}
      onThreads={setThreads}
      selection={() => selection}
      fieldLabel={(field) => (field === "motivation" ? "Motivering" : field)}
      synced={synced}
    />
  ));
}

describe("Comments", () => {
  it("lists threads with their words, where the words are now, and the replies", async () => {
    fakeApi({
      "GET /api/motions/:id/comments": () => ({
        threads: [thread(), thread({ id: 4, quote: "kala", current: null, comments: [] })],
      }),
    });
    show(null);
    const [first, second] = await screen.findAllByTestId("comment-thread");
    expect(within(first as HTMLElement).getByText("Om ”Göteborg”")).toBeTruthy();
    expect(within(first as HTMLElement).getByText("I Motivering")).toBeTruthy();
    expect(within(first as HTMLElement).getByTestId("comment-current").textContent).toBe(
      "Står nu: ”Göteborg”",
    );
    expect(within(first as HTMLElement).getByTestId("comment").textContent).toBe(
      "Ida Karlsson: Hela namnet?",
    );
    expect(within(second as HTMLElement).getByTestId("comment-current").textContent).toBe(
      "Texten som kommenterades är borttagen.",
    );
  });

  it("names an erased commenter or resolver as a former member, in the user's language", async () => {
    const erased = { id: "demo-greta", name: null };
    fakeApi({
      "GET /api/motions/:id/comments": () => ({
        threads: [
          thread({
            resolved: true,
            resolvedBy: erased,
            resolvedAt: 0,
            comments: [{ id: 3, author: erased, body: "Hela namnet?", createdAt: 0 }],
          }),
        ],
      }),
    });
    setLocale("en");
    show(null);
    const found = await screen.findByTestId("comment-thread");
    expect(within(found).getByTestId("comment").textContent).toBe("Former member: Hela namnet?");
    expect(within(found).getByText("Resolved by Former member")).toBeTruthy();
  });

  it("asks once when the page opens, and again only when the text rests after an edit made after the first sync", async () => {
    const api = fakeApi({ "GET /api/motions/:id/comments": () => ({ threads: [thread()] }) });
    const doc = new Y.Doc();
    const [synced, setSynced] = createSignal(false);
    show(null, doc, synced);
    await screen.findByTestId("comment-thread");
    // The first sync's text, then the page synced: no second request.
    doc.getText("motivation").insert(0, "Göteborg");
    setSynced(true);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(api.callsTo("GET /api/motions/:id/comments")).toHaveLength(1);
    // An edit after the sync: asked again once the text has rested.
    doc.getText("motivation").insert(0, "Hela ");
    await waitFor(() => expect(api.callsTo("GET /api/motions/:id/comments")).toHaveLength(2), {
      timeout: 3000,
    });
  });

  it("asks for a selection first", async () => {
    const api = fakeApi({
      "GET /api/motions/:id/comments": () => ({ threads: [] }),
      "POST /api/motions/:id/comments": ({ json }) =>
        thread({ comments: [], quote: "Göteborg", field: json.field }),
    });
    show(null);
    fireEvent.click(await screen.findByTestId("start-comment"));
    expect(screen.getByRole("status").textContent).toBe("Markera ord i texten ovan och välj Kommentera.");
    expect(screen.queryByTestId("comment-form")).toBeNull();
    expect(api.callsTo("POST /api/motions/:id/comments")).toHaveLength(0);
  });

  it("posts the selection's anchor with the comment, and shows the new thread", async () => {
    const api = fakeApi({
      "GET /api/motions/:id/comments": () => ({ threads: [] }),
      "POST /api/motions/:id/comments": ({ json }) => thread({ field: json.field }),
    });
    show({ field: "motivation", start: "c3RhcnQ=", end: "ZW5k", quote: "Göteborg" });
    fireEvent.click(await screen.findByTestId("start-comment"));
    expect(screen.getByText("Motivering: Markerat: ”Göteborg”")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Kommentar"), { target: { value: "Hela namnet?" } });
    fireEvent.click(screen.getByTestId("save-comment"));
    expect(await screen.findByTestId("comment-thread")).toBeTruthy();
    expect(api.callsTo("POST /api/motions/:id/comments")[0]?.json).toEqual({
      field: "motivation",
      start: "c3RhcnQ=",
      end: "ZW5k",
      body: "Hela namnet?",
    });
  });

  it("replies, resolves and reopens; a refusal is said in words", async () => {
    let resolved = false;
    const api = fakeApi({
      "GET /api/motions/:id/comments": () => ({ threads: [thread()] }),
      "POST /api/motions/:id/comments/:threadId/replies": ({ json }) =>
        json.body === "nej"
          ? apiError(403, "forbidden")
          : thread({
              comments: [
                ...thread().comments,
                { id: 5, author: { id: "demo-karin", name: "Karin Holm" }, body: json.body, createdAt: 0 },
              ],
            }),
      "POST /api/motions/:id/comments/:threadId/resolution": ({ json }) => {
        resolved = json.resolved;
        return thread({ resolved, resolvedBy: resolved ? { id: "demo-karin", name: "Karin Holm" } : null });
      },
    });
    show(null);
    const item = await screen.findByTestId("comment-thread");
    fireEvent.input(within(item).getByLabelText("Svar"), { target: { value: "Ja." } });
    fireEvent.click(within(item).getByTestId("send-reply"));
    await waitFor(() => expect(within(item).getAllByTestId("comment")).toHaveLength(2));
    expect(api.callsTo("POST /api/motions/:id/comments/:threadId/replies")[0]?.param.threadId).toBe("3");

    fireEvent.click(within(item).getByTestId("resolve-comment"));
    expect((await within(item).findByTestId("comment-resolved")).textContent).toBe("Löst av Karin Holm");
    fireEvent.click(within(item).getByTestId("reopen-comment"));
    await waitFor(() => expect(within(item).queryByTestId("comment-resolved")).toBeNull());
    expect(resolved).toBe(false);

    fireEvent.input(within(item).getByLabelText("Svar"), { target: { value: "nej" } });
    fireEvent.click(within(item).getByTestId("send-reply"));
    expect((await within(item).findByRole("alert")).textContent).toMatch(/./);
  });
});
