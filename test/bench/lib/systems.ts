import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import {
  buildWorker,
  devRoomToken,
  type RoomStats,
  repoRoot,
  roomSocketUrl,
  roomStats,
  samtalVars,
  samtalWorker,
  startWorkerd,
  type WorkerBundle,
  type WorkerdServer,
} from "../../support/workerd";
import type { Endpoint } from "./client";

/**
 * The three systems the benchmark compares, behind one interface, all started the same way:
 * the server process pinned to core 0 (`taskset -c 0`), storage in a fresh directory that
 * survives kill9()/restart(), clients connecting straight to the server's own socket.
 */
export interface RunningSystem {
  readonly name: string;
  /** Where a client connects for a document (each connection's URL fetches a token where the system needs one). */
  endpoint(documentId: string, mode?: "read" | "write"): Promise<Endpoint>;
  /** Payload bytes the system wrote to storage for the document, as it counts them. */
  bytesWritten(documentId: string): Promise<number>;
  /** How long after the last change its writes may still be due (debounce, alarm). */
  readonly settleMs: number;
  /** Forces the system's whole-document write now (the room: compaction), if it has one. */
  compact?(documentId: string): Promise<void>;
  /** The room's own counters (rows, database size), where the system is the room. */
  roomStats?(documentId: string): Promise<RoomStats>;
  /** Where the Worker answers plain HTTP (for timing a request), if the system has one. */
  readonly url?: URL;
  /** The server's garbage-collection pauses, when started with `traceGc` (workerd only). */
  readonly gcPauses?: GcPause[];
  /** Resident memory of the server process. */
  rssBytes(): number;
  pid(): number;
  kill9(): Promise<void>;
  /** Starts the server again on the same storage and port. */
  restart(): Promise<void>;
  /** A request that makes sure the server answers (after a restart, before timing a join). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  cpu: string | undefined;
  store: boolean;
  /** Run the server with V8's --trace-gc and collect its pauses (workerd systems). */
  traceGc?: boolean;
}

export interface SystemSpec {
  name: string;
  start(options: StartOptions): Promise<RunningSystem>;
}

export interface GcPause {
  /** performance.now() when the trace line arrived. */
  at: number;
  ms: number;
  kind: string;
}

/**
 * workerd options that trace V8's garbage collection, and the pauses they collect. A trace
 * line reads like `[pid:0x…]  1234 ms: Mark-Compact 20.1 (25.0) -> 15.2 (24.0) MB, …,
 * 12.34 / 0.00 ms …`: the kind, then the pause in ms.
 */
function gcTrace(enabled: boolean | undefined) {
  if (!enabled) return { options: {}, pauses: undefined };
  const pauses: GcPause[] = [];
  let partial = "";
  return {
    pauses,
    options: {
      v8Flags: ["--trace-gc"],
      onOutput(text: string) {
        const at = performance.now();
        const lines = (partial + text).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          const match =
            / ms: ([A-Za-z][A-Za-z -]*?)(?: \([^)]*\))? [\d.]+ \([\d.]+\) -> .*?([\d.]+) \/ [\d.]+ ms/.exec(
              line,
            );
          if (match) pauses.push({ at, ms: Number(match[2]), kind: match[1] as string });
        }
      },
    },
  };
}

function workerdSystem(
  name: string,
  server: WorkerdServer,
  parts: Pick<
    RunningSystem,
    "endpoint" | "bytesWritten" | "compact" | "ping" | "settleMs" | "roomStats" | "gcPauses"
  >,
): RunningSystem {
  return {
    name,
    url: server.url,
    ...parts,
    rssBytes: () => server.rssBytes(),
    pid: () => server.pid,
    kill9: () => server.kill9(),
    restart: () => server.restart(),
    close: () => server.close(),
  };
}

/**
 * samtal's room: the Worker from wrangler.toml on workerd. `adjust` changes the bundle's
 * settings (the compression scenario runs the room with permessage-deflate allowed).
 */
function samtalSystem(name: string, adjust: (worker: WorkerBundle) => WorkerBundle = (w) => w): SystemSpec {
  return {
    name,
    async start({ cpu, traceGc }) {
      const worker = adjust(await samtalWorker());
      const gc = gcTrace(traceGc);
      const server = await startWorkerd({
        worker,
        vars: samtalVars(),
        ...(cpu ? { cpu } : {}),
        ...gc.options,
      });
      // A token opens one connection: every connect fetches its own.
      const token = (documentId: string, mode: "read" | "write") =>
        devRoomToken(server.url, documentId, mode === "write" ? "Skribent" : "Läsare", mode);
      return workerdSystem(name, server, {
        settleMs: 2000,
        async endpoint(documentId, mode = "write") {
          return {
            url: async () => roomSocketUrl(server.url, documentId, await token(documentId, mode)),
            framing: "y-websocket",
            documentName: documentId,
          };
        },
        async bytesWritten(documentId) {
          return (await roomStats(server.url, documentId)).bytesWritten;
        },
        async compact(documentId) {
          const res = await fetch(
            new URL(`/api/dev/rooms/${encodeURIComponent(documentId)}/compact`, server.url),
            { method: "POST" },
          );
          if (!res.ok) throw new Error(`compact: HTTP ${res.status}`);
        },
        async ping() {
          await token(`bench:ping-${Date.now()}`, "read");
        },
        roomStats: (documentId) => roomStats(server.url, documentId),
        gcPauses: gc.pauses,
      });
    },
  };
}

