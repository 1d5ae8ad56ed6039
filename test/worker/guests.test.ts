import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { GuestInvite, GuestMe } from "../../worker/shared/identity";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { api, cookieFrom, errorBody, logInAs, postJson, seed } from "./helpers";
import { openSocket } from "./rooms";

let member = "";
beforeAll(async () => {
  await seed();
  member = await logInAs("demo-david");
});

async function invite(documentId: string): Promise<GuestInvite & { token: string }> {
  const res = await postJson("/api/invites", { documentId }, member);
  expect(res.status).toBe(201);
  const body = (await res.json()) as GuestInvite;
  return { ...body, token: /#token=([A-Za-z0-9_-]{43})$/.exec(body.link ?? "")?.[1] ?? "" };
}

async function accept(token: string, name: string) {
  const res = await postJson("/api/invites/accept", { token, name });
  return { res, cookie: cookieFrom(res, "samtal_guest") };
}

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
