import { beforeAll, describe, expect, it } from "vitest";
import type {
  ConsultationList,
  ConsultationPreview,
  ConsultationView,
} from "../../worker/shared/consultations";
import { created, day, input, published, put, refused } from "./consultations-fixtures";
import { env } from "./helpers";
import { get, json, post, setUp } from "./motions-fixtures";

/** Asking: drafts, preview, publishing, who may ask whom and who sees what. */

beforeAll(async () => {
  await setUp([
    "demo-astrid",
    "demo-bengt",
    "demo-ida",
    "demo-elin",
    "demo-farid",
    "demo-karin",
    "demo-david",
  ]);
});

describe("asking", () => {
  it("the national office writes a draft that only the asking level sees, previews it and publishes it", async () => {
    const draft = await created();
    expect(draft.phase).toBe("draft");
    expect(draft.questions.map((q) => [q.kind, q.comment])).toEqual([
      ["open", true],
      ["single", true],
      ["scale", false],
    ]);
    expect(draft.can).toEqual(["consultation.manage", "consultation.results"]);
    // A draft does not exist for the groups it will ask.
    expect((await get(`/api/consultations/${draft.id}`, "demo-bengt")).status).toBe(404);

    const preview = await json<ConsultationPreview>(
      await get(`/api/consultations/${draft.id}/preview`, "demo-astrid"),
    );
    const branches =
      (
        await env.DB.prepare(
          "SELECT count(*) AS n FROM groups b JOIN groups d ON d.id = b.parent_id WHERE b.kind = 'branch' AND d.slug IN ('goteborg', 'norrbotten')",
        ).first<{ n: number }>()
      )?.n ?? 0;
    expect(branches).toBeGreaterThan(10);
    expect(preview.asked).toEqual({ total: branches, byKind: { branch: branches } });
    expect(preview.consultation.can).toEqual([]);

    const rewritten = await json<ConsultationView>(
      await put(`/api/consultations/${draft.id}`, "demo-astrid", input({ title: "Rådslag om skolan" })),
    );
    expect(rewritten.title).toBe("Rådslag om skolan");

    const open = await json<ConsultationView>(
      await post(`/api/consultations/${draft.id}/publish`, "demo-astrid"),
    );
    expect(open.phase).toBe("open");
    const asked = await env.DB.prepare(
      "SELECT count(*) AS n FROM consultation_groups WHERE consultation_id = ?",
    )
      .bind(draft.id)
      .first<{ n: number }>();
    expect(asked?.n).toBe(branches);

    // Now Göteborg's members see it, with their group's workspace.
    const seen = await json<ConsultationView>(await get(`/api/consultations/${draft.id}`, "demo-ida"));
    expect(seen.can).toEqual([]);
    expect(seen.myGroups).toEqual([{ group: expect.objectContaining({ slug: "goteborg" }), status: "none" }]);
    const list = await json<ConsultationList>(
      await get("/api/consultations?group=branch:goteborg", "demo-bengt"),
    );
    expect(list.asked.map((c) => c.id)).toContain(draft.id);
    expect(list.asking).toEqual([]);
    // Stockholm is not asked: to David it does not exist.
    expect((await get(`/api/consultations/${draft.id}`, "demo-david")).status).toBe(404);

    await refused(
      () => put(`/api/consultations/${draft.id}`, "demo-astrid", input()),
      409,
      "consultation_not_draft",
    );
    await refused(
      () => post(`/api/consultations/${draft.id}/publish`, "demo-astrid"),
      409,
      "consultation_not_draft",
    );
  });

  it("a district asks its own branches, and only them", async () => {
    const mine = input({
      audience: {
        kinds: ["branch", "association"],
        districts: [],
        individuals: true,
        individualsVisibleToGroup: false,
      },
    });
    const own = await published("demo-elin", mine, "district:norrbotten");
    expect(own.asker.slug).toBe("norrbotten");
    const districts = await env.DB.prepare(
      "SELECT DISTINCT district_id AS id FROM consultation_groups WHERE consultation_id = ?",
    )
      .bind(own.id)
      .all<{ id: number }>();
    const norrbotten = await env.DB.prepare(
      "SELECT id FROM groups WHERE kind = 'district' AND slug = 'norrbotten'",
    ).first<{ id: number }>();
    expect(districts.results.map((d) => d.id)).toEqual([norrbotten?.id]);
    // Farid, a member in Kiruna, sees it; Karin (another district) does not.
    expect((await get(`/api/consultations/${own.id}`, "demo-farid")).status).toBe(200);
    expect((await get(`/api/consultations/${own.id}`, "demo-karin")).status).toBe(404);

    const outside = input({
      audience: {
        kinds: ["branch"],
        districts: ["goteborg"],
        individuals: false,
        individualsVisibleToGroup: false,
      },
    });
    await refused(
      () => post("/api/consultations?group=district:norrbotten", "demo-elin", outside),
      422,
      "consultation_audience_outside",
    );
    await refused(
      () => post("/api/consultations?group=district:goteborg", "demo-elin", input()),
      403,
      "forbidden",
    );
    await refused(
      () => post("/api/consultations?group=branch:goteborg", "demo-bengt", input()),
      403,
      "forbidden",
    );
    await refused(
      () => post("/api/consultations?group=national:national", "demo-ida", input()),
      403,
      "forbidden",
    );
  });

  it("refuses a consultation that closes before it opens, or in the past, and a choice question without options", async () => {
    const now = Date.now();
    await refused(
      () =>
        post(
          "/api/consultations?group=national:national",
          "demo-astrid",
          input({ opensAt: now, closesAt: now - day }),
        ),
      400,
      "validation_failed",
    );
    await refused(
      () =>
        post(
          "/api/consultations?group=national:national",
          "demo-astrid",
          input({ questions: [{ kind: "single", prompt: "Vilken?", options: ["Bara en"] }] }),
        ),
      400,
      "validation_failed",
    );
    const late = await created("demo-astrid", input({ opensAt: now - 2 * day, closesAt: now - day }));
    await refused(
      () => post(`/api/consultations/${late.id}/publish`, "demo-astrid"),
      422,
      "consultation_closes_in_past",
    );
  });
});
