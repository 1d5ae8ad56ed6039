import { toBase64 } from "lib0/buffer";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type DocumentKind, resolveDocument } from "../../worker/access/documents";
import type { ScratchResource } from "../../worker/access/permissions";
import { getDb } from "../../worker/db/client";
import { loadDocument } from "../../worker/rooms/documents";
import { documentKinds } from "../../worker/rooms/kinds";
import { scratchDocuments } from "../../worker/rooms/scratch";
import type { GuestInvite, ManagedInvite, Me } from "../../worker/shared/identity";
import type { MeetingView } from "../../worker/shared/meetings";
import type { MemberImport } from "../../worker/shared/members";
import { type MotionDetail, type MotionVersion, motionFields } from "../../worker/shared/motions";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { api, cookieFrom, env, errorBody, logInAs, postJson, seed } from "./helpers";
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
/** Each demo person paired with whether a row allows her, for `it.each`. */
const may = (allowed: string[]) => demoIds.map((id) => [id, allowed.includes(id)] as const);

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
  // document.read / document.write → the scratch kind's scratch.read / scratch.write: any member, whatever the role.
  it.each(demoIds)("%s may write a scratch document", async (id) => {
    const res = await tokenRequest("scratch:permissions", cookies.get(id));
    expect(res.status).toBe(200);
    expect(((await res.json()) as RoomTokenResponse).mode).toBe("write");
  });

  // A prefix no document kind claims names nothing: refused like a forbidden document (403), for everyone.
  it.each(demoIds)("%s may not open a document of an unknown kind", async (id) => {
    const res = await tokenRequest("unknown:1", cookies.get(id));
    expect(res.status).toBe(403);
    expect((await errorBody(res)).code).toBe("forbidden");
  });

  it("grants nothing to someone who is not logged in", async () => {
    for (const doc of ["scratch:permissions", "unknown:1"]) {
      const res = await tokenRequest(doc);
      expect(res.status).toBe(401);
      expect((await errorBody(res)).code).toBe("not_logged_in");
    }
  });
});

