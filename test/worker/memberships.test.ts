import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { api, errorBody, logInAs, seed } from "./helpers";
import { openSocket } from "./rooms";

const end = (path: string, cookie: string) => api(path, { method: "DELETE", headers: { Cookie: cookie } });
const tokenFor = (documentId: string, cookie: string) =>
  api(`/api/rooms/${documentId}/token`, { method: "POST", headers: { Cookie: cookie } });

beforeAll(async () => {
  await seed();
});

describe("ending a membership", () => {
  it("is for the group's welcome officer; it closes the person's sockets and, with her last membership, her access", async () => {
    const officer = await logInAs("demo-cecilia"); // welcome officer of Göteborg
    const outsider = await logInAs("demo-david");
    // Bengt: member and chair of Göteborg, member of S-föreningen Majorna (under Göteborg).
    const bengt = await logInAs("demo-bengt");
    const room = (await (await tokenFor("scratch:ending", bengt)).json()) as RoomTokenResponse;
    const peer = new RoomPeer(await openSocket("scratch:ending", room.token));
    peer.start();
    await peer.synced();

    const refused = await end("/api/groups/branch/goteborg/members/demo-bengt", outsider);
    expect(refused.status).toBe(403);
    expect((await errorBody(refused)).code).toBe("forbidden");

    expect((await end("/api/groups/branch/goteborg/members/demo-bengt", officer)).status).toBe(204);
    expect(await peer.closed).toEqual({ code: 4410, reason: "access_revoked" });
    // Still a member of the association: a fresh token is granted.
    expect((await tokenFor("scratch:ending", bengt)).status).toBe(200);

    // The officer acts for groups below her branch too.
    expect(
      (await end("/api/groups/association/s-foreningen-majorna/members/demo-bengt", officer)).status,
    ).toBe(204);
    const none = await tokenFor("scratch:ending", bengt);
    expect(none.status).toBe(403);
    // She can still see her (now empty) page, to export or erase her data.
    expect((await api("/api/me", { headers: { Cookie: bengt } })).status).toBe(200);

    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'membership.ended' AND subject_id = 'demo-bengt'",
    ).first<{ n: number }>();
    expect(audit?.n).toBe(2);
    expect((await end("/api/groups/branch/goteborg/members/demo-bengt", officer)).status).toBe(404);
  });
});
