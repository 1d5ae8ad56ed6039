import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { deliverMail } from "../../worker/mail/delivery";
import type { MailMessage } from "../../worker/mail/messages";
import type { MeetingView } from "../../worker/shared/meetings";
import { env, postJson } from "./helpers";
import { delivered, watchMailQueue } from "./mail-fixtures";
import { addMeetingPeople, planMeeting } from "./meetings-fixtures";

/**
 * The mail queue (worker/mail/): features queue ids in batches the platform accepts, and the
 * consumer writes each mail at delivery, sends it, acknowledges what went and retries only
 * what failed. Batches are delivered by the real queue, or handed to the consumer directly
 * where a test needs to read what it acknowledged and retried.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";
let meeting: MeetingView;

beforeAll(async () => {
  cookies = await addMeetingPeople();
  meeting = await planMeeting(as("demo-bengt"), { title: "Möte om kön" });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const invitation = (personId: string): MailMessage => ({
  kind: "meeting.invitation",
  meetingId: meeting.id,
  personId,
  origin: "https://samtal.example",
});

/**
 * Hands `bodies` to the consumer as one batch, as the queue would on their `attempts`th try:
 * what it acknowledged and retried, and the delay asked for each retry (the test batch
 * records retries but not their options).
 */
async function deliver(bodies: unknown[], attempts = 1, base: Env = env) {
  const batch = createMessageBatch(
    "samtal-mail",
    bodies.map((body, i) => ({ id: `message-${i}`, timestamp: new Date(), attempts, body })),
  );
  const retries = batch.messages.map((m) => vi.spyOn(m, "retry"));
  const ctx = createExecutionContext();
  await deliverMail(batch, base);
  const result = await getQueueResult(batch, ctx);
  return {
    ...result,
    delays: retries.flatMap((r) => r.mock.calls.map(([options]) => options?.delaySeconds)),
  };
}

/** Who got mail with this subject in the development outbox, and how many each. */
async function recipientsOf(subject: string): Promise<Map<string, number>> {
  const rows = await env.DB.prepare(
    'SELECT "to", count(*) AS n FROM dev_outbox WHERE subject = ? GROUP BY "to"',
  )
    .bind(subject)
    .all<{ to: string; n: number }>();
  return new Map(rows.results.map((r) => [r.to, r.n]));
}

describe("the consumer", () => {
  it("retries only the message whose send failed, later each time, and acknowledges the rest", async () => {
    // The mail service (outside samtal) refuses Hanna's mail and takes the others.
    const service = vi.spyOn(globalThis, "fetch").mockImplementation(async (_input, init) => {
      const mail = JSON.parse(String(init?.body)) as { to: string };
      return new Response(null, { status: mail.to === "hanna@samtal.example" ? 503 : 202 });
    });
    const http: Env = {
      ...env,
      SAMTAL_DEV_MODE: undefined,
      MAIL_TRANSPORT: "http",
      MAIL_HTTP_URL: "https://mail.samtal.test/send",
      MAIL_HTTP_TOKEN: "test-token",
    };
    const bodies = ["demo-bengt", "demo-hanna", "demo-cecilia"].map(invitation);

    const first = await deliver(bodies, 1, http);
    expect(first.retryBatch.retry).toBe(false);
    expect(first.retryMessages).toEqual([{ msgId: "message-1" }]);
    expect(first.delays).toEqual([60]);
    expect(first.explicitAcks.sort()).toEqual(["message-0", "message-2"]);
    const sent = service.mock.calls.map(([, init]) => JSON.parse(String(init?.body)) as { to: string });
    expect(sent.map((m) => m.to).sort()).toEqual([
      "bengt@samtal.example",
      "cecilia@samtal.example",
      "hanna@samtal.example",
    ]);

    const third = await deliver([invitation("demo-hanna")], 3, http);
    expect(third.retryMessages).toEqual([{ msgId: "message-0" }]);
    expect(third.delays).toEqual([240]);
  });

  it("sends an erased person nothing, and acknowledges her message", async () => {
    const erased = await postJson("/api/me/data/erase", { confirm: "erase" }, as("demo-ivar"));
    expect(erased.status).toBe(204);
    const subject = "Inbjudan: Möte om kön (Göteborg)";
    const before = await recipientsOf(subject);

    const result = await deliver([invitation("demo-ivar"), invitation("demo-hanna")]);
    expect(result.explicitAcks.sort()).toEqual(["message-0", "message-1"]);
    expect(result.retryMessages).toEqual([]);
    const after = await recipientsOf(subject);
    expect(after.get("hanna@samtal.example")).toBe((before.get("hanna@samtal.example") ?? 0) + 1);
    expect(after.get("ivar@samtal.example")).toBeUndefined();
    expect([...after.values()].reduce((a, b) => a + b, 0)).toBe(
      [...before.values()].reduce((a, b) => a + b, 0) + 1,
    );
  });

  it("acknowledges a message it cannot read, and sends nothing for it", async () => {
    const rows = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM dev_outbox").first<{ n: number }>())?.n;
    const before = await rows();
    const result = await deliver([
      { kind: "meeting.invitation", meetingId: meeting.id, to: "x@samtal.example" },
    ]);
    expect(result.explicitAcks).toEqual(["message-0"]);
    expect(await rows()).toBe(before);
  });
});

describe("a large group's invitation", () => {
  it("is queued in batches of at most 100 and reaches every member exactly once", async () => {
    const members = 230;
    const now = Date.now();
    const ids = Array.from({ length: members }, (_, i) => `bulk-${String(i).padStart(3, "0")}`);
    await env.DB.batch(
      ids.flatMap((id) => [
        env.DB.prepare("INSERT INTO people (id, name, email, created_at) VALUES (?, ?, ?, ?)").bind(
          id,
          `Medlem ${id}`,
          `${id}@samtal.example`,
          now,
        ),
        env.DB.prepare(
          "INSERT INTO memberships (person_id, group_id, role, created_at) SELECT ?, id, 'member', ? FROM groups WHERE kind = 'branch' AND slug = 'goteborg'",
        ).bind(id, now),
      ]),
    );
    const large = await planMeeting(as("demo-bengt"), { title: "Stormöte" });
    const expected = await env.DB.prepare(
      "SELECT DISTINCT p.email FROM memberships m JOIN people p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id WHERE g.kind = 'branch' AND g.slug = 'goteborg' AND p.erased_at IS NULL AND p.email IS NOT NULL",
    ).all<{ email: string }>();
    expect(expected.results.length).toBeGreaterThan(members);

    const queue = watchMailQueue();
    const res = await postJson(`/api/meetings/${large.id}/invitations`, {}, as("demo-bengt"));
    expect(res.status).toBe(200);
    const sizes = queue.batches().map((batch) => batch.length);
    expect(sizes.length).toBe(Math.ceil(expected.results.length / 100));
    expect(sizes.every((n) => n <= 100)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(expected.results.length);

    const subject = "Inbjudan: Stormöte (Göteborg)";
    await expect
      .poll(async () => (await recipientsOf(subject)).size, { ...delivered, timeout: 60_000 })
      .toBe(expected.results.length);
    const got = await recipientsOf(subject);
    expect([...got.keys()].sort()).toEqual(expected.results.map((r) => r.email).sort());
    expect([...got.values()].every((n) => n === 1)).toBe(true);
  });
});