export const samtal = samtalSystem("samtal room");

/** The room with workerd's default: permessage-deflate accepted when a client offers it. */
export const samtalDeflate = samtalSystem("samtal room, deflate accepted", (worker) => ({
  ...worker,
  compatibilityFlags: worker.compatibilityFlags.filter((flag) => flag !== "no_web_socket_compression"),
}));

/**
 * For measurement only, never a system to compare: the room with RoomStore.append emptied,
 * so an edit is applied and broadcast but never written. Its CPU per edit beside the real
 * room's is what the write and its commit cost inside workerd (edit-cost).
 */
export const samtalWithoutWrite = samtalSystem(
  "samtal room without its write (measurement only)",
  (worker) => {
    const method = /\bappend\(updates\) \{/g;
    const found = worker.source.match(method)?.length ?? 0;
    if (found !== 1) throw new Error(`expected one RoomStore.append in the bundle, found ${found}`);
    return { ...worker, source: worker.source.replace(method, "append(updates) { return;") };
  },
);

/** y-partyserver 2.2.0 on workerd (test/bench/baselines/y-partyserver). */
export const yPartyserver: SystemSpec = {
  name: "y-partyserver",
  async start({ cpu, traceGc }) {
    const worker = await buildWorker(path.join(repoRoot, "test/bench/baselines/y-partyserver/wrangler.toml"));
    const gc = gcTrace(traceGc);
    const server = await startWorkerd({ worker, ...(cpu ? { cpu } : {}), ...gc.options });
    const partyUrl = (documentId: string) =>
      new URL(`/parties/doc/${encodeURIComponent(documentId)}`, server.url);
    const stats = async (documentId: string, action: "stats" | "save") => {
      const res = await fetch(`${partyUrl(documentId)}?${action}`, {
        method: action === "save" ? "POST" : "GET",
      });
      if (!res.ok) throw new Error(`y-partyserver ${action}: HTTP ${res.status}`);
      return (await res.json()) as { bytesWritten: number };
    };
    return workerdSystem("y-partyserver", server, {
      settleMs: 12_000,
      async endpoint(documentId) {
        return {
          url: async () => partyUrl(documentId).href.replace(/^http/, "ws"),
          framing: "y-websocket",
          documentName: documentId,
        };
      },
      async bytesWritten(documentId) {
        return (await stats(documentId, "stats")).bytesWritten;
      },
      async compact(documentId) {
        await stats(documentId, "save");
      },
      async ping() {
        const res = await fetch(new URL("/", server.url));
        await res.arrayBuffer();
      },
      gcPauses: gc.pauses,
    });
  },
};

/** Hocuspocus 4 on Node (test/bench/baselines/hocuspocus/server.mjs). */
export const hocuspocus: SystemSpec = {
  name: "Hocuspocus",
  async start({ cpu, store }) {
    const script = path.join(repoRoot, "test/bench/baselines/hocuspocus/server.mjs");
    const storeDir = store ? mkdtempSync(path.join(tmpdir(), "hocuspocus-store-")) : null;
    let child: ChildProcess | null = null;
    let exited: Promise<void> = Promise.resolve();
    let port = 0;
    const launch = async () => {
      const args = [script, "--port", String(port), ...(storeDir ? ["--store", storeDir] : [])];
      const proc = cpu
        ? spawn("taskset", ["-c", cpu, process.execPath, ...args], { stdio: ["ignore", "pipe", "inherit"] })
        : spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
      child = proc;
      exited = new Promise((resolve) => proc.once("exit", () => resolve()));
      running.add(proc);
      proc.once("exit", () => running.delete(proc));
      port = await new Promise<number>((resolve, reject) => {
        const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
        proc.once("exit", (code) => reject(new Error(`Hocuspocus exited (${code}) while starting`)));
        lines.once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
      });
    };
    const kill = async () => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGKILL");
      await exited;
    };
    await launch();
    const name = store ? "Hocuspocus (file store)" : "Hocuspocus";
    return {
      name,
      settleMs: 12_000,
      async endpoint(documentId) {
        return {
          url: async () => `ws://127.0.0.1:${port}/${encodeURIComponent(documentId)}`,
          framing: "hocuspocus",
          documentName: documentId,
        };
      },
      async bytesWritten(documentId) {
        const res = await fetch(`http://127.0.0.1:${port}/stats?doc=${encodeURIComponent(documentId)}`);
        return ((await res.json()) as { bytesWritten: number }).bytesWritten;
      },
      rssBytes() {
        const status = readFileSync(`/proc/${child?.pid}/status`, "utf8");
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) * 1024;
      },
      pid: () => child?.pid ?? 0,
      kill9: kill,
      async restart() {
        await kill();
        await launch();
      },
      async ping() {
        await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
      },
      async close() {
        await kill();
        if (storeDir) rmSync(storeDir, { recursive: true, force: true });
      },
    };
  },
};

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const proc of running) proc.kill("SIGKILL");
});

export const allSystems = [samtal, yPartyserver, hocuspocus];
