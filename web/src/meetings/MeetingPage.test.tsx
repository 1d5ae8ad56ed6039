import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { AgendaItem } from "../../../worker/shared/meetings";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { FakeSocket } from "../rooms/testing";
import { renderAt } from "../ui/testing";
import { liveState, youState } from "./live/testing";
import MeetingPage from "./MeetingPage";
import { karin, meetingView } from "./testing";

freshStateForEachTest();

/** An item that discusses Göteborg's consultation 5. */
const consultationItem: AgendaItem = {
  id: 1,
  number: 1,
  title: "Rådslag: välfärden",
  kind: "discussion",
  motion: null,
  consultation: { id: 5, title: "Rådslag om välfärden" },
  notesDocumentId: "meeting-notes:7-1",
};

const roomToken = ({ param }: { param: { documentId: string } }) => ({
  token: "t",
  documentId: param.documentId,
  mode: "write" as const,
  expiresAt: Math.floor(Date.now() / 1000) + 300,
});

describe("MeetingPage", () => {
  it("shows the plan with its video link, and offers changes only while the room says the meeting is planned", async () => {
    FakeSocket.instances = [];
    vi.stubGlobal("WebSocket", FakeSocket);
    loggedIn(karin);
    fakeApi({
      "GET /api/me": () => karin,
      "GET /api/meetings/:id": () => meetingView({ videoUrl: "https://meet.jit.si/samtal-7" }),
      "POST /api/rooms/:documentId/token": roomToken,
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

  it("opens the group's workspace from an item that discusses a consultation, on the plan and as the current item", async () => {
    FakeSocket.instances = [];
    vi.stubGlobal("WebSocket", FakeSocket);
    loggedIn(karin);
    fakeApi({
      "GET /api/me": () => karin,
      "GET /api/meetings/:id": () =>
        meetingView({
          agenda: [consultationItem],
        }),
      "POST /api/rooms/:documentId/token": roomToken,
    });
    renderAt("/meetings/7", { "/meetings/:id": MeetingPage });
    const planned = await screen.findByTestId("meeting-consultations");
    const link = within(planned).getByRole("link", { name: /^Öppna rådslagets arbetsyta/ });
    expect(link.getAttribute("href")).toBe("/consultations/5/groups/branch%3Agoteborg");
    expect(planned.textContent).toContain("§ 1 Rådslag: välfärden");

    await expect.poll(() => FakeSocket.instances.some((s) => s.url.includes("meeting%3A7?"))).toBe(true);
    const socket = FakeSocket.instances.find((s) => s.url.includes("meeting%3A7?")) as FakeSocket;
    socket.open();
    const agenda = [
      {
        id: 1,
        number: 1,
        title: "Rådslag: välfärden",
        kind: "discussion" as const,
        motionId: null,
        consultation: consultationItem.consultation,
      },
    ];
    socket.receive(
      JSON.stringify({
        type: "state",
        version: 2,
        meeting: liveState({ agenda, currentItemId: 1 }),
        you: youState(),
      }),
    );
    const current = await screen.findByTestId("current-item");
    expect(within(current).getByTestId("workspace-link").getAttribute("href")).toBe(
      "/consultations/5/groups/branch%3Agoteborg",
    );
  });

  it("asks before mailing the invitation a second time, and keeps guest links by the facts above the live meeting", async () => {
    FakeSocket.instances = [];
    vi.stubGlobal("WebSocket", FakeSocket);
    loggedIn(karin);
    const api = fakeApi({
      "GET /api/me": () => karin,
      "GET /api/meetings/:id": () => meetingView({ access: "open" }),
      "POST /api/rooms/:documentId/token": roomToken,
      "GET /api/invites": () => [],
      "POST /api/meetings/:id/invitations": () => ({ sent: 4, sentAt: Date.now() }),
    });
    renderAt("/meetings/7", { "/meetings/:id": MeetingPage });
    const invitePanel = await screen.findByTestId("invite-panel");
    expect(
      invitePanel.compareDocumentPosition(screen.getByTestId("live-meeting")) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const sends = () => api.callsTo("POST /api/meetings/:id/invitations").length;
    const first = screen.getByTestId("send-invitations");
    expect(first.textContent).toBe("Skicka inbjudan till medlemmarna");
    first.click();
    await expect.poll(() => screen.getByTestId("send-invitations").textContent).toBe("Skicka inbjudan igen");
    expect(sends()).toBe(1);
    expect(screen.getByTestId("invitations-status").textContent).toMatch(
      /^Inbjudan skickades till 4 medlemmar/,
    );

    // Again: a question first, answered in the page; "Avbryt" sends nothing and returns to the button.
    screen.getByTestId("send-invitations").click();
    const confirm = screen.getByTestId("resend-confirm");
    expect(confirm.textContent).toContain("Alla medlemmar får inbjudan en gång till");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-resend"));
    within(confirm).getByRole("button", { name: "Avbryt" }).click();
    expect(document.activeElement).toBe(screen.getByTestId("send-invitations"));
    expect(sends()).toBe(1);
    screen.getByTestId("send-invitations").click();
    screen.getByTestId("confirm-resend").click();
    await expect.poll(sends).toBe(2);
    expect(screen.queryByTestId("resend-confirm")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("send-invitations"));
  });

  it("offers no workspace link to someone who is not a member of the group", async () => {
    loggedIn({ ...karin, groups: [] });
    fakeApi({
      "GET /api/me": () => ({ ...karin, groups: [] }),
      "GET /api/meetings/:id": () =>
        meetingView({
          access: "open",
          can: [],
          agenda: [consultationItem],
        }),
    });
    renderAt("/meetings/7", { "/meetings/:id": MeetingPage });
    expect((await screen.findByTestId("meeting-consultations")).textContent).toContain("Rådslag: välfärden");
    expect(screen.queryByTestId("workspace-link")).toBeNull();
  });
});
