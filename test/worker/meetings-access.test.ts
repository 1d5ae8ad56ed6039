import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingView } from "../../worker/shared/meetings";
import type { RoomPeer } from "../support/room-peer";
import { acceptInvite, api, createInvite, env, errorBody } from "./helpers";
import { addMeetingPeople, joinMeeting, type MeetingClient, planMeeting } from "./meetings-fixtures";
import { joinWithSession, sessionRoomToken } from "./rooms";

/**
 * A planned open meeting switched to members-only ("a guest in a members-only meeting"):
 * the guest who is already there is put out of the meeting room and of the agenda notes,
 * her link and her session open nothing, the members stay and get their vote, and
 * switching back to open revives none of it.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

function patchMeeting(meetingId: number, body: object, cookie: string) {
  return api(`/api/meetings/${meetingId}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });
}

describe("an open meeting switched to members-only", () => {
  let meeting: MeetingView;
  let notes: string;
  let invite: Awaited<ReturnType<typeof createInvite>>;
  let guestCookie: string;
  let bengt: MeetingClient;
  let hanna: MeetingClient;
  let guest: MeetingClient;
  let hannaNotes: RoomPeer;
  let guestNotes: RoomPeer;

  beforeAll(async () => {
    meeting = await planMeeting(as("demo-bengt"), {
      title: "Samtal som blev medlemsmöte",
      access: "open",
      template: "conversation",
    });
    notes = meeting.agenda[0]?.notesDocumentId ?? "";
    invite = await createInvite(as("demo-bengt"), meeting.documentId);
    guestCookie = (await acceptInvite(invite.token, "Gäst Gunnel")).cookie;
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    guest = await joinMeeting(meeting.id, guestCookie);
    hannaNotes = await joinWithSession(notes, as("demo-hanna"));
    guestNotes = await joinWithSession(notes, guestCookie);
    await hanna.next("participant", (f) => f.participant.guest && f.participant.present, 0);
    expect(hanna.you?.votingRight).toBe(false);
  });

  it("closes the guest's sockets to the meeting room and its notes, and keeps the members", async () => {
    const res = await patchMeeting(meeting.id, { access: "members" }, as("demo-bengt"));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as MeetingView).access).toBe("members");
    expect(await guest.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect(await guestNotes.closed).toEqual({ code: 4410, reason: "access_revoked" });

    // The members are still connected: the room answers them and the notes still sync.
    const view = await hanna.view();
    expect(view.access).toBe("members");
    expect(hannaNotes.ws.readyState).toBe(WebSocket.OPEN);
    await bengt.sync();
    // The guest is off the list, and the members now vote, as if they had come to a members-only meeting.
    await hanna.next("participants", (f) => f.participants.every((p) => !p.guest), 0);
    expect([...hanna.participants.values()].map((p) => p.name).sort()).toEqual([
      "Bengt Olsson",
      "Hanna Test",
    ]);
    expect(hanna.you).toMatchObject({ votingRight: true, checkedIn: true });
  });

  it("withdraws her invite with an audit entry, so neither her link nor her session opens anything", async () => {
    const audit = await env.DB.prepare(
      "SELECT actor_id, details FROM audit_log WHERE action = 'invite.revoked' AND subject_id = ?",
    )
      .bind(invite.id)
      .first<{ actor_id: string; details: string }>();
    expect(audit).toEqual({
      actor_id: "demo-bengt",
      details: JSON.stringify({ reason: "meeting_members_only" }),
    });
    expect((await errorBody((await acceptInvite(invite.token, "Gäst Gunnel")).res)).code).toBe(
      "invite_revoked",
    );
    expect((await api("/api/guest", { headers: { Cookie: guestCookie } })).status).toBe(404);
    await expect(sessionRoomToken(meeting.documentId, guestCookie)).rejects.toThrow("HTTP 401");
    await expect(sessionRoomToken(notes, guestCookie)).rejects.toThrow("HTTP 401");
  });

  it("revives no old link or session when it is switched back to open", async () => {
    const res = await patchMeeting(meeting.id, { access: "open" }, as("demo-bengt"));
    expect(res.status).toBe(200);
    expect((await errorBody((await acceptInvite(invite.token, "Gäst Gunnel")).res)).code).toBe(
      "invite_revoked",
    );
    expect((await api("/api/guest", { headers: { Cookie: guestCookie } })).status).toBe(404);
    await expect(sessionRoomToken(meeting.documentId, guestCookie)).rejects.toThrow("HTTP 401");
    // Back to a meeting that decides nothing: nobody votes in it.
    await hanna.next("state", (f) => f.meeting.access === "open", 0);
    expect(hanna.you?.votingRight).toBe(false);
    // A new link works, as for any open meeting.
    const fresh = await createInvite(as("demo-bengt"), meeting.documentId);
    const again = await acceptInvite(fresh.token, "Gäst Gunnel");
    expect(again.res.status).toBe(200);
    const back = await joinMeeting(meeting.id, again.cookie);
    expect(back.you?.guest).toBe(true);
    back.close();
    bengt.close();
    hanna.close();
    hannaNotes.close();
  });
});
