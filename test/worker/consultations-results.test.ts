import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exportColumns } from "../../worker/consultations/exports";
import { editDocument } from "../../worker/rooms/documents";
import type {
  AnswerList,
  ConsultationOverview,
  ConsultationView,
  Quote,
  QuoteList,
  TagBoard,
  Workspace,
} from "../../worker/shared/consultations";
import { readXlsx } from "../support/xlsx";
import { addPerson, outbox, published, refused } from "./consultations-fixtures";
import { api, env, seed } from "./helpers";
import { delivered, watchMailQueue } from "./mail-fixtures";
import { cookies, get, json, post, setUp } from "./motions-fixtures";

/**
 * Reading and answering back: response rates, answers filtered and searched, shared tags,
 * CSV and XLSX exports (parsed back here), quotes and the summary, for the asking level and
 * for a district reading its own groups. Göteborg's branch (Bengt chairs) and Kiruna's
 * (Kalle, added here, chairs) answer; every other branch of the two districts does not.
 */

let c: ConsultationView;
let questions: { open: number; choice: number; scale: number };
const groupPath = (group: string) => `/api/consultations/${c.id}/groups/${group}`;

async function answer(group: string, chair: string, text: string, choice: number, value: number) {
  const ws = await json<Workspace>(await get(groupPath(group), chair));
  for (const d of ws.documents) {
    if (!d.documentId) continue;
    await editDocument(env, d.documentId, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [
        new Y.XmlText(d.questionId === questions.open ? text : `Kommentar från ${group}`),
      ]);
      doc.getXmlFragment("default").insert(0, [paragraph]);
    });
  }
  const body = {
    choices: [
      { questionId: questions.choice, choices: [choice] },
      { questionId: questions.scale, value },
    ],
  };
  await json<Workspace>(
    await api(`${groupPath(group)}/choices`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Cookie: cookies.get(chair) ?? "" },
      body: JSON.stringify(body),
    }),
  );
  return json<Workspace>(await post(`${groupPath(group)}/submit`, chair));
}

beforeAll(async () => {
  await seed();
  await addPerson("demo-kalle", "Kalle Test", "chair", "kiruna");
  await setUp([
    "demo-astrid",
    "demo-bengt",
    "demo-ida",
    "demo-karin",
    "demo-elin",
    "demo-kalle",
    "demo-cecilia",
  ]);
  c = await published();
  const [open, choice, scale] = c.questions.map((q) => q.id) as [number, number, number];
  questions = { open, choice, scale };
  await answer("branch:goteborg", "demo-bengt", "Fler vårdcentraler och =SUM(A1:A9) i texten", 1, 4);
  await answer("branch:kiruna", "demo-kalle", "Gruvan och bostäderna", 2, 2);
});

