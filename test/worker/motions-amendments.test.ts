import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  MotionAmendment,
  MotionAmendmentList,
  MotionCommentList,
  MotionVersion,
  MotionVersionDiff,
  NumberedLine,
} from "../../worker/shared/motions";
import { api, env, errorBody, seed } from "./helpers";
import { cookies, get, json, post, setUp, submitted } from "./motions-fixtures";

/**
 * Amendments on real D1 through the real routes: proposed against the line numbers of a
 * frozen version, flagged when they overlap, decided by Göteborg's board (Bengt, Cecilia),
 * accepted into new versions while the old ones stay as they were; versions compared word
 * by word; a version downloaded as DOCX (unzipped and read back) and as Markdown.
 */

const text = {
  title: "Simskola för alla barn",
  motivation: [
    "Alla barn behöver kunna simma. I dag lär sig många barn inte simma förrän i tonåren, och det är farligt vid sjöar och hav på sommaren.",
    "Simhallarna har lediga tider på förmiddagarna som skolorna kan använda.",
  ],
  proposals: [
    "kommunen erbjuder avgiftsfri simskola för alla barn i årskurs ett",
    "simhallarnas förmiddagstider går till skolorna",
  ],
};

let motionId = 0;
let v1: MotionVersion;
const path = (rest = "") => `/api/motions/${motionId}${rest}`;
const storedAmendments = async () =>
  (
    await env.DB.prepare("SELECT * FROM motion_amendments WHERE motion_id = ? ORDER BY id")
      .bind(motionId)
      .all()
  ).results;

/** The lines of the block whose first line starts so: a motivation paragraph or an att-sats. */
function linesOf(version: MotionVersion, part: NumberedLine["part"], startsWith: string): NumberedLine[] {
  const first = version.lines.find((l) => l.part === part && l.text.startsWith(startsWith));
  if (!first) throw new Error(`no line starting "${startsWith}"`);
  return version.lines.filter((l) => l.part === part && l.block === first.block);
}

/** Amendment input replacing `from` by `to` in lines first–last of a version. */
function amend(version: MotionVersion, lines: NumberedLine[], from: string, to: string) {
  const oldText = lines.map((l) => l.text).join(" ");
  expect(oldText).toContain(from);
  return {
    version: version.number,
    firstLine: lines[0]?.number ?? 0,
    lastLine: lines.at(-1)?.number ?? 0,
    text: oldText.replace(from, to),
  };
}

const propose = async (person: string, body: unknown) =>
  json<MotionAmendment>(await post(path("/amendments"), person, body), 201);
const decide = (person: string, id: number, decision: "accept" | "reject") =>
  post(path(`/amendments/${id}/decision`), person, { decision });
const amendments = async () =>
  (await json<MotionAmendmentList>(await get(path("/amendments"), "demo-hanna"))).amendments;
const version = (n: number) => get(path(`/versions/${n}`), "demo-hanna").then((r) => json<MotionVersion>(r));

beforeAll(async () => {
  await setUp(["demo-hanna", "demo-bengt", "demo-cecilia", "demo-david"]);
  ({
    motion: { id: motionId },
    version: v1,
  } = await submitted("demo-hanna", text, 40));
  // Short lines, so a paragraph spans several numbered lines.
  expect(linesOf(v1, "motivation", "Alla barn").length).toBeGreaterThanOrEqual(3);
});

