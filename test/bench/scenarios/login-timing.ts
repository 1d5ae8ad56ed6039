import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { type RunningApp, startApp } from "../../support/app";
import { generatedMemberFile } from "../../support/member-file";
import { median, serverCpu } from "../lib/harness";
import { ms, pct, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";

/**
 * Does the log-in form tell who is a member? `requests` log-in requests, half for members'
 * addresses and half for addresses nobody has, in random order and one at a time, each from
 * its own client address (CF-Connecting-IP, so the per-client limit never answers) and each
 * for an address asked for once (so the per-member limit never comes into play). Latency is
 * taken at the client, request sent to body read, against the real Worker on local workerd
 * with local D1 (wrangler's test harness, as `npm start` runs it; workerd moved to the
 * servers' core, this process on the clients').
 *
 * Two figures say whether an observer learns anything: the difference of the medians, and
 * the best single-request classification rate, that of the threshold ("slower than t ms
 * means member") that separates the two samples best. The second is an in-sample maximum, so
 * even two samples of identical requests score above 50 %: a permutation test (the labels
 * shuffled among the same latencies) gives that noise level to compare against.
 */
const requests = 1600;
const warmUp = 40;
const permutations = 1000;

interface Sample {
  member: boolean;
  ms: number;
}

/** A fresh client address per request (private range 10.x.y.z). */
const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function requestLogIn(app: RunningApp, email: string, n: number): Promise<number> {
  const started = performance.now();
  const res = await app.fetch("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientAddress(n) },
    body: JSON.stringify({ email }),
  });
  await res.arrayBuffer();
  const elapsed = performance.now() - started;
  if (res.status !== 202) throw new Error(`log-in request: HTTP ${res.status}`);
  return elapsed;
}

