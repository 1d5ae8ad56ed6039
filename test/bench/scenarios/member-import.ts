import { startApp } from "../../support/app";
import { generatedMemberFile } from "../../support/member-file";
import type { Scenario } from "../lib/scenario";

/**
 * A national member-register file of 100,000 rows (~6 MB, Windows-1252 would be the same
 * size) uploaded by a national administrator and applied in the chunks the web page asks
 * for, over HTTP against the real Worker on local workerd with local D1. No baseline: the
 * figure to keep in view is D1's limits (per-request statements and parameters), which
 * the chunked, set-based apply stays within.
 */
const rows = 100_000;

async function run(): Promise<void> {
  const app = await startApp({ devMode: true });
  try {
    const login = await app.fetch("/api/dev/login-as", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ personId: "demo-astrid" }),
    });
    const cookie = /(__Host-samtal_session=[^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
    const file = new TextEncoder().encode(generatedMemberFile(rows));
    const started = performance.now();
    const upload = await app.fetch("/api/members/imports?group=national:national", {
      method: "POST",
      headers: { "Content-Type": "text/csv", Cookie: cookie },
      body: file,
    });
    if (upload.status !== 201 && upload.status !== 200) throw new Error(`upload: HTTP ${upload.status}`);
    const { id } = (await upload.json()) as { id: string };
    const staged = performance.now();
    let calls = 0;
    let slowest = 0;
    for (;;) {
      const before = performance.now();
      const res = await app.fetch(`/api/members/imports/${id}/apply`, {
        method: "POST",
        headers: { Cookie: cookie },
      });
      slowest = Math.max(slowest, performance.now() - before);
      calls++;
      const progress = (await res.json()) as { applied: number; done: boolean };
      if (!res.ok) throw new Error(`apply: HTTP ${res.status}`);
      if (progress.done) {
        if (progress.applied !== rows) throw new Error(`applied ${progress.applied} of ${rows}`);
        break;
      }
    }
    const done = performance.now();
    console.log(
      `member import, ${rows} rows (${(file.byteLength / 1e6).toFixed(1)} MB): upload and staging ` +
        `${Math.round(staged - started)} ms, applying ${Math.round(done - staged)} ms in ${calls} calls ` +
        `(slowest ${Math.round(slowest)} ms), total ${Math.round(done - started)} ms`,
    );
  } finally {
    await app.close();
  }
}

export const memberImportScenarios: Record<string, Scenario> = {
  "member-import": {
    description: `a ${rows.toLocaleString("en")}-row national member file, staged and applied`,
    run,
  },
};
