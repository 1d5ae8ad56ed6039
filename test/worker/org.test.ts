import { beforeAll, describe, expect, it } from "vitest";
import type { GroupDetail, GroupSearchResult, OrganisationOverview } from "../../worker/shared/org";
import { api, env, errorBody, seed } from "./helpers";

beforeAll(async () => {
  await seed();
});

describe("demo seed", () => {
  it("creates the whole national structure", async () => {
    const rows = await env.DB.prepare("SELECT kind, count(*) AS n FROM groups GROUP BY kind").all<{
      kind: string;
      n: number;
    }>();
    const counts = Object.fromEntries(rows.results.map((r) => [r.kind, r.n]));
    expect(counts).toMatchObject({ national: 1, district: 26, branch: 290, side: 5 });
    expect(counts.association).toBeGreaterThanOrEqual(5);
    const counties = await env.DB.prepare("SELECT count(*) AS n FROM counties").first<{ n: number }>();
    expect(counties?.n).toBe(21);
  });

  it("puts every branch under a district in its own county", async () => {
    const orphans = await env.DB.prepare(
      `SELECT count(*) AS n FROM groups b LEFT JOIN groups d ON d.id = b.parent_id
       WHERE b.kind = 'branch' AND (d.kind IS NOT 'district' OR d.county_code IS NOT b.county_code)`,
    ).first<{ n: number }>();
    expect(orphans?.n).toBe(0);
  });

  it("is idempotent: a second run neither fails nor duplicates", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n, max(id) AS maxId FROM groups").first();
    const report = await seed();
    const after = await env.DB.prepare("SELECT count(*) AS n, max(id) AS maxId FROM groups").first();
    expect(after).toEqual(before);
    expect(report).toMatchObject({ branch: 290, district: 26, counties: 21 });
  });
});

describe("GET /api/org", () => {
  it("lists the 26 districts in Swedish order with their branch counts", async () => {
    const res = await api("/api/org");
    expect(res.status).toBe(200);
    const body = (await res.json()) as OrganisationOverview;
    expect(body.districts).toHaveLength(26);
    expect(body.sideOrganisations.map((s) => s.slug).sort()).toEqual([
      "hbt-s",
      "s-kvinnor",
      "s-studenter",
      "ssu",
      "tro-och-solidaritet",
    ]);
    expect(body.districts.reduce((sum, d) => sum + d.childCount, 0)).toBe(290);
    const names = body.districts.map((d) => d.name);
    // Swedish collation: Ö sorts last, after Västra Götaland.
    expect(names.at(-1)?.startsWith("Ö")).toBe(true);
    expect(body.totals).toMatchObject({ district: 26, branch: 290, side: 5 });
  });
});

describe("GET /api/org/:kind/:slug", () => {
  it("shows a district with its branches", async () => {
    const res = await api("/api/org/district/goteborg");
    const body = (await res.json()) as GroupDetail;
    expect(res.status).toBe(200);
    expect(body.name).toBe("Göteborgs partidistrikt");
    expect(body.children.map((c) => c.name)).toEqual(["Göteborg"]);
    expect(body.parents.map((p) => p.kind)).toEqual(["national"]);
  });

  it("shows a branch with its district, county and associations", async () => {
    const res = await api("/api/org/branch/stockholm");
    const body = (await res.json()) as GroupDetail;
    expect(body).toMatchObject({ kind: "branch", name: "Stockholm", municipalityCode: "0180" });
    expect(body.county?.name).toBe("Stockholms län");
    expect(body.parents.map((p) => p.slug)).toEqual(["national", "stockholms-stad"]);
    expect(body.children.map((c) => c.kind)).toContain("association");
  });

  it("keeps Håbo and Habo apart", async () => {
    const [habo, haabo] = await Promise.all([
      api("/api/org/branch/habo-0643"),
      api("/api/org/branch/habo-0305"),
    ]);
    expect(((await habo.json()) as GroupDetail).name).toBe("Habo");
    expect(((await haabo.json()) as GroupDetail).name).toBe("Håbo");
  });

  it("answers 404 with a code for a group that does not exist", async () => {
    const res = await api("/api/org/branch/atlantis");
    expect(res.status).toBe(404);
    expect((await errorBody(res)).code).toBe("not_found");
  });

  it("refuses an unknown kind or a malformed slug", async () => {
    for (const path of ["/api/org/planet/mars", "/api/org/branch/Stock%20holm", "/api/org/branch/a--b"]) {
      const res = await api(path);
      expect(res.status, path).toBe(400);
      expect((await errorBody(res)).code).toBe("validation_failed");
    }
  });
});

describe("GET /api/org/search", () => {
  const search = async (query: string) => {
    const res = await api(`/api/org/search?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as GroupSearchResult;
  };

  it("finds a branch by the start of its name, with its district", async () => {
    const { hits } = await search("q=g%C3%B6te");
    expect(hits.map((h) => h.name)).toEqual(
      expect.arrayContaining(["Göteborg", "Götene", "Göteborgs partidistrikt"]),
    );
    const branch = hits.find((h) => h.slug === "goteborg");
    expect(branch).toMatchObject({ kind: "branch", name: "Göteborg" });
    expect(branch?.parent?.name).toBe("Göteborgs partidistrikt");
  });

  it("finds Swedish names typed without Swedish letters", async () => {
    const { hits } = await search("q=orebro&kind=branch");
    expect(hits.map((h) => h.name)).toContain("Örebro");
  });

  it("matches every word, so two words narrow the result", async () => {
    const { hits } = await search("q=upplands%20v&kind=branch");
    expect(hits.map((h) => h.name)).toEqual(["Upplands Väsby"]);
  });

  it("filters by kind and respects the limit", async () => {
    const { hits } = await search("q=s&limit=3");
    expect(hits.length).toBeLessThanOrEqual(3);
    const districts = await search("q=partidistrikt&kind=district&limit=50");
    expect(districts.hits).toHaveLength(26);
    expect(districts.hits.every((h) => h.kind === "district")).toBe(true);
  });

  it("treats FTS syntax as plain text", async () => {
    const { hits } = await search(`q=${encodeURIComponent('"Malmö" OR NEAR(x* ^y')}`);
    expect(hits).toEqual([]);
    const malmo = await search(`q=${encodeURIComponent('"Malmö"')}&kind=branch`);
    expect(malmo.hits.map((h) => h.name)).toEqual(["Malmö"]);
  });

  it("rejects a missing, empty, over-long or badly typed query with 400", async () => {
    for (const query of [
      "",
      "q=",
      "q=%20%20",
      `q=${"a".repeat(101)}`,
      "q=ale&limit=0",
      "q=ale&limit=51",
      "q=ale&limit=ten",
      "q=ale&kind=planet",
      "q=a&q=b",
    ]) {
      const res = await api(`/api/org/search?${query}`);
      expect(res.status, query).toBe(400);
      const error = await errorBody(res);
      expect(error.code).toBe("validation_failed");
      expect(error.issues?.length).toBeGreaterThan(0);
    }
  });
});
