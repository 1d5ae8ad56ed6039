import { eachSystem, processCpuMs } from "../lib/harness";
import {
  type Activity,
  commitWaitSeconds,
  d1Rows,
  partyActivities,
  presenceHeartbeatSeconds,
  retentionMonths,
  typingRate,
} from "../lib/party";
import { prices, pricesReadOn } from "../lib/prices";
import { ms, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { joinSessions, presenceSession, typedDocument, typingSession } from "../lib/sessions";
import { type RunningSystem, samtal, yPartyserver } from "../lib/systems";

/**
 * `npm run bench -- cost`: what the party would pay Cloudflare a month at full scale.
 * Per-unit costs are measured here on local workerd (server CPU per incoming update, per
 * presence message, per outgoing send, per join, per Worker request; rows written and
 * bytes stored per keystroke), multiplied by the party's activity (lib/party.ts) and priced
 * with Cloudflare's published prices (lib/prices.ts). y-partyserver goes through the same
 * model as the baseline: its sockets do not hibernate, so its object is billed for every
 * second a connection is open, and it stores the whole document on a 2–10 s debounce.
 */

/** How a system is billed beyond what is measured. */
interface Billing {
  /** Seconds of duration one occurrence of an activity is billed, given its CPU and messages. */
  billedSeconds(a: Activity, cpuMs: number, flushes: number): number;
  /** Presence flushes the server sends to everyone, for `messages` incoming presence messages. */
  flushes(a: Activity, messages: number): number;
  rowsWritten(a: Activity, units: Units): number;
  storedBytes(a: Activity, units: Units): number;
}

/** Awareness changes are flushed at most once per 50 ms (worker/rooms/limits.ts), on a timer. */
const flushSeconds = 0.05;

const roomBilling: Billing = {
  // Running JavaScript, the presence timer while it is pending, and each write's commit.
  billedSeconds: (a, cpuMs, flushes) =>
    cpuMs / 1000 + flushes * flushSeconds + a.keystrokes * commitWaitSeconds,
  flushes: (a, messages) => Math.min(messages, a.connectedSeconds / flushSeconds),
  // Each keystroke's log row is written, and deleted again by compaction (deletes are billed).
  rowsWritten: (a, u) => a.keystrokes * u.rowsWrittenPerKeystroke,
  // After the session the room compacts: the database holds the document once.
  storedBytes: (a, u) =>
    a.keystrokes ? u.databaseBaseBytes + a.keystrokes * u.documentBytesPerKeystroke : 0,
};

const yPartyserverBilling: Billing = {
  // hibernate: false (its default): in memory while any socket is open, and 10 s after.
  billedSeconds: (a) => (a.connectedSeconds ? a.connectedSeconds + 10 : 0),
  // Every presence message is relayed on its own.
  flushes: (_a, messages) => messages,
  // One whole-document put per 10 s of continuous typing (its debounce's maximum wait).
  rowsWritten: (a) => a.keystrokes / typingRate / 10,
  storedBytes: (a, u) => a.keystrokes * u.documentBytesPerKeystroke,
};

interface Units {
  /** Server CPU (ms) per incoming document update, per incoming presence message, per send. */
  cpuPerUpdate: number;
  cpuPerPresence: number;
  cpuPerSend: number;
  /** A join of a 10 KB document: the Worker's upgrade and the handshake. */
  cpuPerJoin: number;
  /** A light API request through the Worker (a token request). */
  cpuPerWorkerRequest: number;
  /** Over a typing session and the compaction after it. */
  rowsWrittenPerKeystroke: number;
  rowsReadPerKeystroke: number;
  /** A compacted room's database beyond the document itself (SQLite pages, tables). */
  databaseBaseBytes: number;
  /** The document's encoded size per keystroke typed. */
  documentBytesPerKeystroke: number;
}

async function measure(system: RunningSystem): Promise<Units> {
  const small = await typingSession(system, { readers: 4, keystrokes: 150, perSecond: typingRate });
  const large = await typingSession(system, { readers: 19, keystrokes: 150, perSecond: typingRate });
  const presence = await presenceSession(system, { clients: 20, moves: 10, perSecond: 2 });
  const joins = await joinSessions(system, typedDocument(10_000), 10);
  const sent = (t: typeof small, readers: number) =>
    t.writerMessagesReceived + readers * t.readerMessagesReceived;
  const perSend = Math.max(0, (large.serverCpuMs - small.serverCpuMs) / (sent(large, 19) - sent(small, 4)));
  const perPresence = Math.max(
    0,
    (presence.serverCpuMs - perSend * presence.messagesOut) / presence.messagesIn,
  );
  const perUpdate = Math.max(
    0,
    (large.serverCpuMs - perSend * sent(large, 19) - perPresence * large.keystrokes) / large.keystrokes,
  );
  // Everyone has left: let the room compact, then read its counters.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const stats = await system.roomStats?.(large.documentId);
  if (stats && stats.rowsWritten < large.keystrokes)
    throw new Error("the room restarted: its counters are gone");
  return {
    cpuPerUpdate: perUpdate,
    cpuPerPresence: perPresence,
    cpuPerSend: perSend,
    cpuPerJoin: joins.serverCpuPerJoin,
    cpuPerWorkerRequest: stats ? await workerRequestCpu(system) : Number.NaN,
    rowsWrittenPerKeystroke: stats ? stats.rowsWritten / large.keystrokes : Number.NaN,
    rowsReadPerKeystroke: stats ? stats.rowsRead / large.keystrokes : 0,
    databaseBaseBytes: stats ? stats.databaseBytes - large.documentBytes : Number.NaN,
    documentBytesPerKeystroke: large.documentBytes / large.keystrokes,
  };
}

/** Server CPU per request of the development token endpoint: routing, validation, an HMAC. */
async function workerRequestCpu(system: RunningSystem): Promise<number> {
  const count = 200;
  const before = processCpuMs(system.pid());
  for (let i = 0; i < count; i++) {
    const res = await fetch(new URL("/api/dev/room-token", system.url), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ documentId: "bench:cost", name: "Kostnad", mode: "read" }),
    });
    await res.arrayBuffer();
  }
  return (processCpuMs(system.pid()) - before) / count;
}

