import { beforeAll, describe, expect, it } from "vitest";
import type { ImportProgress, MemberImport } from "../../worker/shared/members";
import { generatedMemberFile } from "../support/member-file";
import { api, env, errorBody, logInAs, seed } from "./helpers";

/**
 * Member import from CSV, through the real Worker and real D1: both encodings and
 * delimiters, every refusal reason, scope, permissions, malformed files, re-import, the
 * audit entry and a file of a few thousand rows applied in chunks.
 *
 * The 100,000-row national file is a benchmark, not a test:
 *   npm run bench -- member-import   (the 100,000-row national file, over HTTP)
 */

const cookies = new Map<string, string>();

const cookieOf = (personId: string) => {
  const cookie = cookies.get(personId);
  if (!cookie) throw new Error(`${personId} is not logged in`);
  return cookie;
};

function upload(
  personId: string | null,
  group: string,
  body: string | Uint8Array,
  contentType = "text/csv; charset=utf-8",
): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": contentType };
  if (personId) headers.Cookie = cookieOf(personId);
  return api(`/api/members/imports?group=${encodeURIComponent(group)}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
  });
}

async function staged(personId: string, group: string, body: string | Uint8Array): Promise<MemberImport> {
  const res = await upload(personId, group, body);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return (await res.json()) as MemberImport;
}

const applyOnce = (personId: string | null, id: string) =>
  api(`/api/members/imports/${id}/apply`, {
    method: "POST",
    headers: personId ? { Cookie: cookieOf(personId) } : {},
  });

/** Applies chunk after chunk, as the browser does; returns every progress answer. */
async function applyAll(personId: string, id: string): Promise<ImportProgress[]> {
  const steps: ImportProgress[] = [];
  for (let i = 0; i < 1000; i++) {
    const res = await applyOnce(personId, id);
    if (res.status !== 200) throw new Error(`apply: ${res.status} ${await res.text()}`);
    const progress = (await res.json()) as ImportProgress;
    steps.push(progress);
    if (progress.done) return steps;
  }
  throw new Error("apply never finished");
}

const getImport = (personId: string | null, id: string) =>
  api(`/api/members/imports/${id}`, { headers: personId ? { Cookie: cookieOf(personId) } : {} });

async function personByEmail(email: string) {
  return env.DB.prepare("SELECT id, name, email FROM people WHERE email = ?")
    .bind(email)
    .first<{ id: string; name: string; email: string }>();
}

/** "kind:slug role" for each membership of the person with this address, sorted. */
async function membershipsOf(email: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT g.kind || ':' || g.slug || ' ' || m.role AS held
     FROM memberships m JOIN people p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id
     WHERE p.email = ? ORDER BY held`,
  )
    .bind(email)
    .all<{ held: string }>();
  return results.map((r) => r.held);
}

const count = async (query: string, ...params: unknown[]) =>
  (await env.DB.prepare(query)
    .bind(...params)
    .first<number>("n")) ?? 0;

/** Counts of everything an import may touch: a refused request must leave all of them as they were. */
const snapshot = async () => ({
  imports: await count("SELECT count(*) AS n FROM member_imports"),
  rows: await count("SELECT count(*) AS n FROM member_import_rows"),
  people: await count("SELECT count(*) AS n FROM people"),
  memberships: await count("SELECT count(*) AS n FROM memberships"),
  audit: await count("SELECT count(*) AS n FROM audit_log"),
});

