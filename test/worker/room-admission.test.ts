import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../worker/db/client";
import { purgeJobs } from "../../worker/retention/purge";
import { admitRoomToken } from "../../worker/rooms/admission";
import type { SessionInfo } from "../../worker/shared/identity";
import type { RoomTokenClaims } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { acceptInvite, api, createInvite, env, logInAs, postJson, seed } from "./helpers";
import { connect, openSocket, roomToken, sessionRoomToken } from "./rooms";

/**
 * Access that is withdrawn stays withdrawn: a room token is checked again at the upgrade
 * (worker/rooms/admission.ts), so the token of a session that ended, an invite that was
 * withdrawn or a person who lost the right or was erased opens nothing, and a token opens
 * one connection only.
 */

beforeAll(async () => {
  await seed();
});

async function roomConnections(documentId: string): Promise<number> {
  return ((await (await api(`/api/dev/rooms/${documentId}/stats`)).json()) as { connections: number })
    .connections;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)),
  ]);
}

/**
 * Connects with `token` and tries to be seen and to write. Expects the refusal `reason`,
 * from the Worker: the room sends nothing, keeps its connection count, and `watcher` (in
 * the room all along) sees neither the text nor any presence from it.
 */
async function expectRefused(documentId: string, token: string, watcher: RoomPeer, reason: string) {
  const before = await roomConnections(documentId);
  const intruder = new RoomPeer(await openSocket(documentId, token, true));
  intruder.start();
  intruder.awareness.setLocalState({ user: { name: "Inkräktare", color: "#aa0033" } });
  intruder.doc.getText("t").insert(0, "efter återkallelsen");
  const closed = await within(intruder.closed, 3000, "the refusal");
  expect(closed.reason).toBe(reason);
  expect(intruder.binaryFrames).toBe(0);
  expect(intruder.controlMessages).toEqual([]);
  expect(await roomConnections(documentId)).toBe(before);

  // A write that does go through, then time for presence to flush (50 ms): the watcher has
  // everything the room relayed by then.
  const probe = await connect(documentId, { name: "Prov" });
  await probe.synced();
  probe.doc.getText("t").insert(0, "prov;");
  await watcher.waitFor(() => watcher.text.includes("prov;"), 5000, "the probe's write");
  await new Promise((r) => setTimeout(r, 150));
  probe.close();
  expect(watcher.text).not.toContain("efter återkallelsen");
  expect(watcher.awareness.getStates().has(intruder.doc.clientID)).toBe(false);
}

/**
 * One kind of revocation: the holder of `cookie` opens the document with one token and
 * fetches a second she does not use; `revoke` takes her access away. Her socket closes
 * with 4410, and neither the used token nor the unused one opens the room again.
 */
async function revocationCase(documentId: string, cookie: string, revoke: () => Promise<void>) {
  const watcher = await connect(documentId, { name: "Åskådare" });
  await watcher.synced();
  const used = await sessionRoomToken(documentId, cookie);
  const unused = await sessionRoomToken(documentId, cookie);
  const peer = new RoomPeer(await openSocket(documentId, used));
  peer.start();
  await peer.synced();
  peer.awareness.setLocalState({ user: { color: "#30bced" } });
  await watcher.waitFor(() => watcher.awareness.getStates().has(peer.doc.clientID), 5000, "her presence");

  await revoke();
  expect(await within(peer.closed, 3000, "her socket to close")).toEqual({
    code: 4410,
    reason: "access_revoked",
  });
  await watcher.waitFor(() => !watcher.awareness.getStates().has(peer.doc.clientID), 5000, "presence gone");
  for (const token of [used, unused]) await expectRefused(documentId, token, watcher, "access_revoked");
  watcher.close();
}

const sessionsOf = async (cookie: string) =>
  (await (await api("/api/me/sessions", { headers: { Cookie: cookie } })).json()) as SessionInfo[];

