/** Percentiles, tables and target verdicts for the benchmark's output (markdown, so it pastes into docs). */
import { cpus, loadavg } from "node:os";

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function distribution(samples: number[]): Distribution {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    p50: percentile(list, 0.5),
    p95: percentile(list, 0.95),
    p99: percentile(list, 0.99),
    max: list.length ? (list[list.length - 1] as number) : Number.NaN,
  };
}

export const ms = (value: number) =>
  Number.isNaN(value) ? "–" : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
export const mb = (bytes: number) => (Number.isNaN(bytes) ? "–" : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
export const pct = (fraction: number) =>
  Number.isNaN(fraction) ? "–" : `${(fraction * 100).toFixed(fraction === 1 ? 0 : 2)} %`;
export const ratio = (ours: number, theirs: number) =>
  Number.isFinite(ours) && Number.isFinite(theirs) && theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : "–";

export function table(headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

export interface Target {
  what: string;
  /** The measured value, already formatted. */
  value: string;
  pass: boolean;
}

export function verdicts(targets: Target[]): string {
  return targets.map((t) => `- ${t.pass ? "PASS" : "MISS"}  ${t.what}: ${t.value}`).join("\n");
}

/** Ratio lines for a metric: ours against each baseline ("0.42x" = ours is 42 % of theirs). */
export function ratios(metric: string, ours: number, baselines: { name: string; value: number }[]): string {
  return baselines.map((b) => `${metric} vs ${b.name}: ${ratio(ours, b.value)}`).join("; ");
}

/** The machine's load average (1, 5, 15 min), for runs on a shared machine: above the core count, figures are noisy. */
export const loadAverage = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")} (1 / 5 / 15 min) on ${cpus().length} cores`;
