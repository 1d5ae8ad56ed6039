import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editDocument } from "../../worker/rooms/documents";
import type { ConsultationView, Workspace } from "../../worker/shared/consultations";
import { published, put } from "./consultations-fixtures";
import { env } from "./helpers";
import { get, json, post, setUp } from "./motions-fixtures";

/**
 * What one submit costs D1: the Worker runs in this isolate, so wrapping the D1 binding's
 * prototype counts every query the whole request makes (session, permission checks, the
 * freeze, the workspace it answers with). A round trip is one `batch` or one statement run
 * alone; statements count each query, batched or not. docs/benchmarks.md quotes the figures.
 */

interface Cost {
  roundTrips: number;
  statements: number;
}

async function counted(run: () => Promise<unknown>): Promise<Cost> {
  const cost: Cost = { roundTrips: 0, statements: 0 };
  const database = Object.getPrototypeOf(env.DB) as Record<string, (...args: unknown[]) => unknown>;
  const statement = Object.getPrototypeOf(env.DB.prepare("SELECT 1")) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const originals = new Map<[Record<string, (...args: unknown[]) => unknown>, string], unknown>();
  const wrap = (
    target: Record<string, (...args: unknown[]) => unknown>,
    name: string,
    count: (args: unknown[]) => void,
  ) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    originals.set([target, name], original);
    target[name] = function (this: unknown, ...args: unknown[]) {
      count(args);
      return original.apply(this, args);
    };
  };
  wrap(database, "batch", (args) => {
    cost.roundTrips += 1;
    cost.statements += (args[0] as unknown[]).length;
  });
  for (const name of ["all", "raw", "first", "run"])
    wrap(statement, name, () => {
      cost.roundTrips += 1;
      cost.statements += 1;
    });
  try {
    await run();
  } finally {
    for (const [[target, name], original] of originals)
      target[name] = original as (...args: unknown[]) => unknown;
  }
  return cost;
}

let c: ConsultationView;

beforeAll(async () => {
  await setUp(["demo-astrid", "demo-bengt"]);
  c = await published();
});

describe("the cost of a submit", () => {
  it("freezes a group's answer in a few D1 round trips", async () => {
    const path = `/api/consultations/${c.id}/groups/branch:goteborg`;
    const ws = await json<Workspace>(await get(path, "demo-bengt"));
    for (const d of ws.documents) {
      if (!d.documentId) continue;
      await editDocument(env, d.documentId, (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("Fler vårdcentraler")]);
        doc.getXmlFragment("default").insert(0, [paragraph]);
      });
    }
    const [, choice, scale] = c.questions.map((q) => q.id) as [number, number, number];
    await json<Workspace>(
      await put(`${path}/choices`, "demo-bengt", {
        choices: [
          { questionId: choice, choices: [1] },
          { questionId: scale, value: 3 },
        ],
      }),
    );
    let submitted: Workspace | undefined;
    const cost = await counted(async () => {
      submitted = await json<Workspace>(await post(`${path}/submit`, "demo-bengt"));
    });
    console.log(`one submit: ${cost.roundTrips} D1 round trips, ${cost.statements} statements`);
    expect(submitted?.status).toBe("submitted");
    expect(submitted?.latest?.items.find((i) => i.questionId === choice)?.choices).toEqual([1]);
    // 20 round trips (34 statements) before the workspace it answers with was built from the
    // freeze's own state and the latest version's items rode in its batch.
    expect(cost.roundTrips).toBeLessThanOrEqual(17);
    expect(cost.statements).toBeLessThanOrEqual(29);
  });
});
