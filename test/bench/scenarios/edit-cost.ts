import * as Y from "yjs";
import { decodeFrame, encodeUpdate } from "../../../worker/rooms/protocol";
import { editMarker } from "../lib/client";
import { eachSystem } from "../lib/harness";
import { ms, table } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { hocuspocus, samtal, samtalWithoutWrite, yPartyserver } from "../lib/systems";
import { runFanout } from "./fanout";

/**
 * What one edit costs the server, by phase. Two measurements:
 *
 * 1. Server CPU per edit at 2, 50 and 200 clients (20 edits/s, 10 s each), for every
 *    system; a straight line through them splits it into a fixed part per edit (receive
 *    the message, decode, apply, and for the room append and commit) and a part per
 *    recipient (encode once, then one send each).
 * 2. The room's write inside workerd: the same three points for the room with its
 *    RoomStore.append emptied (`samtalWithoutWrite`); the difference in the fixed part is
 *    what writing and committing an edit costs, the rest is delivering the message event.
 * 3. The fixed part's JavaScript, timed here in Node (the same V8 as workerd) on the same
 *    edits: decoding and validating the frame as the room does, applying the update to a
 *    document with the same history, and encoding the broadcast frame.
 */
const sizes = [2, 50, 200];

interface Point {
  clients: number;
  cpuPerEdit: number;
  p50: number;
}

async function run() {
  const systems = [samtal, samtalWithoutWrite, yPartyserver, hocuspocus];
  const results = await eachSystem(systems, async (system) => {
    const points: Point[] = [];
    for (const clients of sizes) {
      const r = await runFanout(system, {
        clients,
        editsPerSecond: 20,
        seconds: 10,
        warmupSeconds: 2,
        drainSeconds: 3,
      });
      points.push({ clients, cpuPerEdit: r.serverCpuPerEdit, p50: r.latency.p50 });
    }
    return points;
  });
  const fitted = results.map(({ system, result: points }) => ({ system, points, ...lineThrough(points) }));
  console.log(
    table(
      [
        "system",
        ...sizes.map((n) => `CPU per edit, ${n} clients`),
        ...sizes.map((n) => `p50, ${n} clients`),
        "fixed per edit",
        "per recipient",
      ],
      fitted.map((f) => [
        f.system,
        ...f.points.map((p) => ms(p.cpuPerEdit)),
        ...f.points.map((p) => ms(p.p50)),
        ms(f.fixed),
        `${(f.perRecipient * 1000).toFixed(1)} µs`,
      ]),
    ),
  );
  console.log(
    "\nServer CPU per edit from /proc (utime + stime of the server process, 10 ms ticks) over 10 s at 20 edits/s; fixed and per-recipient parts are a least-squares line over the recipients (clients − 1).",
  );
  const phases = timePhases();
  console.log(
    `\n${table(
      ["phase (room code, timed in Node)", "per edit"],
      phases.map(([what, micros]) => [what, `${micros.toFixed(1)} µs`]),
    )}`,
  );
  const [room, unwritten] = fitted;
  if (room && unwritten) {
    const jsMicros = phases.reduce((sum, [, micros]) => sum + micros, 0);
    const write = room.fixed - unwritten.fixed;
    console.log(
      `\nRoom: of ${ms(room.fixed)} fixed per edit, ${ms(write)} is writing and committing the edit (the room without its write: ${ms(unwritten.fixed)}), ${jsMicros.toFixed(0)} µs the JavaScript above, and the remaining ${ms(unwritten.fixed - jsMicros / 1000)} the runtime delivering the message event. Each recipient adds ${(room.perRecipient * 1000).toFixed(1)} µs (one WebSocket send).`,
    );
  }
}

/** Least squares: cpuPerEdit = fixed + perRecipient × (clients − 1). */
function lineThrough(points: Point[]) {
  const xs = points.map((p) => p.clients - 1);
  const ys = points.map((p) => p.cpuPerEdit);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  const perRecipient = sxx ? sxy / sxx : 0;
  return { perRecipient, fixed: my - perRecipient * mx };
}

/**
 * The room's JavaScript for one edit of the fan-out scenarios (a marker inserted at the
 * start by one of 200 rotating writers), timed over 5,000 edits after as many for warm-up.
 */
function timePhases(): [string, number][] {
  const count = 5000;
  const writers = Array.from({ length: 200 }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  const source = new Y.Doc();
  for (let k = 0; k < 2 * count; k++) {
    const writer = writers[k % writers.length] as Y.Doc;
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(source, Y.encodeStateVector(writer)));
    const before = Y.encodeStateVector(writer);
    writer.getText("t").insert(0, editMarker(k, k));
    const update = Y.encodeStateAsUpdate(writer, before);
    Y.applyUpdate(source, update);
    updates.push(update);
  }
  const frames = updates.map(encodeUpdate);
  const time = (fn: (i: number) => void) => {
    for (let i = 0; i < count; i++) fn(i);
    const started = process.hrtime.bigint();
    for (let i = count; i < 2 * count; i++) fn(i);
    return Number(process.hrtime.bigint() - started) / 1000 / count;
  };
  const decode = time((i) => {
    const frame = decodeFrame(frames[i] as Uint8Array);
    if (frame.kind === "update") Y.decodeUpdate(frame.update);
  });
  const target = new Y.Doc();
  const apply = time((i) => Y.applyUpdate(target, updates[i] as Uint8Array));
  const encode = time((i) => encodeUpdate(updates[i] as Uint8Array));
  return [
    ["decode the frame and validate the update (Y.decodeUpdate)", decode],
    ["apply the update to the document", apply],
    ["encode the broadcast frame (once per edit)", encode],
  ];
}

export const editCostScenarios: Record<string, Scenario> = {
  "edit-cost": {
    description:
      "server CPU of one edit: fixed part and per recipient (2, 50, 200 clients), and the room's phases timed in Node",
    run,
  },
};