describe("proposing amendments", () => {
  it("refuses a line the version does not have, and stores nothing", async () => {
    const last = v1.lines.length;
    for (const [firstLine, lastLine] of [
      [last + 1, last + 1],
      [last, last + 3],
    ]) {
      const res = await post(path("/amendments"), "demo-hanna", {
        version: 1,
        firstLine,
        lastLine,
        text: "x",
      });
      expect(res.status).toBe(422);
      expect((await errorBody(res)).code).toBe("motion_amendment_no_such_line");
    }
    expect(await storedAmendments()).toEqual([]);
  });

  it("refuses lines across two blocks, the title, an att-sats without 'att', and a change of nothing", async () => {
    const paragraph = linesOf(v1, "motivation", "Alla barn");
    const across = {
      version: 1,
      firstLine: paragraph.at(-1)?.number,
      lastLine: (paragraph.at(-1)?.number ?? 0) + 1,
    };
    const cases: [unknown, string][] = [
      [{ ...across, text: "x" }, "motion_amendment_spans_blocks"],
      [{ version: 1, firstLine: 1, lastLine: 1, text: "Ny rubrik" }, "motion_amendment_spans_blocks"],
      [
        amend(v1, linesOf(v1, "proposal", "att kommunen").slice(0, 1), "att kommunen", "kommunen"),
        "motion_amendment_att_missing",
      ],
      [amend(v1, paragraph.slice(0, 1), "Alla", "Alla"), "motion_amendment_unchanged"],
    ];
    for (const [body, code] of cases) {
      const res = await post(path("/amendments"), "demo-cecilia", body);
      expect(res.status, code).toBe(422);
      expect((await errorBody(res)).code).toBe(code);
    }
    expect(await storedAmendments()).toEqual([]);
  });

  it("is for members of the group: someone outside it learns nothing (404)", async () => {
    const body = amend(v1, linesOf(v1, "motivation", "Alla barn").slice(0, 1), "Alla", "Varje");
    expect((await post(path("/amendments"), "demo-david", body)).status).toBe(404);
    expect((await get(path("/amendments"), "demo-david")).status).toBe(404);
    expect((await api(path("/amendments"))).status).toBe(401);
    expect(await storedAmendments()).toEqual([]);
  });
});

