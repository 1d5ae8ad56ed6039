/**
 * `npm run bench [-- <scenario> ...]`: runs benchmark scenarios and prints their figures
 * beside the named baseline measured in the same run. Each scenario can run alone; with no
 * names, all run. Scenarios register in `scenarios` below (the room issue adds the first).
 */

export interface Scenario {
  /** What is measured and against which baseline, in one line. */
  description: string;
  run(): Promise<void>;
}

export const scenarios: Record<string, Scenario> = {};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = requested.filter((name) => !(name in scenarios));
if (unknown.length) {
  console.error(
    `Unknown scenario(s): ${unknown.join(", ")}. Known: ${Object.keys(scenarios).join(", ") || "none yet"}`,
  );
  process.exit(2);
}
const names = requested.length ? requested : Object.keys(scenarios);
if (!names.length) console.log("No benchmark scenarios yet.");
for (const name of names) {
  const scenario = scenarios[name];
  if (!scenario) continue;
  console.log(`\n## ${name}: ${scenario.description}`);
  await scenario.run();
}
