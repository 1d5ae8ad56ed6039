import { setTimeout as sleep } from "node:timers/promises";
import { BenchClient } from "../lib/client";
import { eachSystem, freshDocumentId, median, rounds } from "../lib/harness";
import { distribution, mb, ms, ratio, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { allSystems, hocuspocus, type RunningSystem, samtal, yPartyserver } from "../lib/systems";
import { loadB4 } from "../lib/traces";

/**
 * B4 (automerge-paper, 259,778 edits; 311 kB as one V1 update) in a room.
 *
 * b4-join: the state is sent once by one client; once the system has written it to storage,
 * join-to-synced is timed: from opening the WebSocket to having sync step 2 applied to a
 * fresh Y.Doc (what the stock provider calls "synced"). Cold: the server process restarted
 * (SIGKILL, same storage) and one HTTP request answered first, so the Worker is loaded but
 * the document's Durable Object (or Hocuspocus's document) is not. Warm: another client holds
 * the document open.
 *
 * b4-storage: all 259,778 edits sent as an editor sends them, one update per trace
 * transaction, then the payload bytes the system wrote to storage (as it counts them)
 * against the update bytes sent. The room limits each connection to 300 messages of burst
 * and 100/s, so the replay uses a connection per 250 updates, one after the other, each
 * waiting for the server's answer to a final sync step 1 before the next opens: the same
 * for every system.
 */
const joins = 20;

async function waitUntil(what: string, check: () => Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function join(system: RunningSystem, documentId: string, expected: string): Promise<number> {
  const client = new BenchClient(await system.endpoint(documentId, "read"), { keepDoc: true });
  // A join is timed from the socket on: the token comes first, as a browser fetches it before connecting.
  await client.prepare();
  const started = performance.now();
  await client.connect();
  await client.whenSynced(30_000);
  const elapsed = client.syncedAt - started;
  const text = client.doc.getText("t").toString();
  client.close();
  if (text !== expected)
    throw new Error(`${system.name}: a joining client got ${text.length} characters, not B4`);
  return elapsed;
}

interface JoinResult {
  cold: number[];
  warm: number[];
  rssWarm: number;
}

async function runJoin(system: RunningSystem): Promise<JoinResult> {
  const b4 = loadB4();
  const documentId = freshDocumentId("b4-join");
  const loader = new BenchClient(await system.endpoint(documentId), {});
  await loader.connect();
  await loader.whenSynced();
  loader.sendUpdate(b4.state);
  // Stored? The room writes before it answers; the baselines write on their debounce (2 s).
  await waitUntil(
    `${system.name} to store B4`,
    async () => (await system.bytesWritten(documentId)) >= b4.state.byteLength * 0.9,
  );
  loader.close();
  await sleep(500);

  const cold: number[] = [];
  for (let i = 0; i < joins; i++) {
    await system.restart();
    await system.ping();
    cold.push(await join(system, documentId, b4.endContent));
  }
  const holder = new BenchClient(await system.endpoint(documentId, "read"), {});
  await holder.connect();
  await holder.whenSynced();
  const warm: number[] = [];
  for (let i = 0; i < joins; i++) warm.push(await join(system, documentId, b4.endContent));
  const rssWarm = system.rssBytes();
  holder.close();
  return { cold, warm, rssWarm };
}

interface StorageResult {
  resets: number;
  updates: number;
  updateBytes: number;
  bytesWritten: number;
  seconds: number;
  rss: number;
}

async function runStorage(system: RunningSystem): Promise<StorageResult> {
  const b4 = loadB4();
  const documentId = freshDocumentId("b4-storage");
  // The document stays open elsewhere for the whole replay (another tab, say), so no system
  // unloads it between the replay's connections (Hocuspocus would store it each time).
  const holder = new BenchClient(await system.endpoint(documentId, "read"), {});
  await holder.connect();
  await holder.whenSynced();
  const written = writtenCounter(system, documentId);
  const perConnection = 250;
  let updateBytes = 0;
  const started = performance.now();
  let lastReport = started;
  for (let start = 0; start < b4.updates.length; start += perConnection) {
    const end = Math.min(b4.updates.length, start + perConnection);
    const client = new BenchClient(await system.endpoint(documentId), {});
    await client.connect(b4.stateVectorBefore(start));
    await client.whenSynced();
    for (let i = start; i < end; i++) {
      const update = b4.updates[i] as Uint8Array;
      client.sendUpdate(update);
      updateBytes += update.byteLength;
    }
    await client.roundTrip(b4.stateVectorBefore(end));
    client.close();
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(`    ${system.name}: ${end} of ${b4.updates.length} updates`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // Let what is still due reach storage: the room's compaction alarm, or the baselines'
  // debounced save (2 s after the last change).
  await sleep(system.settleMs);
  const bytesWritten = await written.stop();
  const check = new BenchClient(await system.endpoint(documentId, "read"), { keepDoc: true });
  await check.connect();
  await check.whenSynced();
  const text = check.doc.getText("t").toString();
  check.close();
  holder.close();
  if (text !== b4.endContent) throw new Error(`${system.name}: after the replay the document is not B4`);
  return {
    updates: b4.updates.length,
    updateBytes,
    bytesWritten,
    seconds,
    rss: system.rssBytes(),
    resets: written.resets,
  };
}

/**
 * Reads a system's bytes-written counter every second. The room counts in memory, per
 * object instance: if the object restarts (an eviction), the counter starts again from
 * zero, so a drop is added back (and reported).
 */
function writtenCounter(system: RunningSystem, documentId: string) {
  let carried = 0;
  let last = 0;
  const state = { resets: 0 };
  const poll = async () => {
    const now = await system.bytesWritten(documentId);
    if (now < last) {
      carried += last;
      state.resets++;
    }
    last = now;
  };
  let polling = Promise.resolve();
  const timer = setInterval(() => {
    polling = polling.then(poll, poll);
  }, 1000);
  return {
    get resets() {
      return state.resets;
    },
    async stop() {
      clearInterval(timer);
      await polling;
      await poll();
      return carried + last;
    },
  };
}

export const b4Scenarios: Record<string, Scenario> = {
  "b4-join": {
    description:
      "B4 document (311 kB) joined cold (server restarted) and warm, 20 joins each; cold p95 <= 150 ms and <= 0.8x y-partyserver's, warm p95 <= 60 ms",
    async run() {
      loadB4();
      const grouped = await eachSystem(allSystems, runJoin, { store: true, times: rounds });
      // With --rounds, every round's joins count (systems took turns).
      const results = grouped.map(({ system, rounds: list }) => ({
        system,
        result: {
          cold: distribution(list.flatMap((r) => r.cold)),
          warm: distribution(list.flatMap((r) => r.warm)),
          rssWarm: median(list.map((r) => r.rssWarm)),
        },
      }));
      const [ours, ...baselines] = results;
      if (!ours) return;
      console.log(
        table(
          [
            "system",
            "cold p50",
            "cold p95",
            "cold max",
            "warm p50",
            "warm p95",
            "warm max",
            "server RSS (warm)",
            ...baselines.map((b) => `ratio to ${b.system}`),
          ],
          results.map(({ system, result: r }) => [
            system,
            ms(r.cold.p50),
            ms(r.cold.p95),
            ms(r.cold.max),
            ms(r.warm.p50),
            ms(r.warm.p95),
            ms(r.warm.max),
            mb(r.rssWarm),
            ...baselines.map((b) =>
              r === ours.result
                ? `cold p95 ${ratio(r.cold.p95, b.result.cold.p95)}, warm p95 ${ratio(r.warm.p95, b.result.warm.p95)}`
                : "",
            ),
          ]),
        ),
      );
      console.log(
        `\nJoin = WebSocket opened → sync step 2 applied to a fresh Y.Doc (B4 text verified); ${joins * rounds} cold and ${joins * rounds} warm joins per system. Cold = server process restarted on the same storage, one HTTP request answered, then the join. Hocuspocus stores documents in files (whole document on its debounce).`,
      );
      const party = results.find((r) => r.system === yPartyserver.name)?.result;
      console.log(
        verdicts([
          {
            what: "cold join p95 <= 150 ms",
            value: ms(ours.result.cold.p95),
            pass: ours.result.cold.p95 <= 150,
          },
          ...(party
            ? [
                {
                  what: "cold join p95 <= 0.8x y-partyserver's",
                  value: `${ms(ours.result.cold.p95)} vs ${ms(party.cold.p95)} (${ratio(ours.result.cold.p95, party.cold.p95)})`,
                  pass: ours.result.cold.p95 <= 0.8 * party.cold.p95,
                },
              ]
            : []),
          {
            what: "warm join p95 <= 60 ms",
            value: ms(ours.result.warm.p95),
            pass: ours.result.warm.p95 <= 60,
          },
        ]),
      );
    },
  },
  "b4-storage": {
    description:
      "all 259,778 B4 edits, one update each; replay time <= 1.5x y-partyserver's, bytes written to storage <= 2.5x the update bytes",
    async run() {
      const b4 = loadB4();
      console.log(`  (B4 replayed into one Y.Doc here in ${b4.replaySeconds.toFixed(1)} s)`);
      const results = await eachSystem([samtal, yPartyserver, hocuspocus], runStorage, { store: true });
      const [ours] = results;
      const party = results.find((r) => r.system === yPartyserver.name)?.result;
      if (!ours) return;
      const amplification = (r: StorageResult) => r.bytesWritten / r.updateBytes;
      console.log(
        table(
          [
            "system",
            "updates",
            "update bytes",
            "bytes written",
            "written / sent",
            "replay time",
            "server RSS",
            "note",
          ],
          results.map(({ system, result: r }) => [
            system,
            String(r.updates),
            mb(r.updateBytes),
            mb(r.bytesWritten),
            `${amplification(r).toFixed(2)}x`,
            `${r.seconds.toFixed(0)} s`,
            mb(r.rss),
            r.resets ? `counter restarted ${r.resets}x` : "",
          ]),
        ),
      );
      console.log(
        "\nThe baselines write the whole document on a 2 s debounce (at most every 10 s), so their bytes depend on how long the replay takes; each system's replay time is shown. Every final document was checked to equal B4.",
      );
      console.log(
        verdicts([
          ...(party
            ? [
                {
                  what: "replay time <= 1.5x y-partyserver's",
                  value: `${ours.result.seconds.toFixed(0)} s vs ${party.seconds.toFixed(0)} s (${ratio(ours.result.seconds, party.seconds)})`,
                  pass: ours.result.seconds <= 1.5 * party.seconds,
                },
              ]
            : []),
          {
            what: "bytes written <= 2.5x update bytes",
            value: `${amplification(ours.result).toFixed(2)}x (${mb(ours.result.bytesWritten)} for ${mb(ours.result.updateBytes)})`,
            pass: amplification(ours.result) <= 2.5,
          },
        ]),
      );
    },
  },
};