describe("conflicts, decisions and new versions", () => {
  let a: MotionAmendment;
  let b: MotionAmendment;
  let c: MotionAmendment;

  it("flags amendments to overlapping lines as conflicting, and only those", async () => {
    const paragraph = linesOf(v1, "motivation", "Alla barn");
    a = await propose("demo-hanna", amend(v1, paragraph.slice(0, 2), "Alla barn behöver", "Varje barn ska"));
    b = await propose("demo-cecilia", amend(v1, paragraph.slice(1, 3), "simma", "simma och livrädda"));
    c = await propose(
      "demo-hanna",
      amend(v1, linesOf(v1, "proposal", "att kommunen"), "årskurs ett", "årskurs två"),
    );
    expect(a).toMatchObject({ state: "open", part: "motivation", block: 0, author: { name: "Hanna Test" } });
    expect(c).toMatchObject({ part: "proposal", block: 0 });

    const byId = new Map((await amendments()).map((x) => [x.id, x]));
    expect(byId.get(a.id)?.conflictsWith).toEqual([b.id]);
    expect(byId.get(b.id)?.conflictsWith).toEqual([a.id]);
    expect(byId.get(c.id)?.conflictsWith).toEqual([]);
    // The inline presentation: exactly the changed words struck and inserted.
    const changed = (x: MotionAmendment | undefined, kind: "added" | "removed") =>
      x?.diff.filter((d) => d.change === kind).map((d) => d.text.trim());
    expect(changed(byId.get(a.id), "removed")).toEqual(["Alla", "behöver"]);
    expect(changed(byId.get(a.id), "added")).toEqual(["Varje", "ska"]);
    expect(changed(byId.get(c.id), "removed")).toEqual(["ett"]);
  });

  it("is decided by the board only", async () => {
    const before = await storedAmendments();
    expect((await decide("demo-hanna", a.id, "accept")).status).toBe(403);
    expect((await decide("demo-david", a.id, "accept")).status).toBe(404);
    expect(await storedAmendments()).toEqual(before);
  });

  it("accepting one merges it into a new version, leaves the old one as it was and marks the conflicting one", async () => {
    const res = await decide("demo-bengt", a.id, "accept");
    const byId = new Map((await json<MotionAmendmentList>(res)).amendments.map((x) => [x.id, x]));
    expect(byId.get(a.id)).toMatchObject({ state: "accepted", resultVersion: 2 });
    expect(byId.get(b.id)).toMatchObject({ state: "needs_rework", conflictsWith: [] });
    expect(byId.get(c.id)).toMatchObject({ state: "open" });

    const v2 = await version(2);
    expect(v2.reason).toBe("amended");
    expect(v2.motivation.text).toBe(v1.motivation.text.replace("Alla barn behöver", "Varje barn ska"));
    expect(v2.proposals).toEqual(v1.proposals);
    expect(await version(1)).toEqual(v1);

    // The other one is never merged silently.
    const again = await decide("demo-bengt", b.id, "accept");
    expect(again.status).toBe(409);
    expect((await errorBody(again)).code).toBe("motion_amendment_needs_rework");
    const twice = await decide("demo-cecilia", a.id, "reject");
    expect((await errorBody(twice)).code).toBe("motion_amendment_closed");
  });

  it("accepts an amendment to other lines of the old version into the next version, with both changes", async () => {
    await json(await decide("demo-cecilia", c.id, "accept"));
    const v3 = await version(3);
    expect(v3.motivation.text).toBe((await version(2)).motivation.text);
    expect(v3.proposals[0]?.text).toBe(text.proposals[0]?.replace("årskurs ett", "årskurs två"));
    expect(v3.proposals[0]?.key).toBe(v1.proposals[0]?.key);
    expect(v3.proposals[1]).toEqual(v1.proposals[1]);
  });

  it("refuses an amendment against a version that is no longer the latest", async () => {
    const res = await post(
      path("/amendments"),
      "demo-hanna",
      amend(v1, linesOf(v1, "motivation", "Simhallarna"), "lediga", "tomma"),
    );
    expect(res.status).toBe(409);
    expect((await errorBody(res)).code).toBe("motion_amendment_old_version");
  });

  it("applies two amendments to different words of one paragraph, whichever is accepted first", async () => {
    const v3 = await version(3);
    const paragraph = linesOf(v3, "motivation", "Varje barn");
    const early = await propose("demo-hanna", amend(v3, paragraph.slice(0, 1), "Varje", "Precis varje"));
    const late = await propose(
      "demo-cecilia",
      amend(v3, paragraph.slice(-1), "på sommaren.", "på sommaren och på vintern."),
    );
    expect(early.conflictsWith).toEqual([]);
    await json(await decide("demo-bengt", early.id, "accept"));
    await json(await decide("demo-bengt", late.id, "accept"));
    const v5 = await version(5);
    expect(v5.motivation.text).toBe(
      v3.motivation.text
        .replace("Varje", "Precis varje")
        .replace("på sommaren.", "på sommaren och på vintern."),
    );
  });

  it("strikes lines with an empty text, and a rejection changes no version", async () => {
    const v5 = await version(5);
    const strike = await propose("demo-hanna", {
      ...amend(v5, linesOf(v5, "motivation", "Simhallarna"), "lediga", ""),
      text: "",
    });
    const rejected = await propose(
      "demo-hanna",
      amend(v5, linesOf(v5, "proposal", "att simhallarnas"), "skolorna", "förskolorna"),
    );
    await json(await decide("demo-cecilia", rejected.id, "reject"));
    expect((await get(path("/versions/6"), "demo-hanna")).status).toBe(404);
    await json(await decide("demo-cecilia", strike.id, "accept"));
    const v6 = await version(6);
    expect(v6.motivation.text.split("\n")).toEqual([v5.motivation.text.split("\n")[0], ""]);
    expect(v6.lines.some((l) => l.text.includes("Simhallarna"))).toBe(false);
    expect(v6.proposals).toEqual(v5.proposals);
  });
});

