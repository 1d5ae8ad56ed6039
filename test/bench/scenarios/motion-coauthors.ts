import { setTimeout as sleep } from "node:timers/promises";
import * as Y from "yjs";
import { motionFields } from "../../../worker/shared/motions";
import { type BenchClient, type Edit, editMarker } from "../lib/client";
import { closeClients, coreMeter, eachSystem, openClients, paced } from "../lib/harness";
import { distribution, loadAverage, ms, pct, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { type RunningSystem, samtal } from "../lib/systems";
import { runFanout } from "./fanout";

/**
 * Issue 9: 50 co-authors typing in one motion. Each is a protocol-level client (lib/client.ts)
 * in the live document `motion:<id>` of a motion created through the API, as its author would
 * (demo Cecilia Ahmadi, Göteborg). Each adds a paragraph of its own to the motivation fragment
 * and types into that paragraph's XmlText, the shape TipTap's y-prosemirror writes (a paragraph
 * element holding the text), at a human rate; every keystroke also moves its caret (an
 * awareness update, as the caret plugin sends one per selection change).
 *
 * A "keystroke" inserts the edit's marker (`<E{id}@{µs}>`, ~20 characters) where a person
 * inserts one character, so that receivers time it from the frame's bytes without a Y.Doc:
 * the updates are some 20 bytes longer than one character's. Latency is the writer's send to
 * each other co-author's receipt.
 *
 * Tokens: 50 people who all write one motion would each need to be made a co-author; the
 * scenario measures the room, not permissions, so each connection takes a development token
 * (POST /api/dev/room-token, development mode) for the motion's document, one per connection,
 * all fetched before any connects. The room's own fan-out figure (the fan-out scenario's
 * function, 50 clients, 20 edits/s into a plain Y.Text) runs on the same server first.
 */
const coauthors = 50;
const keystrokesPerSecond = 5;
const seconds = 30;
const warmupSeconds = 3;
const drainSeconds = 5;

/** The server's HTTP address, from one of its socket URLs (the systems hand out endpoints, not addresses). */
async function httpBase(system: RunningSystem): Promise<URL> {
  const url = new URL(await (await system.endpoint("bench:address")).url());
  return new URL(`http://${url.host}/`);
}

/** A new draft motion in Göteborg written by demo Cecilia: its live document's id. */
async function createMotion(base: URL): Promise<string> {
  const seeded = await fetch(new URL("/api/dev/seed", base), { method: "POST" });
  if (!seeded.ok) throw new Error(`seed: HTTP ${seeded.status}`);
  const login = await fetch(new URL("/api/dev/login-as", base), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId: "demo-cecilia" }),
  });
  const cookie = /(__Host-samtal_session=[^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
  const res = await fetch(new URL("/api/motions?group=branch:goteborg", base), {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ kind: "motion", title: "Femtio motionärer skriver samtidigt" }),
  });
  if (res.status !== 201) throw new Error(`create motion: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { documentId: string }).documentId;
}

interface CoauthorResult {
  documentId: string;
  latency: ReturnType<typeof distribution>;
  delivered: number;
  expected: number;
  awarenessPerClientPerSecond: number;
  cpu: string;
}

async function typeTogether(system: RunningSystem): Promise<CoauthorResult> {
  const documentId = await createMotion(await httpBase(system));
  const rate = coauthors * keystrokesPerSecond;
  const warmupEdits = warmupSeconds * rate;
  const totalEdits = warmupEdits + seconds * rate;
  const seen = new Uint8Array(totalEdits * coauthors);
  const latencies: number[] = [];
  let delivered = 0;
  const index = new Map<BenchClient, number>();
  const onEdit = (edit: Edit, receivedAt: number, client: BenchClient) => {
    const receiver = index.get(client) as number;
    if (edit.id >= totalEdits || edit.id % coauthors === receiver) return;
    const slot = edit.id * coauthors + receiver;
    if (seen[slot]) return;
    seen[slot] = 1;
    if (edit.id < warmupEdits) return;
    delivered++;
    latencies.push(receivedAt - edit.sentAt);
  };
  const clients = await openClients(system, documentId, coauthors, { onEdit });
  // Each co-author's own paragraph in the motivation, as y-prosemirror writes one.
  const paragraphs = clients.map((client, i) => {
    index.set(client, i);
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [text]);
    client.doc.getXmlFragment(motionFields.motivation).insert(0, [paragraph]);
    return text;
  });
  await sleep(500);

  let awarenessAtStart = 0;
  let windowStart = 0;
  const meter = coreMeter(() => system.pid());
  // Keystroke k comes from co-author k mod 50: each types 5 a second, the room gets 250.
  await paced(rate, totalEdits, (k) => {
    if (k === warmupEdits) {
      awarenessAtStart = clients.reduce((sum, c) => sum + c.awarenessFrames, 0);
      windowStart = performance.now();
    }
    const who = k % coauthors;
    const text = paragraphs[who] as Y.XmlText;
    text.insert(text.length, editMarker(k, performance.now()));
    (clients[who] as BenchClient).sendCursor(`Motionär ${who}`, text.length, text.length);
  });
  const windowSeconds = (performance.now() - windowStart) / 1000;
  const cpu = meter().toString();
  const awarenessFrames = clients.reduce((sum, c) => sum + c.awarenessFrames, 0) - awarenessAtStart;
  const expected = seconds * rate * (coauthors - 1);
  const deadline = performance.now() + drainSeconds * 1000;
  while (delivered < expected && performance.now() < deadline) await sleep(50);
  await closeClients(clients);
  return {
    documentId,
    latency: distribution(latencies),
    delivered,
    expected,
    awarenessPerClientPerSecond: awarenessFrames / coauthors / windowSeconds,
    cpu,
  };
}

async function run(): Promise<void> {
  const fanoutOptions = {
    clients: coauthors,
    editsPerSecond: 20,
    seconds,
    warmupSeconds,
    drainSeconds,
  };
  const [measured] = await eachSystem([samtal], async (system) => ({
    fanout: await runFanout(system, fanoutOptions),
    typing: await typeTogether(system),
  }));
  if (!measured) return;
  const { fanout, typing } = measured.result;
  console.log(
    table(
      ["in one room", "updates/s", "p50", "p95", "p99", "max", "delivered"],
      [
        [
          `${coauthors} co-authors typing in ${typing.documentId} (motivation, XmlText)`,
          String(coauthors * keystrokesPerSecond),
          ms(typing.latency.p50),
          ms(typing.latency.p95),
          ms(typing.latency.p99),
          ms(typing.latency.max),
          pct(typing.delivered / typing.expected),
        ],
        [
          `fan-out scenario, ${coauthors} clients (Y.Text)`,
          String(fanoutOptions.editsPerSecond),
          ms(fanout.latency.p50),
          ms(fanout.latency.p95),
          ms(fanout.latency.p99),
          ms(fanout.latency.max),
          pct(fanout.delivered / fanout.expected),
        ],
      ],
    ),
  );
  console.log(
    `\n${keystrokesPerSecond} keystrokes/s per co-author, each with a caret move (awareness); ${seconds} s measured ` +
      `(${warmupSeconds} s warm-up). Awareness frames per co-author: ${typing.awarenessPerClientPerSecond.toFixed(1)}/s.`,
  );
  console.log(`CPU while typing: ${typing.cpu}`);
  console.log(`CPU during the fan-out run: ${fanout.cpu}`);
  console.log(`At the end: ${loadAverage()}.`);
  console.log(
    verdicts([
      {
        what: "keystroke-to-peer p95 (reported beside the fan-out p95)",
        value: `${ms(typing.latency.p95)} (fan-out ${ms(fanout.latency.p95)})`,
        pass: true,
      },
      {
        what: "no keystroke lost",
        value: `${typing.delivered} of ${typing.expected} deliveries`,
        pass: typing.delivered === typing.expected,
      },
    ]),
  );
}

export const motionCoauthorScenarios: Record<string, Scenario> = {
  "motion-coauthors-50": {
    description: `${coauthors} co-authors typing ${keystrokesPerSecond}/s each in one motion's motivation: keystroke-to-peer latency beside the room's fan-out`,
    run,
  },
};