/** Monthly usage of every billed resource. */
interface Usage {
  workerRequests: number;
  workerCpuMs: number;
  doRequests: number;
  doGbSeconds: number;
  doRowsRead: number;
  doRowsWritten: number;
  doStoredGbMonths: number;
  d1RowsRead: number;
  d1RowsWritten: number;
}

/** A price per million units, as a price per unit. */
const perUnit = ({ included, perMillion }: { included: number; perMillion: number }) => ({
  included,
  perUnit: perMillion / 1e6,
});
const { workers, durableObjects: objects, d1 } = prices;

const resources: { key: keyof Usage; label: string; price: { included: number; perUnit: number } }[] = [
  { key: "workerRequests", label: "Worker requests", price: perUnit(workers.requests) },
  { key: "workerCpuMs", label: "Worker CPU (ms)", price: perUnit(workers.cpuMs) },
  {
    key: "doRequests",
    label: "Durable Object requests (incoming WebSocket messages / 20)",
    price: perUnit(objects.requests),
  },
  { key: "doGbSeconds", label: "Durable Object duration (GB-s)", price: perUnit(objects.gbSeconds) },
  { key: "doRowsRead", label: "Durable Object rows read", price: perUnit(objects.rowsRead) },
  { key: "doRowsWritten", label: "Durable Object rows written", price: perUnit(objects.rowsWritten) },
  { key: "doStoredGbMonths", label: "Durable Object storage (GB-month)", price: objects.storedGbMonths },
  { key: "d1RowsRead", label: "D1 rows read (estimated)", price: perUnit(d1.rowsRead) },
  { key: "d1RowsWritten", label: "D1 rows written (estimated)", price: perUnit(d1.rowsWritten) },
];