/** Members to ask for: a member file imported by the national administrator. */
async function importMembers(app: RunningApp, count: number): Promise<void> {
  const login = await app.fetch("/api/dev/login-as", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId: "demo-astrid" }),
  });
  const cookie = /(__Host-samtal_session=[^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
  const upload = await app.fetch("/api/members/imports?group=national:national", {
    method: "POST",
    headers: { "Content-Type": "text/csv", Cookie: cookie },
    body: generatedMemberFile(count),
  });
  if (upload.status !== 201) throw new Error(`member import: HTTP ${upload.status}`);
  const { id } = (await upload.json()) as { id: string };
  for (;;) {
    const res = await app.fetch(`/api/members/imports/${id}/apply`, {
      method: "POST",
      headers: { Cookie: cookie },
    });
    if (!res.ok) throw new Error(`apply: HTTP ${res.status}`);
    if (((await res.json()) as { done: boolean }).done) return;
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * For latencies sorted ascending with their labels: the difference of the medians (members
 * minus others) and the best accuracy of any threshold, in either direction.
 */
function separation(sortedMs: number[], member: boolean[]): { difference: number; bestRate: number } {
  const total = sortedMs.length;
  const members = member.filter(Boolean).length;
  const others = total - members;
  // Accuracy of "above the cut means member" with the cut after position i.
  let membersBelow = 0;
  let othersBelow = 0;
  let best = Math.max(members, others) / total;
  for (let i = 0; i < total; i++) {
    if (member[i]) membersBelow++;
    else othersBelow++;
    if (i + 1 < total && sortedMs[i + 1] === sortedMs[i]) continue;
    const aboveMeansMember = (members - membersBelow + othersBelow) / total;
    best = Math.max(best, aboveMeansMember, 1 - aboveMeansMember);
  }
  const medianOf = (wanted: boolean, count: number) => {
    const middle = Math.floor((count - 1) / 2);
    let seen = 0;
    for (let i = 0; i < total; i++) {
      if (member[i] !== wanted) continue;
      if (seen++ === middle) return sortedMs[i] as number;
    }
    return Number.NaN;
  };
  return { difference: medianOf(true, members) - medianOf(false, others), bestRate: best };
}

/**
 * wrangler's harness starts workerd as a child of this process, so it inherits this
 * process's core. Move it to the servers' core: on a shared core, the work the Worker does
 * after answering (a member's link and mail) would take the CPU from the client reading the
 * answer, a delay no remote client sees.
 */
export function pinWorkerd(): number[] {
  if (!serverCpu) return [];
  const children = readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean),
  );
  const workerds = children.filter((pid) => readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd");
  for (const pid of workerds) spawnSync("taskset", ["-a", "-p", "-c", serverCpu, pid]);
  return workerds.map(Number);
}

async function run(): Promise<void> {
  const app = await startApp({ devMode: true });
  try {
    const pinned = pinWorkerd();
    console.log(
      pinned.length ? `workerd (pid ${pinned.join(", ")}) on core ${serverCpu}.` : "workerd not pinned.",
    );
    const memberCount = requests / 2 + warmUp / 2;
    await importMembers(app, memberCount);
    const memberAddress = (i: number) => `medlem${i}@register.example`;
    // Same length and domain as the members' addresses: only membership differs.
    const otherAddress = (i: number) => `medlom${i}@register.example`;

    // Each address is asked for once: the warm-up takes those after the measured ones.
    let n = 0;
    let nextMember = 0;
    let nextOther = 0;
    const ask = (member: boolean) =>
      requestLogIn(app, member ? memberAddress(nextMember++) : otherAddress(nextOther++), n++);
    nextMember = nextOther = requests / 2;
    for (const member of shuffle(Array.from({ length: warmUp }, (_, i) => i % 2 === 0))) await ask(member);
    nextMember = nextOther = 0;
    const samples: Sample[] = [];
    for (const member of shuffle(Array.from({ length: requests }, (_, i) => i % 2 === 0))) {
      samples.push({ member, ms: await ask(member) });
    }

    // Members got their links and nobody else any mail: the work was done, if later. The
    // development outbox lists the newest 50 mails.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const outbox = (await (await app.fetch("/api/dev/outbox")).json()) as { to: string }[];
    if (outbox.length < 50 || outbox.some((m) => !m.to.startsWith("medlem"))) {
      throw new Error("the newest mails are not all members' log-in links");
    }

    samples.sort((a, b) => a.ms - b.ms);
    const sortedMs = samples.map((s) => s.ms);
    const labels = samples.map((s) => s.member);
    const observed = separation(sortedMs, labels);
    const noise = Array.from({ length: permutations }, () => separation(sortedMs, shuffle([...labels])));
    const noiseRate = noise.map((r) => r.bestRate).sort((a, b) => a - b);
    const noiseDifference = noise.map((r) => Math.abs(r.difference)).sort((a, b) => a - b);
    const at95 = (sorted: number[]) => sorted[Math.floor(sorted.length * 0.95)] as number;
    const pRate = noiseRate.filter((r) => r >= observed.bestRate).length / permutations;
    const pDifference =
      noiseDifference.filter((d) => d >= Math.abs(observed.difference)).length / permutations;

    // `samples` is sorted, so each group's latencies are too.
    const row = (name: string, member: boolean) => {
      const sorted = samples.filter((s) => s.member === member).map((s) => s.ms);
      const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] as number;
      return [name, String(sorted.length), ms(median(sorted)), ms(at(0.1)), ms(at(0.9))];
    };
    console.log(
      table(
        ["addresses", "requests", "median", "p10", "p90"],
        [row("members'", true), row("nobody's", false)],
      ),
    );
    console.log(`
Difference of medians (members − nobody's): ${observed.difference.toFixed(2)} ms; with the labels shuffled
(${permutations} permutations) 95 % of differences are within ±${at95(noiseDifference).toFixed(2)} ms (p = ${pDifference.toFixed(3)}).
Best single-request classification: ${pct(observed.bestRate)}; the same statistic with the labels shuffled:
median ${pct(median(noiseRate))}, 95th percentile ${pct(at95(noiseRate))} (p = ${pRate.toFixed(3)}).
The newest 50 mails in the development outbox are all members' log-in links.
`);
    console.log(
      verdicts([
        {
          what: "difference of medians within noise (<= 1 ms)",
          value: `${observed.difference.toFixed(2)} ms`,
          pass: Math.abs(observed.difference) <= 1,
        },
        {
          what: "best classification <= 55 %",
          value: pct(observed.bestRate),
          pass: observed.bestRate <= 0.55,
        },
        {
          what: "both within the noise of shuffled labels (p >= 0.05)",
          value: `p = ${pDifference.toFixed(3)} / ${pRate.toFixed(3)}`,
          pass: pDifference >= 0.05 && pRate >= 0.05,
        },
      ]),
    );
  } finally {
    await app.close();
  }
}

export const loginTimingScenarios: Record<string, Scenario> = {
  "login-timing": {
    description: `${requests} log-in requests, members' and nobody's addresses interleaved: does latency tell them apart?`,
    run,
  },
};
