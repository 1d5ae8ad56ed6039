import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { BenchClient, type ClientOptions } from "./client";
import type { RunningSystem, SystemSpec } from "./systems";

/**
 * Cores: the server under test on core 0, this process (every load client, writers and
 * readers alike, so they share one clock) on core 1. On a single-core machine nothing is
 * pinned and the figures say so.
 */
export const pinned = availableParallelism() >= 2;
export const serverCpu = pinned ? "0" : undefined;

export function pinThisProcess() {
  if (!pinned) {
    console.log("Only one CPU: neither the servers nor the load clients are pinned.");
    return;
  }
  // -a: every thread; a thread that exits meanwhile makes taskset fail, so try again.
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { encoding: "utf8" });
    if (result.status === 0) return;
    if (attempt === 5) throw new Error(`taskset failed: ${result.stderr || result.error}`);
  }
}

/** `--rounds N` on the command line: run each system N times, interleaved (default 1). */
export const rounds = (() => {
  const at = process.argv.indexOf("--rounds");
  const n = at === -1 ? 1 : Number(process.argv[at + 1]);
  return Number.isInteger(n) && n > 0 ? n : 1;
})();

/**
 * Starts each system in turn (fresh storage), runs `fn` against it, always stops it; with
 * several rounds, systems take turns (A B C A B C …) so that a busy moment on a shared
 * machine does not land on one system only. Results are grouped per system, in order.
 */
export async function eachSystem<T>(
  specs: SystemSpec[],
  fn: (system: RunningSystem) => Promise<T>,
  { store = false, times = 1, traceGc = false } = {},
): Promise<{ system: string; result: T; rounds: T[] }[]> {
  const results = new Map<string, T[]>();
  for (let round = 0; round < times; round++) {
    for (const spec of specs) {
      const system = await spec.start({ cpu: serverCpu, store, traceGc });
      console.log(
        `  … ${system.name} (pid ${system.pid()})${times > 1 ? `, round ${round + 1} of ${times}` : ""}`,
      );
      try {
        const result = await fn(system);
        results.set(system.name, [...(results.get(system.name) ?? []), result]);
      } finally {
        await system.close();
      }
    }
  }
  return [...results].map(([system, list]) => ({ system, result: list[list.length - 1] as T, rounds: list }));
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] as number) : Number.NaN;
};

/** Runs `fn` on every item, `parallel` at a time. */
async function inBatches<T>(items: T[], parallel: number, fn: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += parallel) {
    await Promise.all(items.slice(start, start + parallel).map(fn));
  }
}

/**
 * Opens `count` clients to one document, `parallel` at a time, and waits until all are
 * synced. What each connection needs (samtal: a token of its own) is fetched for all of
 * them first, so connecting does not wait for it.
 */
export async function openClients(
  system: RunningSystem,
  documentId: string,
  count: number,
  options: ClientOptions & { mode?: "read" | "write"; parallel?: number } = {},
): Promise<BenchClient[]> {
  const endpoint = await system.endpoint(documentId, options.mode);
  const clients = Array.from({ length: count }, () => new BenchClient(endpoint, options));
  const parallel = options.parallel ?? 25;
  await inBatches(clients, 100, (c) => c.prepare());
  await inBatches(clients, parallel, async (c) => {
    await c.connect();
    await c.whenSynced();
  });
  return clients;
}

export async function closeClients(clients: BenchClient[]) {
  for (const client of clients) client.close();
  await sleep(200);
}

/** Runs `tick(k)` at `perSecond`, on a fixed schedule (no drift), for `count` ticks. */
export async function paced(perSecond: number, count: number, tick: (k: number) => void): Promise<void> {
  const interval = 1000 / perSecond;
  const start = performance.now();
  for (let k = 0; k < count; k++) {
    const wait = start + k * interval - performance.now();
    if (wait > 0) await sleep(wait);
    tick(k);
  }
}

export const freshDocumentId = (what: string) => `bench:${what}-${Date.now().toString(36)}`;

/** CPU time (ms) a process has used, from /proc (utime + stime; USER_HZ is 100 on Linux). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Busy time of each core since boot (ms), from /proc/stat. */
export function coreBusyMs(): number[] {
  return readFileSync("/proc/stat", "utf8")
    .split("\n")
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line) => {
      const [, ...values] = line.trim().split(/\s+/).map(Number);
      const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = values;
      return (user + nice + system + irq + softirq + steal) * 10;
    });
}

/**
 * How busy the two cores were, and how much of it was the server (core 0) and this process
 * (core 1). The machine may be shared: "other" is everyone else, plus the kernel's own
 * network work, and a busy "other" means the figures of that run are noisy.
 */
export function coreMeter(serverPid: () => number) {
  const wall0 = performance.now();
  const busy0 = coreBusyMs();
  const server0 = processCpuMs(serverPid());
  const self0 = process.cpuUsage();
  return () => {
    const wall = performance.now() - wall0;
    const busy = coreBusyMs().map((b, i) => b - (busy0[i] ?? 0));
    const server = processCpuMs(serverPid()) - server0;
    const selfUsage = process.cpuUsage(self0);
    const self = (selfUsage.user + selfUsage.system) / 1000;
    const share = (x: number) => Math.max(0, (x / wall) * 100);
    return {
      server: share(server),
      clients: share(self),
      otherCore0: share((busy[0] ?? 0) - server),
      otherCore1: share((busy[1] ?? 0) - self),
      toString() {
        return `server ${this.server.toFixed(0)} % of core 0, clients ${this.clients.toFixed(0)} % of core 1; other ${this.otherCore0.toFixed(0)} % / ${this.otherCore1.toFixed(0)} %`;
      },
    };
  };
}
