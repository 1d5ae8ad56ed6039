import { beforeAll, describe, expect, it } from "vitest";
import type { CoauthorCandidate, MotionView } from "../../worker/shared/motions";
import { api, logInAs, postJson, seed } from "./helpers";

/**
 * What a motion's page needs beyond the life cycle (test/worker/motions.test.ts): who its
 * authors may invite, found by name, and what the asker may do with it (`can`). Göteborg's
 * demo members: Bengt and Cecilia (its board), Ida and Karin.
 */

const cookies = new Map<string, string>();
const get = (path: string, person: string) => api(path, { headers: { Cookie: cookies.get(person) ?? "" } });
const post = (path: string, person: string, body: unknown = {}) =>
  postJson(path, body, cookies.get(person) ?? "");

let motion: MotionView;

beforeAll(async () => {
  await seed();
  for (const id of ["demo-ida", "demo-bengt", "demo-karin", "demo-david"]) cookies.set(id, await logInAs(id));
  const res = await post("/api/motions?group=branch:goteborg", "demo-ida", {
    kind: "motion",
    title: "Fler parker",
  });
  expect(res.status).toBe(201);
  motion = (await res.json()) as MotionView;
});

const names = async (q: string, person = "demo-ida") => {
  const res = await get(`/api/motions/${motion.id}/candidates?q=${encodeURIComponent(q)}`, person);
  expect(res.status).toBe(200);
  return ((await res.json()) as CoauthorCandidate[]).map((c) => c.name);
};

describe("co-author candidates", () => {
  it("are the group's members who do not write it yet, by any word of their name", async () => {
    expect(await names("")).toEqual(["Bengt Olsson", "Cecilia Ahmadi", "Karin Holm"]);
    expect(await names("ahm")).toEqual(["Cecilia Ahmadi"]);
    expect(await names("ka")).toEqual(["Karin Holm"]);
    // LIKE's wildcards are text.
    expect(await names("%")).toEqual([]);
    await post(`/api/motions/${motion.id}/coauthors`, "demo-ida", { personId: "demo-karin" });
    expect(await names("")).toEqual(["Bengt Olsson", "Cecilia Ahmadi"]);
  });

  it("are listed for its authors only; to anyone who cannot see the motion it does not exist", async () => {
    expect((await get(`/api/motions/${motion.id}/candidates`, "demo-karin")).status).toBe(200);
    expect((await get(`/api/motions/${motion.id}/candidates`, "demo-bengt")).status).toBe(404);
    expect((await get(`/api/motions/${motion.id}/candidates`, "demo-david")).status).toBe(404);
  });
});

describe("what the asker may do (can)", () => {
  it("follows the table as the motion moves on", async () => {
    const can = async (person: string) =>
      ((await (await get(`/api/motions/${motion.id}`, person)).json()) as MotionView).can;
    expect(motion.can).toEqual(["motion.write", "motion.manage", "motion.comment"]);
    const opened = (await (await post(`/api/motions/${motion.id}/open`, "demo-ida")).json()) as MotionView;
    expect(opened.can).toEqual(["motion.write", "motion.manage", "motion.amend", "motion.comment"]);
    // Bengt, on the board and not an author: supports, treats, amends and comments, never writes.
    expect(await can("demo-bengt")).toEqual([
      "motion.support",
      "motion.treat",
      "motion.amend",
      "motion.comment",
    ]);
    expect(await can("demo-karin")).toEqual([
      "motion.write",
      "motion.manage",
      "motion.amend",
      "motion.comment",
    ]);
  });
});