/** One month of one activity. */
function usageOf(a: Activity, u: Units, billing: Billing, workerCpu: number): Usage {
  const presenceIn = a.personSeconds / presenceHeartbeatSeconds + a.keystrokes;
  const liveIn = (a.personSeconds / 60) * a.liveMessagesPerPersonMinute;
  const flushes = billing.flushes(a, presenceIn + liveIn);
  const messagesIn = a.keystrokes + presenceIn + liveIn + a.joins * 3;
  const messagesOut = a.keystrokes * a.keystrokeRecipients + flushes * a.participants + a.joins * 3;
  const cpuMs =
    a.keystrokes * u.cpuPerUpdate +
    (presenceIn + liveIn) * u.cpuPerPresence +
    messagesOut * u.cpuPerSend +
    a.joins * u.cpuPerJoin;
  const workerRequests = a.joins * 2 + a.apiRequests;
  const n = a.perMonth;
  return {
    workerRequests: n * workerRequests,
    workerCpuMs: n * workerRequests * workerCpu,
    doRequests:
      n * (a.joins + a.serverReads + messagesIn / prices.durableObjects.incomingWebSocketMessagesPerRequest),
    doGbSeconds: n * billing.billedSeconds(a, cpuMs, flushes) * prices.durableObjects.billedGb,
    doRowsRead: n * a.keystrokes * u.rowsReadPerKeystroke,
    doRowsWritten: n * billing.rowsWritten(a, u),
    doStoredGbMonths: (n * retentionMonths * billing.storedBytes(a, u)) / 1e9,
    d1RowsRead:
      n *
      (a.joins * (d1Rows.tokenRequest.read + d1Rows.upgrade.read) + a.apiRequests * d1Rows.apiRequest.read),
    d1RowsWritten:
      n *
      (a.joins * (d1Rows.tokenRequest.written + d1Rows.upgrade.written) +
        a.apiRequests * d1Rows.apiRequest.written),
  };
}

function bill(usages: Usage[]) {
  const total = Object.fromEntries(
    resources.map(({ key }) => [key, usages.reduce((sum, u) => sum + u[key], 0)]),
  ) as unknown as Usage;
  const lines = resources.map(({ key, label, price }) => {
    const used = total[key];
    const billable = Math.max(0, used - price.included);
    return { key, label, used, included: price.included, usd: billable * price.perUnit };
  });
  return { total, lines, usd: prices.subscription + lines.reduce((sum, l) => sum + l.usd, 0) };
}

