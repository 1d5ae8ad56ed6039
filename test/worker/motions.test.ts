import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadMotionText, paragraphs, writeMotionText } from "../../worker/motions/document";
import { documentToProseMirror, loadDocument } from "../../worker/rooms/documents";
import type { MotionDetail, MotionList, MotionPeriod, MotionVersion } from "../../worker/shared/motions";
import { motionFields, proposalField } from "../../worker/shared/motions";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { api, env, errorBody, logInAs, postJson, seed } from "./helpers";
import { openSocket } from "./rooms";

/**
 * A motion's whole life through real requests as demo people, on real D1 and real rooms.
 * Göteborg's branch has two demo members, both on its board (Bengt chairs, Cecilia sits on
 * it); the test adds Hanna, a plain member there, and Ivar, chair of the Göteborg district
 * above it, so every role the life cycle needs is someone.
 */

const cookies = new Map<string, string>();
const as = (person: string) => cookies.get(person) ?? "";
const get = (path: string, person: string) => api(path, { headers: { Cookie: as(person) } });
const post = (path: string, person: string, body: unknown = {}) => postJson(path, body, as(person));

async function tokenFor(documentId: string, person: string) {
  return api(`/api/rooms/${encodeURIComponent(documentId)}/token`, {
    method: "POST",
    headers: { Cookie: as(person) },
  });
}

/** Everything D1 holds about a motion, to prove a refusal changed nothing. */
async function stored(motionId: number) {
  const one = async (sql: string) => (await env.DB.prepare(sql).bind(motionId).all()).results;
  return {
    motion: await one("SELECT * FROM motions WHERE id = ?"),
    authors: await one("SELECT * FROM motion_authors WHERE motion_id = ? ORDER BY person_id"),
    supporters: await one("SELECT * FROM motion_supporters WHERE motion_id = ? ORDER BY person_id"),
    versions: await one("SELECT * FROM motion_versions WHERE motion_id = ? ORDER BY number"),
    treatments: await one("SELECT * FROM motion_treatments WHERE motion_id = ? ORDER BY id"),
    forwarded: await one("SELECT * FROM motions WHERE origin_id = ?"),
  };
}

/** Asserts a refusal: its status and code, and that D1 holds exactly what it held before. */
async function refused(motionId: number, request: () => Promise<Response>, status: number, code: string) {
  const before = await stored(motionId);
  const res = await request();
  expect(res.status).toBe(status);
  expect((await errorBody(res)).code).toBe(code);
  expect(await stored(motionId)).toEqual(before);
}

const detail = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as MotionDetail;
};

beforeAll(async () => {
  await seed();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO people (id, name, email, created_at) VALUES ('demo-hanna', 'Hanna Test', 'hanna@samtal.example', ?), ('demo-ivar', 'Ivar Test', 'ivar@samtal.example', ?)",
    ).bind(now, now),
    env.DB.prepare(
      "INSERT INTO memberships (person_id, group_id, role, created_at) SELECT 'demo-hanna', id, 'member', ? FROM groups WHERE kind = 'branch' AND slug = 'goteborg'",
    ).bind(now),
    env.DB.prepare(
      "INSERT INTO memberships (person_id, group_id, role, created_at) SELECT 'demo-ivar', id, 'chair', ? FROM groups WHERE kind = 'district' AND slug = 'goteborg'",
    ).bind(now),
  ]);
  for (const id of ["demo-hanna", "demo-ivar", "demo-bengt", "demo-cecilia", "demo-david"]) {
    cookies.set(id, await logInAs(id));
  }
});

