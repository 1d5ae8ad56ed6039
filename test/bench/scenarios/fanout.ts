import { setTimeout as sleep } from "node:timers/promises";
import type { BenchClient, Edit } from "../lib/client";
import {
  closeClients,
  coreBusyMs,
  coreMeter,
  eachSystem,
  freshDocumentId,
  median,
  openClients,
  paced,
  processCpuMs,
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
import { allSystems, type RunningSystem, yPartyserver } from "../lib/systems";

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

/** One second of the measured window: what a stall would show up in. */
export interface Window {
  /** Worst latency of an edit sent in this second. */
  maxLatency: number;
  /** Longest event-loop delay of this (the clients') process, and its GC pauses in total. */
  harnessLag: number;
  harnessGc: number;
  /** Server CPU used in this second (ms). */
  serverCpu: number;
  /** CPU used on the server's core by everything else in this second (ms): other people's work. */
  otherOnServerCore: number;
  /** The server's garbage-collection pauses in this second: their sum and the longest (ms). */
  serverGc: number;
  serverGcLongest: number;
  /** Full (mark-compact) collections of the server's heap that started in this second. */
  serverMajorGcs: number;
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
  /**
   * Cursor moves all clients sent per second. When the clients' core is starved they send
   * fewer than asked, and the room cannot flush presence more often than moves arrive.
   */
  cursorMovesPerSecond: number;
  compactions: number;
  compactionErrors: number;
  /** CPU use during the edits: the server's, the clients', everyone else's. */
  cpu: string;
  /** Server CPU per edit (ms), over the measured window. */
  serverCpuPerEdit: number;
  windows: Window[];
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
    const latency = receivedAt - edit.sentAt;
    latencies.push(latency);
    const window = windows[Math.floor((edit.sentAt - windowStart) / 1000)];
    if (window && latency > window.maxLatency) window.maxLatency = latency;
  };
  const windows: Window[] = Array.from({ length: Math.ceil(options.seconds) }, () => ({
    maxLatency: 0,
    harnessLag: 0,
    harnessGc: 0,
    serverCpu: 0,
    otherOnServerCore: 0,
    serverGc: 0,
    serverGcLongest: 0,
    serverMajorGcs: 0,
  }));

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
  let cursorMoves = 0;
  if (options.cursorHz) {
    const period = 1000 / options.cursorHz;
    clients.forEach((client, i) => {
      const start = setTimeout(() => {
        let position = i;
        timers.push(
          setInterval(() => {
            position = (position + 7) % 500;
            cursorMoves++;
            client.sendCursor(`Klient ${i}`, position, position + (i % 3));
          }, period),
        );
      }, Math.random() * period);
      timers.push(start);
    });
  }

  let awarenessAtStart = 0;
  let cursorMovesAtStart = 0;
  let windowStart = Number.POSITIVE_INFINITY;
  let serverCpuAtStart = 0;
  const meter = coreMeter(() => system.pid());
  const stopWatch = watchWindows(windows, () => windowStart, system.pid());
  await paced(options.editsPerSecond, totalEdits, (k) => {
    if (k === warmupEdits) {
      awarenessAtStart = clients.reduce((sum, c) => sum + c.awarenessFrames, 0);
      cursorMovesAtStart = cursorMoves;
      windowStart = performance.now();
      serverCpuAtStart = processCpuMs(system.pid());
    }
    (clients[k % n] as BenchClient).edit(k, performance.now());
  });
  const windowSeconds = (performance.now() - windowStart) / 1000;
  const cpu = meter().toString();
  const serverCpuMs = processCpuMs(system.pid()) - serverCpuAtStart;
  stopWatch();
  for (const pause of system.gcPauses ?? []) {
    const window = windows[Math.floor((pause.at - windowStart) / 1000)];
    if (!window) continue;
    window.serverGc += pause.ms;
    window.serverGcLongest = Math.max(window.serverGcLongest, pause.ms);
    if (pause.kind.startsWith("Mark-")) window.serverMajorGcs++;
  }
  const awarenessFrames = clients.reduce((sum, c) => sum + c.awarenessFrames, 0) - awarenessAtStart;
  const cursorMovesPerSecond = (cursorMoves - cursorMovesAtStart) / windowSeconds;
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
    cursorMovesPerSecond,
    compactions,
    compactionErrors,
    cpu,
    serverCpuPerEdit: serverCpuMs / measuredEdits,
    windows,
  };
}