describe("document kinds", () => {
  const db = () => getDb(env.DB);

  it("each claim a prefix of their own", () => {
    const prefixes = documentKinds.map((k) => k.prefix);
    expect(prefixes).toContain("scratch");
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it("turn a document id into the resource and actions the table judges, or nothing", async () => {
    expect(await resolveDocument(documentKinds, db(), "scratch:demo")).toEqual({
      type: "document",
      documentId: "scratch:demo",
      of: { type: "scratch", documentId: "scratch:demo" },
      read: "scratch.read",
      write: "scratch.write",
      invite: "scratch.invite",
    });
    expect(await resolveDocument(documentKinds, db(), "unknown:1")).toBeNull();
    // A kind whose lookup finds nothing answers like an unknown kind.
    const empty: DocumentKind<ScratchResource> = {
      ...scratchDocuments,
      prefix: "empty",
      resolve: () => null,
    };
    expect(await resolveDocument([...documentKinds, empty], db(), "empty:1")).toBeNull();
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
  const csv = "name,email,branch,association\nPerm Test,perm.test@example.se,Göteborg,S-föreningen Majorna\n";
  const upload = (group: string, cookie?: string, body = csv) =>
    api(`/api/members/imports?group=${group}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", ...(cookie ? { Cookie: cookie } : {}) },
      body,
    });
  const importOf = async (person: string) =>
    ((await (await upload("branch:goteborg", importers.get(person))).json()) as MemberImport).id;
  let ceciliasImport = "";
  let astridsImport = "";

  beforeAll(async () => {
    for (const id of demoIds) importers.set(id, await logInAs(id));
    ceciliasImport = await importOf("demo-cecilia");
    astridsImport = await importOf("demo-astrid");
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

  // import.open: whoever may import for its group and uploaded it, or may import for the whole party.
  const open = async (id: string, importId: string) => {
    const cookie = importers.get(id) ?? "";
    const read = await api(`/api/members/imports/${importId}`, { headers: { Cookie: cookie } });
    const apply = await api(`/api/members/imports/${importId}/apply`, {
      method: "POST",
      headers: { Cookie: cookie },
    });
    return [read.status, apply.status];
  };
  it.each(may(["demo-astrid", "demo-cecilia"]))(
    "%s may see and apply Cecilia's import: %s",
    async (id, allowed) => {
      expect(await open(id, ceciliasImport)).toEqual(allowed ? [200, 200] : [403, 403]);
    },
  );
  // Cecilia may import for Göteborg, but she neither uploaded this one nor may import for the party.
  it.each(may(["demo-astrid"]))(
    "%s may see and apply Astrid's import for Göteborg: %s",
    async (id, allowed) => {
      expect(await open(id, astridsImport)).toEqual(allowed ? [200, 200] : [403, 403]);
    },
  );

  // members.grant_national_admin: of those who may import for Göteborg, a national administrator only.
  it.each([
    ["demo-astrid", true],
    ["demo-cecilia", false],
  ] as const)("%s may import a national administrator: %s", async (id, allowed) => {
    const body = "name,email,branch,roles\nPerm Admin,perm.admin@example.se,Göteborg,national admin\n";
    const res = await upload("branch:goteborg", importers.get(id), body);
    expect(res.status).toBe(201);
    const refused = ((await res.json()) as MemberImport).refused;
    expect(refused).toEqual(allowed ? [] : [{ row: 2, reason: "role_not_allowed" }]);
  });

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
  const invite = async (cookie: string | undefined) =>
    (await (
      await postJson("/api/invites", { documentId: "scratch:permissions" }, cookie)
    ).json()) as GuestInvite;
  const withdraw = (inviteId: string, cookie: string | undefined) =>
    api(`/api/invites/${inviteId}`, { method: "DELETE", headers: cookie ? { Cookie: cookie } : {} });

  beforeAll(async () => {
    for (const id of demoIds) people.set(id, await logInAs(id));
  });

  // invite.create: any member, for a scratch document; for an unknown kind nobody (403, as for a forbidden one).
  it.each(demoIds)("%s may invite guests to a scratch document, not to an unknown kind", async (id) => {
    const cookie = people.get(id);
    expect((await postJson("/api/invites", { documentId: "scratch:permissions" }, cookie)).status).toBe(201);
    const unknown = await postJson("/api/invites", { documentId: "unknown:1" }, cookie);
    expect(unknown.status).toBe(403);
    expect((await errorBody(unknown)).code).toBe("forbidden");
  });

  // invite.withdraw: whoever made it, and the officers of the group its document belongs to:
  // a scratch document belongs to none, so national administrators. To anyone else it does
  // not exist (404), and it is not among the invites she manages.
  it.each(may(["demo-david", "demo-astrid"]))(
    "%s may see and withdraw David's invite: %s",
    async (id, allowed) => {
      const { id: inviteId } = await invite(people.get("demo-david"));
      const managed = (await (
        await api("/api/invites?scope=managed", { headers: { Cookie: people.get(id) ?? "" } })
      ).json()) as ManagedInvite[];
      // Her own invites are in her own list, not among those she manages.
      expect(managed.some((i) => i.id === inviteId)).toBe(allowed && id !== "demo-david");
      const res = await withdraw(inviteId, people.get(id));
      expect(res.status).toBe(allowed ? 204 : 404);
      if (!allowed) expect((await errorBody(res)).code).toBe("not_found");
    },
  );

  // What /api/me offers (`can`) is the table's answer for each of her groups: every member
  // may start a motion in each of her groups (motion.create), a board opens motion periods,
  // the national office and a district's board ask consultations (consultation.create), and
  // a chair or secretary plans meetings (meeting.plan).
  const offered: Record<string, Record<string, string[]>> = {
    "demo-astrid": { "national:national": ["members.import", "audit.read"] },
    "demo-cecilia": { "branch:goteborg": ["members.import"] },
  };
  const boards: Record<string, string> = {
    "demo-bengt": "branch:goteborg",
    "demo-cecilia": "branch:goteborg",
    "demo-david": "branch:stockholm",
    "demo-elin": "district:norrbotten",
  };
  const asks: Record<string, string> = {
    "demo-astrid": "national:national",
    "demo-elin": "district:norrbotten",
  };
  // meeting.plan: the group's chair or secretary.
  const planners: Record<string, string> = {
    "demo-bengt": "branch:goteborg",
    "demo-david": "branch:stockholm",
    "demo-elin": "district:norrbotten",
  };
  it.each(demoIds)("%s is offered in each of her groups what the table allows there", async (id) => {
    const me = (await (await api("/api/me", { headers: { Cookie: people.get(id) ?? "" } })).json()) as Me;
    expect(me.groups.length).toBeGreaterThan(0);
    for (const { group, can } of me.groups) {
      const key = `${group.kind}:${group.slug}`;
      const motions = boards[id] === key ? ["motion.create", "motion.periods"] : ["motion.create"];
      const consultations = asks[id] === key ? ["consultation.create"] : [];
      const meetings = planners[id] === key ? ["meeting.plan"] : [];
      expect(can, key).toEqual([...(offered[id]?.[key] ?? []), ...motions, ...consultations, ...meetings]);
    }
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
    const { id } = await invite(people.get("demo-david"));
    expect((await withdraw(id, undefined)).status).toBe(401);
    expect((await api("/api/audit")).status).toBe(401);
    const end = await api("/api/groups/branch/goteborg/members/demo-bengt", { method: "DELETE" });
    expect(end.status).toBe(401);
  });
});

describe("permission table: a guest, through every route", () => {
  it("opens the document of her invite and nothing else", async () => {
    const member = await logInAs("demo-david");
    const created = (await (
      await postJson("/api/invites", { documentId: "scratch:guest-scope" }, member)
    ).json()) as GuestInvite;
    const token = /#token=([A-Za-z0-9_-]{43})$/.exec(created.link ?? "")?.[1];
    const guest = cookieFrom(await postJson("/api/invites/accept", { token, name: "Gäst" }), "samtal_guest");
    const as = (init: RequestInit = {}): RequestInit => ({
      ...init,
      headers: { ...init.headers, Cookie: guest },
    });
    const statusOf = async (path: string, init?: RequestInit) => (await api(path, as(init))).status;

    const own = await tokenRequest("scratch:guest-scope", guest);
    expect(own.status).toBe(200);
    expect(((await own.json()) as RoomTokenResponse).mode).toBe("write");
    for (const other of ["scratch:permissions", "unknown:1"]) {
      expect((await tokenRequest(other, guest)).status, other).toBe(403);
    }
    // Rows that admit no guest: 403, or 404 where the row hides what exists.
    expect((await postJson("/api/invites", { documentId: "scratch:guest-scope" }, guest)).status).toBe(403);
    expect(await statusOf(`/api/invites/${created.id}`, { method: "DELETE" })).toBe(404);
    const csv = { method: "POST", headers: { "Content-Type": "text/csv" }, body: "name,email,branch\n" };
    expect(await statusOf("/api/members/imports?group=branch:goteborg", csv)).toBe(403);
    expect(await statusOf("/api/audit")).toBe(403);
    expect(await statusOf("/api/groups/branch/goteborg/members/demo-david", { method: "DELETE" })).toBe(403);
    // No invites on motions: a guest sees none, and none of their lists.
    const motion = await env.DB.prepare("SELECT id FROM motions WHERE state <> 'draft' LIMIT 1").first<{
      id: number;
    }>();
    expect((await tokenRequest(`motion:${motion?.id}`, guest)).status).toBe(403);
    expect(await statusOf(`/api/motions/${motion?.id}`)).toBe(404);
    expect(await statusOf("/api/motions?group=branch:goteborg")).toBe(403);
    // A guest has no account: to a person's own pages she is nobody.
    expect(await statusOf("/api/me")).toBe(401);
    expect(await statusOf("/api/invites")).toBe(401);
    expect(await statusOf("/api/invites?scope=managed")).toBe(401);
  });
});

describe("permission table: motions, through their routes", () => {
  const people = new Map<string, string>();
  const as = (id: string) => ({ Cookie: people.get(id) ?? "" });
  const motionId = async (title: string) => {
    const row = await env.DB.prepare("SELECT id FROM motions WHERE title = ? ORDER BY id LIMIT 1")
      .bind(title)
      .first<{ id: number }>();
    if (!row) throw new Error(`no demo motion "${title}"`);
    return row.id;
  };
  let draft = 0;
  let collecting = 0;
  let submitted = 0;
  let forwarded = 0;
  let ownCollecting = 0;

  beforeAll(async () => {
    for (const id of demoIds) people.set(id, await logInAs(id));
    draft = await motionId("Fler bänkar längs älven");
    collecting = await motionId("Avgiftsfri kollektivtrafik för unga");
    submitted = await motionId("Säkra cykelvägar till skolan");
    const kiruna = await motionId("Nattåg till Kiruna året runt");
    const copy = await env.DB.prepare("SELECT id FROM motions WHERE origin_id = ?")
      .bind(kiruna)
      .first<{ id: number }>();
    forwarded = copy?.id ?? 0;
    const created = await postJson(
      "/api/motions?group=branch:goteborg",
      { kind: "motion", title: "Tabellens motion" },
      people.get("demo-bengt"),
    );
    ownCollecting = ((await created.json()) as { id: number }).id;
    await postJson(`/api/motions/${ownCollecting}/open`, {}, people.get("demo-bengt"));
  });

  // motion.list / motion.create: members of the group (Göteborg: Bengt and Cecilia).
  it.each(may(["demo-bengt", "demo-cecilia"]))("%s may list Göteborg's motions: %s", async (id, allowed) => {
    expect((await api("/api/motions?group=branch:goteborg", { headers: as(id) })).status).toBe(
      allowed ? 200 : 403,
    );
    const create = await postJson(
      "/api/motions?group=branch:goteborg",
      { kind: "idea", title: "x" },
      people.get(id),
    );
    expect(create.status).toBe(allowed ? 201 : 403);
  });

  // motion.periods: the group's board (Bengt chairs, Cecilia sits on it).
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may open a motion period in Göteborg: %s",
    async (id, allowed) => {
      const body = { title: "Motionstid", deadline: Date.now() + 86_400_000 };
      const res = await postJson("/api/motions/periods?group=branch:goteborg", body, people.get(id));
      expect(res.status).toBe(allowed ? 201 : 403);
    },
  );

  // motion.read: a draft only to its authors (Cecilia); once it leaves the draft, the group's members.
  // To anyone else it does not exist: 404, and its document refused like any other (403).
  it.each(may(["demo-cecilia"]))("%s may see Cecilia's draft: %s", async (id, allowed) => {
    expect((await api(`/api/motions/${draft}`, { headers: as(id) })).status).toBe(allowed ? 200 : 404);
    const token = await tokenRequest(`motion:${draft}`, people.get(id));
    expect(token.status).toBe(allowed ? 200 : 403);
  });
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may see a submitted Göteborg motion: %s",
    async (id, allowed) => {
      expect((await api(`/api/motions/${submitted}`, { headers: as(id) })).status).toBe(allowed ? 200 : 404);
      expect((await api(`/api/motions/${submitted}/versions/1`, { headers: as(id) })).status).toBe(
        allowed ? 200 : 404,
      );
    },
  );

  // motion.write: its authors while it collects support (Cecilia and Bengt); readers get read tokens.
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may write the collecting motion: %s",
    async (id, allowed) => {
      const res = await tokenRequest(`motion:${collecting}`, people.get(id));
      expect(res.status).toBe(allowed ? 200 : 403);
      if (allowed) expect(((await res.json()) as RoomTokenResponse).mode).toBe("write");
    },
  );
  // After submission nobody writes, its authors included.
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may only read the submitted motion: %s",
    async (id, allowed) => {
      const res = await tokenRequest(`motion:${submitted}`, people.get(id));
      expect(res.status).toBe(allowed ? 200 : 403);
      if (allowed) expect(((await res.json()) as RoomTokenResponse).mode).toBe("read");
    },
  );

  // motion.support: members of its group who do not write it (Cecilia, for Bengt's motion).
  it.each(demoIds)("%s may support Bengt's motion, as the table says", async (id) => {
    const expected = { "demo-cecilia": 200, "demo-bengt": 403 }[id] ?? 404;
    const res = await postJson(`/api/motions/${ownCollecting}/support`, {}, people.get(id));
    expect(res.status).toBe(expected);
  });

  // motion.treat: the board of its group; at the district, the district's (Elin), not Kiruna's members.
  it.each(may(["demo-bengt", "demo-cecilia"]))("%s may answer a Göteborg motion: %s", async (id, allowed) => {
    const body = { text: "Yttrande", proposals: [{ verdict: "approve" }, { verdict: "reject" }] };
    const res = await postJson(`/api/motions/${submitted}/statement`, body, people.get(id));
    expect(res.status).toBe(allowed ? 200 : 404);
  });
  it.each(may(["demo-elin"]))(
    "%s may answer the motion Kiruna forwarded to Norrbotten: %s",
    async (id, allowed) => {
      expect(forwarded).toBeGreaterThan(0);
      const body = { text: "Yttrande", proposals: [{ verdict: "approve" }, { verdict: "approve" }] };
      const res = await postJson(`/api/motions/${forwarded}/statement`, body, people.get(id));
      expect(res.status).toBe(allowed ? 200 : 404);
    },
  );

  /** An amendment replacing the first motivation line of the submitted motion's latest version. */
  const amendment = async () => {
    const detail = (await (
      await api(`/api/motions/${submitted}`, { headers: as("demo-bengt") })
    ).json()) as MotionDetail;
    const latest = detail.versions.at(-1)?.number ?? 1;
    const res = await api(`/api/motions/${submitted}/versions/${latest}`, { headers: as("demo-bengt") });
    const line = ((await res.json()) as MotionVersion).lines.find((l) => l.part === "motivation");
    return { version: latest, firstLine: line?.number, lastLine: line?.number, text: "En helt ny rad." };
  };

  // motion.amend: the members of its group (Bengt and Cecilia), once it is submitted.
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may propose an amendment to a submitted Göteborg motion: %s",
    async (id, allowed) => {
      const res = await postJson(`/api/motions/${submitted}/amendments`, await amendment(), people.get(id));
      expect(res.status).toBe(allowed ? 201 : 404);
    },
  );
  // motion.treat decides amendments: the board of its group.
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may decide an amendment to a Göteborg motion: %s",
    async (id, allowed) => {
      const created = await postJson(
        `/api/motions/${submitted}/amendments`,
        await amendment(),
        people.get("demo-bengt"),
      );
      const { id: amendmentId } = (await created.json()) as { id: number };
      const res = await postJson(
        `/api/motions/${submitted}/amendments/${amendmentId}/decision`,
        { decision: "reject" },
        people.get(id),
      );
      expect(res.status).toBe(allowed ? 200 : 404);
    },
  );
  // motion.comment: whoever sees the motion, so a draft's authors only (Cecilia).
  it.each(may(["demo-cecilia"]))("%s may comment on Cecilia's draft: %s", async (id, allowed) => {
    const doc = await loadDocument(env, `motion:${draft}`);
    const paragraph = doc.getXmlFragment(motionFields.motivation).get(0) as Y.XmlElement;
    const at = (i: number) =>
      toBase64(
        Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraph.get(0) as Y.XmlText, i)),
      );
    const body = { field: motionFields.motivation, start: at(0), end: at(5), body: "Bra början" };
    const res = await postJson(`/api/motions/${draft}/comments`, body, people.get(id));
    expect(res.status).toBe(allowed ? 201 : 404);
  });

  it("grants none of it to someone who is not logged in", async () => {
    expect((await api("/api/motions?group=branch:goteborg")).status).toBe(401);
    expect((await api(`/api/motions/${submitted}`)).status).toBe(401);
    expect((await postJson(`/api/motions/${ownCollecting}/support`, {})).status).toBe(401);
    expect((await tokenRequest(`motion:${collecting}`)).status).toBe(401);
    expect((await api(`/api/motions/${submitted}/amendments`)).status).toBe(401);
    expect((await postJson(`/api/motions/${draft}/comments`, {})).status).toBe(401);
  });
});

describe("permission table: consultations, through their routes", () => {
  const people = new Map<string, string>();
  const as = (id: string) => ({ Cookie: people.get(id) ?? "" });
  const now = Date.now();
  const body = {
    title: "Tabellens rådslag",
    questions: [{ kind: "open", prompt: "Vad tycker ni?" }],
    audience: { kinds: ["branch"], districts: ["goteborg", "norrbotten"] },
    opensAt: now - 60_000,
    closesAt: now + 7 * 24 * 60 * 60 * 1000,
  };
  let draft = 0;
  let open = 0;
  let documentId = "";

  beforeAll(async () => {
    for (const id of demoIds) people.set(id, await logInAs(id));
    const create = async () =>
      (
        (await (
          await postJson("/api/consultations?group=national:national", body, people.get("demo-astrid"))
        ).json()) as {
          id: number;
        }
      ).id;
    draft = await create();
    open = await create();
    await postJson(`/api/consultations/${open}/publish`, {}, people.get("demo-astrid"));
    const goteborg = await env.DB.prepare(
      "SELECT id FROM groups WHERE kind = 'branch' AND slug = 'goteborg'",
    ).first<{ id: number }>();
    const question = await env.DB.prepare("SELECT id FROM consultation_questions WHERE consultation_id = ?")
      .bind(open)
      .first<{ id: number }>();
    documentId = `consultation-answer:${open}-${goteborg?.id}-${question?.id}`;
  });

  // consultation.create: the national office (Astrid) for the party; a district's board (Elin) for its district.
  it.each(may(["demo-astrid"]))("%s may ask the whole party: %s", async (id, allowed) => {
    const res = await postJson("/api/consultations?group=national:national", body, people.get(id));
    expect(res.status).toBe(allowed ? 201 : 403);
  });
  it.each(may(["demo-astrid", "demo-elin"]))("%s may ask Norrbotten's branches: %s", async (id, allowed) => {
    const own = { ...body, audience: { kinds: ["branch"], districts: [] } };
    const res = await postJson("/api/consultations?group=district:norrbotten", own, people.get(id));
    expect(res.status).toBe(allowed ? 201 : 403);
  });
  // consultation.read: a draft, its asking level only (404 to anyone else); published, the asked groups' members
  // (Göteborg: Bengt, Cecilia; Norrbotten: Farid in Kiruna) and the boards of the districts it asks in (Elin).
  it.each(may(["demo-astrid"]))("%s may see the draft: %s", async (id, allowed) => {
    expect((await api(`/api/consultations/${draft}`, { headers: as(id) })).status).toBe(allowed ? 200 : 404);
  });
  it.each(may(["demo-astrid", "demo-bengt", "demo-cecilia", "demo-elin", "demo-farid"]))(
    "%s may see the published consultation: %s",
    async (id, allowed) => {
      expect((await api(`/api/consultations/${open}`, { headers: as(id) })).status).toBe(allowed ? 200 : 404);
    },
  );
  // consultation.results: the asking level, and a district's board for its own groups (Elin); the
  // asked groups' members see the consultation but not the results (403), anyone else not even it (404).
  const seeOnly = ["demo-bengt", "demo-cecilia", "demo-farid"];
  it.each(may(["demo-astrid", "demo-elin"]))("%s may read the results: %s", async (id, allowed) => {
    const res = await api(`/api/consultations/${open}/overview`, { headers: as(id) });
    expect(res.status).toBe(allowed ? 200 : seeOnly.includes(id) ? 403 : 404);
  });
  // consultation.workspace / consultation.write, through the room token endpoint: Göteborg's members write; nobody else opens it.
  it.each(may(["demo-bengt", "demo-cecilia"]))("%s may write Göteborg's answer: %s", async (id, allowed) => {
    const res = await tokenRequest(documentId, people.get(id));
    expect(res.status).toBe(allowed ? 200 : 403);
    if (allowed) expect(((await res.json()) as RoomTokenResponse).mode).toBe("write");
  });
  // consultation.submit: the group's chair or secretary (Bengt chairs Göteborg).
  it.each(may(["demo-bengt"]))("%s may submit Göteborg's answer: %s", async (id, allowed) => {
    const res = await postJson(
      `/api/consultations/${open}/groups/branch:goteborg/submit`,
      {},
      people.get(id),
    );
    expect(res.status).toBe(allowed ? 200 : 403);
  });

  it("grants none of it to someone who is not logged in", async () => {
    expect((await api("/api/consultations?group=branch:goteborg")).status).toBe(401);
    expect((await api(`/api/consultations/${open}`)).status).toBe(401);
    expect((await api(`/api/consultations/${open}/groups/branch:goteborg`)).status).toBe(401);
    expect((await tokenRequest(documentId)).status).toBe(401);
  });
});

describe("permission table: meetings, for every demo role", () => {
  const people = new Map<string, string>();
  let members: MeetingView;
  let open: MeetingView;
  const plan = (body: object, cookie?: string) =>
    postJson("/api/meetings?group=branch:goteborg", body, cookie);
  const times = { startsAt: "2027-03-01T18:00", endsAt: "2027-03-01T20:00" };

  beforeAll(async () => {
    for (const id of demoIds) people.set(id, await logInAs(id));
    const planned = await plan(
      {
        title: "Medlemsmöte",
        access: "members",
        template: "board",
        officers: { secretary: "demo-cecilia" },
        ...times,
      },
      people.get("demo-bengt"),
    );
    members = (await planned.json()) as MeetingView;
    open = (await (
      await plan(
        { title: "Öppet möte", access: "open", template: "conversation", ...times },
        people.get("demo-bengt"),
      )
    ).json()) as MeetingView;
  });

  // meeting.plan: the group's chair or secretary (Göteborg's chair is Bengt; Cecilia sits on its board).
  it.each(may(["demo-bengt"]))("%s may plan a meeting in Göteborg: %s", async (id, allowed) => {
    const res = await plan({ title: "Nytt", access: "open", ...times }, people.get(id));
    expect(res.status).toBe(allowed ? 201 : 403);
  });

  // meeting.read / meeting.attend: the group's members (Bengt, Cecilia); to anyone else it does not exist.
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may see and attend Göteborg's meeting: %s",
    async (id, allowed) => {
      expect(
        (await api(`/api/meetings/${members.id}`, { headers: { Cookie: people.get(id) ?? "" } })).status,
      ).toBe(allowed ? 200 : 404);
      const token = await tokenRequest(members.documentId, people.get(id));
      expect(token.status).toBe(allowed ? 200 : 403);
      // meeting.notes: whoever attends writes an item's notes.
      const notes = await tokenRequest(
        members.agenda[0]?.notesDocumentId ?? `meeting-notes:${members.id}-1`,
        people.get(id),
      );
      expect(notes.status).toBe(allowed ? 200 : 403);
    },
  );

  // meeting.minutes: the meeting's secretary (Cecilia) writes the minutes; whoever attends reads them.
  it.each(may(["demo-bengt", "demo-cecilia"]))(
    "%s may open the minutes (write: the secretary): %s",
    async (id, allowed) => {
      const res = await tokenRequest(members.minutesDocumentId, people.get(id));
      expect(res.status).toBe(allowed ? 200 : 403);
      if (allowed)
        expect(((await res.json()) as RoomTokenResponse).mode).toBe(id === "demo-cecilia" ? "write" : "read");
    },
  );

  // meeting.manage: the group's chair or secretary, the meeting's chair or secretary.
  it.each(may(["demo-bengt", "demo-cecilia"]))("%s may change the meeting: %s", async (id, allowed) => {
    const res = await api(`/api/meetings/${members.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Cookie: people.get(id) ?? "" },
      body: JSON.stringify({ title: "Medlemsmöte" }),
    });
    expect(res.status).toBe(allowed ? 200 : 404);
  });

  // meeting.invite (through invite.create): managers of an open meeting; never a members-only one.
  it.each(may(["demo-bengt"]))("%s may invite guests to the open meeting: %s", async (id, allowed) => {
    const res = await postJson("/api/invites", { documentId: open.documentId }, people.get(id));
    expect(res.status).toBe(allowed ? 201 : 403);
    const closed = await postJson("/api/invites", { documentId: members.documentId }, people.get(id));
    expect(closed.status).toBe(403);
  });

  it("lets a guest of the open meeting into it, its notes and its minutes (read), and nothing else", async () => {
    const created = (await (
      await postJson("/api/invites", { documentId: open.documentId }, people.get("demo-bengt"))
    ).json()) as GuestInvite;
    const token = /#token=([A-Za-z0-9_-]{43})$/.exec(created.link ?? "")?.[1];
    const guest = cookieFrom(await postJson("/api/invites/accept", { token, name: "Gäst" }), "samtal_guest");
    const mode = async (documentId: string) => {
      const res = await tokenRequest(documentId, guest);
      return res.status === 200 ? ((await res.json()) as RoomTokenResponse).mode : res.status;
    };
    expect(await mode(open.documentId)).toBe("write");
    expect(await mode(open.agenda[0]?.notesDocumentId ?? "")).toBe("write");
    // An item of another meeting, under this meeting's id, names nothing.
    expect(await mode(`meeting-notes:${open.id}-${members.agenda[0]?.id}`)).toBe(403);
    expect(await mode(open.minutesDocumentId)).toBe("read");
    expect(await mode(members.documentId)).toBe(403);
    expect(await mode(members.minutesDocumentId)).toBe(403);
    expect((await api(`/api/meetings/${open.id}`, { headers: { Cookie: guest } })).status).toBe(200);
    expect((await api(`/api/meetings/${members.id}`, { headers: { Cookie: guest } })).status).toBe(404);
    expect((await api("/api/meetings?group=branch:goteborg", { headers: { Cookie: guest } })).status).toBe(
      403,
    );
    expect((await postJson("/api/invites", { documentId: open.documentId }, guest)).status).toBe(403);
  });

  it("grants none of it to someone who is not logged in", async () => {
    expect((await api("/api/meetings?group=branch:goteborg")).status).toBe(401);
    expect((await api(`/api/meetings/${members.id}`)).status).toBe(401);
    expect((await plan({ title: "x", access: "open", ...times })).status).toBe(401);
    expect((await tokenRequest(members.documentId)).status).toBe(401);
  });
});
