import { setTimeout as sleep } from "node:timers/promises";
import type { BenchClient } from "../lib/client";
import { closeClients, eachSystem, freshDocumentId, openClients } from "../lib/harness";
import { type Distribution, distribution, ms, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { allSystems, type RunningSystem } from "../lib/systems";

/**
 * 200 clients in a room with some text; the server process is killed (SIGKILL, the way a
 * deploy or crash drops every socket) and started again on the same storage and port. Every
 * client reconnects on its own with y-websocket's schedule (100 ms · 2^attempt, at most
 * 2.5 s) and counts as back once its sync step 2 has arrived and its text is the room's.
 * Times are from the kill.
 */
const clientCount = 200;
const backoff = (attempt: number) => Math.min(100 * 2 ** attempt, 2500);

interface ReconnectResult {
  restartMs: number;
  resynced: number;
  times: Distribution;
}

async function runReconnect(system: RunningSystem): Promise<ReconnectResult> {
  const documentId = freshDocumentId("reconnect");
  const clients = await openClients(system, documentId, clientCount, {
    keepDoc: true,
    reconnect: { backoff },
  });
  const writer = clients[0] as BenchClient;
  for (let i = 0; i < 100; i++) {
    writer.edit(i);
    if (i % 10 === 9) await sleep(20);
  }
  const text = () => writer.doc.getText("t").toString();
  await Promise.all(
    clients.map((c) => c.waitFor(() => c.doc.getText("t").toString() === text(), 20_000, "the text")),
  );
  // Let the baselines' debounced save (2 s) happen: this scenario is about reconnecting.
  await sleep(3000);
  const expected = text();

  const killedAt = performance.now();
  await system.kill9();
  await Promise.all(clients.map((c) => c.waitFor(() => !c.synced, 5000, "the connection to drop")));
  await system.restart();
  const restartMs = performance.now() - killedAt;
  const backAt = new Map<BenchClient, number>();
  await Promise.all(
    clients.map((c) =>
      c
        .waitFor(() => c.synced && c.doc.getText("t").toString() === expected, 20_000, "resync")
        .then(() => backAt.set(c, c.syncedAt - killedAt))
        .catch(() => undefined),
    ),
  );
  await closeClients(clients);
  return { restartMs, resynced: backAt.size, times: distribution([...backAt.values()]) };
}

export const reconnectScenarios: Record<string, Scenario> = {
  "reconnect-200": {
    description: "200 clients reconnecting at once after a server restart; all synced within 5 s",
    async run() {
      const results = await eachSystem(allSystems, runReconnect, { store: true });
      const [ours] = results;
      if (!ours) return;
      console.log(
        table(
          ["system", "restart (kill → listening)", "clients back", "p50", "p99", "last"],
          results.map(({ system, result: r }) => [
            system,
            ms(r.restartMs),
            `${r.resynced} of ${clientCount}`,
            ms(r.times.p50),
            ms(r.times.p99),
            ms(r.times.max),
          ]),
        ),
      );
      console.log(
        "\nTimes from the SIGKILL to each client's sync step 2 with the room's text; the clients' first retry is due 100 ms after the drop.",
      );
      const r = ours.result;
      console.log(
        verdicts([
          {
            what: "all 200 synced within 5 s",
            value: `${r.resynced} of ${clientCount}, last after ${ms(r.times.max)}`,
            pass: r.resynced === clientCount && r.times.max <= 5000,
          },
        ]),
      );
    },
  },
};
