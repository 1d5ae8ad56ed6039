import { screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { FakeSocket } from "../rooms/testing";
import { renderAt } from "../ui/testing";
import { liveState, youState } from "./live/testing";
import MeetingPage from "./MeetingPage";
import { karin, meetingView } from "./testing";

freshStateForEachTest();

describe("MeetingPage", () => {
  it("shows the plan with its video link, and offers changes only while the room says the meeting is planned", async () => {
    FakeSocket.instances = [];
    vi.stubGlobal("WebSocket", FakeSocket);
    loggedIn(karin);
    fakeApi({
      "GET /api/me": () => karin,
      "GET /api/meetings/:id": () => meetingView({ videoUrl: "https://meet.jit.si/samtal-7" }),
      "POST /api/rooms/:documentId/token": ({ param }) => ({
        token: "t",
        documentId: param.documentId,
        mode: "write",
        expiresAt: Math.floor(Date.now() / 1000) + 300,
      }),
    });
    renderAt("/meetings/7", { "/meetings/:id": MeetingPage });
    expect(await screen.findByRole("heading", { level: 1, name: "Medlemsmöte" })).toBeTruthy();
    expect(screen.getByTestId("video-link").getAttribute("href")).toBe("https://meet.jit.si/samtal-7");
    expect(screen.getByTestId("edit-meeting").getAttribute("href")).toBe("/meetings/7/edit");
    await expect.poll(() => FakeSocket.instances.some((s) => s.url.includes("meeting%3A7?"))).toBe(true);
    const socket = FakeSocket.instances.find((s) => s.url.includes("meeting%3A7?")) as FakeSocket;
    socket.open();
    socket.receive(
      JSON.stringify({ type: "state", version: 2, meeting: liveState({ state: "open" }), you: youState() }),
    );
    await expect.poll(() => screen.queryByTestId("edit-meeting")).toBeNull();
    expect(screen.queryByTestId("send-invitations")).toBeNull();
  });
});