describe("a motion's life, from draft to the district", () => {
  let motion: MotionDetail;
  let openPeriod: MotionPeriod;
  let closedPeriod: MotionPeriod;
  let writer: RoomPeer;

  it("is created by a member as a draft only its authors see", async () => {
    const res = await post("/api/motions?group=branch:goteborg", "demo-hanna", {
      kind: "motion",
      title: "Läxhjälp på alla bibliotek",
    });
    expect(res.status).toBe(201);
    motion = (await res.json()) as MotionDetail;
    expect(motion).toMatchObject({
      state: "draft",
      kind: "motion",
      documentId: `motion:${motion.id}`,
      group: { kind: "branch", slug: "goteborg" },
      authors: [{ id: "demo-hanna", name: "Hanna Test", initiator: true }],
    });
    // The live text starts with the title and one empty att-sats; no name in it.
    const text = await loadMotionText(env, motion.id);
    expect(text.title).toBe("Läxhjälp på alla bibliotek");
    expect(text.proposals).toHaveLength(1);
    const state = Y.encodeStateAsUpdate(await loadDocument(env, motion.documentId));
    expect(new TextDecoder().decode(state)).not.toContain("Hanna");

    // A board member who does not write it cannot see it: 404, as for a motion that does not exist.
    expect((await get(`/api/motions/${motion.id}`, "demo-bengt")).status).toBe(404);
    expect((await get("/api/motions/999999", "demo-bengt")).status).toBe(404);
  });

  it("gets a co-author among the group's members, and only there", async () => {
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/coauthors`, "demo-hanna", { personId: "demo-david" }),
      422,
      "motion_coauthor_not_member",
    );
    // Someone who cannot see it cannot invite anyone, and learns nothing.
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/coauthors`, "demo-bengt", { personId: "demo-bengt" }),
      404,
      "not_found",
    );
    const added = await detail(
      await post(`/api/motions/${motion.id}/coauthors`, "demo-hanna", { personId: "demo-cecilia" }),
    );
    expect(added.authors.map((a) => a.id)).toEqual(["demo-hanna", "demo-cecilia"]);
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/coauthors`, "demo-hanna", { personId: "demo-cecilia" }),
      409,
      "motion_already_author",
    );
  });

  it("gives both authors write tokens for its document, and nobody else any", async () => {
    for (const author of ["demo-hanna", "demo-cecilia"]) {
      const res = await tokenFor(motion.documentId, author);
      expect(res.status).toBe(200);
      expect(((await res.json()) as RoomTokenResponse).mode).toBe("write");
    }
    for (const other of ["demo-bengt", "demo-david", "demo-ivar"]) {
      expect((await tokenFor(motion.documentId, other)).status, other).toBe(403);
    }
  });

  it("is written live: by an author in the room, and by the server through the room API", async () => {
    const { token } = (await (await tokenFor(motion.documentId, "demo-hanna")).json()) as RoomTokenResponse;
    writer = new RoomPeer(await openSocket(motion.documentId, token));
    writer.start();
    await writer.synced();
    const keys = writer.doc.getArray<string>(motionFields.proposals).toArray();
    expect(keys).toHaveLength(1);

    await writeMotionText(env, motion.id, {
      title: "Läxhjälp på alla bibliotek",
      motivation: paragraphs([
        "Barn vars föräldrar inte kan hjälpa till med läxorna halkar efter redan i mellanstadiet.",
        "Biblioteken finns i varje stadsdel och är öppna på eftermiddagarna.",
      ]),
      proposals: [
        {
          key: keys[0] as string,
          json: paragraphs(["arbetarekommunen verkar för läxhjälp på alla bibliotek"]),
        },
        { key: "second", json: paragraphs(["läxhjälpen bemannas av studenter med lön"]) },
      ],
    });
    // The author's editor sees the server's edit at once.
    await writer.waitFor(() => writer.doc.getArray(motionFields.proposals).length === 2, 5000, "server edit");
    // And her own edit reaches the room.
    const second = writer.doc.getXmlFragment(proposalField("second"));
    const paragraph = second.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "hela ");
    const hasEdit = async () =>
      (await loadMotionText(env, motion.id)).proposals[1]?.text ===
      "hela läxhjälpen bemannas av studenter med lön";
    for (let i = 0; i < 50 && !(await hasEdit()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await hasEdit()).toBe(true);
  });

  it("opens for supporters: members may support once, authors and outsiders may not", async () => {
    await refused(motion.id, () => post(`/api/motions/${motion.id}/support`, "demo-bengt"), 404, "not_found");
    expect((await detail(await post(`/api/motions/${motion.id}/open`, "demo-hanna"))).state).toBe(
      "collecting",
    );

    // Now the group's members see it; a non-member still does not.
    expect((await get(`/api/motions/${motion.id}`, "demo-bengt")).status).toBe(200);
    await refused(motion.id, () => post(`/api/motions/${motion.id}/support`, "demo-david"), 404, "not_found");
    await refused(motion.id, () => post(`/api/motions/${motion.id}/support`, "demo-hanna"), 403, "forbidden");
    // Only authors write: a member reading it gets a read-only token.
    const token = (await (await tokenFor(motion.documentId, "demo-bengt")).json()) as RoomTokenResponse;
    expect(token.mode).toBe("read");

    // The board opens two periods: one already past, one open that wants a supporter.
    const period = async (deadline: number) => {
      const res = await post("/api/motions/periods?group=branch:goteborg", "demo-bengt", {
        title: "Motionstid",
        deadline,
        minSupporters: 1,
      });
      expect(res.status).toBe(201);
      return (await res.json()) as MotionPeriod;
    };
    closedPeriod = await period(Date.now() - 1000);
    openPeriod = await period(Date.now() + 86_400_000);
    expect(openPeriod).toMatchObject({ open: true, minSupporters: 1, lineLength: 80 });
    // A member who is not on the board cannot open one.
    expect(
      (await post("/api/motions/periods?group=branch:goteborg", "demo-hanna", { title: "x", deadline: 1 }))
        .status,
    ).toBe(403);

    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/submit`, "demo-hanna", { periodId: openPeriod.id }),
      409,
      "motion_too_few_supporters",
    );

    const supported = await detail(await post(`/api/motions/${motion.id}/support`, "demo-bengt"));
    expect(supported).toMatchObject({ supporters: 1, supported: true });
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/support`, "demo-bengt"),
      409,
      "motion_already_supported",
    );
  });

  it("is submitted to the open period only, and the frozen version is the live text", async () => {
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/submit`, "demo-hanna", { periodId: closedPeriod.id }),
      409,
      "motion_deadline_passed",
    );
    // A supporter is not an author.
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/submit`, "demo-bengt", { periodId: openPeriod.id }),
      403,
      "forbidden",
    );
    const live = await loadDocument(env, motion.documentId);
    const submitted = await detail(
      await post(`/api/motions/${motion.id}/submit`, "demo-cecilia", { periodId: openPeriod.id }),
    );
    expect(submitted).toMatchObject({ state: "submitted", period: { id: openPeriod.id } });
    expect(submitted.versions).toMatchObject([{ number: 1, reason: "submitted" }]);

    const version = (await (
      await get(`/api/motions/${motion.id}/versions/1`, "demo-bengt")
    ).json()) as MotionVersion;
    expect(version.title).toBe("Läxhjälp på alla bibliotek");
    expect(version.motivation.json).toEqual(documentToProseMirror(live, motionFields.motivation));
    expect(version.proposals.map((p) => p.text)).toEqual([
      "arbetarekommunen verkar för läxhjälp på alla bibliotek",
      "hela läxhjälpen bemannas av studenter med lön",
    ]);
    expect(version.proposals.map((p) => p.json)).toEqual(
      version.proposals.map((p) => documentToProseMirror(live, proposalField(p.key))),
    );
    // Line numbers over the frozen version: the title, the first paragraph (88 characters) on
    // two lines of at most 80, the second on one, then the att-satser, the first on line 5.
    expect(version.lineLength).toBe(80);
    expect(version.lines.map((l) => [l.number, l.part, l.marked])).toEqual([
      [1, "title", false],
      [2, "motivation", false],
      [3, "motivation", false],
      [4, "motivation", false],
      [5, "proposal", true],
      [6, "proposal", false],
    ]);
    expect(version.lines[1]?.text).toBe(
      "Barn vars föräldrar inte kan hjälpa till med läxorna halkar efter redan i",
    );
    expect(version.lines[4]?.text).toBe("att arbetarekommunen verkar för läxhjälp på alla bibliotek");

    // The author's open write connection was closed; her new token is read-only, and a write closes it.
    expect((await writer.closed).code).toBe(4410);
    const res = await tokenFor(motion.documentId, "demo-hanna");
    const { token, mode } = (await res.json()) as RoomTokenResponse;
    expect(mode).toBe("read");
    const reader = new RoomPeer(await openSocket(motion.documentId, token));
    reader.start();
    await reader.synced();
    const title = reader.doc.getXmlFragment(motionFields.title).get(0) as Y.XmlElement;
    (title.get(0) as Y.XmlText).insert(0, "Ändrad: ");
    expect(await reader.closed).toMatchObject({ code: 4403, reason: "read_only" });
    expect((await loadMotionText(env, motion.id)).title).toBe("Läxhjälp på alla bibliotek");

    // The routes refuse changes too.
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/submit`, "demo-hanna", { periodId: openPeriod.id }),
      409,
      "motion_not_editable",
    );
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/coauthors`, "demo-hanna", { personId: "demo-bengt" }),
      409,
      "motion_not_editable",
    );
    const audit = await env.DB.prepare(
      "SELECT action, actor_id FROM audit_log WHERE subject_type = 'motion' AND subject_id = ?",
    )
      .bind(String(motion.id))
      .all();
    expect(audit.results).toEqual([{ action: "motion.submitted", actor_id: "demo-cecilia" }]);
  });

  it("is answered by the board per att-sats, then decided", async () => {
    const statement = {
      text: "Styrelsen ställer sig bakom motionens första att-sats.",
      proposals: [
        { verdict: "approve" },
        { verdict: "amended", amendedText: "läxhjälpen bemannas av studenter" },
      ],
    };
    // A member off the board may read it but not answer it.
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/statement`, "demo-hanna", statement),
      403,
      "forbidden",
    );
    await refused(
      motion.id,
      () =>
        post(`/api/motions/${motion.id}/statement`, "demo-bengt", {
          ...statement,
          proposals: [{ verdict: "approve" }],
        }),
      422,
      "motion_verdicts_mismatch",
    );
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/decision`, "demo-bengt", { decisions: statement.proposals }),
      409,
      "motion_wrong_state",
    );
    const answered = await detail(await post(`/api/motions/${motion.id}/statement`, "demo-bengt", statement));
    expect(answered.state).toBe("answered");
    expect(answered.statement).toMatchObject({
      version: 1,
      text: statement.text,
      proposals: statement.proposals,
    });

    const decided = await detail(
      await post(`/api/motions/${motion.id}/decision`, "demo-cecilia", { decisions: statement.proposals }),
    );
    expect(decided.state).toBe("decided");
    expect(decided.versions.map((v) => v.reason)).toEqual(["submitted", "decided"]);
    const version = (await (
      await get(`/api/motions/${motion.id}/versions/2`, "demo-hanna")
    ).json()) as MotionVersion;
    expect(version.proposals.map((p) => [p.text, p.decision])).toEqual([
      ["arbetarekommunen verkar för läxhjälp på alla bibliotek", "approve"],
      ["läxhjälpen bemannas av studenter", "amended"],
    ]);
    // Frozen versions are immutable in D1 itself.
    await expect(
      env.DB.prepare("UPDATE motion_versions SET title = 'x' WHERE motion_id = ?").bind(motion.id).run(),
    ).rejects.toThrow(/immutable/);
  });

  it("is adopted and forwarded to the district, which sees it and treats it; the branch's board cannot", async () => {
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/conclusion`, "demo-bengt", { outcome: "adopt" }),
      409,
      "motion_no_open_period",
    );
    const districtPeriod = await post("/api/motions/periods?group=district:goteborg", "demo-ivar", {
      title: "Motionstid till distriktskongressen",
      deadline: Date.now() + 86_400_000,
      acceptsMemberMotions: false,
    });
    expect(districtPeriod.status).toBe(201);
    // The district takes no members' own motions this time: sending it on as one is refused.
    await refused(
      motion.id,
      () => post(`/api/motions/${motion.id}/conclusion`, "demo-bengt", { outcome: "send_on" }),
      409,
      "motion_period_not_for_members",
    );
    const adopted = await detail(
      await post(`/api/motions/${motion.id}/conclusion`, "demo-bengt", { outcome: "adopt" }),
    );
    expect(adopted.state).toBe("adopted");
    expect(adopted.forwardedTo?.group).toMatchObject({ kind: "district", slug: "goteborg" });
    const copyId = adopted.forwardedTo?.id as number;

    const list = (await (
      await get("/api/motions?group=district:goteborg", "demo-ivar")
    ).json()) as MotionList;
    expect(list.motions.map((m) => m.id)).toContain(copyId);
    const copy = await detail(await get(`/api/motions/${copyId}`, "demo-ivar"));
    expect(copy).toMatchObject({
      state: "submitted",
      sender: { kind: "branch", slug: "goteborg" },
      origin: { id: motion.id },
      authors: [],
    });
    const sent = (await (
      await get(`/api/motions/${copyId}/versions/1`, "demo-ivar")
    ).json()) as MotionVersion;
    expect(sent.reason).toBe("forwarded");
    expect(sent.proposals.map((p) => p.text)).toEqual([
      "arbetarekommunen verkar för läxhjälp på alla bibliotek",
      "läxhjälpen bemannas av studenter",
    ]);
    // Its live text opens, read-only, with the forwarded wording.
    expect((await loadMotionText(env, copyId)).proposals.map((p) => p.text)).toEqual(
      sent.proposals.map((p) => p.text),
    );
    expect(((await (await tokenFor(`motion:${copyId}`, "demo-ivar")).json()) as RoomTokenResponse).mode).toBe(
      "read",
    );

    // The branch's chair has no say at the district: the motion there does not exist for him.
    await refused(
      copyId,
      () =>
        post(`/api/motions/${copyId}/statement`, "demo-bengt", {
          text: "x",
          proposals: [{ verdict: "approve" }, { verdict: "approve" }],
        }),
      404,
      "not_found",
    );
    const answered = await detail(
      await post(`/api/motions/${copyId}/statement`, "demo-ivar", {
        text: "Distriktsstyrelsen föreslår bifall.",
        proposals: [{ verdict: "approve" }, { verdict: "answered" }],
      }),
    );
    expect(answered.state).toBe("answered");

    const audit = await env.DB.prepare(
      "SELECT action, subject_id, details FROM audit_log WHERE subject_type = 'motion' AND actor_id IN ('demo-bengt', 'demo-cecilia', 'demo-ivar') ORDER BY id",
    ).all<{ action: string; subject_id: string; details: string }>();
    expect(audit.results.map((r) => [r.action, r.subject_id])).toEqual([
      ["motion.submitted", String(motion.id)],
      ["motion.treated", String(motion.id)],
      ["motion.treated", String(motion.id)],
      ["motion.forwarded", String(motion.id)],
      ["motion.treated", String(copyId)],
    ]);
    expect(JSON.parse(audit.results[3]?.details ?? "{}")).toMatchObject({ outcome: "adopt", to: copyId });
  });
});

