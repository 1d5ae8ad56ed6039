import { loadavg } from "node:os";
import * as Y from "yjs";
import { startApp } from "../../support/app";
import { roomSocketUrl } from "../../support/workerd";
import { BenchClient } from "../lib/client";
import { distribution, ms, table } from "../lib/report";
import type { Scenario } from "../lib/scenario";

/**
 * Issue 11's deadline rush, over HTTP against the real Worker on local workerd with local
 * D1 and real rooms: the national office asks every branch (290) and every association
 * (2,000 made for the run, plus the 8 demo ones, which stay silent); each asked group's
 * open answer is written into its live document first; then the 2,290 chairs arrive at
 * random over five minutes (twice the issue's rate of 2,290 in ten), each saving her
 * choices and submitting, and one in ten presses submit twice at once. Then:
 * every answer stored exactly once, submit latency (p50/p95/p99, target p99 ≤ 1 s), no
 * request failing (D1 never overloaded), and the office's overview and XLSX export over
 * the 2,290 answers (target ≤ 1 s each). No baseline: the figures stand against the targets.
 */

const associations = 2_000;
/** Setting up (log-ins, live texts): this many requests at a time. */
const concurrency = 32;
/** The rush's window: half the ten minutes, so twice its mean rate of submissions. */
const rushWindowSeconds = 300;
/** Chairs who submit one after another before the rush, for the cost of one submit alone. */
const aloneFirst = 50;
const doubleClickEvery = 10;

interface Statement {
  bind(...values: unknown[]): Statement;
  first<T>(): Promise<T | null>;
}
interface D1Like {
  prepare(query: string): Statement;
  batch(statements: Statement[]): Promise<unknown>;
}

/** `demo-` and letters: the development log-in takes only such ids. */
const personId = (i: number) =>
  `demo-bench${[26 * 26, 26, 1].map((d) => String.fromCharCode(97 + (Math.floor(i / d) % 26))).join("")}`;

async function inBatches<T>(
  items: T[],
  size: number,
  each: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        await each(items[i] as T, i);
      }
    }),
  );
}

/**
 * A batch of set-up statements through the test harness's D1 proxy, which now and then
 * drops its connection on a busy machine: tried again after a pause (the set-up is not
 * what is measured).
 */
