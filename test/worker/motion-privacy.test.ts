import { beforeAll, describe, expect, it } from "vitest";
import type { MotionCommentList, MotionDetail, MotionPeriod } from "../../worker/shared/motions";
import { api, env, logInAs } from "./helpers";
import { anchorOn, cookies, draft, get, json, post, setUp } from "./motions-fixtures";

/**
 * A person's motion data in her export, and what her erasure leaves: Vera writes, co-writes,
 * supports, amends and comments on Göteborg's motions, downloads it all, then erases
 * herself. The motions and her contributions stay, under her id, and no motion route names her.
 */

const vera = "demo-vera";
const veraName = "Vera Raderbar";

/** An anchor on `passage` in the motivation's first paragraph, encoded as the web encodes it. */
const text = (title: string) => ({
  title,
  motivation: ["Cykelbanorna tar slut mitt i korsningarna."],
  proposals: ["kommunen bygger sammanhängande cykelbanor"],
});

let own: MotionDetail;
let coWritten: MotionDetail;
let collecting: MotionDetail;
let submitted: MotionDetail;
let amendmentId: number;

beforeAll(async () => {
  await setUp(["demo-hanna", "demo-bengt"]);
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT OR IGNORE INTO people (id, name, email, created_at) VALUES (?, ?, 'vera@samtal.example', ?)",
    ).bind(vera, veraName, now),
    env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (person_id, group_id, role, created_at) SELECT ?, id, 'member', ? FROM groups WHERE kind = 'branch' AND slug = 'goteborg'",
    ).bind(vera, now),
  ]);
  cookies.set(vera, await logInAs(vera));

  own = await draft(vera, text("Veras egen motion"));
  coWritten = await draft("demo-hanna", text("Hannas motion med en medförfattare"));
  await json(await post(`/api/motions/${coWritten.id}/coauthors`, "demo-hanna", { personId: vera }));

  collecting = await draft("demo-hanna", text("Motion som samlar stöd"));
  submitted = await draft("demo-hanna", text("Motion som lämnas in"));
  for (const motion of [collecting, submitted]) {
    await json(await post(`/api/motions/${motion.id}/open`, "demo-hanna"));
    await json(await post(`/api/motions/${motion.id}/support`, vera));
  }
  const period = await json<MotionPeriod>(
    await post("/api/motions/periods?group=branch:goteborg", "demo-bengt", {
      title: "Motionstid",
      deadline: Date.now() + 86_400_000,
      lineLength: 80,
    }),
    201,
  );
  await json(await post(`/api/motions/${submitted.id}/submit`, "demo-hanna", { periodId: period.id }));

  // Line 2 is the motivation's only line; the board accepts her amendment, making version 2.
  amendmentId = (
    await json<{ id: number }>(
      await post(`/api/motions/${submitted.id}/amendments`, vera, {
        version: 1,
        firstLine: 2,
        lastLine: 2,
        text: "Cykelbanorna tar slut vid varje korsning.",
        reason: "Tydligare.",
      }),
      201,
    )
  ).id;
  await json(
    await post(`/api/motions/${submitted.id}/amendments/${amendmentId}/decision`, "demo-bengt", {
      decision: "accept",
    }),
  );

  // A thread of her own on her draft, and her reply in Hanna's thread on the submitted motion.
  await json(
    await post(`/api/motions/${own.id}/comments`, vera, {
      ...(await anchorOn(own.documentId, "korsningarna")),
      body: "Vilka korsningar menar vi?",
    }),
    201,
  );
  const hannas = await json<{ id: number }>(
    await post(`/api/motions/${submitted.id}/comments`, "demo-hanna", {
      ...(await anchorOn(submitted.documentId, "Cykelbanorna")),
      body: "Hannas fråga.",
    }),
    201,
  );
  await json(
    await post(`/api/motions/${submitted.id}/comments/${hannas.id}/replies`, vera, { body: "Veras svar." }),
  );
});

interface MotionExport {
  authored: { id: number; title: string; state: string; initiator: boolean; group: { slug: string } }[];
  supports: { motionId: number }[];
  amendments: {
    motionId: number;
    version: number;
    firstLine: number;
    lastLine: number;
    text: string;
    state: string;
  }[];
  comments: { motionId: number; kind: string; body: string }[];
}

