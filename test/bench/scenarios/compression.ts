import { transport } from "../lib/client";
import { eachSystem } from "../lib/harness";
import { ms, ratio, table } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { joinSessions, type TypingResult, typedDocument, typingSession } from "../lib/sessions";
import { samtal, samtalDeflate } from "../lib/systems";
import { loadB4 } from "../lib/traces";
import { runFanout } from "./fanout";

/**
 * Should room sockets use permessage-deflate? The room as configured (declines it) against
 * the same room with workerd's default (accepts it), clients offering it as browsers do:
 *
 * - a typing session: one person types 300 characters at 10 keystrokes/s, each keystroke a
 *   Yjs update plus a cursor update, 20 readers watching;
 * - joins: a 10 KB motion-sized document (the first 10,000 characters of B4's text typed one
 *   keystroke at a time) and B4 itself (311 kB), 10 joins each;
 * - fanout-200 for 15 s: latency, server CPU per edit, memory per connection.
 *
 * Bytes are on the wire (frames plus TCP payload of the upgrade for joins), per connection.
 */
const typing = { readers: 20, keystrokes: 300, perSecond: 10 };
const joins = 10;

interface CompressionResult {
  typing: TypingResult;
  motion: Awaited<ReturnType<typeof joinSessions>>;
  b4: Awaited<ReturnType<typeof joinSessions>>;
  fanout: Awaited<ReturnType<typeof runFanout>>;
}

async function run() {
  const offered = transport.deflate;
  transport.deflate = true;
  try {
    const motion = typedDocument(10_000);
    const b4 = loadB4().state;
    const results = await eachSystem([samtal, samtalDeflate], async (system) => ({
      typing: await typingSession(system, typing),
      motion: await joinSessions(system, motion, joins),
      b4: await joinSessions(system, b4, joins),
      fanout: await runFanout(system, {
        clients: 200,
        editsPerSecond: 20,
        seconds: 15,
        warmupSeconds: 3,
        drainSeconds: 5,
      }),
    }));
    report(results.map(({ system, result }) => ({ system, result })));
  } finally {
    transport.deflate = offered;
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytesEach = (bytes: number, count: number) => `${(bytes / count).toFixed(0)} B`;

function report(results: { system: string; result: CompressionResult }[]) {
  const [off, on] = results;
  if (!off || !on) return;
  const rows: [string, (r: CompressionResult) => number, (value: number, r: CompressionResult) => string][] =
    [
      [
        "typing: sent by the writer, per keystroke",
        (r) => r.typing.writerWireSent,
        (v, r) => bytesEach(v, r.typing.keystrokes),
      ],
      [
        "typing: received by each reader, per keystroke",
        (r) => r.typing.readerWireReceived,
        (v, r) => bytesEach(v, r.typing.keystrokes),
      ],
      ["typing: received by each reader, whole session", (r) => r.typing.readerWireReceived, (v) => kb(v)],
      ["typing: keystroke latency p50", (r) => r.typing.latency.p50, (v) => ms(v)],
      ["typing: keystroke latency p99", (r) => r.typing.latency.p99, (v) => ms(v)],
      [
        "typing: server CPU per keystroke (20 readers)",
        (r) => r.typing.serverCpuMs / r.typing.keystrokes,
        (v) => ms(v),
      ],
      ["join 10 KB motion: bytes received", (r) => r.motion.wireReceived, (v) => kb(v)],
      ["join 10 KB motion: time p50", (r) => r.motion.time.p50, (v) => ms(v)],
      ["join B4 (311 kB): bytes received", (r) => r.b4.wireReceived, (v) => kb(v)],
      ["join B4: time p50", (r) => r.b4.time.p50, (v) => ms(v)],
      ["fanout-200: p50", (r) => r.fanout.latency.p50, (v) => ms(v)],
      ["fanout-200: p99", (r) => r.fanout.latency.p99, (v) => ms(v)],
      ["fanout-200: server CPU per edit", (r) => r.fanout.serverCpuPerEdit, (v) => ms(v)],
      [
        "fanout-200: server memory per connection",
        (r) => (r.fanout.rssEnd - r.fanout.rssIdle) / 200,
        (v) => kb(v),
      ],
    ];
  console.log(
    table(
      ["figure", off.system, on.system, "accepted / declined"],
      rows.map(([what, value, format]) => [
        what,
        format(value(off.result), off.result),
        format(value(on.result), on.result),
        ratio(value(on.result), value(off.result)),
      ]),
    ),
  );
  console.log(
    `\nClients offer permessage-deflate in both columns; negotiated: ${off.system} ${off.result.typing.compressed ? "yes" : "no"}, ${on.system} ${on.result.typing.compressed ? "yes" : "no"}. ` +
      `Typing: ${typing.keystrokes} keystrokes at ${typing.perSecond}/s, each a Yjs update and a cursor update, ${typing.readers} readers; ` +
      `bytes are TCP payload after the handshake (frame headers included). Joins: ${joins} each, another reader holding the document; ` +
      `bytes from the upgrade request to sync step 2. fanout-200: 15 s measured.`,
  );
}

export const compressionScenarios: Record<string, Scenario> = {
  compression: {
    description:
      "permessage-deflate on room sockets or not: bytes per connection for typing and joins, latency, CPU and memory",
    run,
  },
};
