import { beforeAll, describe, expect, it } from "vitest";
import { exportColumns } from "../../worker/consultations/exports";
import type { ConsultationView, IndividualAnswerList, Workspace } from "../../worker/shared/consultations";
import { readXlsx } from "../support/xlsx";
import { addPerson, input, published, put, refused } from "./consultations-fixtures";
import { api, seed } from "./helpers";
import { cookies, get, json, setUp } from "./motions-fixtures";

/**
 * Members' own answers as the asking level reads them: listed with the group answers'
 * filters, in the CSV export as rows of their own and in the XLSX on a sheet of their own;
 * a district's board reads its own groups' members only, the group's members each other's
 * only where the consultation shows them, a chair no one's.
 */

let c: ConsultationView;
let questions: { open: number; choice: number };
const list = async (query: string, person = "demo-astrid") =>
  json<IndividualAnswerList>(await get(`/api/consultations/${c.id}/individual-answers?${query}`, person));
const who = (l: IndividualAnswerList) => l.answers.map((a) => a.person.id);

beforeAll(async () => {
  await seed();
  await addPerson("demo-kalle", "Kalle Test", "member", "kiruna");
  await setUp(["demo-astrid", "demo-bengt", "demo-ida", "demo-hanna", "demo-karin", "demo-kalle"]);
  c = await published(
    "demo-astrid",
    input({
      audience: {
        kinds: ["branch"],
        districts: ["goteborg", "norrbotten"],
        individuals: true,
        individualsVisibleToGroup: false,
      },
    }),
  );
  const [open, choice] = c.questions.map((q) => q.id) as [number, number];
  questions = { open, choice };
  const own = async (group: string, person: string, text: string, chosen: number) =>
    json<Workspace>(
      await put(`/api/consultations/${c.id}/groups/${group}/individual`, person, {
        items: [
          { questionId: open, text },
          { questionId: choice, choices: [chosen] },
        ],
      }),
    );
  await own("branch:goteborg", "demo-ida", "=Fler bussar till Angered", 0);
  await own("branch:goteborg", "demo-hanna", "Billigare hyror", 2);
  await own("branch:kiruna", "demo-kalle", "Flytta staden varsamt", 2);
});

describe("members' own answers, read by the asking level", () => {
  it("lists them with the group answers' filters and a search in their texts", async () => {
    const all = await list("");
    expect(all.total).toBe(3);
    expect(new Set(who(all))).toEqual(new Set(["demo-ida", "demo-hanna", "demo-kalle"]));
    const ida = all.answers.find((a) => a.person.id === "demo-ida");
    expect(ida?.group.slug).toBe("goteborg");
    expect(ida?.district?.slug).toBe("goteborg");
    expect(ida?.items).toContainEqual(expect.objectContaining({ questionId: questions.open }));

    expect(new Set(who(await list("district=goteborg")))).toEqual(new Set(["demo-ida", "demo-hanna"]));
    expect(new Set(who(await list(`question=${questions.choice}&choice=2`)))).toEqual(
      new Set(["demo-hanna", "demo-kalle"]),
    );
    expect(who(await list("q=bussar"))).toEqual(["demo-ida"]);
    expect((await list("q=50%25")).total).toBe(0);
    expect((await list("kind=association")).total).toBe(0);
    const page = await list("limit=1&offset=1");
    expect(page.total).toBe(3);
    expect(page.answers).toHaveLength(1);
  });

  it("exports them as rows of their own in CSV and on a sheet of their own in XLSX", {
    timeout: 20_000,
  }, async () => {
    const headers = { Cookie: cookies.get("demo-astrid") ?? "" };
    const csv = (await (await api(`/api/consultations/${c.id}/export?format=csv`, { headers })).text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv[0]).toBe(exportColumns.map((name) => `"${name}"`).join(","));
    // No group has submitted: every row is a member's, one per question she answered.
    expect(csv.slice(1)).toHaveLength(3 * 2);
    expect(csv.filter((line) => line.endsWith(',"demo-ida"'))).toHaveLength(2);
    expect(csv.join("\n")).toContain(`"'=Fler bussar till Angered"`);

    const xlsx = new Uint8Array(
      await (await api(`/api/consultations/${c.id}/export?format=xlsx`, { headers })).arrayBuffer(),
    );
    expect(readXlsx(xlsx, 1)).toEqual([[...exportColumns]]);
    const members = readXlsx(xlsx, 2);
    expect(members[0]).toEqual([...exportColumns]);
    expect(members).toHaveLength(1 + 3 * 2);
    for (const row of members.slice(1)) {
      expect(row[0]).toBe(String(c.id));
      // No version: the reader skips that empty cell, so the instant is looked for, not counted to.
      expect(row.some((cell) => /^\d{4}-\d\d-\d\dT[^Z]+Z$/.test(cell))).toBe(true);
      expect(row.at(-1)).toMatch(/^demo-(ida|hanna|kalle)$/);
    }
  });

  it("shows a district's board its own groups' members only, the group each other's only if told, a chair none", async () => {
    const karin = await list("", "demo-karin");
    expect(new Set(who(karin))).toEqual(new Set(["demo-ida", "demo-hanna"]));
    expect(JSON.stringify(karin)).not.toMatch(/kiruna|Kalle|Flytta/);
    const csv = await (await get(`/api/consultations/${c.id}/export?format=csv`, "demo-karin")).text();
    expect(csv).not.toMatch(/kiruna|Kiruna|demo-kalle|Flytta/);
    // The group reads them only where the consultation says so: here it does not.
    const ws = await json<Workspace>(
      await get(`/api/consultations/${c.id}/groups/branch:goteborg`, "demo-hanna"),
    );
    expect(ws.mine?.person.id).toBe("demo-hanna");
    expect(ws.others).toEqual([]);
    await refused(() => get(`/api/consultations/${c.id}/individual-answers`, "demo-bengt"), 403, "forbidden");
    await refused(() => get(`/api/consultations/${c.id}/individual-answers`, "demo-ida"), 403, "forbidden");
  });

  it("finds Swedish letters in either case (LIKE alone folds only ASCII)", async () => {
    await put(`/api/consultations/${c.id}/groups/branch:kiruna/individual`, "demo-kalle", {
      items: [{ questionId: questions.open, text: "Åsa och ÖRJAN vill flytta Ärlan" }],
    });
    for (const q of ["åsa", "ÅSA", "Åsa", "örjan", "ärlan", "ÄRLAN", "vill FLYTTA"])
      expect(who(await list(`q=${encodeURIComponent(q)}`)), q).toEqual(["demo-kalle"]);
    expect((await list(`q=${encodeURIComponent("asa")}`)).total).toBe(0);
  });
});