describe("reading the answers", () => {
  it("counts response rates overall, by district and by branch, and lists who has not answered", async () => {
    const o = await json<ConsultationOverview>(
      await get(`/api/consultations/${c.id}/overview`, "demo-astrid"),
    );
    expect(o.overall.answered).toBe(2);
    expect(o.overall.asked).toBeGreaterThan(10);
    expect(o.byDistrict.map((d) => [d.district?.slug, d.answered]).sort()).toEqual([
      ["goteborg", 1],
      ["norrbotten", 1],
    ]);
    expect(o.byDistrict.reduce((n, d) => n + d.asked, 0)).toBe(o.overall.asked);
    expect(o.byBranch.find((b) => b.branch.slug === "kiruna")).toMatchObject({ asked: 1, answered: 1 });
    expect(o.notAnswered).toHaveLength(o.overall.asked - 2);
    expect(o.notAnswered.map((g) => g.group.slug)).not.toContain("goteborg");
    expect(o.tallies).toEqual([
      {
        questionId: questions.choice,
        counts: [
          { choice: 1, groups: 1 },
          { choice: 2, groups: 1 },
        ],
      },
      {
        questionId: questions.scale,
        counts: [
          { choice: 2, groups: 1 },
          { choice: 4, groups: 1 },
        ],
      },
    ]);
  });

  it("filters answers by question, district, choice and kind, and searches the frozen texts with folded diacritics", async () => {
    const list = (query: string) =>
      get(`/api/consultations/${c.id}/answers?${query}`, "demo-astrid").then((r) => json<AnswerList>(r));
    expect((await list(`question=${questions.open}`)).total).toBe(2);
    const inGoteborg = await list(`question=${questions.open}&district=goteborg`);
    expect(inGoteborg.answers.map((a) => [a.group.slug, a.text])).toEqual([
      ["goteborg", "Fler vårdcentraler och =SUM(A1:A9) i texten"],
    ]);
    expect((await list(`question=${questions.choice}&choice=2`)).answers.map((a) => a.group.slug)).toEqual([
      "kiruna",
    ]);
    expect((await list("kind=association")).total).toBe(0);
    expect((await list("q=vardcentral")).answers.map((a) => a.group.slug)).toEqual(["goteborg"]);
    expect((await list("q=bostad")).answers.map((a) => [a.group.slug, a.questionId])).toEqual([
      ["kiruna", questions.open],
    ]);
  });

  it("shows a district's board its own groups only, and nothing to a branch member", async () => {
    const karin = await json<ConsultationOverview>(
      await get(`/api/consultations/${c.id}/overview`, "demo-karin"),
    );
    expect(karin.byDistrict.map((d) => d.district?.slug)).toEqual(["goteborg"]);
    expect(karin.overall.answered).toBe(1);
    const answers = await json<AnswerList>(await get(`/api/consultations/${c.id}/answers`, "demo-karin"));
    expect(new Set(answers.answers.map((a) => a.group.slug))).toEqual(new Set(["goteborg"]));
    // Reading is all a district may do with the national office's consultation.
    await refused(
      () => post(`/api/consultations/${c.id}/tags`, "demo-karin", { name: "Vård" }),
      403,
      "forbidden",
    );
    // A branch member: no results, no export.
    await refused(() => get(`/api/consultations/${c.id}/overview`, "demo-ida"), 403, "forbidden");
    await refused(() => get(`/api/consultations/${c.id}/export?format=xlsx`, "demo-ida"), 403, "forbidden");
    await refused(() => get(`/api/consultations/${c.id}/export?format=csv`, "demo-bengt"), 403, "forbidden");
  });

  it("shares tags among staff: a cheap poll with an ETag, counts in the overview, a tag filter", async () => {
    const created = await json<TagBoard>(
      await post(`/api/consultations/${c.id}/tags`, "demo-astrid", { name: "Vård" }),
      201,
    );
    const tag = created.tags.find((t) => t.name === "Vård")?.id ?? 0;
    await refused(
      () => post(`/api/consultations/${c.id}/tags`, "demo-astrid", { name: "Vård" }),
      409,
      "consultation_tag_exists",
    );
    const first = await get(`/api/consultations/${c.id}/tags`, "demo-astrid");
    const etag = first.headers.get("ETag") ?? "";
    const poll = () =>
      api(`/api/consultations/${c.id}/tags`, {
        headers: { Cookie: cookies.get("demo-astrid") ?? "", "If-None-Match": etag },
      });
    expect((await poll()).status).toBe(304);

    const groupId = (
      await json<AnswerList>(await get(`/api/consultations/${c.id}/answers?district=goteborg`, "demo-astrid"))
    ).answers[0]?.groupId;
    const board = await json<TagBoard>(
      await post(`/api/consultations/${c.id}/tagging`, "demo-astrid", {
        tagId: tag,
        groupId,
        questionId: questions.open,
        tagged: true,
      }),
    );
    expect(board.tagged).toEqual([{ tagId: tag, groupId, questionId: questions.open }]);
    // A colleague's next poll sees the change.
    const changed = await poll();
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as TagBoard).tagged).toHaveLength(1);
    const o = await json<ConsultationOverview>(
      await get(`/api/consultations/${c.id}/overview`, "demo-astrid"),
    );
    expect(o.byTag).toEqual([{ tagId: tag, name: "Vård", answers: 1 }]);
    const tagged = await json<AnswerList>(
      await get(`/api/consultations/${c.id}/answers?tag=${tag}`, "demo-astrid"),
    );
    expect(tagged.answers.map((a) => [a.groupId, a.tagIds])).toEqual([[groupId, [tag]]]);
  });

  // The XLSX writer is imported on first use; on a busy machine that first export takes seconds.
  it("exports CSV and XLSX with ids and timestamps in every row and formulas neutralised", {
    timeout: 20_000,
  }, async () => {
    const csv = await api(`/api/consultations/${c.id}/export?format=csv`, {
      headers: { Cookie: cookies.get("demo-astrid") ?? "" },
    });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(exportColumns.map((name) => `"${name}"`).join(","));
    expect(lines).toHaveLength(1 + 2 * 3);
    for (const line of lines.slice(1))
      expect(line).toMatch(new RegExp(`^${c.id},\\d+,"branch",.*,\\d+,"\\d{4}-\\d\\d-\\d\\dT[^"]+Z",\\d+,`));
    // A text cell beginning with "=" gets a leading apostrophe; the same words inside a text stay as written.
    await editAndResubmitWithFormula();
    const again = await (
      await api(`/api/consultations/${c.id}/export?format=csv`, {
        headers: { Cookie: cookies.get("demo-astrid") ?? "" },
      })
    ).text();
    expect(again).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(again).not.toContain(`,"=HYPERLINK`);

    const xlsx = await api(`/api/consultations/${c.id}/export?format=xlsx`, {
      headers: { Cookie: cookies.get("demo-astrid") ?? "" },
    });
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const rows = readXlsx(new Uint8Array(await xlsx.arrayBuffer()));
    expect(rows[0]).toEqual([...exportColumns]);
    expect(rows).toHaveLength(1 + 2 * 3);
    for (const row of rows.slice(1)) {
      expect(row[0]).toBe(String(c.id));
      expect(row[6]).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    }
    expect(rows.flat()).toContain(`'=HYPERLINK("http://evil")`);
  });
});