describe("a person's motion data", () => {
  it("is in her export: her motions, supports, amendments, comments and replies, no one else's name", async () => {
    const res = await api("/api/me/data/export", { headers: { Cookie: cookies.get(vera) ?? "" } });
    const body = await res.text();
    const { motions } = JSON.parse(body) as { motions: MotionExport };
    expect(motions.authored).toMatchObject([
      {
        id: own.id,
        title: "Veras egen motion",
        state: "draft",
        initiator: true,
        group: { slug: "goteborg" },
      },
      { id: coWritten.id, title: "Hannas motion med en medförfattare", state: "draft", initiator: false },
    ]);
    expect(motions.supports.map((s) => s.motionId)).toEqual([collecting.id, submitted.id]);
    expect(motions.amendments).toMatchObject([
      {
        motionId: submitted.id,
        version: 1,
        firstLine: 2,
        lastLine: 2,
        text: "Cykelbanorna tar slut vid varje korsning.",
        state: "accepted",
      },
    ]);
    expect(motions.comments).toMatchObject([
      { motionId: own.id, kind: "thread", body: "Vilka korsningar menar vi?" },
      { motionId: submitted.id, kind: "reply", body: "Veras svar." },
    ]);
    expect(body).not.toContain("Hanna Test");
    expect(body).not.toContain("Hannas fråga.");
  });

  it("stays after her erasure, under her id, and no motion route names her", async () => {
    const erased = await post("/api/me/data/erase", vera, { confirm: "erase" });
    expect(erased.status).toBe(204);

    // Every motion route Hanna may call on the motions Vera had a part in (Vera's own draft
    // only its authors could read: it is checked in the database below).
    const answers = await Promise.all(
      [
        `/api/motions?group=branch:goteborg`,
        `/api/motions/${coWritten.id}`,
        `/api/motions/${coWritten.id}/candidates?q=`,
        `/api/motions/${collecting.id}`,
        `/api/motions/${submitted.id}`,
        `/api/motions/${submitted.id}/versions/1`,
        `/api/motions/${submitted.id}/versions/2`,
        `/api/motions/${submitted.id}/versions/2/markdown`,
        `/api/motions/${submitted.id}/diff?from=1&to=2`,
        `/api/motions/${submitted.id}/amendments`,
        `/api/motions/${submitted.id}/comments`,
        `/api/motions/${collecting.id}/comments`,
      ].map(async (path) => {
        const res = await get(path, "demo-hanna");
        expect(res.status, path).toBe(200);
        return res.text();
      }),
    );
    for (const answer of answers) {
      expect(answer).not.toContain(veraName);
      expect(answer).not.toContain("vera@samtal.example");
    }

    const authors = (await json<MotionDetail>(await get(`/api/motions/${coWritten.id}`, "demo-hanna")))
      .authors;
    expect(authors).toEqual([
      { id: "demo-hanna", name: "Hanna Test", initiator: true },
      { id: vera, name: null, initiator: false },
    ]);
    const { amendments } = await json<{
      amendments: { id: number; author: { id: string; name: string | null } }[];
    }>(await get(`/api/motions/${submitted.id}/amendments`, "demo-hanna"));
    expect(amendments.find((a) => a.id === amendmentId)?.author).toEqual({ id: vera, name: null });
    const { threads } = await json<MotionCommentList>(
      await get(`/api/motions/${submitted.id}/comments`, "demo-hanna"),
    );
    expect(threads[0]?.comments.map((c) => [c.author, c.body])).toEqual([
      [{ id: "demo-hanna", name: "Hanna Test" }, "Hannas fråga."],
      [{ id: vera, name: null }, "Veras svar."],
    ]);

    // Her support of the motion still collecting is withdrawn; that of the submitted one stays.
    expect(
      (await json<MotionDetail>(await get(`/api/motions/${collecting.id}`, "demo-hanna"))).supporters,
    ).toBe(0);
    expect(
      (await json<MotionDetail>(await get(`/api/motions/${submitted.id}`, "demo-hanna"))).supporters,
    ).toBe(1);

    // Her own draft, which only she could read, and its comment are kept as they were.
    const kept = await env.DB.prepare(
      "SELECT m.title, c.body, a.person_id FROM motions m JOIN motion_authors a ON a.motion_id = m.id JOIN motion_comments c ON c.motion_id = m.id WHERE m.id = ?",
    )
      .bind(own.id)
      .first();
    expect(kept).toEqual({ title: "Veras egen motion", body: "Vilka korsningar menar vi?", person_id: vera });
  });
});
