import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { RoomPeer } from "./room-peer";

/**
 * The real server as a killable process: a bundled Worker run by `workerd serve` on its own
 * socket, with a capnp config generated here, and Durable Object storage (SQLite files) in a
 * directory that survives `kill9()` and `restart()`.
 *
 * Why not wrangler dev or Miniflare: wrangler dev puts a Node proxy in front of workerd (a hop
 * that roughly doubles latency). Miniflare's socket is workerd's own, but every request passes
 * its entry worker first and Miniflare manages the workerd process (and a loopback server) from
 * the calling process. Here the process we spawn IS workerd (`taskset -c <cpu>` execs it,
 * keeping the pid), clients talk to the one socket workerd listens on (127.0.0.1, port from
 * --control-fd), and a kill is just a kill: restart() starts workerd again on the same files.
 *
 * What the generated config carries: the bundle as one ES module, the compatibility date and
 * flags, Durable Object namespaces (SQLite-backed) with local-disk storage, text vars, a
 * version-metadata JSON binding, and D1 databases on workerd's own D1 Worker
 * (`bundled = "/workerd/d1.js"`: one SQLite-backed Durable Object per database, on the same
 * disk), with the config's migrations applied when the storage is new. Not the static-assets
 * layer: the API and the rooms, not the web app.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

export interface WorkerBundle {
  /** The bundled ES module's file name (what wrangler deploy --dry-run writes, e.g. index.js). */
  moduleName: string;
  /** Its source. Each server writes its own copy beside its config; close() removes both. */
  source: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  /** Durable Object bindings: binding name → class name (all SQLite-backed). */
  durableObjects: Record<string, string>;
  /** Plain-text vars from the wrangler config (the caller's vars override them). */
  vars: Record<string, string>;
  /** Name of a version-metadata binding, if the config has one. */
  versionMetadata?: string;
  /** D1 bindings: binding name → the database's id and its migrations directory (absolute). */
  d1Databases: Record<string, { id: string; migrationsDir: string }>;
}

export interface WorkerdOptions {
  worker: WorkerBundle;
  /** Extra text bindings (vars and secrets). */
  vars?: Record<string, string>;
  /** Persistent Durable Object storage. Default: a fresh temporary directory, removed by close(). */
  storageDir?: string;
  /** 0 (default): any free port. restart() keeps the port unless told otherwise. */
  port?: number;
  /** CPU list for `taskset -c` (benchmarks pin workerd to one core). */
  cpu?: string;
  /** Echo workerd's stdout/stderr (default: only kept for error messages). */
  verbose?: boolean;
  /** V8 flags for workerd's isolates (the benchmark traces garbage collection with --trace-gc). */
  v8Flags?: string[];
  /** Called with each chunk workerd writes to stdout or stderr, as it arrives. */
  onOutput?: (text: string) => void;
}

export interface WorkerdServer {
  /** http://127.0.0.1:<port> — workerd's own listening socket. */
  readonly url: URL;
  readonly port: number;
  /** The workerd process id (the process is workerd itself, also under taskset). */
  readonly pid: number;
  readonly pids: number[];
  readonly storageDir: string;
  /** Resident memory of workerd, in bytes (from /proc). */
  rssBytes(): number;
  /** SIGKILL workerd now; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** Starts workerd again on the same storage (same port unless `newPort`). */
  restart(options?: { newPort?: boolean }): Promise<void>;
  /** Stops workerd (SIGKILL: nothing here depends on a clean shutdown) and removes temporary storage. */
  close(): Promise<void>;
}

/**
 * The "workerd" package wrangler runs locally (wrangler → miniflare → workerd; other packages
 * may hoist a different workerd to the top of node_modules): the platform binary's path, and
 * the newest compatibility date it supports.
 */
const workerdPackage = () => {
  const fromWrangler = createRequire(require.resolve("wrangler"));
  const fromMiniflare = createRequire(fromWrangler.resolve("miniflare"));
  return fromMiniflare("workerd") as { default: string; compatibilityDate: string; version: string };
};

/** The workerd version these helpers run, for reports. */
export const workerdVersion = () => workerdPackage().version;

const workerdBinary = (): string => {
  const binary = workerdPackage().default;
  if (!binary || !existsSync(binary)) throw new Error("workerd binary not found (npm ci?)");
  return binary;
};

/**
 * A config may name a date newer than the installed workerd knows (wrangler.toml does);
 * like wrangler dev and Miniflare, run with the newest date this workerd supports.
 */
const supportedDate = (date: string) => {
  const newest = workerdPackage().compatibilityDate;
  return date > newest ? newest : date;
};

const offlineEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

