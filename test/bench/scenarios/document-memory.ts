import { spawnSync } from "node:child_process";
import { defaultRoomLimits } from "../../../worker/rooms/limits";
import type { Scenario } from "../lib/scenario";

/**
 * How much memory a document at the size cap takes once loaded into a Y.Doc, for the
 * worst shape we know (hundreds of thousands of tiny edits at random places, each its own
 * item) and for plain typing. The cap must leave at least 2x headroom in the 128 MB isolate
 * (worker/rooms/limits.ts). Each shape is built and measured in a child process with
 * `--expose-gc`, so heap figures are not disturbed by this process.
 */
const measure = `
import * as Y from "yjs";
// With -e, the arguments start at argv[1].
const [shape, targetBytes] = [process.argv[1], Number(process.argv[2])];
const src = new Y.Doc();
const text = src.getText("t");
let update = new Uint8Array();
for (let round = 0; update.byteLength < targetBytes; round++) {
  src.transact(() => {
    for (let i = 0; i < 5000; i++) {
      if (shape === "random") {
        text.insert(Math.floor(Math.random() * (text.length + 1)), "ab");
        if (text.length > 10) text.delete(Math.floor(Math.random() * (text.length - 1)), 1);
      } else {
        text.insert(text.length, "Att-satser och yrkanden. ");
      }
    }
  });
  update = Y.encodeStateAsUpdate(src);
}
src.destroy();
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const doc = new Y.Doc();
Y.applyUpdate(doc, update);
globalThis.gc();
const heap = process.memoryUsage().heapUsed - before;
console.log(JSON.stringify({ bytes: update.byteLength, heap, length: doc.getText("t").length }));
`;

async function run(): Promise<void> {
  const cap = defaultRoomLimits.maxDocumentBytes;
  console.log(
    `document cap: ${(cap / 2 ** 20).toFixed(1)} MiB; isolate: 128 MB; target: loaded size <= 64 MB`,
  );
  console.log("| shape | encoded | heap once loaded | ratio | headroom in 128 MB |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const shape of ["random", "typing"]) {
    const child = spawnSync(
      process.execPath,
      ["--expose-gc", "--input-type=module", "-e", measure, shape, String(cap)],
      { encoding: "utf8", cwd: process.cwd(), maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const { bytes, heap } = JSON.parse(child.stdout) as { bytes: number; heap: number };
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    console.log(
      `| ${shape === "random" ? "tiny edits at random places" : "plain typing"} | ${mb(bytes)} | ${mb(heap)} | ${(heap / bytes).toFixed(1)}x | ${(128e6 / Math.max(heap, 1)).toFixed(1)}x |`,
    );
  }
}

export const documentMemoryScenarios: Record<string, Scenario> = {
  "document-memory": { description: "memory of a document at the size cap, loaded into a Y.Doc", run },
};