/**
 * Fills each second's harness and server figures while edits run: the event-loop delay and
 * GC pauses of this process (where the clients live) and the server's CPU. Returns a stop
 * function.
 */
function watchWindows(windows: Window[], windowStart: () => number, serverPid: number): () => void {
  const indexOf = (at: number) => Math.floor((at - windowStart()) / 1000);
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const window = windows[indexOf(entry.startTime)];
      if (window) window.harnessGc += entry.duration;
    }
  });
  gc.observe({ entryTypes: ["gc"] });
  let lastCpu = processCpuMs(serverPid);
  let lastBusy = coreBusyMs()[0] ?? 0;
  let lastTick = performance.now();
  // A 10 ms ticker: how late it runs is the event-loop delay every client saw at that moment.
  const ticker = setInterval(() => {
    const now = performance.now();
    const window = windows[indexOf(now)];
    if (window) window.harnessLag = Math.max(window.harnessLag, now - lastTick - 10);
    lastTick = now;
  }, 10);
  const sampler = setInterval(() => {
    const index = indexOf(performance.now()) - 1;
    const cpu = processCpuMs(serverPid);
    const busy = coreBusyMs()[0] ?? 0;
    const window = windows[index];
    if (window) {
      window.serverCpu = cpu - lastCpu;
      window.otherOnServerCore = Math.max(0, busy - lastBusy - window.serverCpu);
    }
    lastCpu = cpu;
    lastBusy = busy;
  }, 1000);
  return () => {
    clearInterval(ticker);
    clearInterval(sampler);
    gc.disconnect();
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
    cursorMovesPerSecond: pick((r) => r.cursorMovesPerSecond),
    compactions: list.reduce((sum, r) => sum + r.compactions, 0),
    compactionErrors: list.reduce((sum, r) => sum + r.compactionErrors, 0),
    cpu: list.map((r) => r.cpu).join(" | "),
    serverCpuPerEdit: pick((r) => r.serverCpuPerEdit),
    windows: list.flatMap((r) => r.windows),
  };
}

/**
 * A stall: a second whose worst edit took over 50 ms and over 3x the median second's worst
 * (a second merely a bit slower than the rest is noise; one several times slower is not).
 */
export const stalls = (r: FanoutResult) => {
  const typical = median(r.windows.map((w) => w.maxLatency));
  return r.windows.filter((w) => w.maxLatency > 50 && w.maxLatency > 3 * typical);
};

interface Grouped {
  system: string;
  rounds: FanoutResult[];
}

type Targets = (ours: FanoutResult, baselines: { system: string; result: FanoutResult }[]) => Target[];