async function prepare(db: D1Like, statements: Statement[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.batch(statements);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      console.log(`  set-up batch failed (${String(err)}), again in a second`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

const sessionOf = (res: Response) =>
  /(__Host-samtal_session=[^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1] ?? "";

const sentences = [
  "Bostäder som unga har råd med och fler hyresrätter.",
  "Vårdcentralerna behöver fler läkare och kortare köer.",
  "Kollektivtrafiken på landsbygden måste bli pålitlig.",
  "Skolan ska vara likvärdig oavsett var man bor.",
  "Trygghet i ytterområdena: fler poliser och fritidsgårdar.",
  "Jobben i omställningen: industrin, elnätet och utbildning.",
];

async function run(): Promise<void> {
  const app = await startApp({ devMode: true });
  try {
    const db = (await app.env()).DB as D1Like;
    const post = (path: string, body: unknown, cookie: string, method = "POST") =>
      app.fetch(path, {
        method,
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify(body),
      });
    const logIn = async (id: string) => sessionOf(await post("/api/dev/login-as", { personId: id }, ""));

    // 2,000 associations under the 290 branches, and a chair for every branch and association.
    const prepared = performance.now();
    const branchCount =
      (await db.prepare("SELECT count(*) AS n FROM groups WHERE kind = 'branch'").first<{ n: number }>())
        ?.n ?? 0;
    const statements: Statement[] = [];
    for (let i = 0; i < associations; i++) {
      statements.push(
        db
          .prepare(
            "INSERT INTO groups (kind, slug, name, parent_id) SELECT 'association', ?, ?, id FROM groups WHERE kind = 'branch' ORDER BY id LIMIT 1 OFFSET ?",
          )
          .bind(`bench-forening-${i}`, `Benchföreningen ${i}`, i % branchCount),
      );
    }
    for (let i = 0; i < statements.length; i += 100) await prepare(db, statements.slice(i, i + 100));
    const chairs: Statement[] = [];
    const asked = branchCount + associations;
    for (let i = 0; i < asked; i++) {
      const id = personId(i);
      chairs.push(
        db
          .prepare("INSERT INTO people (id, name, email, created_at) VALUES (?, ?, ?, ?)")
          .bind(id, `Ordförande ${i}`, `${id}@bench.example`, Date.now()),
        db
          .prepare(
            i < branchCount
              ? "INSERT INTO memberships (person_id, group_id, role, created_at) SELECT ?, id, 'chair', ? FROM groups WHERE kind = 'branch' ORDER BY id LIMIT 1 OFFSET ?"
              : "INSERT INTO memberships (person_id, group_id, role, created_at) SELECT ?, id, 'chair', ? FROM groups WHERE kind = 'association' AND slug = ?",
          )
          .bind(id, Date.now(), i < branchCount ? i : `bench-forening-${i - branchCount}`),
      );
    }
    for (let i = 0; i < chairs.length; i += 100) await prepare(db, chairs.slice(i, i + 100));

    const step = (what: string) =>
      console.log(`  ${what} (${((performance.now() - prepared) / 1000).toFixed(0)} s)`);
    step(`${associations} associations and ${asked} chairs made`);
    // The office asks every branch and association; each chair logs in and finds her group.
    const astrid = await logIn("demo-astrid");
    const now = Date.now();
    const created = await post(
      "/api/consultations?group=national:national",
      {
        title: "Rådslag: belastningsprov",
        questions: [
          { kind: "open", prompt: "Vad är viktigast hos er?" },
          { kind: "single", prompt: "Vad först?", options: ["Skolan", "Vården", "Jobben", "Bostäderna"] },
          { kind: "scale", prompt: "Hur nöjda?", scale: { min: 1, max: 5 } },
        ],
        audience: { kinds: ["branch", "association"], districts: [] },
        opensAt: now - 60_000,
        closesAt: now + 60 * 60_000,
      },
      astrid,
    );
    const { id, questions } = (await created.json()) as { id: number; questions: { id: number }[] };
    if ((await post(`/api/consultations/${id}/publish`, {}, astrid)).status !== 200)
      throw new Error("publish failed");
    const [open, single, scale] = questions.map((q) => q.id) as [number, number, number];

    const groups: { cookie: string; path: string; documentId: string; i: number }[] = [];
    await inBatches(
      Array.from({ length: asked }, (_, i) => i),
      concurrency,
      async (i) => {
        const cookie = await logIn(personId(i));
        const me = (await (await app.fetch("/api/me", { headers: { Cookie: cookie } })).json()) as {
          groups: { group: { kind: string; slug: string } }[];
        };
        const group = me.groups[0]?.group;
        if (!group) throw new Error(`${personId(i)} has no group`);
        const path = `/api/consultations/${id}/groups/${group.kind}:${group.slug}`;
        const ws = (await (await app.fetch(path, { headers: { Cookie: cookie } })).json()) as {
          documents: { questionId: number; documentId: string | null }[];
        };
        const documentId = ws.documents.find((d) => d.questionId === open)?.documentId ?? "";
        groups.push({ cookie, path, documentId, i });
      },
    );

    step(`${groups.length} chairs logged in, workspaces found`);
    // Each group's answer, written into its live document as an editor would.
    await inBatches(groups, concurrency, async (g) => {
      const endpoint = {
        framing: "y-websocket" as const,
        documentName: g.documentId,
        url: async () => {
          const res = await post("/api/rooms/" + encodeURIComponent(g.documentId) + "/token", {}, g.cookie);
          return roomSocketUrl(app.url, g.documentId, ((await res.json()) as { token: string }).token);
        },
      };
      const client = new BenchClient(endpoint, { keepDoc: true });
      await client.connect();
      await client.whenSynced();
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [
        new Y.XmlText(`${sentences[g.i % sentences.length]} ${sentences[(g.i * 7) % sentences.length]}`),
      ]);
      client.doc.getXmlFragment("default").insert(0, [paragraph]);
      await client.roundTrip(Y.encodeStateVector(new Y.Doc()));
      client.close();
    });
    step(`${groups.length} answers written live`);
    const setupSeconds = (performance.now() - prepared) / 1000;

    // The rush: the chairs arrive at random (a Poisson process) over the window, each saving
    // her choices and submitting without waiting for anyone else; one in ten presses twice.
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let inFlight = 0;
    let mostInFlight = 0;
    const flow = async (g: (typeof groups)[number]) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      const saved = await post(
        `${g.path}/choices`,
        {
          choices: [
            { questionId: single, choices: [g.i % 4] },
            { questionId: scale, value: 1 + (g.i % 5) },
          ],
        },
        g.cookie,
        "PUT",
      );
      count(saved.status);
      const submit = async () => {
        const started = performance.now();
        const res = await post(`${g.path}/submit`, {}, g.cookie);
        latencies.push(performance.now() - started);
        count(res.status);
        await res.arrayBuffer();
      };
      await (g.i % doubleClickEvery === 0 ? Promise.all([submit(), submit()]) : submit());
      inFlight--;
    };
    const shuffled = [...groups].sort(() => Math.random() - 0.5);
    // First a few chairs alone, one after another: what one submit costs without a queue.
    const alone = shuffled.slice(0, aloneFirst);
    for (const g of alone) await flow(g);
    const serviceTimes = distribution(latencies.splice(0));
    const order = shuffled.slice(aloneFirst);
    const meanGapMs = (rushWindowSeconds * 1000) / order.length;
    const rushStarted = performance.now();
    const flows: Promise<void>[] = [];
    let due = rushStarted;
    for (const g of order) {
      due += -Math.log(1 - Math.random()) * meanGapMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      flows.push(flow(g));
    }
    await Promise.all(flows);
    const rushSeconds = (performance.now() - rushStarted) / 1000;
    const load = loadavg()[0]?.toFixed(1);

    // Exactly once: one version per group, three items each.
    const stored = await db
      .prepare(
        "SELECT count(*) AS versions, count(DISTINCT group_id) AS groups, (SELECT count(*) FROM consultation_answer_items WHERE consultation_id = ?1) AS items FROM consultation_answers WHERE consultation_id = ?1",
      )
      .bind(id)
      .first<{ versions: number; groups: number; items: number }>();
    const overviewTimes: number[] = [];
    let answered = 0;
    for (let k = 0; k < 5; k++) {
      const started = performance.now();
      const res = await app.fetch(`/api/consultations/${id}/overview`, { headers: { Cookie: astrid } });
      const o = (await res.json()) as { overall: { asked: number; answered: number } };
      overviewTimes.push(performance.now() - started);
      answered = o.overall.answered;
    }
    const exportTimes: number[] = [];
    let xlsxBytes = 0;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      const res = await app.fetch(`/api/consultations/${id}/export?format=xlsx`, {
        headers: { Cookie: astrid },
      });
      xlsxBytes = (await res.arrayBuffer()).byteLength;
      exportTimes.push(performance.now() - started);
    }
    const csvStarted = performance.now();
    const csv = await (
      await app.fetch(`/api/consultations/${id}/export?format=csv`, { headers: { Cookie: astrid } })
    ).text();
    const csvMs = performance.now() - csvStarted;

    const submits = distribution(latencies);
    const failures = [...statuses].filter(([status]) => status >= 500 || status === 429);
    console.log(
      `consultation rush: ${groups.length} groups asked and answering (${asked} chairs), set up in ${setupSeconds.toFixed(0)} s; ` +
        `load average ${load} at the rush's end (2 cores)`,
    );
    console.log(
      table(
        ["measure", "figure", "target"],
        [
          [
            "rush: every group saves its choices and submits, arriving at random",
            `${rushSeconds.toFixed(1)} s (${(order.length / rushWindowSeconds).toFixed(1)} groups/s; at most ${mostInFlight} in flight)`,
            "within 10 min",
          ],
          ["submits sent in the rush (one in ten twice at once)", String(latencies.length), ""],
          [
            "stored: versions, groups, answer items",
            `${stored?.versions}, ${stored?.groups}, ${stored?.items} (overview: ${answered} answered)`,
            `${groups.length}, ${groups.length}, ${groups.length * 3}`,
          ],
          ["HTTP statuses", [...statuses].map(([s, n]) => `${s}: ${n}`).join(", "), "no 5xx"],
          [
            `one submit alone (${aloneFirst} in a row) p50 / p95 / p99 / max`,
            `${ms(serviceTimes.p50)} / ${ms(serviceTimes.p95)} / ${ms(serviceTimes.p99)} / ${ms(serviceTimes.max)}`,
            "",
          ],
          [
            "submit latency in the rush p50 / p95 / p99 / max",
            `${ms(submits.p50)} / ${ms(submits.p95)} / ${ms(submits.p99)} / ${ms(submits.max)}`,
            "p99 ≤ 1 s",
          ],
          ["overview, 5 reads (each)", overviewTimes.map(ms).join(", "), "≤ 1 s"],
          [
            `XLSX export, 3 runs (${(xlsxBytes / 1024).toFixed(0)} KiB)`,
            exportTimes.map(ms).join(", "),
            "≤ 1 s",
          ],
          [`CSV export (${(csv.length / 1024).toFixed(0)} KiB)`, ms(csvMs), ""],
        ],
      ),
    );
    if (failures.length) throw new Error(`failed requests: ${JSON.stringify(failures)}`);
    const once =
      stored?.versions === groups.length &&
      stored.groups === groups.length &&
      stored.items === groups.length * 3;
    if (!once || answered !== groups.length) throw new Error("not every answer stored exactly once");
  } finally {
    await app.close();
  }
}

export const consultationRushScenarios: Record<string, Scenario> = {
  "consultation-rush": {
    description:
      "issue 11's deadline rush: 290 branches and 2,000 associations submit; overview and XLSX over 2,290 answers",
    run,
  },
};
