import { beforeAll, describe, expect, it } from "vitest";
import { roomTokenSecret, verifyRoomToken } from "../../worker/rooms/token";
import type { GuestInvite } from "../../worker/shared/identity";
import type { RoomTokenClaims } from "../../worker/shared/rooms";
import { cookieFrom, env, logInAs, postJson, seed } from "./helpers";
import { joinWithToken, sessionRoomToken } from "./rooms";

/*
 * A guest is visibly a guest: her room token says so, and the room marks her presence with
 * `guest: true` whatever her client sends, while nobody else can wear the marker.
 */

let member = "";
beforeAll(async () => {
  await seed();
  member = await logInAs("demo-david");
});

let counter = 0;
const freshDoc = () => `scratch:presence-${Date.now().toString(36)}-${counter++}`;

/** A guest session for `documentId`: an invite by the member, accepted under `name`. */
async function guestCookie(documentId: string, name: string): Promise<string> {
  const created = await postJson("/api/invites", { documentId }, member);
  expect(created.status).toBe(201);
  const token = /#token=([A-Za-z0-9_-]{43})$/.exec(((await created.json()) as GuestInvite).link ?? "")?.[1];
  const accepted = await postJson("/api/invites/accept", { token, name });
  expect(accepted.status).toBe(200);
  return cookieFrom(accepted, "samtal_guest");
}

async function claimsOf(documentId: string, token: string): Promise<RoomTokenClaims> {
  const check = await verifyRoomToken(token, roomTokenSecret(env) ?? "", documentId);
  if (!check.ok) throw new Error(check.reason);
  return check.claims;
}

describe("guests in a room's presence", () => {
  it("marks a guest's token as a guest's, and a member's not", async () => {
    const documentId = freshDoc();
    const guest = await claimsOf(
      documentId,
      await sessionRoomToken(documentId, await guestCookie(documentId, "Gäst Gustav")),
    );
    expect(guest).toMatchObject({ name: "Gäst Gustav", guest: true });
    const david = await claimsOf(documentId, await sessionRoomToken(documentId, member));
    expect(david.name).toBe("David Nilsson");
    expect(david).not.toHaveProperty("guest");
  });

  it("shows a guest as a guest even if her client says otherwise, and never a member", async () => {
    const documentId = freshDoc();
    const guestToken = await sessionRoomToken(documentId, await guestCookie(documentId, "Gäst Gustav"));
    const guest = await joinWithToken(documentId, guestToken);
    const david = await joinWithToken(documentId, await sessionRoomToken(documentId, member));

    guest.awareness.setLocalState({ user: { name: "David Nilsson", color: "#112233", guest: false } });
    await david.waitFor(() => david.awareness.getStates().has(guest.doc.clientID), 5000, "guest's presence");
    expect(david.awareness.getStates().get(guest.doc.clientID)).toEqual({
      user: { name: "Gäst Gustav", color: "#112233", guest: true },
    });

    david.awareness.setLocalState({ user: { name: "David Nilsson", color: "#445566", guest: true } });
    await guest.waitFor(() => guest.awareness.getStates().has(david.doc.clientID), 5000, "member's presence");
    expect(guest.awareness.getStates().get(david.doc.clientID)).toEqual({
      user: { name: "David Nilsson", color: "#445566" },
    });

    // A state without a user still gets the guest's trusted one: no way to appear unmarked.
    guest.awareness.setLocalState({ cursor: { anchor: 1, head: 1 } });
    await david.waitFor(
      () => david.awareness.getStates().get(guest.doc.clientID)?.cursor !== undefined,
      5000,
      "guest's cursor",
    );
    expect(david.awareness.getStates().get(guest.doc.clientID)?.user).toEqual({
      name: "Gäst Gustav",
      guest: true,
    });
    guest.close();
    david.close();
  });
});