function runNode(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: offlineEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed (exit ${code}):\n${output}`)),
    );
  });
}

/**
 * Bundles a Worker exactly as a deployment would (`wrangler deploy --dry-run`) and reads the
 * settings workerd needs from the same wrangler config. Builds the web app first if the config
 * has an assets directory that does not exist yet (wrangler refuses to bundle without it).
 */
export async function buildWorker(configPath = path.join(repoRoot, "wrangler.toml")): Promise<WorkerBundle> {
  const { unstable_readConfig } = await import("wrangler");
  const config = unstable_readConfig({ config: configPath }, { hideWarnings: true });
  const configDir = path.dirname(configPath);
  const assets = config.assets?.directory;
  if (assets && !existsSync(path.resolve(configDir, assets))) {
    await runNode(
      [path.join(repoRoot, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
      repoRoot,
    );
  }
  const outdir = mkdtempSync(path.join(tmpdir(), "workerd-bundle-"));
  let moduleName: string;
  let source: string;
  try {
    await runNode(
      [
        path.join(repoRoot, "node_modules/wrangler/bin/wrangler.js"),
        "deploy",
        "--dry-run",
        "--config",
        configPath,
        "--outdir",
        outdir,
      ],
      configDir,
    );
    const modules = readdirSync(outdir).filter((f) => !f.endsWith(".map") && f !== "README.md");
    const [module] = modules;
    if (modules.length !== 1 || !module?.endsWith(".js")) {
      throw new Error(`expected one bundled ES module, got: ${modules.join(", ")}`);
    }
    moduleName = module;
    source = readFileSync(path.join(outdir, module), "utf8");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  const durableObjects: Record<string, string> = {};
  for (const binding of config.durable_objects?.bindings ?? []) {
    if (binding.script_name)
      throw new Error(`${binding.name}: Durable Objects of other scripts are not supported`);
    durableObjects[binding.name] = binding.class_name;
  }
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.vars ?? {})) {
    vars[name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  const d1Databases: WorkerBundle["d1Databases"] = {};
  for (const database of config.d1_databases ?? []) {
    d1Databases[database.binding] = {
      id: database.database_id ?? database.binding,
      migrationsDir: path.resolve(configDir, database.migrations_dir ?? "migrations"),
    };
  }
  if (!config.compatibility_date) throw new Error(`${configPath}: no compatibility_date`);
  return {
    d1Databases,
    moduleName,
    source,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    durableObjects,
    vars,
    ...(config.version_metadata?.binding ? { versionMetadata: config.version_metadata.binding } : {}),
  };
}

/** capnp text string literal (JSON escapes are a subset capnp accepts for our ASCII inputs). */
const str = (s: string) => JSON.stringify(s);

/** The module is embedded by name: startWorkerd writes it beside the config file. */
function capnpConfig(
  worker: WorkerBundle,
  vars: Record<string, string>,
  storageDir: string,
  v8Flags: string[],
) {
  const bindings: string[] = [];
  for (const [name, value] of Object.entries({ ...worker.vars, ...vars })) {
    bindings.push(`(name = ${str(name)}, text = ${str(value)})`);
  }
  for (const [name, className] of Object.entries(worker.durableObjects)) {
    bindings.push(`(name = ${str(name)}, durableObjectNamespace = (className = ${str(className)}))`);
  }
  if (worker.versionMetadata) {
    const metadata = JSON.stringify({ id: "local", tag: "", timestamp: "0" });
    bindings.push(`(name = ${str(worker.versionMetadata)}, json = ${str(metadata)})`);
  }
  // Each D1 database: the binding, and a socket of its own to apply migrations through.
  const d1Sockets: string[] = [];
  for (const [name, { id }] of Object.entries(worker.d1Databases)) {
    const d1 = `(name = "d1", props = (json = ${str(JSON.stringify({ database: id }))}))`;
    bindings.push(
      `(name = ${str(name)}, wrapped = (moduleName = "cloudflare-internal:d1-api", innerBindings = [(name = "fetcher", service = ${d1})]))`,
    );
    d1Sockets.push(
      `(name = ${str(d1SocketName(name))}, address = "127.0.0.1:0", http = (), service = ${d1})`,
    );
  }
  const classes = [...new Set(Object.values(worker.durableObjects))];
  const namespaces = classes.map(
    (className) =>
      `(className = ${str(className)}, uniqueKey = ${str(`worker-${className}`)}, enableSql = true)`,
  );
  const d1Services = d1Sockets.length
    ? `
    (name = "d1", worker = (
      modules = [(name = "d1.js", bundled = "/workerd/d1.js")],
      compatibilityDate = "2024-04-03",
      bindings = [(name = "DATABASE", durableObjectNamespace = (className = "D1Database"))],
      durableObjectNamespaces = [(className = "D1Database", uniqueKey = "samtal-d1", enableSql = true)],
      durableObjectStorage = (localDisk = "d1-storage"),
    )),
    (name = "d1-storage", disk = (path = ${str(path.join(storageDir, "d1"))}, writable = true)),`
    : "";
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "do-storage", disk = (path = ${str(storageDir)}, writable = true)),${d1Services}
  ],
  sockets = [
    (name = "http", address = "127.0.0.1:0", http = (), service = "main"),
    ${d1Sockets.join(",\n    ")}
  ],
  v8Flags = [${v8Flags.map(str).join(", ")}],
);

const worker :Workerd.Worker = (
  modules = [(name = ${str(worker.moduleName)}, esModule = embed ${str(worker.moduleName)})],
  compatibilityDate = ${str(supportedDate(worker.compatibilityDate))},
  compatibilityFlags = [${worker.compatibilityFlags.map(str).join(", ")}],
  bindings = [
    ${bindings.join(",\n    ")}
  ],
  durableObjectNamespaces = [${namespaces.join(", ")}],
  durableObjectStorage = ${classes.length ? `(localDisk = "do-storage")` : "(none = void)"},
);
`;
}

