/**
 * Baseline: Hocuspocus (@hocuspocus/server), the popular Node.js Yjs server, with its
 * defaults (debounce 2 s, max 10 s, broadcasts coalesced per event-loop turn).
 *
 *   node server.mjs [--port N] [--store DIR]
 *
 * Without --store it keeps documents in memory only (as measured in realtime.md). With
 * --store, a minimal whole-document store: onLoadDocument reads DIR/<name>.ydoc and
 * onStoreDocument writes the whole document there, counting the bytes (the same
 * accounting as the room's bytesWritten). GET /stats?doc=<name> answers those counts.
 * Prints {"port": N} on stdout once listening. Run by test/bench (pinned with taskset).
 */
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { Server } from "@hocuspocus/server";
import * as Y from "yjs";

const { values } = parseArgs({ options: { port: { type: "string" }, store: { type: "string" } } });
const store = values.store ?? null;
/** @type {Map<string, { bytesWritten: number, saves: number }>} */
const counts = new Map();
const countsOf = (/** @type {string} */ name) => {
  const entry = counts.get(name) ?? { bytesWritten: 0, saves: 0 };
  counts.set(name, entry);
  return entry;
};
const fileOf = (/** @type {string} */ name) => path.join(store ?? "", `${encodeURIComponent(name)}.ydoc`);

const server = new Server({
  port: Number(values.port ?? 0),
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: false,
  ...(store
    ? {
        async onLoadDocument({ document, documentName }) {
          const file = fileOf(documentName);
          if (existsSync(file)) Y.applyUpdate(document, readFileSync(file));
        },
        async onStoreDocument({ document, documentName }) {
          const state = Y.encodeStateAsUpdate(document);
          await writeFile(fileOf(documentName), state);
          const entry = countsOf(documentName);
          entry.bytesWritten += state.byteLength;
          entry.saves += 1;
        },
      }
    : {}),
  async onRequest({ request, response }) {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== "/stats") return;
    const name = url.searchParams.get("doc") ?? "";
    const document = server.hocuspocus.documents.get(name);
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(
      JSON.stringify({ ...countsOf(name), connections: document ? document.getConnectionsCount() : 0 }),
    );
    // Rejecting with nothing tells Hocuspocus the request was handled.
    throw null;
  },
});

await server.listen();
process.stdout.write(`${JSON.stringify({ port: server.address.port })}\n`);
