import { beforeAll, describe, expect, it } from "vitest";
import type { ConsultationView, Workspace } from "../../worker/shared/consultations";
import { input, published, put } from "./consultations-fixtures";
import { env } from "./helpers";
import { get, json, post, setUp } from "./motions-fixtures";

/**
 * A person's consultation data in her export, and what erasure does with it: her own
 * answers go; the group answer she submitted stays, under her id, as the group's record.
 */

let c: ConsultationView;
const workspace = () => `/api/consultations/${c.id}/groups/branch:goteborg`;

interface Export {
  consultations: {
    submittedForGroups: { consultationId: number; version: number; group: { slug: string } | null }[];
    individualAnswers: { consultationId: number; items: { text: string }[] }[];
    asked: { id: number; created: boolean; published: boolean }[];
  };
}

beforeAll(async () => {
  await setUp(["demo-astrid", "demo-bengt", "demo-hanna"]);
  const audience = {
    kinds: ["branch" as const],
    districts: ["goteborg"],
    individuals: true,
    individualsVisibleToGroup: true,
  };
  c = await published("demo-astrid", input({ audience }));
  await json<Workspace>(
    await put(`${workspace()}/individual`, "demo-hanna", {
      items: [{ questionId: c.questions[0]?.id, text: "Hannas egen åsikt" }],
    }),
  );
  await json<Workspace>(await post(`${workspace()}/submit`, "demo-bengt"));
});

describe("consultations in a person's data", () => {
  it("lists what she submitted, answered herself and asked", async () => {
    const bengt = await json<Export>(await get("/api/me/data/export", "demo-bengt"));
    expect(bengt.consultations.submittedForGroups.filter((s) => s.consultationId === c.id)).toEqual([
      expect.objectContaining({
        consultationId: c.id,
        version: 1,
        group: expect.objectContaining({ slug: "goteborg" }),
      }),
    ]);
    const hanna = await json<Export>(await get("/api/me/data/export", "demo-hanna"));
    expect(hanna.consultations.individualAnswers.map((a) => [a.consultationId, a.items[0]?.text])).toEqual([
      [c.id, "Hannas egen åsikt"],
    ]);
    expect(hanna.consultations.submittedForGroups).toEqual([]);
    const astrid = await json<Export>(await get("/api/me/data/export", "demo-astrid"));
    expect(astrid.consultations.asked).toContainEqual(
      expect.objectContaining({ id: c.id, created: true, published: true }),
    );
  });

  it("erases her own answers and keeps the group's, whose submitter shows as a former member", async () => {
    const erased = await post("/api/me/data/erase", "demo-hanna", { confirm: "erase" });
    expect(erased.status).toBe(204);
    const left = await env.DB.prepare(
      "SELECT count(*) AS n FROM consultation_individual_answers WHERE person_id = 'demo-hanna'",
    ).first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
    await post("/api/me/data/erase", "demo-bengt", { confirm: "erase" });
    const row = await env.DB.prepare(
      "SELECT submitted_by AS who FROM consultation_answers WHERE consultation_id = ?",
    )
      .bind(c.id)
      .first<{ who: string }>();
    expect(row?.who).toBe("demo-bengt");
    const submitter = await env.DB.prepare("SELECT name FROM people WHERE id = 'demo-bengt'").first<{
      name: string | null;
    }>();
    expect(submitter?.name).toBeNull();
  });
});
