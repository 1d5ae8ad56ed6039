import { setTimeout as sleep } from "node:timers/promises";
import type { BallotList, MeetingCommand, MeetingView } from "../../../worker/shared/meetings";
import { devRoomToken, roomSocketUrl } from "../../support/workerd";
import { coreMeter, eachSystem } from "../lib/harness";
import { distribution, loadAverage, mb, ms, pct, table, verdicts } from "../lib/report";
import type { Scenario } from "../lib/scenario";
import { type RunningSystem, samtal } from "../lib/systems";

/**
 * Issue 10: one meeting with 500 participants (a congress with its observers), each a
 * WebSocket client of the meeting room speaking its JSON protocol, as the web app will.
 *
 * - Changes reach everyone: the chair moves through the agenda and participants ask to speak
 *   (one change every 250 ms, alternating); latency is a change's send to each participant's
 *   receipt of the state version it made (target p99 ≤ 500 ms).
 * - A secret vote: the 500 are members of the meeting's group (created through the
 *   development endpoint `POST /api/dev/members`, with the ids their development tokens
 *   name), so each has a vote and is checked in on joining; the chair opens a vote, and every
 *   one of them votes once at a random moment within 50 s; confirmation is a ballot's send to its receipt (target p95
 *   ≤ 1 s). Then the vote closes, and the count, the stored ballots and the receipts are
 *   checked: every ballot counted exactly once, none lost.
 * - Memory: workerd's resident memory before anyone joins, with the 500 in, after the vote;
 *   and the meeting room's stored state.
 *
 * The chair is demo Bengt Olsson, who planned the meeting (his session's room token); the
 * 500 take development tokens, each its own participant and member (`dev-deltagare-N`).
 */
const participants = 500;
const changes = 40;
const changeIntervalMs = 250;
const voteWindowSeconds = 50;

interface Client {
  ws: WebSocket;
  /** performance.now() at which each state version arrived. */
  versions: Map<number, number>;
  receipts: Map<number, { at: number; receipt: string }>;
  errors: string[];
  opened: Promise<void>;
  /** The last state frame as it came (parsed only where a figure needs it). */
  last: string;
}

