import { beforeAll, describe, expect, it } from "vitest";
import { runConsultationMail } from "../../worker/consultations/mail";
import type { Workspace } from "../../worker/shared/consultations";
import { addPerson, day, input, outbox, published } from "./consultations-fixtures";
import { env, seed } from "./helpers";
import { delivered, watchMailQueue } from "./mail-fixtures";
import { json, post, setUp } from "./motions-fixtures";

/**
 * The hourly job's consultation mail, run as the Cron Trigger runs it: the opening mail to
 * every asked group's chair and secretary, once; the reminder three days before the
 * deadline only to the groups that have not submitted, once per group. Göteborg's branch
 * (Bengt chairs) and Kiruna's (Kalle chairs, Lisa keeps the minutes) are asked.
 */

const bengt = "bengt@samtal.example";
const kalle = "kalle@samtal.example";
const lisa = "lisa@samtal.example";
const audience = {
  kinds: ["branch" as const],
  districts: ["goteborg", "norrbotten"],
  individuals: false,
  individualsVisibleToGroup: false,
};

beforeAll(async () => {
  await seed();
  await addPerson("demo-kalle", "Kalle Test", "chair", "kiruna");
  await addPerson("demo-lisa", "Lisa Test", "secretary", "kiruna");
  await setUp(["demo-astrid", "demo-bengt"]);
});

describe("consultation mail", () => {
  it("tells each asked group's chair and secretary once, when the consultation opens", async () => {
    const now = Date.now();
    const c = await published(
      "demo-astrid",
      input({ title: "Öppnar snart", audience, opensAt: now + day, closesAt: now + 10 * day }),
    );
    const opening = (to: string) => outbox(to).then((s) => s.filter((x) => x.includes(c.title)));
    const queue = watchMailQueue();
    const openingQueued = () =>
      queue.queued().filter((m) => m.kind === "consultation.opening" && m.consultationId === c.id);

    await runConsultationMail(env, now);
    expect(openingQueued()).toEqual([]);
    await runConsultationMail(env, now + day);
    const queued = openingQueued();
    expect(queued.map((m) => m.personId)).toEqual(
      expect.arrayContaining(["demo-bengt", "demo-kalle", "demo-lisa"]),
    );
    await expect
      .poll(() => opening(bengt), delivered)
      .toEqual([`Nytt rådslag: ${c.title} / New consultation`]);
    await expect.poll(() => opening(kalle), delivered).toHaveLength(1);
    await expect.poll(() => opening(lisa), delivered).toHaveLength(1);
    // A later run, or one that overlaps, queues nothing again.
    await runConsultationMail(env, now + day + 60_000);
    expect(openingQueued()).toEqual(queued);
    queue.stop();
  });

  it("reminds, three days before the deadline, only the groups that have not submitted, once", async () => {
    const now = Date.now();
    // Every branch: far more groups than D1 binds values in one statement.
    const everyBranch = { ...audience, districts: [] };
    const c = await published(
      "demo-astrid",
      input({ title: "Snart stängt", audience: everyBranch, opensAt: now - day, closesAt: now + 5 * day }),
    );
    await json<Workspace>(
      await post(`/api/consultations/${c.id}/groups/branch:goteborg/submit`, "demo-bengt"),
    );
    const reminders = (to: string) =>
      outbox(to).then((s) => s.filter((x) => x.startsWith(`Påminnelse: ${c.title}`)));
    const queue = watchMailQueue();
    const remindersQueued = () =>
      queue.queued().filter((m) => m.kind === "consultation.reminder" && m.consultationId === c.id);

    await runConsultationMail(env, now);
    expect(remindersQueued()).toEqual([]);
    await runConsultationMail(env, now + 2 * day + 1);
    await expect.poll(() => reminders(kalle), delivered).toHaveLength(1);
    await expect.poll(() => reminders(lisa), delivered).toHaveLength(1);
    const queued = remindersQueued();
    const goteborg = await env.DB.prepare(
      "SELECT id FROM groups WHERE kind = 'branch' AND slug = 'goteborg'",
    ).first<{
      id: number;
    }>();
    expect(queued.some((m) => "groupId" in m && m.groupId === goteborg?.id)).toBe(false);
    await runConsultationMail(env, now + 3 * day);
    expect(remindersQueued()).toEqual(queued);
    queue.stop();
    expect(await reminders(bengt)).toEqual([]);
    // Each not-answering group was claimed once: Göteborg, which submitted, never.
    const claimed = await env.DB.prepare(
      "SELECT count(*) AS n FROM consultation_groups WHERE consultation_id = ? AND reminded_at IS NOT NULL",
    )
      .bind(c.id)
      .first<{ n: number }>();
    const notAnswered = await env.DB.prepare(
      "SELECT count(*) AS n FROM consultation_groups WHERE consultation_id = ? AND latest_version = 0",
    )
      .bind(c.id)
      .first<{ n: number }>();
    expect(claimed?.n).toBe(notAnswered?.n);
  });
});
