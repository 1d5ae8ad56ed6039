import { setTimeout as sleep } from "node:timers/promises";
import type { BenchClient, Edit } from "../lib/client";
import {
  closeClients,
  coreMeter,
  eachSystem,
  freshDocumentId,
  median,
  openClients,
  paced,
  rounds,
} from "../lib/harness";
import {
  type Distribution,
  distribution,
  mb,
  ms,
  pct,
  ratio,
  type Target,
  table,
  verdicts,
} from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { allSystems, type RunningSystem } from "../lib/systems";

/**
 * Fan-out: N clients in one room, edits at a fixed rate for the whole room from rotating
 * writers (edit k comes from client k mod N), each edit timed from its writer's send to
 * every other client's receipt. Optionally every client also moves its cursor (awareness)
 * at a fixed rate, and/or the system's whole-document write (the room's compaction) is
 * forced every second.
 */
export interface FanoutOptions {
  clients: number;
  editsPerSecond: number;
  seconds: number;
  /** Edits before the measured window (connections settle, JIT warms up). */
  warmupSeconds: number;
  compactEverySecond?: boolean;
  cursorHz?: number;
  /** How long to wait for stragglers after the last edit. */
  drainSeconds: number;
}

export interface FanoutResult {
  latency: Distribution;
  delivered: number;
  expected: number;
  /** Server RSS before the clients connected, after, and at the end of the run. */
  rssIdle: number;
  rssConnected: number;
  rssEnd: number;
  awarenessPerClientPerSecond: number;
  compactions: number;
  compactionErrors: number;
  /** CPU use during the edits: the server's, the clients', everyone else's. */
  cpu: string;
}

export async function runFanout(system: RunningSystem, options: FanoutOptions): Promise<FanoutResult> {
  const documentId = freshDocumentId("fanout");
  const warmupEdits = Math.round(options.warmupSeconds * options.editsPerSecond);
  const measuredEdits = Math.round(options.seconds * options.editsPerSecond);
  const totalEdits = warmupEdits + measuredEdits;
  const n = options.clients;
  const seen = new Uint8Array(totalEdits * n);
  const latencies: number[] = [];
  let delivered = 0;
  const index = new Map<BenchClient, number>();
  const onEdit = (edit: Edit, receivedAt: number, client: BenchClient) => {
    const receiver = index.get(client) as number;
    const { id } = edit;
    if (id >= totalEdits || id % n === receiver) return; // its writer (y-partyserver echoes)
    const slot = id * n + receiver;
    if (seen[slot]) return;
    seen[slot] = 1;
    if (id < warmupEdits) return;
    delivered++;
    latencies.push(receivedAt - edit.sentAt);
  };

  const rssIdle = system.rssBytes();
  const clients = await openClients(system, documentId, n, { onEdit });
  for (const [i, client] of clients.entries()) index.set(client, i);
  await sleep(500);
  const rssConnected = system.rssBytes();

  const timers: NodeJS.Timeout[] = [];
  let compactions = 0;
  let compactionErrors = 0;
  if (options.compactEverySecond && system.compact) {
    const compact = system.compact.bind(system);
    timers.push(
      setInterval(() => {
        compact(documentId).then(
          () => compactions++,
          () => compactionErrors++,
        );
      }, 1000),
    );
  }
  if (options.cursorHz) {
    const period = 1000 / options.cursorHz;
    clients.forEach((client, i) => {
      const start = setTimeout(() => {
        let position = i;
        timers.push(
          setInterval(() => {
            position = (position + 7) % 500;
            client.sendCursor(`Klient ${i}`, position, position + (i % 3));
          }, period),
        );
      }, Math.random() * period);
      timers.push(start);
    });
  }

  let awarenessAtStart = 0;
  let windowStart = 0;
  const meter = coreMeter(() => system.pid());
  await paced(options.editsPerSecond, totalEdits, (k) => {
    if (k === warmupEdits) {
      awarenessAtStart = clients.reduce((sum, c) => sum + c.awarenessFrames, 0);
      windowStart = performance.now();
    }
    (clients[k % n] as BenchClient).edit(k, performance.now());
  });
  const windowSeconds = (performance.now() - windowStart) / 1000;
  const cpu = meter().toString();
  const awarenessFrames = clients.reduce((sum, c) => sum + c.awarenessFrames, 0) - awarenessAtStart;
  for (const timer of timers) clearInterval(timer);

  const expected = measuredEdits * (n - 1);
  const deadline = performance.now() + options.drainSeconds * 1000;
  while (delivered < expected && performance.now() < deadline) await sleep(50);
  const rssEnd = system.rssBytes();
  await closeClients(clients);
  return {
    latency: distribution(latencies),
    delivered,
    expected,
    rssIdle,
    rssConnected,
    rssEnd,
    awarenessPerClientPerSecond: awarenessFrames / n / windowSeconds,
    compactions,
    compactionErrors,
    cpu,
  };
}

/** Several rounds of one system → one row: the median of each figure, deliveries summed. */
function summarize(list: FanoutResult[]): FanoutResult {
  const pick = (f: (r: FanoutResult) => number) => median(list.map(f));
  return {
    latency: {
      count: list.reduce((sum, r) => sum + r.latency.count, 0),
      p50: pick((r) => r.latency.p50),
      p95: pick((r) => r.latency.p95),
      p99: pick((r) => r.latency.p99),
      max: pick((r) => r.latency.max),
    },
    delivered: list.reduce((sum, r) => sum + r.delivered, 0),
    expected: list.reduce((sum, r) => sum + r.expected, 0),
    rssIdle: pick((r) => r.rssIdle),
    rssConnected: pick((r) => r.rssConnected),
    rssEnd: pick((r) => r.rssEnd),
    awarenessPerClientPerSecond: pick((r) => r.awarenessPerClientPerSecond),
    compactions: list.reduce((sum, r) => sum + r.compactions, 0),
    compactionErrors: list.reduce((sum, r) => sum + r.compactionErrors, 0),
    cpu: list.map((r) => r.cpu).join(" | "),
  };
}