describe("a withdrawn identity cannot come back with an old room token", () => {
  it("after log-out", async () => {
    const cookie = await logInAs("demo-bengt");
    await revocationCase("scratch:after-logout", cookie, async () => {
      expect((await api("/api/auth/logout", { method: "POST", headers: { Cookie: cookie } })).status).toBe(
        204,
      );
    });
  });

  it("after another device ended the session", async () => {
    const phone = await logInAs("demo-cecilia");
    const laptop = await logInAs("demo-cecilia");
    await revocationCase("scratch:after-end-session", phone, async () => {
      for (const s of (await sessionsOf(laptop)).filter((s) => !s.current)) {
        await api(`/api/me/sessions/${s.id}`, { method: "DELETE", headers: { Cookie: laptop } });
      }
    });
  });

  it("after her guest invite was withdrawn", async () => {
    const member = await logInAs("demo-david");
    const invite = await createInvite(member, "scratch:after-withdrawal");
    const { cookie: guest } = await acceptInvite(invite.token, "Gäst");
    await revocationCase("scratch:after-withdrawal", guest, async () => {
      expect(
        (await api(`/api/invites/${invite.id}`, { method: "DELETE", headers: { Cookie: member } })).status,
      ).toBe(204);
    });
  });

  it("after her last membership ended, with her session still live", async () => {
    // Greta holds roles in Malmö only; a national administrator ends that membership.
    const greta = await logInAs("demo-greta");
    const admin = await logInAs("demo-astrid");
    await revocationCase("scratch:after-membership", greta, async () => {
      const res = await api("/api/groups/branch/malmo/members/demo-greta", {
        method: "DELETE",
        headers: { Cookie: admin },
      });
      expect(res.status).toBe(204);
    });
    // Her session itself is live: it is the right that is gone.
    expect((await api("/api/me", { headers: { Cookie: greta } })).status).toBe(200);
  });

  it("after erasure, and her name is not broadcast again", async () => {
    const cookie = await logInAs("demo-elin");
    await revocationCase("scratch:after-erasure", cookie, async () => {
      expect((await postJson("/api/me/data/erase", { confirm: "erase" }, cookie)).status).toBe(204);
    });
  });

  it("keeps a token good while its holder keeps the right: a membership ended, another remains", async () => {
    // Bengt is a member of Göteborg and of S-föreningen Majorna: ending one leaves him a member.
    const bengt = await logInAs("demo-bengt");
    const officer = await logInAs("demo-cecilia");
    const unused = await sessionRoomToken("scratch:still-member", bengt);
    const res = await api("/api/groups/association/s-foreningen-majorna/members/demo-bengt", {
      method: "DELETE",
      headers: { Cookie: officer },
    });
    expect(res.status).toBe(204);
    const peer = new RoomPeer(await openSocket("scratch:still-member", unused));
    peer.start();
    await peer.synced();
    peer.close();
  });
});

describe("a room token opens one connection", () => {
  it("refuses a replayed session token, before the room sees it", async () => {
    const cookie = await logInAs("demo-farid");
    const watcher = await connect("scratch:replay", { name: "Åskådare" });
    await watcher.synced();
    const token = await sessionRoomToken("scratch:replay", cookie);
    const first = new RoomPeer(await openSocket("scratch:replay", token));
    first.start();
    await first.synced();
    first.close();
    await first.closed;
    // Spent: a client that reuses it is told to fetch a fresh one (4402, retried at once).
    await expectRefused("scratch:replay", token, watcher, "token_expired");
    // Even while the first connection is still open.
    const held = await sessionRoomToken("scratch:replay", cookie);
    const open = new RoomPeer(await openSocket("scratch:replay", held));
    open.start();
    await open.synced();
    await expectRefused("scratch:replay", held, watcher, "token_expired");
    open.close();
    watcher.close();
  });

  it("refuses a replayed development token", async () => {
    const watcher = await connect("test:replay-dev", { name: "Åskådare" });
    await watcher.synced();
    const token = await roomToken("test:replay-dev", "Anna");
    const first = new RoomPeer(await openSocket("test:replay-dev", token));
    first.start();
    await first.synced();
    first.close();
    await expectRefused("test:replay-dev", token, watcher, "token_expired");
    watcher.close();
  });

  it("accepts a development token (no session) only in development mode", async () => {
    const claims = { doc: "test:dev-switch", sub: "dev-anna", name: "Anna", mode: "write" as const };
    const exp = Math.floor(Date.now() / 1000) + 60;
    const { SAMTAL_DEV_MODE: _, ...off } = env;
    expect(await admitRoomToken(off, { ...claims, exp, jti: "dev-switch-off-0001" })).toBe("token_invalid");
    expect(await admitRoomToken(env, { ...claims, exp, jti: "dev-switch-on-00001" })).toBeNull();
  });

  it("forgets spent token ids once their tokens have expired", async () => {
    const db = getDb(env.DB);
    const token = await roomToken("test:purge-spent", "Anna");
    const peer = new RoomPeer(await openSocket("test:purge-spent", token));
    peer.start();
    await peer.synced();
    peer.close();
    const { exp, jti } = JSON.parse(
      atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")),
    ) as RoomTokenClaims;
    const spent = async () =>
      (
        await env.DB.prepare("SELECT count(*) AS n FROM spent_room_tokens WHERE jti = ?")
          .bind(jti)
          .first<{ n: number }>()
      )?.n;
    expect(await spent()).toBe(1);
    await purgeJobs.spent_room_tokens(db, exp * 1000 - 1);
    expect(await spent()).toBe(1);
    expect(await purgeJobs.spent_room_tokens(db, exp * 1000)).toBeGreaterThanOrEqual(1);
    expect(await spent()).toBe(0);
  });
});