function connect(url: string): Client {
  const ws = new WebSocket(url);
  const client: Client = {
    ws,
    versions: new Map(),
    receipts: new Map(),
    errors: [],
    opened: Promise.resolve(),
    last: "",
  };
  let firstState: () => void = () => {};
  client.opened = new Promise((resolve) => {
    firstState = resolve;
  });
  ws.addEventListener("message", (event) => {
    const at = performance.now();
    const data = String(event.data);
    // Only the frame's head is read: parsing hundreds of whole snapshots would time the client.
    const state = /^\{"type":"state","version":(\d+)/.exec(data);
    if (state) {
      client.versions.set(Number(state[1]), at);
      client.last = data;
      firstState();
      return;
    }
    if (data.startsWith('{"type":"vote.receipt"')) {
      const { voteId, receipt } = JSON.parse(data) as { voteId: number; receipt: string };
      client.receipts.set(voteId, { at, receipt });
    } else if (data.startsWith('{"type":"error"')) {
      client.errors.push((JSON.parse(data) as { code: string }).code);
    }
  });
  return client;
}

const send = (client: Client, command: MeetingCommand) => client.ws.send(JSON.stringify(command));

/** Waits until `done` holds, checking every 20 ms, for at most `seconds`. */
async function until(done: () => boolean, seconds: number): Promise<boolean> {
  const deadline = performance.now() + seconds * 1000;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

const latest = (client: Client) => Math.max(0, ...client.versions.keys());

async function bengt(base: URL) {
  const login = await fetch(new URL("/api/dev/login-as", base), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId: "demo-bengt" }),
  });
  return /(__Host-samtal_session=[^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
}

async function planCongress(base: URL, cookie: string): Promise<MeetingView> {
  const day = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const res = await fetch(new URL("/api/meetings?group=branch:goteborg", base), {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({
      title: "Kongress med 500 deltagare",
      startsAt: `${day}T09:00`,
      endsAt: `${day}T17:00`,
      access: "members",
      template: "annual",
    }),
  });
  if (res.status !== 201) throw new Error(`plan: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as MeetingView;
}

async function congress(system: RunningSystem) {
  const base = system.url;
  if (!base) throw new Error("the samtal system has an HTTP address");
  const seeded = await fetch(new URL("/api/dev/seed", base), { method: "POST" });
  if (!seeded.ok) throw new Error(`seed: HTTP ${seeded.status}`);
  const cookie = await bengt(base);
  // The 500 are members of Göteborg's branch, each with the id her development token names.
  const names = Array.from({ length: participants }, (_, i) => `Deltagare ${String(i + 1).padStart(3, "0")}`);
  const members = await fetch(new URL("/api/dev/members", base), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ group: "branch:goteborg", names }),
  });
  if (!members.ok) throw new Error(`members: HTTP ${members.status} ${await members.text()}`);
  const meeting = await planCongress(base, cookie);
  const documentId = meeting.documentId;
  const rssBefore = system.rssBytes();

  const tokenRes = await fetch(new URL(`/api/rooms/${encodeURIComponent(documentId)}/token`, base), {
    method: "POST",
    headers: { Cookie: cookie },
  });
  const chair = connect(
    roomSocketUrl(base, documentId, ((await tokenRes.json()) as { token: string }).token),
  );
  await chair.opened;
  const tokens: string[] = [];
  for (const name of names) tokens.push(await devRoomToken(base, documentId, name));
  const joinStarted = performance.now();
  const people: Client[] = [];
  // In waves of 50, as a congress fills up: all 500 sockets open at once would time the handshake queue.
  for (let i = 0; i < participants; i += 50) {
    const wave = tokens.slice(i, i + 50).map((token) => connect(roomSocketUrl(base, documentId, token)));
    await Promise.all(wave.map((c) => c.opened));
    people.push(...wave);
  }
  const joinSeconds = (performance.now() - joinStarted) / 1000;
  const rssJoined = system.rssBytes();
  const everyone = [chair, ...people];

  // Changes to everyone: agenda moves by the chair, speaker requests by participants, alternating.
  send(chair, { type: "meeting.open" });
  await until(() => everyone.every((c) => latest(c) >= 2), 30);
  const meter = coreMeter(() => system.pid());
  const sent: { version: number; at: number }[] = [];
  let version = latest(chair);
  for (let k = 0; k < changes; k++) {
    const at = performance.now();
    if (k % 2 === 0) {
      const item = meeting.agenda[(k / 2) % meeting.agenda.length];
      send(chair, { type: "agenda.goto", itemId: item?.id ?? 0 });
    } else {
      send(people[(k * 37) % participants] as Client, { type: "speaker.request", kind: "speech" });
    }
    version += 1;
    sent.push({ version, at });
    await sleep(changeIntervalMs);
  }
  await until(() => everyone.every((c) => latest(c) >= version), 10);
  const changeCpu = meter().toString();
  const changeLatencies: number[] = [];
  let changeDeliveries = 0;
  for (const { version: v, at } of sent) {
    for (const client of everyone) {
      const received = client.versions.get(v);
      if (received === undefined) continue;
      changeDeliveries++;
      changeLatencies.push(received - at);
    }
  }

  // Members of the group have a vote and were checked in as they came.
  const beforeVote = latest(chair);
  send(chair, {
    type: "vote.open",
    question: "Bifall till förslaget?",
    options: ["Ja", "Nej", "Avstår"],
    secret: true,
  });
  await until(() => latest(chair) > beforeVote, 10);
  const voteId = votesOf(chair).at(-1)?.id ?? 0;
  if (!voteId) throw new Error(`the vote did not open: ${chair.errors.join(", ") || "no answer"}`);

  // Every one of the 500 votes once, at a random moment within the window.
  const voteMeter = coreMeter(() => system.pid());
  const castAt = new Map<Client, number>();
  const choices = people.map((_, i) => i % 3);
  const voteStarted = performance.now();
  await Promise.all(
    people.map(async (client, i) => {
      await sleep(Math.random() * voteWindowSeconds * 1000);
      castAt.set(client, performance.now());
      send(client, { type: "vote.cast", voteId, choices: [choices[i] as number] });
    }),
  );
  await until(() => people.every((c) => c.receipts.has(voteId)), 20);
  const voteSeconds = (performance.now() - voteStarted) / 1000;
  const voteCpu = voteMeter().toString();
  const confirmations = people.flatMap((c) => {
    const receipt = c.receipts.get(voteId);
    const at = castAt.get(c);
    return receipt && at !== undefined ? [receipt.at - at] : [];
  });
  const rssVoted = system.rssBytes();

  const beforeClose = latest(chair);
  send(chair, { type: "vote.close", voteId });
  await until(() => latest(chair) > beforeClose, 10);
  const counts = votesOf(chair).find((v) => v.id === voteId)?.counts;
  const ballots = (await (
    await fetch(new URL(`/api/meetings/${meeting.id}/votes/${voteId}/ballots`, base), {
      headers: { Cookie: cookie },
    })
  ).json()) as BallotList;
  const receipts = people.map((c) => c.receipts.get(voteId)?.receipt);
  const byReceipt = new Map(ballots.ballots.map((b) => [b.receipt, b.choices]));
  const intact = receipts.every((r, i) => r !== undefined && byReceipt.get(r)?.[0] === choices[i]);
  const expectedCounts = [0, 1, 2].map((o) => choices.filter((c) => c === o).length);
  const stats = (await (
    await fetch(new URL(`/api/dev/rooms/${encodeURIComponent(documentId)}/stats`, base))
  ).json()) as { storedBytes: number; connections: number };
  const errors = everyone.flatMap((c) => c.errors);
  for (const client of everyone) client.ws.close();
  return {
    joinSeconds,
    changeLatency: distribution(changeLatencies),
    changeDeliveries,
    changeExpected: sent.length * everyone.length,
    changeCpu,
    confirmation: distribution(confirmations),
    voteSeconds,
    voteCpu,
    ballots: ballots.ballots.length,
    uniqueReceipts: new Set(receipts).size,
    intact,
    counts,
    countsMatch: JSON.stringify(counts) === JSON.stringify(expectedCounts),
    errors,
    rss: { before: rssBefore, joined: rssJoined, voted: rssVoted },
    storedBytes: stats.storedBytes,
    connections: stats.connections,
  };
}

/** The chair's latest snapshot's votes. */
function votesOf(chair: Client): { id: number; counts: number[] | null }[] {
  return (JSON.parse(chair.last) as { meeting: { votes: { id: number; counts: number[] | null }[] } }).meeting
    .votes;
}

async function run(): Promise<void> {
  const [measured] = await eachSystem([samtal], congress);
  if (!measured) return;
  const r = measured.result;
  console.log(
    table(
      ["500 in one meeting", "count", "p50", "p95", "p99", "max", "delivered"],
      [
        [
          `queue and agenda changes to every participant (${changes}, one per ${changeIntervalMs} ms)`,
          String(r.changeLatency.count),
          ms(r.changeLatency.p50),
          ms(r.changeLatency.p95),
          ms(r.changeLatency.p99),
          ms(r.changeLatency.max),
          pct(r.changeDeliveries / r.changeExpected),
        ],
        [
          `secret vote: ballot to receipt (${participants} voters within ${voteWindowSeconds} s)`,
          String(r.confirmation.count),
          ms(r.confirmation.p50),
          ms(r.confirmation.p95),
          ms(r.confirmation.p99),
          ms(r.confirmation.max),
          pct(r.confirmation.count / participants),
        ],
      ],
    ),
  );
  console.log(
    `\nJoin: ${participants} participants and the chair in ${r.joinSeconds.toFixed(1)} s (waves of 50). ` +
      `Vote: all receipts within ${r.voteSeconds.toFixed(1)} s of the window's start.`,
  );
  console.log(
    `Memory (workerd RSS): ${mb(r.rss.before)} before anyone joined, ${mb(r.rss.joined)} with ${r.connections} connections, ` +
      `${mb(r.rss.voted)} after the vote; the meeting room's stored state ${(r.storedBytes / 1024).toFixed(0)} KB.`,
  );
  console.log(`CPU during the changes: ${r.changeCpu}`);
  console.log(`CPU during the vote: ${r.voteCpu}`);
  console.log(
    `Error frames: ${r.errors.length ? r.errors.join(", ") : "none"}. At the end: ${loadAverage()}.`,
  );
  console.log(
    verdicts([
      {
        what: "changes reach every participant, p99 ≤ 500 ms",
        value: ms(r.changeLatency.p99),
        pass: r.changeLatency.p99 <= 500,
      },
      {
        what: "no change lost",
        value: `${r.changeDeliveries} of ${r.changeExpected} deliveries`,
        pass: r.changeDeliveries === r.changeExpected,
      },
      {
        what: "ballot confirmation p95 ≤ 1 s",
        value: ms(r.confirmation.p95),
        pass: r.confirmation.p95 <= 1000,
      },
      {
        what: "every ballot counted exactly once, none lost",
        value: `${r.ballots} ballots stored, ${r.uniqueReceipts} distinct receipts, each voter's choice under her receipt: ${r.intact}`,
        pass: r.ballots === participants && r.uniqueReceipts === participants && r.intact,
      },
      {
        what: "the count equals the ballots cast",
        value: `${JSON.stringify(r.counts)} (Ja, Nej, Avstår)`,
        pass: r.countsMatch,
      },
    ]),
  );
}

export const meetingScenarios: Record<string, Scenario> = {
  "meeting-500": {
    description: `${participants} participants in one meeting: queue and agenda changes to everyone, a secret vote of ${participants} within ${voteWindowSeconds} s, memory`,
    run,
  },
};