function report(
  grouped: { system: string; rounds: FanoutResult[] }[],
  options: FanoutOptions,
  targets: (ours: FanoutResult) => Target[],
) {
  const results = grouped.map(({ system, rounds: list }) => ({ system, result: summarize(list), list }));
  const [ours, ...baselines] = results;
  if (!ours) return;
  const rows = results.map(({ system, result: r }) => [
    system,
    ms(r.latency.p50),
    ms(r.latency.p99),
    ms(r.latency.max),
    pct(r.delivered / r.expected),
    mb(r.rssEnd),
    `${((r.rssEnd - r.rssIdle) / options.clients / 1024).toFixed(0)} KB`,
    ...(options.cursorHz ? [r.awarenessPerClientPerSecond.toFixed(1)] : []),
    ...(options.compactEverySecond
      ? [`${r.compactions}${r.compactionErrors ? ` (${r.compactionErrors} failed)` : ""}`]
      : []),
    ...baselines.map((b) =>
      r === ours.result
        ? `p50 ${ratio(r.latency.p50, b.result.latency.p50)}, p99 ${ratio(r.latency.p99, b.result.latency.p99)}`
        : "",
    ),
  ]);
  console.log(
    table(
      [
        "system",
        "p50",
        "p99",
        "max",
        "delivered",
        "server RSS",
        "RSS per connection",
        ...(options.cursorHz ? ["awareness frames /client/s"] : []),
        ...(options.compactEverySecond ? ["forced writes"] : []),
        ...baselines.map((b) => `ratio to ${b.system}`),
      ],
      rows,
    ),
  );
  console.log(
    `\n${options.clients} clients, ${options.editsPerSecond} edits/s for the room, ${options.seconds} s measured ` +
      `(${options.warmupSeconds} s warm-up); latency = writer's send to each other client's receipt.`,
  );
  if (rounds > 1) {
    console.log(`Medians of ${rounds} rounds (systems taking turns). p99 per round:`);
    for (const { system, list } of results)
      console.log(`  ${system}: ${list.map((r) => ms(r.latency.p99)).join(", ")}`);
  }
  for (const { system, result } of results) console.log(`CPU during the run, ${system}: ${result.cpu}`);
  console.log(verdicts(targets(ours.result)));
}

function fanoutScenario(
  description: string,
  options: FanoutOptions,
  targets: (ours: FanoutResult) => Target[],
): Scenario {
  return {
    description,
    async run() {
      const results = await eachSystem(allSystems, (system) => runFanout(system, options), { times: rounds });
      report(results, options, targets);
    },
  };
}

const noneLost = (r: FanoutResult): Target => ({
  what: "no edit lost",
  value: `${r.delivered} of ${r.expected} deliveries`,
  pass: r.delivered === r.expected,
});

const base = { editsPerSecond: 20, seconds: 30, warmupSeconds: 3, drainSeconds: 5 };

export const fanoutScenarios: Record<string, Scenario> = {
  "fanout-200": fanoutScenario(
    "200 clients, 20 edits/s from rotating writers; p50 <= 10 ms, p99 <= 30 ms, none lost",
    { ...base, clients: 200 },
    (r) => [
      { what: "fan-out p50 <= 10 ms", value: ms(r.latency.p50), pass: r.latency.p50 <= 10 },
      { what: "fan-out p99 <= 30 ms", value: ms(r.latency.p99), pass: r.latency.p99 <= 30 },
      noneLost(r),
    ],
  ),
  "fanout-500": fanoutScenario(
    "500 clients, 20 edits/s; p99 <= 60 ms, memory per connection",
    { ...base, clients: 500 },
    (r) => [
      { what: "fan-out p99 <= 60 ms", value: ms(r.latency.p99), pass: r.latency.p99 <= 60 },
      noneLost(r),
      {
        what: "memory per connection (reported)",
        value: `${((r.rssEnd - r.rssIdle) / 500 / 1024).toFixed(0)} KB (RSS ${mb(r.rssIdle)} idle → ${mb(r.rssEnd)})`,
        pass: true,
      },
    ],
  ),
  "fanout-compaction": fanoutScenario(
    "fanout-200 with the whole-document write forced every second (room: POST …/compact)",
    { ...base, clients: 200, compactEverySecond: true },
    (r) => [
      { what: "fan-out p50 <= 10 ms with compaction", value: ms(r.latency.p50), pass: r.latency.p50 <= 10 },
      { what: "fan-out p99 <= 30 ms with compaction", value: ms(r.latency.p99), pass: r.latency.p99 <= 30 },
      noneLost(r),
      {
        what: "compactions ran",
        value: `${r.compactions} (${r.compactionErrors} failed)`,
        pass: r.compactions >= 25 * rounds && !r.compactionErrors,
      },
    ],
  ),
  cursors: fanoutScenario(
    "100 clients moving cursors at 5 Hz each plus 20 edits/s; edit p99 <= 100 ms, all delivered, <= ~20 awareness frames/s",
    { ...base, clients: 100, cursorHz: 5 },
    (r) => [
      { what: "edit p99 <= 100 ms", value: ms(r.latency.p99), pass: r.latency.p99 <= 100 },
      noneLost(r),
      {
        what: "awareness frames per receiving client <= ~20/s",
        value: `${r.awarenessPerClientPerSecond.toFixed(1)}/s`,
        pass: r.awarenessPerClientPerSecond <= 22,
      },
    ],
  ),
};