/** Göteborg reopens and answers the open question with a formula. */
async function editAndResubmitWithFormula() {
  await json<Workspace>(await post(`${groupPath("branch:goteborg")}/reopen`, "demo-bengt"));
  const ws = await json<Workspace>(await get(groupPath("branch:goteborg"), "demo-bengt"));
  const documentId = ws.documents.find((d) => d.questionId === questions.open)?.documentId ?? "";
  await editDocument(env, documentId, (doc) => {
    const fragment = doc.getXmlFragment("default");
    fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText('=HYPERLINK("http://evil")')]);
    fragment.insert(0, [paragraph]);
  });
  await json<Workspace>(await post(`${groupPath("branch:goteborg")}/submit`, "demo-bengt"));
}

describe("answering back", () => {
  it("quotes a group's points, publishes the summary, tells the participating groups once, and each sees its own quotes", async () => {
    const goteborg = (await json<Workspace>(await get(groupPath("branch:goteborg"), "demo-bengt"))).groupId;
    await refused(
      () =>
        post(`/api/consultations/${c.id}/quotes`, "demo-astrid", {
          groupId: goteborg,
          questionId: questions.open,
          excerpt: "något ingen skrev",
        }),
      422,
      "consultation_quote_not_found",
    );
    const quote = await json<Quote>(
      await post(`/api/consultations/${c.id}/quotes`, "demo-astrid", {
        groupId: goteborg,
        questionId: questions.open,
        excerpt: "HYPERLINK",
      }),
      201,
    );
    expect(quote.group.slug).toBe("goteborg");
    // Listed for the asking level on a later visit; a branch member may not list them.
    const listed = await json<QuoteList>(await get(`/api/consultations/${c.id}/quotes`, "demo-astrid"));
    expect(listed.quotes).toEqual([quote]);
    await refused(() => get(`/api/consultations/${c.id}/quotes`, "demo-ida"), 403, "forbidden");
    // Not shown before the summary is published.
    expect((await json<Workspace>(await get(groupPath("branch:goteborg"), "demo-ida"))).quoted).toEqual([]);
    await refused(
      () => post(`/api/consultations/${c.id}/feedback`, "demo-bengt", { summary: "Nej" }),
      403,
      "forbidden",
    );

    const before = await outbox("bengt@samtal.example");
    const queue = watchMailQueue();
    const view = await json<ConsultationView>(
      await post(`/api/consultations/${c.id}/feedback`, "demo-astrid", {
        summary: "Vi hörde er: vården först.",
      }),
    );
    expect(view.summary?.text).toBe("Vi hörde er: vården först.");
    // The mail queue delivers a moment later.
    await expect
      .poll(() => outbox("bengt@samtal.example"), delivered)
      .toEqual([...before, expect.stringContaining("Återkoppling")]);
    const after = await outbox("bengt@samtal.example");
    await expect
      .poll(
        async () => (await outbox("kalle@samtal.example")).filter((s) => s.includes("Återkoppling")),
        delivered,
      )
      .toHaveLength(1);
    expect(queue.batches()).toHaveLength(1);

    const seen = await json<Workspace>(await get(groupPath("branch:goteborg"), "demo-ida"));
    expect(seen.consultation.summary?.text).toBe("Vi hörde er: vården först.");
    expect(seen.quoted.map((q) => q.excerpt)).toEqual(["HYPERLINK"]);
    expect((await json<Workspace>(await get(groupPath("branch:kiruna"), "demo-kalle"))).quoted).toEqual([]);

    // A rewrite changes the text and queues no mail again.
    await json<ConsultationView>(
      await post(`/api/consultations/${c.id}/feedback`, "demo-astrid", { summary: "Rättad." }),
    );
    expect(queue.batches()).toHaveLength(1);
    queue.stop();
    expect(await outbox("bengt@samtal.example")).toEqual(after);
  });
});

