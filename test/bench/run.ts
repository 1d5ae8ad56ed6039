/**
 * `npm run bench [-- <scenario> ...]`: runs benchmark scenarios and prints their figures
 * beside the named baseline measured in the same run. Each scenario can run alone; with no
 * names, all run. Scenarios register in `scenarios` below (the room issue adds the first).
 *
 * How it measures (docs/benchmarks.md has the figures): each system's server runs pinned to
 * core 0 (`taskset -c 0`), this process, holding every load client, pinned to core 1;
 * clients speak the y-websocket protocol straight to the server's own socket (workerd's, not
 * a wrangler dev proxy's). Baselines go through the same harness in the same run: y-partyserver
 * 2.2.0 on workerd and Hocuspocus 4 on Node.
 *
 * Options: `--rounds N` runs the fan-out and join scenarios N times with the systems taking
 * turns, and reports medians (a shared machine is noisy; fanout-200 and fanout-500 run at
 * least 3); clients offer permessage-deflate as browsers do, `--no-deflate` makes them not
 * offer it (see lib/client.ts). `cost` prices the party's month from measured unit costs.
 */
import { workerdVersion } from "../support/workerd";
import { transport } from "./lib/client";
import { pinned, pinThisProcess } from "./lib/harness";
import type { Scenario } from "./lib/scenario";
import { b4Scenarios } from "./scenarios/b4";
import { compressionScenarios } from "./scenarios/compression";
import { consultationRushScenarios } from "./scenarios/consultation-rush";
import { costScenarios } from "./scenarios/cost";
import { documentMemoryScenarios } from "./scenarios/document-memory";
import { editCostScenarios } from "./scenarios/edit-cost";
import { fanoutScenarios } from "./scenarios/fanout";
import { killScenarios } from "./scenarios/kill";
import { loginTimingScenarios } from "./scenarios/login-timing";
import { meetingScenarios } from "./scenarios/meeting-500";
import { memberImportScenarios } from "./scenarios/member-import";
import { motionCoauthorScenarios } from "./scenarios/motion-coauthors";
import { motionPageScenarios } from "./scenarios/motion-page";
import { reconnectScenarios } from "./scenarios/reconnect";
import { stallScenarios } from "./scenarios/stalls";

export const scenarios: Record<string, Scenario> = {
  ...fanoutScenarios,
  ...stallScenarios,
  ...compressionScenarios,
  ...editCostScenarios,
  ...costScenarios,
  ...b4Scenarios,
  ...killScenarios,
  ...reconnectScenarios,
  ...documentMemoryScenarios,
  ...memberImportScenarios,
  ...loginTimingScenarios,
  ...motionPageScenarios,
  ...motionCoauthorScenarios,
  ...consultationRushScenarios,
  ...meetingScenarios,
};

// Scenario names; options start with "--" ("--rounds N" takes a value).
const requested = process.argv
  .slice(2)
  .filter((arg, i, args) => !arg.startsWith("-") && args[i - 1] !== "--rounds");
const unknown = requested.filter((name) => !(name in scenarios));
if (unknown.length) {
  console.error(
    `Unknown scenario(s): ${unknown.join(", ")}. Known: ${Object.keys(scenarios).join(", ") || "none yet"}`,
  );
  process.exit(2);
}
const names = requested.length ? requested : Object.keys(scenarios);
if (!names.length) console.log("No benchmark scenarios yet.");
// Ctrl+C: exit normally, so the servers this run started are killed on the way out.
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));
pinThisProcess();
transport.deflate = !process.argv.includes("--no-deflate");
console.log(
  `workerd ${workerdVersion()}, Node ${process.version}; ` +
    (pinned ? "servers on core 0, load clients on core 1 (taskset)." : "one core: nothing pinned."),
);
console.log(
  transport.deflate
    ? "Clients offer permessage-deflate as browsers do (the room and Hocuspocus decline it, y-partyserver accepts; --no-deflate not to offer it)."
    : "Clients do not offer permessage-deflate (--no-deflate).",
);
for (const name of names) {
  const scenario = scenarios[name];
  if (!scenario) continue;
  console.log(`\n## ${name}: ${scenario.description}\n`);
  const started = performance.now();
  await scenario.run();
  console.log(`\n(${name} took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
process.exit(0);
