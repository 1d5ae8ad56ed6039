import { beforeAll, describe, expect, it } from "vitest";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { api, errorBody, logInAs, postJson, seed } from "./helpers";
import { openSocket } from "./rooms";

/** Every demo person (each holds different roles), plus nobody. */
const demoIds = [
  "demo-astrid",
  "demo-bengt",
  "demo-cecilia",
  "demo-david",
  "demo-elin",
  "demo-farid",
  "demo-greta",
];
const cookies = new Map<string, string>();

const tokenRequest = (documentId: string, cookie?: string) =>
  api(`/api/rooms/${encodeURIComponent(documentId)}/token`, {
    method: "POST",
    headers: cookie ? { Cookie: cookie } : {},
  });

beforeAll(async () => {
  await seed();
  for (const id of demoIds) cookies.set(id, await logInAs(id));
});

describe("permission table, through the room token endpoint", () => {
  // document.read / document.write on scratch documents: any member, whatever the role.
  it.each(demoIds)("%s may write a scratch document", async (id) => {
    const res = await tokenRequest("scratch:permissions", cookies.get(id));
    expect(res.status).toBe(200);
    expect(((await res.json()) as RoomTokenResponse).mode).toBe("write");
  });

  // Documents of features without rows yet: nobody.
  it.each(demoIds)("%s may not open a document of a feature with no rows yet", async (id) => {
    const res = await tokenRequest("motion:1", cookies.get(id));
    expect(res.status).toBe(403);
    expect((await errorBody(res)).code).toBe("forbidden");
  });

  it("grants nothing to someone who is not logged in", async () => {
    for (const doc of ["scratch:permissions", "motion:1"]) {
      const res = await tokenRequest(doc);
      expect(res.status).toBe(401);
      expect((await errorBody(res)).code).toBe("not_logged_in");
    }
  });
});