describe("a district's board reading a national consultation", () => {
  it("sees nothing of another district: no tags, taggings, answers, export rows or overview lines", async () => {
    const kiruna = (await json<Workspace>(await get(groupPath("branch:kiruna"), "demo-kalle"))).groupId;
    const board = await json<TagBoard>(
      await post(`/api/consultations/${c.id}/tags`, "demo-astrid", { name: "Gruvfrågor" }),
      201,
    );
    const tagId = board.tags.find((t) => t.name === "Gruvfrågor")?.id ?? 0;
    await json<TagBoard>(
      await post(`/api/consultations/${c.id}/tagging`, "demo-astrid", {
        tagId,
        groupId: kiruna,
        questionId: questions.open,
        tagged: true,
      }),
    );
    const quoted = await json<Quote>(
      await post(`/api/consultations/${c.id}/quotes`, "demo-astrid", {
        groupId: kiruna,
        questionId: questions.open,
        excerpt: "Gruvan",
      }),
      201,
    );
    expect(
      (await json<QuoteList>(await get(`/api/consultations/${c.id}/quotes`, "demo-astrid"))).quotes,
    ).toContainEqual(quoted);
    // The asking level sees the tag and what it is on.
    const astrid = await json<TagBoard>(await get(`/api/consultations/${c.id}/tags`, "demo-astrid"));
    expect(astrid.tagged).toContainEqual({ tagId, groupId: kiruna, questionId: questions.open });

    // Karin chairs the Göteborg district: every results route leaves Norrbotten out.
    const karin = (path: string) => get(`/api/consultations/${c.id}/${path}`, "demo-karin");
    const tags = await json<TagBoard>(await karin("tags"));
    expect(tags.tags.map((t) => t.name)).toEqual(["Vård"]);
    expect(tags.tagged.map((t) => t.groupId)).not.toContain(kiruna);
    expect(tags.tagged).toHaveLength(1);
    const overview = await json<ConsultationOverview>(await karin("overview"));
    expect(overview.byTag.map((t) => t.name)).toEqual(["Vård"]);
    expect(JSON.stringify(overview)).not.toMatch(/kiruna|norrbotten|Gruv/);
    for (const query of ["", "district=norrbotten", `tag=${tagId}`, "q=gruvan"]) {
      const list = await json<AnswerList>(await karin(`answers?${query}`));
      expect(list.answers.map((a) => a.groupId)).not.toContain(kiruna);
      expect(JSON.stringify(list)).not.toMatch(/kiruna|norrbotten|Gruv/);
    }
    expect((await json<AnswerList>(await karin("answers?district=norrbotten"))).total).toBe(0);
    const quotes = await json<QuoteList>(await karin("quotes"));
    expect(quotes.quotes.map((q) => q.group.slug)).toEqual(["goteborg"]);
    const csv = await (await karin("export?format=csv")).text();
    expect(csv).toContain("Göteborg");
    expect(csv).not.toMatch(/Kiruna|Norrbotten|Gruv/);
  });
});