const d1SocketName = (binding: string) => `d1-${binding}`;

/**
 * Applies a D1 database's migrations (`NNNN_name.sql`, in order) through its socket: each
 * file in one transaction, split where drizzle-kit marks statement breakpoints.
 */
async function applyMigrations(port: number, migrationsDir: string) {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const queries = readFileSync(path.join(migrationsDir, file), "utf8")
      .split("--> statement-breakpoint")
      .map((sql) => ({ sql }));
    const res = await fetch(`http://127.0.0.1:${port}/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(queries),
    });
    const answer = (await res.json()) as { success?: boolean; error?: string } | unknown[];
    if (!Array.isArray(answer)) throw new Error(`migration ${file} failed: ${answer.error ?? res.status}`);
  }
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  // Never leave a workerd behind, even when a test run is interrupted.
  for (const child of running) child.kill("SIGKILL");
});

export async function startWorkerd(options: WorkerdOptions): Promise<WorkerdServer> {
  const ownStorage = !options.storageDir;
  const storageDir = options.storageDir ?? mkdtempSync(path.join(tmpdir(), "workerd-storage-"));
  // D1 databases live in <storage>/d1: a new one gets the migrations once it runs.
  const freshStorage = !existsSync(path.join(storageDir, "d1"));
  mkdirSync(path.join(storageDir, "d1"), { recursive: true });
  const configDir = mkdtempSync(path.join(tmpdir(), "workerd-config-"));
  const configFile = path.join(configDir, "config.capnp");
  writeFileSync(path.join(configDir, options.worker.moduleName), options.worker.source);
  writeFileSync(
    configFile,
    capnpConfig(options.worker, options.vars ?? {}, storageDir, options.v8Flags ?? []),
  );
  const binary = workerdBinary();

  let child: ChildProcess | null = null;
  let port = options.port ?? 0;
  /** The D1 sockets' ports, by socket name, from the latest launch. */
  const d1Ports = new Map<string, number>();
  const d1Bindings = Object.keys(options.worker.d1Databases);
  let exited: Promise<void> = Promise.resolve();
  const log: string[] = [];

  async function launch(): Promise<void> {
    // --experimental: for the bundled D1 Worker (Miniflare runs workerd with it too).
    const args = [
      "serve",
      "--experimental",
      configFile,
      "--control-fd=3",
      `--socket-addr=http=127.0.0.1:${port}`,
    ];
    // V8 traces with printf: line-buffer workerd's stdout so each line arrives when written.
    const program = options.v8Flags?.length ? ["stdbuf", "-oL", binary] : [binary];
    const [command, ...argv] = options.cpu
      ? ["taskset", "-c", options.cpu, ...program, ...args]
      : [...program, ...args];
    const proc = spawn(command as string, argv, { stdio: ["ignore", "pipe", "pipe", "pipe"] });
    child = proc;
    running.add(proc);
    exited = new Promise((resolve) =>
      proc.once("exit", () => {
        running.delete(proc);
        resolve();
      }),
    );
    for (const stream of [proc.stdout, proc.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        if (options.verbose) process.stderr.write(text);
        options.onOutput?.(text);
        log.push(text);
        if (log.length > 200) log.shift();
      });
    }
    const control = proc.stdio[3];
    if (!control || !("on" in control)) throw new Error("no control pipe");
    port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: control as NodeJS.ReadableStream });
      const timer = setTimeout(() => fail(new Error("workerd did not start within 30 s")), 30_000);
      const fail = (err: Error) => {
        clearTimeout(timer);
        lines.close();
        reject(new Error(`${err.message}\n${log.join("").slice(-4000)}`));
      };
      proc.once("exit", (code, signal) =>
        fail(new Error(`workerd exited (${code ?? signal}) while starting`)),
      );
      proc.once("error", fail);
      let http = 0;
      lines.on("line", (line) => {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event !== "listen" || !message.socket || !message.port) return;
        if (message.socket === "http") http = message.port;
        else d1Ports.set(message.socket, message.port);
        if (http && d1Bindings.every((b) => d1Ports.has(d1SocketName(b)))) {
          clearTimeout(timer);
          resolve(http);
        }
      });
    });
  }

  async function kill() {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill("SIGKILL");
    await exited;
  }

  await launch();
  if (freshStorage) {
    for (const [binding, { migrationsDir }] of Object.entries(options.worker.d1Databases)) {
      await applyMigrations(d1Ports.get(d1SocketName(binding)) as number, migrationsDir);
    }
  }
  const server: WorkerdServer = {
    get url() {
      return new URL(`http://127.0.0.1:${port}`);
    },
    get port() {
      return port;
    },
    get pid() {
      if (!child?.pid) throw new Error("workerd is not running");
      return child.pid;
    },
    get pids() {
      return child?.pid ? [child.pid] : [];
    },
    storageDir,
    rssBytes() {
      const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb * 1024;
    },
    kill9: kill,
    async restart({ newPort = false } = {}) {
      await kill();
      if (newPort) port = 0;
      await launch();
    },
    async close() {
      await kill();
      rmSync(configDir, { recursive: true, force: true });
      if (ownStorage) rmSync(storageDir, { recursive: true, force: true });
    },
  };
  return server;
}