describe("versions compared word by word", () => {
  it("shows exactly the changed words, section by section", async () => {
    const diff = await json<MotionVersionDiff>(await get(path("/diff?from=1&to=3"), "demo-cecilia"));
    expect(diff).toMatchObject({ from: 1, to: 3 });
    const [title, motivation, first, second] = diff.sections;
    expect(title).toMatchObject({ part: "title", changed: false });
    const words = (s: typeof motivation, kind: string) =>
      s?.changes.filter((c) => c.change === kind).map((c) => c.text.trim());
    expect(words(motivation, "removed")).toEqual(["Alla", "behöver"]);
    expect(words(motivation, "added")).toEqual(["Varje", "ska"]);
    expect(first).toMatchObject({ part: "proposal", proposal: { from: 0, to: 0 }, changed: true });
    expect(words(first, "removed")).toEqual(["ett"]);
    expect(words(first, "added")).toEqual(["två"]);
    expect(second).toMatchObject({ changed: false });
    // Kept and struck words give the old text back, kept and inserted ones the new.
    const join = (kind: string) =>
      motivation?.changes
        .filter((c) => c.change !== kind)
        .map((c) => c.text)
        .join("");
    expect(join("added")).toBe(v1.motivation.text);
    expect(join("removed")).toBe((await version(3)).motivation.text);
  });

  it("answers 404 for a version the motion does not have, and to whoever may not see it", async () => {
    expect((await get(path("/diff?from=1&to=99"), "demo-cecilia")).status).toBe(404);
    expect((await get(path("/diff?from=1&to=2"), "demo-david")).status).toBe(404);
  });
});

describe("downloads", () => {
  it("gives a DOCX with the numbered lines as printed, every fifth number shown", async () => {
    const res = await get(path("/versions/1/docx"), "demo-cecilia");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("wordprocessingml");
    expect(res.headers.get("Content-Disposition")).toContain(`motion-${motionId}-version-1.docx`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    const fromXml = (s: string) =>
      s
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&");
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => fromXml(t[1] ?? "")).join(""),
    );
    expect(paragraphs).toEqual(v1.lines.map((l) => `${l.marked ? l.number : ""}${l.text}`));
    expect(v1.lines.length).toBeGreaterThanOrEqual(10);
    expect(paragraphs[4]?.startsWith("5")).toBe(true);
    expect(paragraphs[9]?.startsWith("10")).toBe(true);
    expect(paragraphs[0]).toBe(text.title);
  });

  it("gives Markdown: the title as a heading, the motivation, the att-satser as a list", async () => {
    const res = await get(path("/versions/3/markdown"), "demo-hanna");
    expect(res.headers.get("Content-Type")).toContain("text/markdown");
    const markdown = await res.text();
    const v3 = await version(3);
    expect(markdown).toBe(
      [
        `# ${text.title}`,
        ...v3.motivation.text.split("\n"),
        v3.proposals.map((p) => `- att ${p.text}`).join("\n"),
      ]
        .join("\n\n")
        .concat("\n"),
    );
  });

  it("is for those who may read the version", async () => {
    expect((await get(path("/versions/1/docx"), "demo-david")).status).toBe(404);
    expect((await get(path("/versions/1/markdown"), "demo-david")).status).toBe(404);
    expect((await get(path("/versions/99/docx"), "demo-hanna")).status).toBe(404);
    expect(cookies.size).toBe(4);
  });
});

describe("demo data", () => {
  it("has a submitted motion with two amendments in conflict and a comment thread, seeded once", async () => {
    await seed();
    const row = await env.DB.prepare(
      "SELECT id FROM motions WHERE title = 'Säkra cykelvägar till skolan'",
    ).first<{
      id: number;
    }>();
    const demo = `/api/motions/${row?.id}`;
    const list = await json<MotionAmendmentList>(await get(`${demo}/amendments`, "demo-cecilia"));
    const [first, second] = list.amendments;
    expect(list.amendments).toHaveLength(2);
    expect(first?.conflictsWith).toEqual([second?.id]);
    expect(second?.conflictsWith).toEqual([first?.id]);
    const { threads } = await json<MotionCommentList>(await get(`${demo}/comments`, "demo-cecilia"));
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      quote: "korsar trafikerade gator",
      current: { text: "korsar trafikerade gator" },
    });
    expect(threads[0]?.comments.map((c) => c.author.id)).toEqual(["demo-cecilia", "demo-bengt"]);
  });
});