function report(grouped: Grouped[], options: FanoutOptions, times: number, targets: Targets) {
  const results = grouped.map(({ system, rounds: list }) => ({ system, result: summarize(list), list }));
  const [ours, ...baselines] = results;
  if (!ours) return;
  const rows = results.map(({ system, result: r, list }) => [
    system,
    ms(r.latency.p50),
    ms(r.latency.p99),
    ms(r.latency.max),
    pct(r.delivered / r.expected),
    ms(r.serverCpuPerEdit),
    mb(r.rssEnd),
    `${((r.rssEnd - r.rssIdle) / options.clients / 1024).toFixed(0)} KB`,
    String(list.reduce((sum, round) => sum + stalls(round).length, 0)),
    ...(options.cursorHz
      ? [r.awarenessPerClientPerSecond.toFixed(1), r.cursorMovesPerSecond.toFixed(0)]
      : []),
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
        "server CPU per edit",
        "server RSS",
        "RSS per connection",
        "stall seconds",
        ...(options.cursorHz ? ["awareness frames /client/s", "cursor moves sent /s"] : []),
        ...(options.compactEverySecond ? ["forced writes"] : []),
        ...baselines.map((b) => `ratio to ${b.system}`),
      ],
      rows,
    ),
  );
  console.log(
    `\n${options.clients} clients, ${options.editsPerSecond} edits/s for the room, ${options.seconds} s measured ` +
      `(${options.warmupSeconds} s warm-up); latency = writer's send to each other client's receipt. ` +
      `Stall seconds: seconds whose worst edit took over 50 ms and over 3x the median second's worst, summed over rounds.`,
  );
  if (times > 1) {
    console.log(`Medians of ${times} rounds (systems taking turns). p50 / p99 per round:`);
    for (const { system, list } of results)
      console.log(
        `  ${system}: ${list.map((r) => `${ms(r.latency.p50)} / ${ms(r.latency.p99)}`).join(", ")}`,
      );
  }
  for (const { system, result } of results) console.log(`CPU during the run, ${system}: ${result.cpu}`);
  console.log(verdicts(targets(ours.result, baselines)));
}

/** `minRounds`: rounds this scenario runs even without `--rounds` (its targets are medians). */
function fanoutScenario(
  description: string,
  options: FanoutOptions,
  targets: Targets,
  minRounds = 1,
): Scenario {
  return {
    description,
    async run() {
      const times = Math.max(rounds, minRounds);
      const results = await eachSystem(allSystems, (system) => runFanout(system, options), { times });
      report(results, options, times, targets);
    },
  };
}

const noneLost = (r: FanoutResult): Target => ({
  what: "no edit lost",
  value: `${r.delivered} of ${r.expected} deliveries`,
  pass: r.delivered === r.expected,
});

/** The room against y-partyserver in the same run: p50 and p99 at most 1.0x. */
function asFastAsYPartyserver(r: FanoutResult, baselines: { system: string; result: FanoutResult }[]) {
  const theirs = baselines.find((b) => b.system === yPartyserver.name)?.result;
  if (!theirs) return [];
  return (["p50", "p99"] as const).map(
    (q): Target => ({
      what: `fan-out ${q} <= 1.0x y-partyserver's`,
      value: `${ms(r.latency[q])} vs ${ms(theirs.latency[q])} (${ratio(r.latency[q], theirs.latency[q])})`,
      pass: r.latency[q] <= theirs.latency[q],
    }),
  );
}

const base = { editsPerSecond: 20, seconds: 30, warmupSeconds: 3, drainSeconds: 5 };

export const fanoutScenarios: Record<string, Scenario> = {
  "fanout-200": fanoutScenario(
    "200 clients, 20 edits/s from rotating writers; p50 <= 10 ms, p99 <= 30 ms, both <= 1.0x y-partyserver (median of 3 rounds), none lost",
    { ...base, clients: 200 },
    (r, baselines) => [
      { what: "fan-out p50 <= 10 ms", value: ms(r.latency.p50), pass: r.latency.p50 <= 10 },
      { what: "fan-out p99 <= 30 ms", value: ms(r.latency.p99), pass: r.latency.p99 <= 30 },
      ...asFastAsYPartyserver(r, baselines),
      noneLost(r),
    ],
    3,
  ),
  "fanout-500": fanoutScenario(
    "500 clients, 20 edits/s; p99 <= 60 ms, p50 and p99 <= 1.0x y-partyserver (median of 3 rounds), memory per connection",
    { ...base, clients: 500 },
    (r, baselines) => [
      { what: "fan-out p99 <= 60 ms", value: ms(r.latency.p99), pass: r.latency.p99 <= 60 },
      ...asFastAsYPartyserver(r, baselines),
      noneLost(r),
      {
        what: "memory per connection (reported)",
        value: `${((r.rssEnd - r.rssIdle) / 500 / 1024).toFixed(0)} KB (RSS ${mb(r.rssIdle)} idle → ${mb(r.rssEnd)})`,
        pass: true,
      },
    ],
    3,
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