describe("room tokens from a session", () => {
  it("carry the person's name into presence, and ending the session closes the socket", async () => {
    const cookie = await logInAs("demo-bengt");
    const { token } = (await (await tokenRequest("scratch:revoke", cookie)).json()) as RoomTokenResponse;
    const peer = new RoomPeer(await openSocket("scratch:revoke", token));
    peer.start();
    await peer.synced();

    const other = await logInAs("demo-bengt");
    const sessions = (await (await api("/api/me/sessions", { headers: { Cookie: other } })).json()) as {
      id: string;
      current: boolean;
    }[];
    const started = Date.now();
    // From another device, end every other session of Bengt's (the socket's among them).
    for (const s of sessions.filter((s) => !s.current)) {
      await api(`/api/me/sessions/${s.id}`, { method: "DELETE", headers: { Cookie: other } });
    }
    expect(await peer.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("closes the socket on log-out", async () => {
    const cookie = await logInAs("demo-greta");
    const { token } = (await (await tokenRequest("scratch:logout", cookie)).json()) as RoomTokenResponse;
    const peer = new RoomPeer(await openSocket("scratch:logout", token));
    peer.start();
    await peer.synced();
    await api("/api/auth/logout", { method: "POST", headers: { Cookie: cookie } });
    expect((await peer.closed).code).toBe(4410);
  });
});

describe("permission table: members.import, through the import routes", () => {
  /** Fresh sessions: the blocks above end some of the shared ones. */
  const importers = new Map<string, string>();
  const may = (allowed: string[]) => demoIds.map((id) => [id, allowed.includes(id)] as const);
  const csv = "name,email,branch,association\nPerm Test,perm.test@example.se,Göteborg,S-föreningen Majorna\n";
  const upload = (group: string, cookie?: string) =>
    api(`/api/members/imports?group=${group}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", ...(cookie ? { Cookie: cookie } : {}) },
      body: csv,
    });
  let ceciliasImport = "";

  beforeAll(async () => {
    for (const id of demoIds) importers.set(id, await logInAs(id));
    const res = await upload("branch:goteborg", importers.get("demo-cecilia"));
    ceciliasImport = ((await res.json()) as { id: string }).id;
  });

  // A branch: its welcome officer (Cecilia, Göteborg) and a national administrator (Astrid).
  it.each(may(["demo-astrid", "demo-cecilia"]))("%s may import for Göteborg: %s", async (id, allowed) => {
    const res = await upload("branch:goteborg", importers.get(id));
    expect(res.status).toBe(allowed ? 201 : 403);
    if (!allowed) expect((await errorBody(res)).code).toBe("forbidden");
  });

  // Another branch: Greta holds roles in Malmö, but not the welcome officer's.
  it.each(may(["demo-astrid"]))("%s may import for Malmö: %s", async (id, allowed) => {
    expect((await upload("branch:malmo", importers.get(id))).status).toBe(allowed ? 201 : 403);
  });

  // The whole party, and a district above a branch's welcome officer: a national administrator only.
  it.each(may(["demo-astrid"]))("%s may import nationally and for a district: %s", async (id, allowed) => {
    for (const group of ["national:national", "district:goteborg"]) {
      expect((await upload(group, importers.get(id))).status, group).toBe(allowed ? 201 : 403);
    }
  });

  // An import: the person who uploaded it and a national administrator.
  it.each(may(["demo-astrid", "demo-cecilia"]))(
    "%s may see and apply Cecilia's import: %s",
    async (id, allowed) => {
      const cookie = importers.get(id) ?? "";
      const read = await api(`/api/members/imports/${ceciliasImport}`, { headers: { Cookie: cookie } });
      expect(read.status).toBe(allowed ? 200 : 403);
      const apply = await api(`/api/members/imports/${ceciliasImport}/apply`, {
        method: "POST",
        headers: { Cookie: cookie },
      });
      expect(apply.status).toBe(allowed ? 200 : 403);
    },
  );

  it("grants nothing to someone who is not logged in", async () => {
    const res = await upload("branch:goteborg");
    expect(res.status).toBe(401);
    expect((await errorBody(res)).code).toBe("not_logged_in");
    expect((await api(`/api/members/imports/${ceciliasImport}`)).status).toBe(401);
    expect((await api(`/api/members/imports/${ceciliasImport}/apply`, { method: "POST" })).status).toBe(401);
  });
});

describe("permission table: invites, the audit log and ending memberships, through their routes", () => {
  const people = new Map<string, string>();
  const may = (allowed: string[]) => demoIds.map((id) => [id, allowed.includes(id)] as const);

  beforeAll(async () => {
    for (const id of demoIds) people.set(id, await logInAs(id));
  });

  // invite.create: any member, for a scratch document; nobody, for other features.
  it.each(demoIds)("%s may invite guests to a scratch document, not to a motion", async (id) => {
    const cookie = people.get(id);
    expect((await postJson("/api/invites", { documentId: "scratch:permissions" }, cookie)).status).toBe(201);
    expect((await postJson("/api/invites", { documentId: "motion:1" }, cookie)).status).toBe(403);
  });

  // audit.read: national administrators.
  it.each(may(["demo-astrid"]))("%s may read the audit log: %s", async (id, allowed) => {
    const res = await api("/api/audit", { headers: { Cookie: people.get(id) ?? "" } });
    expect(res.status).toBe(allowed ? 200 : 403);
  });

  // members.manage: as members.import. Each allowed person ends a different membership,
  // so every call has something to end; refused calls must leave it in place.
  const targets: Record<string, string> = {
    "demo-astrid": "/api/groups/branch/kiruna/members/demo-elin",
    "demo-cecilia": "/api/groups/association/s-foreningen-majorna/members/demo-bengt",
  };
  it.each(may(["demo-astrid", "demo-cecilia"]))("%s may end a membership: %s", async (id, allowed) => {
    const path = targets[id] ?? "/api/groups/branch/goteborg/members/demo-bengt";
    const res = await api(path, { method: "DELETE", headers: { Cookie: people.get(id) ?? "" } });
    expect(res.status).toBe(allowed ? 204 : 403);
  });

  it("grants none of it to someone who is not logged in", async () => {
    expect((await postJson("/api/invites", { documentId: "scratch:permissions" })).status).toBe(401);
    expect((await api("/api/audit")).status).toBe(401);
    const end = await api("/api/groups/branch/goteborg/members/demo-bengt", { method: "DELETE" });
    expect(end.status).toBe(401);
  });
});
