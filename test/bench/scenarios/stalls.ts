import { eachSystem } from "../lib/harness";
import { ms, table, verdicts } from "../lib/report";
import { samtal, samtalDeflate, yPartyserver } from "../lib/systems";
import type { Scenario } from "../run";
import { type FanoutOptions, runFanout, stalls } from "./fanout";

/**
 * Periodic stalls: fanout-200 for 40 s, reported second by second, for the room (as
 * configured, and with permessage-deflate accepted) and y-partyserver. Each second shows
 * the worst latency of an edit sent in it, beside what could explain a spike: the clients'
 * process (event-loop delay, GC pauses; every client lives in it) and the server's CPU in
 * that second. A stall that lines up with the harness is the harness's; one where the
 * harness was on time and the server busy is the server's.
 */
const options: FanoutOptions = {
  clients: 200,
  editsPerSecond: 20,
  seconds: 40,
  warmupSeconds: 3,
  drainSeconds: 5,
};

/** Harness lag or GC in a second above this could by itself explain a spike. */
const harnessBusyMs = 20;

async function run() {
  const results = await eachSystem([samtal, samtalDeflate, yPartyserver], (system) =>
    runFanout(system, options),
  );
  const columns = results.flatMap(({ system }) => [`${system}: worst`, "harness lag / GC", "server CPU"]);
  const rows = Array.from({ length: options.seconds }, (_, second) => [
    String(second + 1),
    ...results.flatMap(({ result }) => {
      const w = result.windows[second];
      if (!w) return ["–", "–", "–"];
      const mark = stalls(result).includes(w) ? " **stall**" : "";
      return [
        `${ms(w.maxLatency)}${mark}`,
        `${w.harnessLag.toFixed(0)} / ${w.harnessGc.toFixed(0)} ms`,
        `${w.serverCpu.toFixed(0)} ms`,
      ];
    }),
  ]);
  console.log(table(["second", ...columns], rows));
  console.log(
    `\n${options.clients} clients, ${options.editsPerSecond} edits/s, ${options.seconds} s. Worst = the slowest delivery of an edit sent in that second; harness lag = how late a 10 ms timer in the clients' process ran at worst; GC = that process's garbage-collection pauses; server CPU = the server process's CPU time in that second (1000 ms = one core).`,
  );
  const summary = results.map(({ system, result }) => {
    const found = stalls(result);
    const seconds = found.map((w) => result.windows.indexOf(w) + 1);
    const gaps = seconds.slice(1).map((s, i) => s - (seconds[i] as number));
    const harness = found.filter((w) => w.harnessLag > harnessBusyMs || w.harnessGc > harnessBusyMs);
    return { system, result, seconds, gaps, harness: harness.length };
  });
  for (const s of summary) {
    console.log(
      `${s.system}: p99 ${ms(s.result.latency.p99)}, ${s.seconds.length} stall seconds` +
        (s.seconds.length
          ? ` (at ${s.seconds.join(", ")}; gaps ${s.gaps.join(", ") || "–"} s), ${s.harness} of them with the harness late or collecting garbage`
          : ""),
    );
  }
  const ours = summary.find((s) => s.system === samtal.name);
  if (ours) {
    console.log(
      verdicts([
        {
          what: "no stall seconds in the room as configured",
          value: `${ours.seconds.length}`,
          pass: ours.seconds.length === 0,
        },
      ]),
    );
  }
}

export const stallScenarios: Record<string, Scenario> = {
  stalls: {
    description:
      "fanout-200 for 40 s, worst latency per second beside the harness's delays and the server's CPU (room with and without deflate, y-partyserver)",
    run,
  },
};