describe("lists and search", () => {
  const titles = async (query: string, person: string) => {
    const res = await get(`/api/motions?${query}`, person);
    expect(res.status).toBe(200);
    return ((await res.json()) as MotionList).motions.map((m) => m.title);
  };

  it("list a group's motions by state, with drafts only for their authors", async () => {
    expect(await titles("group=branch:goteborg&state=draft", "demo-cecilia")).toEqual([
      "Fler bänkar längs älven",
    ]);
    expect(await titles("group=branch:goteborg&state=draft", "demo-bengt")).toEqual([
      "Idé: biblioteken öppna på kvällarna",
    ]);
    expect(await titles("group=branch:goteborg&state=rejected", "demo-hanna")).toEqual([
      "Ny färgsättning av partilokalen",
    ]);
    const all = await titles("group=branch:goteborg", "demo-hanna");
    expect(all).toContain("Säkra cykelvägar till skolan");
    expect(all).not.toContain("Fler bänkar längs älven");
  });

  it("find a motion by its words, folded, only for those who may see it", async () => {
    // "bankar" finds "bänkar" in Cecilia's draft, for her alone.
    expect(await titles("group=branch:goteborg&q=bankar", "demo-cecilia")).toEqual([
      "Fler bänkar längs älven",
    ]);
    expect(await titles("group=branch:goteborg&q=bankar", "demo-bengt")).toEqual([]);
    // The frozen text is searched too: "grundskola" is only in an att-sats.
    expect(await titles("group=branch:goteborg&q=grundskol", "demo-hanna")).toEqual([
      "Säkra cykelvägar till skolan",
    ]);
    // Another group's members do not search Göteborg at all.
    expect((await get("/api/motions?group=branch:goteborg&q=cykel", "demo-david")).status).toBe(403);
    // FTS5 syntax is words, not operators.
    expect(await titles('group=branch:goteborg&q=" OR *', "demo-hanna")).toEqual([]);
  });
});