const count = (n: number) =>
  n >= 1e9
    ? `${(n / 1e9).toFixed(2)} G`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(2)} M`
      : n >= 1e3
        ? `${(n / 1e3).toFixed(1)} k`
        : n.toFixed(n < 10 ? 2 : 0);
const usd = (n: number) => `${n.toFixed(2)} USD`;
const fixed = (n: number, digits: number) => (Number.isNaN(n) ? "–" : n.toFixed(digits));

async function run() {
  const measured = await eachSystem([samtal, yPartyserver], measure);
  const room = measured.find((m) => m.system === samtal.name)?.result;
  const baseline = measured.find((m) => m.system === yPartyserver.name)?.result;
  if (!room || !baseline) return;
  const unitRows: [string, (u: Units) => string][] = [
    ["server CPU per incoming update", (u) => ms(u.cpuPerUpdate)],
    ["server CPU per incoming presence message", (u) => ms(u.cpuPerPresence)],
    ["server CPU per outgoing message", (u) => `${(u.cpuPerSend * 1000).toFixed(0)} µs`],
    ["server CPU per join (10 KB document)", (u) => ms(u.cpuPerJoin)],
    ["server CPU per Worker API request", (u) => ms(u.cpuPerWorkerRequest)],
    ["rows written per keystroke (incl. compaction)", (u) => fixed(u.rowsWrittenPerKeystroke, 2)],
    ["rows read per keystroke (loads)", (u) => fixed(u.rowsReadPerKeystroke, 2)],
    ["compacted database beyond the document", (u) => `${fixed(u.databaseBaseBytes / 1024, 1)} KB`],
    ["document bytes per keystroke", (u) => fixed(u.documentBytesPerKeystroke, 1)],
  ];
  console.log("Measured per unit (local workerd, one core):\n");
  console.log(
    table(
      ["figure", samtal.name, yPartyserver.name],
      unitRows.map(([what, f]) => [what, f(room), f(baseline)]),
    ),
  );
  // The Worker in front is ours in both cases; the baseline has no such request to time.
  const workerCpu = room.cpuPerWorkerRequest;
  const perFeature = partyActivities.map((a) => ({
    activity: a,
    room: usageOf(a, room, roomBilling, workerCpu),
    baseline: usageOf(a, baseline, yPartyserverBilling, workerCpu),
  }));
  console.log("\nThe party's month (lib/party.ts), per feature:\n");
  console.log(
    table(
      ["feature", "per month", "people", "keystrokes each", "joins each", ...resources.map((r) => r.label)],
      perFeature.map(({ activity: a, room: u }) => [
        a.feature,
        count(a.perMonth),
        String(a.participants),
        count(a.keystrokes),
        count(a.joins),
        ...resources.map(({ key }) => count(u[key])),
      ]),
    ),
  );
  const ours = bill(perFeature.map((f) => f.room));
  const theirs = bill(perFeature.map((f) => f.baseline));
  console.log("\nMonthly bill, Workers Paid, per resource:\n");
  console.log(
    table(
      ["resource", "used", "included", `${samtal.name}`, `${yPartyserver.name} (same model)`],
      ours.lines.map((line, i) => [
        line.label,
        count(line.used),
        count(line.included),
        usd(line.usd),
        usd(theirs.lines[i]?.usd ?? Number.NaN),
      ]),
    ),
  );
  console.log(
    `| subscription (Workers Paid minimum) | | | ${usd(prices.subscription)} | ${usd(prices.subscription)} |`,
  );
  console.log(`| **total** | | | **${usd(ours.usd)}** | **${usd(theirs.usd)}** |`);
  // Where the money would go without the allowances: which feature drives which resource.
  console.log("\nList price per feature, before the included allowances (what each would cost alone):\n");
  console.log(
    table(
      ["feature", ...resources.map((r) => r.label), "total"],
      perFeature.map(({ activity, room: u }) => {
        const cells = resources.map(({ key, price }) => u[key] * price.perUnit);
        return [activity.feature, ...cells.map(usd), usd(cells.reduce((a, b) => a + b, 0))];
      }),
    ),
  );
  const dominant = [...ours.lines].sort((a, b) => b.usd - a.usd)[0];
  console.log(
    `\nPrices as read on ${pricesReadOn} (lib/prices.ts). Duration: the room is billed for running JavaScript, its 50 ms presence timer while pending, and ${commitWaitSeconds * 1000} ms per write (assumed replication wait); y-partyserver for every second a socket is open. D1 rows are estimated from the queries (lib/party.ts), everything else is measured above. Storage: a year of documents kept.`,
  );
  console.log(
    verdicts([
      {
        what: "the whole party <= 50 USD a month",
        value: `${usd(ours.usd)}${ours.usd > prices.subscription && dominant ? ` (largest: ${dominant.label}, ${usd(dominant.usd)})` : ""}`,
        pass: ours.usd <= 50,
      },
    ]),
  );
}

export const costScenarios: Record<string, Scenario> = {
  cost: {
    description:
      "monthly Cloudflare bill for the party at full scale, from per-unit costs measured here (room and y-partyserver)",
    run,
  },
};
