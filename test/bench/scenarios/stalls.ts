import { eachSystem, median } from "../lib/harness";
import { ms, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { samtal, samtalDeflate, yPartyserver } from "../lib/systems";
import { type FanoutOptions, runFanout, stalls } from "./fanout";

/**
 * Periodic stalls: fanout-200 for 40 s, reported second by second, for the room (as
 * configured, and with permessage-deflate accepted) and y-partyserver. Each second shows
 * the worst latency of an edit sent in it, beside what could explain a spike: the clients'
 * process (event-loop delay, GC pauses; every client lives in it), the server's CPU in that
 * second, and other processes' use of the server's core. A stall that lines up with the
 * harness or with others on the core is the machine's; one where both were quiet is the
 * server's own (its CPU then shows whether it was working or waiting).
 */
const options: FanoutOptions = {
  clients: 200,
  editsPerSecond: 20,
  seconds: 40,
  warmupSeconds: 3,
  drainSeconds: 5,
};

/**
 * Harness lag or GC in a second above this could by itself explain a spike, and so could
 * other processes taking this much of the server's core in that second (a shared machine).
 */
const harnessBusyMs = 20;
const otherBusyMs = 200;

async function run() {
  const results = await eachSystem(
    [samtal, samtalDeflate, yPartyserver],
    (system) => runFanout(system, options),
    {
      traceGc: true,
    },
  );
  const columns = results.flatMap(({ system }) => [
    `${system}: worst`,
    "harness lag / GC",
    "server CPU / others on its core",
    "server GC: sum / longest",
  ]);
  const rows = Array.from({ length: options.seconds }, (_, second) => [
    String(second + 1),
    ...results.flatMap(({ result }) => {
      const w = result.windows[second];
      if (!w) return ["–", "–", "–", "–"];
      const mark = stalls(result).includes(w) ? " **stall**" : "";
      return [
        `${ms(w.maxLatency)}${mark}`,
        `${w.harnessLag.toFixed(0)} / ${w.harnessGc.toFixed(0)} ms`,
        `${w.serverCpu.toFixed(0)} / ${w.otherOnServerCore.toFixed(0)} ms`,
        `${w.serverGc.toFixed(1)} / ${w.serverGcLongest.toFixed(1)} ms${w.serverMajorGcs ? " (full)" : ""}`,
      ];
    }),
  ]);
  console.log(table(["second", ...columns], rows));
  console.log(
    `\n${options.clients} clients, ${options.editsPerSecond} edits/s, ${options.seconds} s. Worst = the slowest delivery of an edit sent in that second; harness lag = how late a 10 ms timer in the clients' process ran at worst; GC = that process's garbage-collection pauses; server CPU = the server process's CPU time in that second (1000 ms = one core); others = everything else on the server's core; server GC = V8's pauses in the server (--trace-gc), summed and the longest, "(full)" when a full mark-compact collection ran.`,
  );
  const summary = results.map(({ system, result }) => {
    const found = stalls(result);
    const seconds = found.map((w) => result.windows.indexOf(w) + 1);
    const gaps = seconds.slice(1).map((s, i) => s - (seconds[i] as number));
    const explained = found.filter(
      (w) => w.harnessLag > harnessBusyMs || w.harnessGc > harnessBusyMs || w.otherOnServerCore > otherBusyMs,
    );
    const collecting = found.filter((w) => w.serverGcLongest > 5);
    return { system, result, seconds, gaps, explained: explained.length, gc: collecting.length };
  });
  for (const { system, result } of results) {
    // Where the worst seconds are, and whether the server was collecting garbage in them.
    const worst = [...result.windows].sort((a, b) => b.maxLatency - a.maxLatency).slice(0, 5);
    const majors = result.windows.flatMap((w, i) => (w.serverMajorGcs ? [i + 1] : []));
    const intervals = majors.slice(1).map((s, i) => s - (majors[i] as number));
    console.log(
      `${system}: full collections of the server's heap at seconds ${majors.join(", ") || "none"}` +
        (intervals.length ? ` (every ${median(intervals)} s, median)` : "") +
        `; the 5 worst seconds (${worst.map((w) => ms(w.maxLatency)).join(", ")}) had server GC pauses of ${worst.map((w) => `${w.serverGcLongest.toFixed(0)} ms`).join(", ")}.`,
    );
  }
  for (const s of summary) {
    console.log(
      `${s.system}: p99 ${ms(s.result.latency.p99)}, ${s.seconds.length} stall seconds` +
        (s.seconds.length
          ? ` (at ${s.seconds.join(", ")}; gaps ${s.gaps.join(", ") || "–"} s), ${s.explained} of them with the harness late, collecting garbage, or other processes on the server's core; ${s.gc} with a server GC pause over 5 ms`
          : ""),
    );
  }
  const ours = summary.find((s) => s.system === samtal.name);
  if (ours) {
    console.log(
      verdicts([
        {
          what: "no stall in the room as configured that the machine does not explain",
          value: `${ours.seconds.length - ours.explained} of ${ours.seconds.length} stall seconds unexplained`,
          pass: ours.seconds.length === ours.explained,
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
