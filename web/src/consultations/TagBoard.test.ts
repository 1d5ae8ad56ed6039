import { createRoot } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TagBoard } from "../../../worker/shared/consultations";
import { fakeApi } from "../api/testing";
import { freshStateForEachTest } from "../identity/testing";
import { createTagBoard, tagPollMs } from "./TagBoard";

freshStateForEachTest();
afterEach(() => {
  vi.useRealTimers();
});

describe("createTagBoard", () => {
  it("asks again every few seconds with the revision it holds, and takes a colleague's change when there is one", async () => {
    vi.useFakeTimers();
    const first: TagBoard = { revision: 4, tags: [{ id: 1, name: "Skolan" }], tagged: [] };
    const second: TagBoard = { ...first, revision: 5, tags: [...first.tags, { id: 2, name: "Vården" }] };
    let answer: TagBoard | "unchanged" = first;
    const api = fakeApi({ "GET /api/consultations/:id/tags": () => answer as TagBoard });
    // The fake answers JSON; the Worker's 304 and ETag are the real client's concern, so fetch is wrapped here.
    const fetch = globalThis.fetch;
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (answer === "unchanged") return new Response(null, { status: 304 });
      const body = await response.text();
      return new Response(body, {
        headers: { "Content-Type": "application/json", ETag: `"${answer.revision}"` },
      });
    });

    let board: ReturnType<typeof createTagBoard>["board"] = () => undefined;
    const dispose = createRoot((done) => {
      board = createTagBoard(5).board;
      return done;
    });
    await vi.waitFor(() => expect(board()?.revision).toBe(4));
    expect(api.callsTo("GET /api/consultations/:id/tags")[0]?.headers["if-none-match"]).toBeUndefined();

    answer = "unchanged";
    await vi.advanceTimersByTimeAsync(tagPollMs);
    expect(api.callsTo("GET /api/consultations/:id/tags")[1]?.headers["if-none-match"]).toBe('"4"');
    expect(board()?.revision).toBe(4);

    answer = second;
    await vi.advanceTimersByTimeAsync(tagPollMs);
    await vi.waitFor(() => expect(board()?.tags.map((t) => t.name)).toEqual(["Skolan", "Vården"]));
    dispose();
  });
});
