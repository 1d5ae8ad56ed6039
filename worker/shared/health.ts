export interface HealthReport {
  status: "ok";
  version: string;
  /** The deployed Worker version id; "local" when running on a developer's machine. */
  build: string;
  database: { ok: true; latencyMs: number };
}

export interface DevInfo {
  devMode: true;
  features: string[];
}