/** Windows-1252 bytes, built by hand: Latin-1 letters are their own code, plus the 0x80–0x9F ones used here. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, Š: 0x8a, š: 0x9a, Ž: 0x8e, ž: 0x9e };
  return Uint8Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0;
    const byte = extra[char] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (byte === undefined) throw new Error(`not in Windows-1252: ${char}`);
    return byte;
  });
}

beforeAll(async () => {
  await seed();
  for (const id of ["demo-astrid", "demo-bengt", "demo-cecilia", "demo-greta"]) {
    cookies.set(id, await logInAs(id));
  }
});

describe("a UTF-8 file with commas, from Göteborg's welcome officer", () => {
  const lines = [
    "Namn,E-post,Arbetarekommun,Förening,Roller,Telefon",
    "Anna Andersson,Anna.Andersson@Example.se,Göteborg,S-föreningen Majorna,ordförande,031-1",
    'Bo Berg,bo.berg@example.se,1480,,"styrelseledamot; Secretary",',
    ",nobody@example.se,Göteborg,,,",
    "Cia Ek,,Göteborg,,,",
    "Cia Ek,not-an-address,Göteborg,,,",
    "Dan Fors,dan@example.se,,,,",
    "Dan Fors,dan@example.se,Atlantis,,,",
    "Eva Gran,eva@example.se,Malmö,,,",
    "Fia Holm,fia@example.se,Göteborg,S-föreningen Möllevången,,",
    "Gun Ivarsson,gun@example.se,Göteborg,,kung,",
    "Hal Jansson,hal@example.se,Göteborg,,nationell administratör,",
    "Ida Karlsson,ida@example.se,Göteborg,,,,surplus",
    `${"L".repeat(201)},long@example.se,Göteborg,,,`,
    "",
    '"Jon ""JJ"" Ek",JON@example.se,Göteborgs arbetarekommun,s-foreningen-majorna,Medlem|board_member,',
    '"Anna "Annie" Ek",annie@example.se,Göteborg,,,',
    '"Unclosed,x@example.se,Göteborg,,,',
    "Never Read,never@example.se,Göteborg,,,",
  ];
  const expectedRefusals = [
    { row: 4, reason: "name_missing" },
    { row: 5, reason: "email_missing" },
    { row: 6, reason: "email_invalid" },
    { row: 7, reason: "branch_missing" },
    { row: 8, reason: "branch_unknown" },
    { row: 9, reason: "branch_out_of_scope" },
    { row: 10, reason: "association_unknown" },
    { row: 11, reason: "role_unknown" },
    { row: 12, reason: "role_not_allowed" },
    { row: 13, reason: "row_malformed" },
    { row: 14, reason: "name_too_long" },
    { row: 17, reason: "row_malformed" },
    { row: 18, reason: "quote_unclosed" },
  ];
  const refusedEmails = ["nobody@", "dan@", "eva@", "fia@", "gun@", "hal@", "ida@", "long@", "annie@", "x@"];
  let imported: MemberImport;

  it("stages every row and refuses each bad one with its reason and row number, applying nothing yet", async () => {
    const before = await snapshot();
    imported = await staged("demo-cecilia", "branch:goteborg", `\uFEFF${lines.join("\r\n")}\r\n`);
    expect(imported).toMatchObject({
      group: { kind: "branch", slug: "goteborg", name: "Göteborg" },
      status: "staged",
      encoding: "utf-8",
      delimiter: ",",
      totalRows: 16,
      appliedRows: 0,
      refusedRows: expectedRefusals.length,
      ignoredColumns: ["Telefon"],
    });
    expect(imported.refused).toEqual(expectedRefusals);
    const after = await snapshot();
    expect(after.people).toBe(before.people);
    expect(after.memberships).toBe(before.memberships);
    expect(after.audit).toBe(before.audit);
    expect(await personByEmail("anna.andersson@example.se")).toBeNull();
  });

  it("keeps only the row number and reason of a refused row", async () => {
    const { results } = await env.DB.prepare(
      "SELECT name, email, branch, association, roles FROM member_import_rows WHERE import_id = ? AND status = 'refused'",
    )
      .bind(imported.id)
      .all();
    expect(results).toHaveLength(expectedRefusals.length);
    for (const row of results) expect(Object.values(row).every((v) => v === "")).toBe(true);
  });

  it("shows the import to its importer and to a national administrator only", async () => {
    const mine = await getImport("demo-cecilia", imported.id);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as MemberImport).refused).toEqual(expectedRefusals);
    expect((await getImport("demo-astrid", imported.id)).status).toBe(200);
    for (const other of ["demo-bengt", "demo-greta"]) {
      const res = await getImport(other, imported.id);
      expect(res.status).toBe(403);
      expect((await errorBody(res)).code).toBe("forbidden");
      expect((await applyOnce(other, imported.id)).status).toBe(403);
    }
    expect((await getImport(null, imported.id)).status).toBe(401);
    expect((await applyOnce(null, imported.id)).status).toBe(401);
    expect((await getImport("demo-cecilia", "A".repeat(22))).status).toBe(404);
    expect((await getImport("demo-cecilia", "not-an-id")).status).toBe(400);
  });

  it("applies the valid rows with their memberships, and nothing of the refused ones", async () => {
    const steps = await applyAll("demo-cecilia", imported.id);
    expect(steps.at(-1)).toEqual({ applied: 3, refused: expectedRefusals.length, total: 16, done: true });

    expect(await personByEmail("anna.andersson@example.se")).toMatchObject({ name: "Anna Andersson" });
    expect(await membershipsOf("anna.andersson@example.se")).toEqual([
      "association:s-foreningen-majorna member",
      "branch:goteborg chair",
      "branch:goteborg member",
    ]);
    expect(await membershipsOf("bo.berg@example.se")).toEqual([
      "branch:goteborg board_member",
      "branch:goteborg member",
      "branch:goteborg secretary",
    ]);
    expect(await personByEmail("jon@example.se")).toMatchObject({ name: 'Jon "JJ" Ek' });
    expect(await membershipsOf("jon@example.se")).toEqual([
      "association:s-foreningen-majorna member",
      "branch:goteborg board_member",
      "branch:goteborg member",
    ]);
    for (const prefix of refusedEmails) {
      expect(await count("SELECT count(*) AS n FROM people WHERE email LIKE ?", `${prefix}%`), prefix).toBe(
        0,
      );
    }
    // The applied rows' staging copies (names, addresses) are gone; the refusals remain.
    expect(await count("SELECT count(*) AS n FROM member_import_rows WHERE import_id = ?", imported.id)).toBe(
      expectedRefusals.length,
    );
    const done = (await (await getImport("demo-cecilia", imported.id)).json()) as MemberImport;
    expect(done).toMatchObject({ status: "done", appliedRows: 3 });
  });

  it("writes one audit entry with counts only, however often apply is called after", async () => {
    await applyOnce("demo-cecilia", imported.id);
    const { results } = await env.DB.prepare(
      "SELECT actor_id, action, subject_type, details FROM audit_log WHERE subject_id = ?",
    )
      .bind(imported.id)
      .all<{ actor_id: string; action: string; subject_type: string; details: string }>();
    expect(results).toHaveLength(1);
    const [entry] = results;
    expect(entry).toMatchObject({
      actor_id: "demo-cecilia",
      action: "members.import",
      subject_type: "import",
    });
    expect(JSON.parse(entry?.details ?? "")).toEqual({
      totalRows: 16,
      appliedRows: 3,
      refusedRows: expectedRefusals.length,
    });
    expect(entry?.details).not.toMatch(/@|Anna|Andersson|Berg/);
  });

  it("updates on re-import, never duplicating people or removing memberships", async () => {
    const anna = await personByEmail("anna.andersson@example.se");
    const file = "name,email,branch\nAnna Andersson Ek,ANNA.ANDERSSON@example.se,goteborg\n";
    const again = await staged("demo-cecilia", "branch:goteborg", file);
    expect(again.refusedRows).toBe(0);
    await applyAll("demo-cecilia", again.id);
    // A branch's file adds memberships but does not rename someone who already exists...
    expect(await personByEmail("anna.andersson@example.se")).toEqual({
      id: anna?.id,
      name: "Anna Andersson",
      email: "anna.andersson@example.se",
    });
    // ...the national register does.
    const national = await staged("demo-astrid", "national:national", file);
    await applyAll("demo-astrid", national.id);
    expect(await personByEmail("anna.andersson@example.se")).toEqual({
      id: anna?.id,
      name: "Anna Andersson Ek",
      email: "anna.andersson@example.se",
    });
    expect(
      await count("SELECT count(*) AS n FROM people WHERE lower(email) = ?", "anna.andersson@example.se"),
    ).toBe(1);
    // Absent from the second file: kept, with every membership.
    expect(await membershipsOf("anna.andersson@example.se")).toEqual([
      "association:s-foreningen-majorna member",
      "branch:goteborg chair",
      "branch:goteborg member",
    ]);
    expect(await membershipsOf("bo.berg@example.se")).toHaveLength(3);
  });

  it("updates an existing member found by e-mail, keeping her id and roles", async () => {
    const cecilia = await staged(
      "demo-cecilia",
      "branch:goteborg",
      "namn,e-post,arbetarekommun\nCecilia Ahmadi,cecilia@samtal.example,Göteborg\n",
    );
    await applyAll("demo-cecilia", cecilia.id);
    expect(await personByEmail("cecilia@samtal.example")).toMatchObject({ id: "demo-cecilia" });
    expect(await membershipsOf("cecilia@samtal.example")).toEqual([
      "branch:goteborg board_member",
      "branch:goteborg member",
      "branch:goteborg welcome_officer",
    ]);
  });
});

describe("a Windows-1252 file with semicolons, from a national administrator", () => {
  it("decodes Swedish (and Czech) letters and applies rows anywhere, national administrators included", async () => {
    const text = [
      "namn;e-post;arbetarekommun;förening;roller",
      "Åsa Öberg;asa.oberg@example.se;Malmö;S-föreningen Möllevången;Medlemsansvarig",
      "Pär Ström;par.strom@example.se;Göteborg;;Nationell administratör",
      "Šárka Nováková;sarka@example.se;0180;S-föreningen Södermalm;",
      "Örjan Ärlig;orjan@example.se;Ingenstans;;",
    ].join("\r\n");
    const bytes = windows1252(text);
    expect([...bytes.slice(bytes.indexOf(0xc5), bytes.indexOf(0xc5) + 5)]).toEqual([
      0xc5, 0x73, 0x61, 0x20, 0xd6,
    ]);

    const imported = await staged("demo-astrid", "national:national", bytes);
    expect(imported).toMatchObject({
      encoding: "windows-1252",
      delimiter: ";",
      totalRows: 4,
      refusedRows: 1,
    });
    expect(imported.refused).toEqual([{ row: 5, reason: "branch_unknown" }]);
    await applyAll("demo-astrid", imported.id);

    expect(await personByEmail("asa.oberg@example.se")).toMatchObject({ name: "Åsa Öberg" });
    expect(await membershipsOf("asa.oberg@example.se")).toEqual([
      "association:s-foreningen-mollevangen member",
      "branch:malmo member",
      "branch:malmo welcome_officer",
    ]);
    expect(await personByEmail("sarka@example.se")).toMatchObject({ name: "Šárka Nováková" });
    expect(await membershipsOf("sarka@example.se")).toEqual([
      "association:s-foreningen-sodermalm member",
      "branch:stockholm member",
    ]);
    // A national administrator's role lives at the national level, where it means something.
    expect(await membershipsOf("par.strom@example.se")).toEqual([
      "branch:goteborg member",
      "national:national national_admin",
    ]);
    expect(await personByEmail("orjan@example.se")).toBeNull();
  });
});

describe("scope and permissions", () => {
  const oneRow = "name,email,branch\nScope Test,scope@example.se,Göteborg\n";

  it("lets Göteborg's welcome officer import only for Göteborg", async () => {
    for (const group of ["branch:malmo", "national:national", "district:goteborg"]) {
      const res = await upload("demo-cecilia", group, oneRow);
      expect(res.status, group).toBe(403);
      expect((await errorBody(res)).code).toBe("forbidden");
    }
  });

  it("refuses someone without the right (403) and someone not logged in (401), changing nothing", async () => {
    const before = await snapshot();
    const chair = await upload("demo-bengt", "branch:goteborg", oneRow);
    expect(chair.status).toBe(403);
    expect((await errorBody(chair)).code).toBe("forbidden");
    const nobody = await upload(null, "branch:goteborg", oneRow);
    expect(nobody.status).toBe(401);
    expect((await errorBody(nobody)).code).toBe("not_logged_in");
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for a group that does not exist and 400 for a malformed one", async () => {
    expect((await upload("demo-astrid", "branch:atlantis", oneRow)).status).toBe(404);
    for (const group of ["goteborg", "association:s-foreningen-majorna", "branch:Göteborg"]) {
      const res = await upload("demo-astrid", group, oneRow);
      expect(res.status, group).toBe(400);
      expect((await errorBody(res)).code).toBe("validation_failed");
    }
  });

  it("refuses an import that was not applied within its lifetime", async () => {
    const old = await staged("demo-cecilia", "branch:goteborg", oneRow);
    await env.DB.prepare("UPDATE member_imports SET created_at = created_at - 25 * 3600 * 1000 WHERE id = ?")
      .bind(old.id)
      .run();
    const res = await applyOnce("demo-cecilia", old.id);
    expect(res.status).toBe(410);
    expect((await errorBody(res)).code).toBe("import_expired");
    expect(await personByEmail("scope@example.se")).toBeNull();
    // The next upload purges the expired import's pending rows (a name and an address).
    await staged("demo-cecilia", "branch:goteborg", "name,email,branch\nOther,other@example.se,Göteborg\n");
    expect(await count("SELECT count(*) AS n FROM member_import_rows WHERE import_id = ?", old.id)).toBe(0);
  });
});

describe("malformed files", () => {
  const cases: [string, string | Uint8Array, number, string][] = [
    ["an empty file", "", 400, "import_empty"],
    ["only blank lines", "\r\n\r\n  \n", 400, "import_empty"],
    ["no header row", "Anna Andersson,anna@example.se,Göteborg\n", 400, "import_no_header"],
    ["unknown columns", "förnamn;efternamn;telefon\nAnna;Ek;031\n", 400, "import_no_header"],
    ["a missing column", "namn;telefon;arbetarekommun\nAnna;031;Göteborg\n", 400, "import_missing_columns"],
    [
      "a column twice",
      "name,email,e-post,branch\nA,a@example.se,a@example.se,Göteborg\n",
      400,
      "import_duplicate_column",
    ],
    ["a header and no rows", "name,email,branch\n\n", 400, "import_no_rows"],
  ];

  it.each(cases)("refuses %s with a clear code and changes nothing", async (_, body, status, code) => {
    const before = await snapshot();
    const res = await upload("demo-cecilia", "branch:goteborg", body);
    expect(res.status).toBe(status);
    const error = await errorBody(res);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
  });

  it("names the missing columns", async () => {
    const res = await upload("demo-cecilia", "branch:goteborg", "namn;telefon\nAnna;031\n");
    const error = await errorBody(res);
    expect(error.code).toBe("import_missing_columns");
    expect(error.issues?.map((i) => i.path)).toEqual(["header.email", "header.branch"]);
  });

  it("answers in English when asked", async () => {
    const res = await api("/api/members/imports?group=branch:goteborg", {
      method: "POST",
      headers: { "Content-Type": "text/csv", Cookie: cookieOf("demo-cecilia"), "Accept-Language": "en" },
      body: "",
    });
    expect((await errorBody(res)).message).toBe("The file is empty.");
  });

  it("refuses another media type (415) and a file over 20 MB (413)", async () => {
    const json = await upload("demo-cecilia", "branch:goteborg", "name,email,branch\n", "application/json");
    expect(json.status).toBe(415);
    expect((await errorBody(json)).code).toBe("import_not_csv");
    const huge = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    const big = await upload("demo-cecilia", "branch:goteborg", huge);
    expect(big.status).toBe(413);
    expect((await errorBody(big)).code).toBe("import_file_too_large");
  });
});

describe("a file of a few thousand rows", () => {
  it("is applied in chunks, with progress, and concurrent calls count every row once", async () => {
    const rows = 3000;
    const before = await snapshot();
    const started = Date.now();
    const imported = await staged("demo-astrid", "national:national", generatedMemberFile(rows));
    expect(imported).toMatchObject({ totalRows: rows, refusedRows: 0 });
    const stagedAt = Date.now();
    // Two calls at once (a double click) apply different rows or the same rows once.
    const [first, second] = await Promise.all([
      applyOnce("demo-astrid", imported.id),
      applyOnce("demo-astrid", imported.id),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const steps = await applyAll("demo-astrid", imported.id);
    const applied = steps.map((s) => s.applied);
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.at(-1)).toEqual({ applied: rows, refused: 0, total: rows, done: true });
    console.log(
      `member import, ${rows} rows: staging ${stagedAt - started} ms, applying ${Date.now() - stagedAt} ms`,
    );

    const after = await snapshot();
    expect(after.people - before.people).toBe(rows);
    // member of the branch for all, of Majorna for every third Göteborg row, a board seat for every 50th.
    const majorna = Array.from({ length: rows }, (_, i) => i % 7 === 0 && i % 3 === 0).filter(Boolean).length;
    expect(after.memberships - before.memberships).toBe(rows + majorna + rows / 50);
    expect(after.audit - before.audit).toBe(1);
    expect(await count("SELECT count(*) AS n FROM member_import_rows WHERE import_id = ?", imported.id)).toBe(
      0,
    );
  });
});