let samtalBundle: Promise<WorkerBundle> | null = null;

/** Our Worker (wrangler.toml), built once per process. */
export function samtalWorker(): Promise<WorkerBundle> {
  samtalBundle ??= buildWorker();
  return samtalBundle;
}

/** Vars a local samtal needs: the development switch, no jurisdictions, fresh secrets. */
export function samtalVars(): Record<string, string> {
  return {
    SAMTAL_DEV_MODE: "on",
    ROOM_JURISDICTION: "local",
    ROOM_TOKEN_SECRET: randomBytes(32).toString("hex"),
    RATE_LIMIT_SECRET: randomBytes(32).toString("hex"),
  };
}

/** Starts samtal's Worker on workerd, development switch on. */
export async function startSamtal(options: Partial<WorkerdOptions> = {}): Promise<WorkerdServer> {
  return startWorkerd({
    ...options,
    worker: options.worker ?? (await samtalWorker()),
    vars: { ...samtalVars(), ...options.vars },
  });
}

/** A development room token (POST /api/dev/room-token). */
export async function devRoomToken(
  base: URL,
  documentId: string,
  name = "Anna",
  mode: "read" | "write" = "write",
): Promise<string> {
  const res = await fetch(new URL("/api/dev/room-token", base), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ documentId, name, mode, ttlSeconds: 3600 }),
  });
  if (!res.ok) throw new Error(`room token: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** What GET /api/dev/rooms/<id>/stats answers (DocumentRoom.stats()). */
export interface RoomStats {
  connections: number;
  storedBytes: number;
  bytesWritten: number;
  databaseBytes: number;
  rowsRead: number;
  rowsWritten: number;
  alarmsSet: number;
}

/** GET /api/dev/rooms/<id>/stats. */
export async function roomStats(base: URL, documentId: string): Promise<RoomStats> {
  const res = await fetch(new URL(`/api/dev/rooms/${encodeURIComponent(documentId)}/stats`, base));
  if (!res.ok) throw new Error(`room stats: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as RoomStats;
}

/** WebSocket URL of a room, token included. */
export function roomSocketUrl(base: URL, documentId: string, token: string): string {
  return `ws://127.0.0.1:${base.port}/api/rooms/${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}`;
}

/** A RoomPeer (test/support/room-peer.ts) on a Node WebSocket to the room, handshake started. */
export async function connectPeer(
  base: URL,
  documentId: string,
  { name = "Anna", mode = "write" as "read" | "write" } = {},
): Promise<RoomPeer> {
  const ws = new WebSocket(roomSocketUrl(base, documentId, await devRoomToken(base, documentId, name, mode)));
  const peer = new RoomPeer(ws);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error(`WebSocket to ${documentId} failed`)), {
      once: true,
    });
  });
  peer.start();
  return peer;
}