describe("demo data", () => {
  it("has motions in every state, one forwarded from a branch to its district, and seeding again adds none", async () => {
    const states = await env.DB.prepare("SELECT DISTINCT state FROM motions").all<{ state: string }>();
    expect(states.results.map((r) => r.state).sort()).toEqual(
      ["adopted", "answered", "collecting", "decided", "draft", "rejected", "sent_on", "submitted"].sort(),
    );
    const elin = await logInAs("demo-elin");
    const list = (await (
      await api("/api/motions?group=district:norrbotten", { headers: { Cookie: elin } })
    ).json()) as MotionList;
    expect(list.motions).toMatchObject([
      {
        title: "Nattåg till Kiruna året runt",
        state: "submitted",
        sender: { kind: "branch", slug: "kiruna" },
      },
    ]);
    const live = await loadMotionText(env, list.motions[0]?.id as number);
    expect(live.proposals).toHaveLength(2);

    const count = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM motions").first<{ n: number }>())?.n;
    const before = await count();
    expect(((await seed()) as { motions: number }).motions).toBe(0);
    expect(await count()).toBe(before);
  });
});

describe("an idea draft", () => {
  it("cannot be opened or submitted until it is turned into a motion with an att-sats", async () => {
    const idea = await detail(
      await post("/api/motions?group=branch:goteborg", "demo-hanna", {
        kind: "idea",
        title: "Idé om lokaler",
      }),
    );
    expect((await loadMotionText(env, idea.id)).proposals).toEqual([]);
    await refused(idea.id, () => post(`/api/motions/${idea.id}/open`, "demo-hanna"), 409, "motion_is_idea");
    const converted = await detail(await post(`/api/motions/${idea.id}/convert`, "demo-hanna"));
    expect(converted).toMatchObject({ kind: "motion", state: "draft" });
    expect((await loadMotionText(env, idea.id)).proposals).toHaveLength(1);
    expect((await detail(await post(`/api/motions/${idea.id}/open`, "demo-hanna"))).state).toBe("collecting");
  });
});
