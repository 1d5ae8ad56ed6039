import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../worker/db/client";
import { guestGracePeriodMs, purgeEndedGuests } from "../../worker/identity/guests";
import type { GuestInvite, GuestMe, ManagedInvite } from "../../worker/shared/identity";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { acceptInvite, api, createInvite, errorBody, logInAs, postJson, seed } from "./helpers";
import { joinWithSession, openSocket } from "./rooms";

let member = "";
beforeAll(async () => {
  await seed();
  member = await logInAs("demo-david");
});

const invite = (documentId: string) => createInvite(member, documentId);
const accept = acceptInvite;

const tokenFor = (documentId: string, cookie: string) =>
  api(`/api/rooms/${documentId}/token`, { method: "POST", headers: { Cookie: cookie } });

describe("guest invites", () => {
  it("give a guest a session for the invite's document only", async () => {
    const { token, documentId } = await invite("scratch:open-meeting");
    const { res, cookie } = await accept(token, "Sympatisör Sara");
    expect(res.status).toBe(200);
    expect((await res.json()) as GuestMe).toEqual({
      kind: "guest",
      name: "Sympatisör Sara",
      documentId: "scratch:open-meeting",
    });

    const own = await tokenFor(documentId, cookie);
    expect(own.status).toBe(200);
    expect(((await own.json()) as RoomTokenResponse).mode).toBe("write");
    for (const other of ["scratch:another", "motion:1"]) {
      const res = await tokenFor(other, cookie);
      expect(res.status, other).toBe(403);
      expect((await errorBody(res)).code).toBe("forbidden");
    }
    // A guest is not a member: no account (401 on its pages), no invites of her own (403).
    expect((await api("/api/me", { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await postJson("/api/invites", { documentId }, cookie)).status).toBe(403);
    const guest = await api("/api/guest", { headers: { Cookie: cookie } });
    expect(((await guest.json()) as GuestMe).name).toBe("Sympatisör Sara");
  });

  it("shows the guest's own name to others in the room", async () => {
    const { token, documentId } = await invite("scratch:guest-presence");
    const { cookie } = await accept(token, "Gäst Gustav");
    const room = (await (await tokenFor(documentId, cookie)).json()) as RoomTokenResponse;
    const peer = new RoomPeer(await openSocket(documentId, room.token, true));
    peer.start();
    await peer.waitFor(() => peer.controlMessages.some((m) => m.type === "welcome"));
    expect(peer.controlMessages[0]).toMatchObject({ type: "welcome", name: "Gäst Gustav", mode: "write" });
    peer.close();
  });

  it("withdrawing the invite ends guest sessions and closes their sockets", async () => {
    const { token, documentId, id } = await invite("scratch:withdrawn");
    const { cookie } = await accept(token, "Gäst");
    const room = (await (await tokenFor(documentId, cookie)).json()) as RoomTokenResponse;
    const peer = new RoomPeer(await openSocket(documentId, room.token));
    peer.start();
    await peer.synced();

    const res = await api(`/api/invites/${id}`, { method: "DELETE", headers: { Cookie: member } });
    expect(res.status).toBe(204);
    expect(await peer.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect((await tokenFor(documentId, cookie)).status).toBe(401);
    expect((await errorBody((await accept(token, "Ny gäst")).res)).code).toBe("invite_revoked");
  });

  it("refuses an expired, unknown or malformed invite, and changes nothing", async () => {
    const { token } = await invite("scratch:expired");
    await env.DB.prepare("UPDATE guest_invites SET expires_at = ? WHERE document_id = ?")
      .bind(Date.now() - 1, "scratch:expired")
      .run();
    const before = await env.DB.prepare("SELECT count(*) AS n FROM guests").first<{ n: number }>();
    expect((await errorBody((await accept(token, "Gäst")).res)).code).toBe("invite_expired");
    expect((await errorBody((await accept("B".repeat(43), "Gäst")).res)).code).toBe("invite_invalid");
    const malformed = await accept("short", "Gäst");
    expect(malformed.res.status).toBe(400);
    expect((await errorBody((await accept(token, "")).res)).code).toBe("validation_failed");
    const after = await env.DB.prepare("SELECT count(*) AS n FROM guests").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("only lets the member who made an invite withdraw it, and audits both", async () => {
    const { id } = await invite("scratch:audited");
    const other = await logInAs("demo-farid");
    expect((await api(`/api/invites/${id}`, { method: "DELETE", headers: { Cookie: other } })).status).toBe(
      404,
    );
    expect((await api(`/api/invites/${id}`, { method: "DELETE", headers: { Cookie: member } })).status).toBe(
      204,
    );
    const entries = await env.DB.prepare("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id")
      .bind(id)
      .all<{ action: string }>();
    expect(entries.results.map((e) => e.action)).toEqual(["invite.created", "invite.revoked"]);
    const mine = (await (await api("/api/invites", { headers: { Cookie: member } })).json()) as GuestInvite[];
    expect(mine.find((i) => i.id === id)?.revokedAt).not.toBeNull();
    expect(mine.every((i) => i.link === undefined)).toBe(true);
  });
});

describe("an invite dies with its maker's right to give it", () => {
  it("ending her last membership withdraws her invites and closes their guests' sockets", async () => {
    // Greta holds roles in Malmö only; a national administrator ends that membership.
    const greta = await logInAs("demo-greta");
    const admin = await logInAs("demo-astrid");
    const made = await createInvite(greta, "scratch:gretas-meeting");
    const { cookie } = await accept(made.token, "Gäst hos Greta");
    const peer = await joinWithSession(made.documentId, cookie);

    const ended = await api("/api/groups/branch/malmo/members/demo-greta", {
      method: "DELETE",
      headers: { Cookie: admin },
    });
    expect(ended.status).toBe(204);
    expect(await peer.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect((await tokenFor(made.documentId, cookie)).status).toBe(401);
    // Not even she can come back through her own link, as a guest.
    expect((await errorBody((await accept(made.token, "Greta som gäst")).res)).code).toBe("invite_revoked");
    const mine = (await (await api("/api/invites", { headers: { Cookie: greta } })).json()) as GuestInvite[];
    expect(mine.find((i) => i.id === made.id)?.revokedAt).not.toBeNull();
    const audit = await env.DB.prepare(
      "SELECT actor_id, details FROM audit_log WHERE action = 'invite.revoked' AND subject_id = ?",
    )
      .bind(made.id)
      .first<{ actor_id: string; details: string }>();
    expect(audit).toEqual({
      actor_id: "demo-astrid",
      details: JSON.stringify({ reason: "maker_lost_right" }),
    });
  });

  it("is judged again when accepted, when a guest session is read and when a room token is used", async () => {
    // Farid makes an invite and one guest comes in; then his roles go without the route that
    // would withdraw his invites (as any future way of losing a role might).
    const farid = await logInAs("demo-farid");
    const made = await createInvite(farid, "scratch:farids-meeting");
    const { cookie } = await accept(made.token, "Första gästen");
    const unused = ((await (await tokenFor(made.documentId, cookie)).json()) as RoomTokenResponse).token;
    await env.DB.prepare("DELETE FROM memberships WHERE person_id = 'demo-farid'").run();

    expect((await errorBody((await accept(made.token, "Andra gästen")).res)).code).toBe("invite_revoked");
    expect((await api("/api/guest", { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await tokenFor(made.documentId, cookie)).status).toBe(401);
    const refused = new RoomPeer(await openSocket(made.documentId, unused));
    expect(await refused.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect(refused.binaryFrames).toBe(0);
  });

  it("can be seen and withdrawn by an officer (for a scratch document, a national administrator), not by a member", async () => {
    const made = await createInvite(member, "scratch:managed");
    const { cookie } = await accept(made.token, "Gäst");
    const peer = await joinWithSession(made.documentId, cookie);
    const admin = await logInAs("demo-astrid");
    const managedBy = async (who: string) =>
      (await (
        await api("/api/invites?scope=managed", { headers: { Cookie: who } })
      ).json()) as ManagedInvite[];

    const seen = (await managedBy(admin)).find((i) => i.id === made.id);
    expect(seen).toMatchObject({
      documentId: "scratch:managed",
      guests: 1,
      revokedAt: null,
      createdBy: { id: "demo-david", name: "David Nilsson" },
    });
    expect(seen?.link).toBeUndefined();
    // Bengt chairs Göteborg, but a scratch document belongs to no group.
    const chair = await logInAs("demo-bengt");
    expect((await managedBy(chair)).some((i) => i.id === made.id)).toBe(false);
    expect(
      (await api(`/api/invites/${made.id}`, { method: "DELETE", headers: { Cookie: chair } })).status,
    ).toBe(404);

    expect(
      (await api(`/api/invites/${made.id}`, { method: "DELETE", headers: { Cookie: admin } })).status,
    ).toBe(204);
    expect(await peer.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect((await managedBy(admin)).some((i) => i.id === made.id)).toBe(false);
    const audit = await env.DB.prepare(
      "SELECT actor_id FROM audit_log WHERE action = 'invite.revoked' AND subject_id = ?",
    )
      .bind(made.id)
      .first<{ actor_id: string }>();
    expect(audit?.actor_id).toBe("demo-astrid");
  });
});

describe("guests' names", () => {
  const countOf = async (sql: string, ...values: string[]) =>
    (
      await env.DB.prepare(sql)
        .bind(...values)
        .first<{ n: number }>()
    )?.n;
  const guestsOf = (inviteId: string) =>
    countOf("SELECT count(*) AS n FROM guests WHERE invite_id = ?", inviteId);
  const sessionsOf = (inviteId: string) =>
    countOf(
      "SELECT count(*) AS n FROM guest_sessions s JOIN guests g ON g.id = s.guest_id WHERE g.invite_id = ?",
      inviteId,
    );

  it("are deleted with their sessions a grace period after the invite was withdrawn or expired", async () => {
    const withdrawn = await createInvite(member, "scratch:purge-withdrawn");
    const expired = await createInvite(member, "scratch:purge-expired");
    const live = await createInvite(member, "scratch:purge-live");
    const { cookie } = await accept(withdrawn.token, "Gäst som går");
    (await joinWithSession(withdrawn.documentId, cookie)).close();
    const lapsing = await accept(expired.token, "Gäst vars länk går ut");
    (await joinWithSession(expired.documentId, lapsing.cookie)).close();
    await accept(live.token, "Gäst som stannar");
    await api(`/api/invites/${withdrawn.id}`, { method: "DELETE", headers: { Cookie: member } });
    await env.DB.prepare("UPDATE guest_invites SET expires_at = ? WHERE id = ?")
      .bind(Date.now(), expired.id)
      .run();
    const db = getDb(env.DB);
    const connections = "SELECT count(*) AS n FROM room_connections WHERE document_id = ?";
    expect(await countOf(connections, expired.documentId)).toBe(1);

    // Within the grace period nothing goes.
    await purgeEndedGuests(db, Date.now() + guestGracePeriodMs - 60_000);
    for (const invite of [withdrawn, expired, live])
      expect(await guestsOf(invite.id), invite.documentId).toBe(1);

    expect(await purgeEndedGuests(db, Date.now() + guestGracePeriodMs + 1000)).toBeGreaterThanOrEqual(2);
    for (const invite of [withdrawn, expired]) {
      expect(await guestsOf(invite.id), invite.documentId).toBe(0);
      expect(await sessionsOf(invite.id), invite.documentId).toBe(0);
    }
    expect(await guestsOf(live.id)).toBe(1);
    expect(await sessionsOf(live.id)).toBe(1);
    expect(await countOf("SELECT count(*) AS n FROM guests WHERE name = 'Gäst som går'")).toBe(0);
    // Which document an expired invite's guest opened was kept to reach her sockets: it goes too.
    expect(await countOf(connections, expired.documentId)).toBe(0);
    // The maker's record of the invite stays, now with no guests.
    const mine = (await (await api("/api/invites", { headers: { Cookie: member } })).json()) as GuestInvite[];
    expect(mine.find((i) => i.id === withdrawn.id)).toMatchObject({ guests: 0 });
  });
});
