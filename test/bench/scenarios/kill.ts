import { setTimeout as sleep } from "node:timers/promises";
import * as Y from "yjs";
import { BenchClient } from "../lib/client";
import { eachSystem, freshDocumentId } from "../lib/harness";
import { table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { allSystems, type RunningSystem } from "../lib/systems";

/**
 * 50 SIGKILLs of the server process at random moments during continuous editing. A writer
 * edits all the time (about 60 edits/s, in bursts of one or two), including while the
 * server is down; a reader receives. After each kill the server restarts on the same
 * storage and the reader reconnects first: the server's sync step 1 (its state vector)
 * tells exactly which of the writer's edits it still has, so every edit the reader had
 * received but the server no longer has is a lost edit. Then the writer reconnects and
 * re-sends what it has (as any client would), and the next round begins.
 */
const kills = 50;

interface KillResult {
  kills: number;
  editsMade: number;
  editsReceived: number;
  /** Summed over kills: an edit lost at several kills (re-sent in between) counts each time. */
  lost: number;
  /** Different edits lost at least once. */
  distinctLost: number;
  roundsWithLoss: number;
  worstRound: number;
}

async function runKills(system: RunningSystem): Promise<KillResult> {
  const documentId = freshDocumentId("kill");
  const writer = new BenchClient(await system.endpoint(documentId), { keepDoc: true });
  const reader = new BenchClient(await system.endpoint(documentId), { keepDoc: true });
  await writer.connect();
  await reader.connect();
  await Promise.all([writer.whenSynced(), reader.whenSynced()]);

  // The writer's clock after each of its edits, to turn clocks into edit counts.
  const clockAfter: number[] = [];
  const writerId = writer.doc.clientID;
  let editing = true;
  const editLoop = (async () => {
    for (let id = 0; editing; ) {
      for (let burst = 1 + Math.floor(Math.random() * 2); burst > 0; burst--) {
        writer.edit(id++);
        clockAfter.push(Y.getState(writer.doc.store, writerId));
      }
      await sleep(10 + Math.random() * 30);
    }
  })();
  const editsUpTo = (clock: number) => {
    let lo = 0;
    let hi = clockAfter.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((clockAfter[mid] as number) <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  let lost = 0;
  const lostEdits = new Set<number>();
  let roundsWithLoss = 0;
  let worstRound = 0;
  for (let round = 0; round < kills; round++) {
    await sleep(100 + Math.random() * 1400);
    await system.kill9();
    await reader.waitFor(() => !reader.open, 5000, "the reader's socket to drop");
    const had = Y.getState(reader.doc.store, writerId);
    await system.restart();
    await reader.connect();
    await reader.waitFor(() => reader.serverStateVector !== null, 10_000, "the server's sync step 1");
    const kept = reader.serverStateVector?.get(writerId) ?? 0;
    const lostNow = Math.max(0, editsUpTo(had) - editsUpTo(kept));
    for (let edit = editsUpTo(kept); edit < editsUpTo(had); edit++) lostEdits.add(edit);
    lost += lostNow;
    if (lostNow) roundsWithLoss++;
    worstRound = Math.max(worstRound, lostNow);
    await reader.whenSynced(10_000);
    await writer.connect();
    await writer.whenSynced(10_000);
  }
  editing = false;
  await editLoop;
  await reader.waitFor(
    () => Y.getState(reader.doc.store, writerId) === Y.getState(writer.doc.store, writerId),
    10_000,
    "the reader to catch up",
  );
  const editsReceived = editsUpTo(Y.getState(reader.doc.store, writerId));
  writer.close();
  reader.close();
  return {
    kills,
    editsMade: clockAfter.length,
    editsReceived,
    lost,
    distinctLost: lostEdits.size,
    roundsWithLoss,
    worstRound,
  };
}

export const killScenarios: Record<string, Scenario> = {
  "kill-50": {
    description:
      "50 SIGKILLs of the server at random moments during continuous edits; zero lost edits a peer had received",
    async run() {
      const results = await eachSystem(allSystems, runKills, { store: true });
      const [ours] = results;
      if (!ours) return;
      console.log(
        table(
          [
            "system",
            "kills",
            "edits made",
            "edits the reader received",
            "received, then lost (summed over kills)",
            "different edits lost",
            "kills that lost edits",
            "most lost at one kill",
          ],
          results.map(({ system, result: r }) => [
            system,
            String(r.kills),
            String(r.editsMade),
            String(r.editsReceived),
            String(r.lost),
            String(r.distinctLost),
            String(r.roundsWithLoss),
            String(r.worstRound),
          ]),
        ),
      );
      console.log(
        "\nA kill lands 0.1–1.5 s into each round (uniformly random). Lost = edits the reader had received before the kill that the restarted server's state vector lacks; the writer re-sends them on reconnect, so a server that never got to save loses them again at the next kill. Hocuspocus stores documents in files (whole document on its debounce).",
      );
      console.log(
        verdicts([
          {
            what: "zero lost edits that a peer had received",
            value: `${ours.result.lost} lost over ${ours.result.kills} kills`,
            pass: ours.result.lost === 0,
          },
        ]),
      );
    },
  },
};
