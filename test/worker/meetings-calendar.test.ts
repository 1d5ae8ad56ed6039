import { beforeAll, describe, expect, it } from "vitest";
import { runMeetingReminders } from "../../worker/meetings/reminders";
import type { CalendarFeed, InvitationsSent, MeetingView } from "../../worker/shared/meetings";
import { api, env, postJson } from "./helpers";
import { delivered, watchMailQueue } from "./mail-fixtures";
import { addMeetingPeople, getAs, planMeeting } from "./meetings-fixtures";

/** Meetings in calendars: the invitation mail with its `.ics`, the day-before reminder, the calendar feed. */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

/**
 * Reads an iCalendar file as RFC 5545 says: CRLF lines, a line folded by CRLF + one space,
 * properties as NAME[;PARAMS]:VALUE, components between BEGIN and END. Throws on anything else.
 */
function parseIcs(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
  const stack: { name: string; props: Record<string, string>; children: unknown[] }[] = [];
  let root: (typeof stack)[number] | null = null;
  for (const line of lines) {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name = "", , value = ""] = match;
    if (name === "BEGIN") {
      const component = { name: value, props: {}, children: [] };
      stack.at(-1)?.children.push(component);
      stack.push(component);
    } else if (name === "END") {
      const done = stack.pop();
      if (done?.name !== value) throw new Error(`END:${value} closes ${done?.name}`);
      if (!stack.length) root = done;
    } else {
      const top = stack.at(-1);
      if (!top) throw new Error(`property outside a component: ${line}`);
      top.props[name] = value.replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
    }
  }
  if (!root || stack.length) throw new Error("unbalanced components");
  return root as {
    name: string;
    props: Record<string, string>;
    children: { name: string; props: Record<string, string> }[];
  };
}

/** 2027-02-20T12:00:00.000Z as iCalendar writes a UTC time: 20270220T120000Z. */
const icsTime = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

async function outbox() {
  return (await (await api("/api/dev/outbox")).json()) as { to: string; subject: string; text: string }[];
}

describe("the invitation", () => {
  let meeting: MeetingView;
  beforeAll(async () => {
    meeting = await planMeeting(as("demo-bengt"), {
      title: "Medlemsmöte om bostäder",
      startsAt: "2027-02-20T13:00",
      endsAt: "2027-02-20T15:30",
      videoUrl: "https://meet.jit.si/goteborg-bostader",
    });
  });

  it("is mailed by the meeting's managers only", async () => {
    const refused = await postJson(`/api/meetings/${meeting.id}/invitations`, {}, as("demo-hanna"));
    expect(refused.status).toBe(403);
    const hidden = await postJson(`/api/meetings/${meeting.id}/invitations`, {}, as("demo-david"));
    expect(hidden.status).toBe(404);
  });

  it("reaches each member of the group once, with a valid .ics of the meeting", async () => {
    const res = await postJson(`/api/meetings/${meeting.id}/invitations`, {}, as("demo-bengt"));
    expect(res.status).toBe(200);
    const sent = (await res.json()) as InvitationsSent;
    const members = await env.DB.prepare(
      "SELECT DISTINCT p.email FROM memberships m JOIN people p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id WHERE g.kind = 'branch' AND g.slug = 'goteborg' AND p.erased_at IS NULL",
    ).all<{ email: string }>();
    expect(sent.sent).toBe(members.results.length);
    const invitations = async () =>
      (await outbox()).filter((m) => m.subject === "Inbjudan: Medlemsmöte om bostäder (Göteborg)");
    // The mail queue delivers them a moment later.
    await expect.poll(async () => (await invitations()).length, delivered).toBe(members.results.length);
    const mails = await invitations();
    expect(mails.map((m) => m.to).sort()).toEqual(members.results.map((r) => r.email).sort());

    const hanna = mails.find((m) => m.to === "hanna@samtal.example");
    expect(hanna?.text).toContain("lördag 20 februari 2027 kl. 13:00–15:30 (svensk tid)");
    expect(hanna?.text).toContain(`/meetings/${meeting.id}`);
    const ics = hanna?.text.split("--- invitation.ics (text/calendar; method=REQUEST) ---\n")[1] ?? "";
    // The outbox stores text with plain newlines for reading; the file itself has CRLF.
    const calendar = parseIcs(ics.replace(/\r?\n/g, "\r\n"));
    expect(calendar.name).toBe("VCALENDAR");
    expect(calendar.props).toMatchObject({ VERSION: "2.0", METHOD: "REQUEST" });
    const [event] = calendar.children;
    expect(event?.name).toBe("VEVENT");
    expect(event?.props).toMatchObject({
      UID: `meeting-${meeting.id}@samtal`,
      SUMMARY: "Medlemsmöte om bostäder",
      DTSTART: icsTime(Date.UTC(2027, 1, 20, 12, 0)),
      DTEND: icsTime(Date.UTC(2027, 1, 20, 14, 30)),
      LOCATION: "https://meet.jit.si/goteborg-bostader",
    });
    expect(event?.props.URL).toMatch(new RegExp(`/meetings/${meeting.id}$`));
    const view = (await (await getAs(`/api/meetings/${meeting.id}`, as("demo-bengt"))).json()) as MeetingView;
    expect(view.invitationsSentAt).toBe(sent.sentAt);
  });
});

describe("the reminder the day before", () => {
  it("goes out once per meeting, to its group's members, only within the day before", async () => {
    const now = Date.UTC(2027, 4, 10, 9, 0);
    const tomorrow = await planMeeting(as("demo-bengt"), {
      title: "Möte i morgon",
      startsAt: "2027-05-11T10:00",
      endsAt: "2027-05-11T12:00",
    });
    await planMeeting(as("demo-bengt"), {
      title: "Möte nästa vecka",
      startsAt: "2027-05-17T10:00",
      endsAt: "2027-05-17T12:00",
    });
    const reminders = async () => (await outbox()).filter((m) => m.subject.startsWith("Påminnelse:"));
    const before = (await reminders()).length;

    const queue = watchMailQueue();
    const withoutOrigin = await runMeetingReminders(env, now);
    expect(withoutOrigin).toBe(0);
    expect(queue.queued()).toEqual([]);
    const configured = { ...env, PUBLIC_ORIGIN: "https://samtal.example" };
    expect(await runMeetingReminders(configured, now)).toBe(1);
    const queued = queue.queued();
    expect(await runMeetingReminders(configured, now + 3600_000)).toBe(0);
    expect(queue.queued()).toEqual(queued);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((m) => "meetingId" in m && m.meetingId === tomorrow.id)).toBe(true);

    await expect.poll(async () => (await reminders()).length - before, delivered).toBe(queued.length);
    const sent = (await reminders()).slice(0, queued.length);
    expect(sent.every((m) => m.subject === "Påminnelse: Möte i morgon (Göteborg)")).toBe(true);
    expect(sent[0]?.text).toContain(`https://samtal.example/meetings/${tomorrow.id}`);
    queue.stop();
  });
});

describe("the calendar feed", () => {
  it("gives a person an unguessable address that serves her meetings as text/calendar, until she revokes it", async () => {
    const meeting = await planMeeting(as("demo-bengt"), { title: "Möte i flödet" });
    expect((await postJson("/api/meetings/calendar-feed", {})).status).toBe(401);
    const res = await postJson("/api/meetings/calendar-feed", {}, as("demo-hanna"));
    expect(res.status).toBe(201);
    const feed = (await res.json()) as CalendarFeed;
    expect(feed.url).toMatch(/\/api\/meetings\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(feed.url).pathname;

    const served = await api(path);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const calendar = parseIcs(await served.text());
    expect(calendar.props.METHOD).toBe("PUBLISH");
    expect(calendar.children.map((e) => e.props.UID)).toContain(`meeting-${meeting.id}@samtal`);

    // David, of another branch, sees none of Göteborg's meetings in his.
    const david = (await (
      await postJson("/api/meetings/calendar-feed", {}, as("demo-david"))
    ).json()) as CalendarFeed;
    const his = parseIcs(await (await api(new URL(david.url).pathname)).text());
    expect(his.children.map((e) => e.props.UID)).not.toContain(`meeting-${meeting.id}@samtal`);

    // A new address revokes the old; revoking leaves none.
    const next = (await (
      await postJson("/api/meetings/calendar-feed", {}, as("demo-hanna"))
    ).json()) as CalendarFeed;
    expect((await api(path)).status).toBe(404);
    expect((await api(new URL(next.url).pathname)).status).toBe(200);
    const revoke = await api("/api/meetings/calendar-feed", {
      method: "DELETE",
      headers: { Cookie: as("demo-hanna") },
    });
    expect(revoke.status).toBe(204);
    expect((await api(new URL(next.url).pathname)).status).toBe(404);
    expect((await api(`/api/meetings/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
  });
});

describe("a person's meeting data", () => {
  it("is in her export, and erasure deletes her calendar feeds while the meetings keep her as a former officer", async () => {
    const meeting = await planMeeting(as("demo-bengt"), {
      title: "Möte med Ivar",
      officers: { adjusters: ["demo-ivar"] },
    });
    const feed = (await (
      await postJson("/api/meetings/calendar-feed", {}, as("demo-ivar"))
    ).json()) as CalendarFeed;
    const exported = (await (await getAs("/api/me/data/export", as("demo-ivar"))).json()) as {
      meetings: { officer: { meetingId: number; role: string }[]; calendarFeeds: { createdAt: number }[] };
    };
    expect(exported.meetings.officer).toContainEqual(
      expect.objectContaining({ meetingId: meeting.id, role: "adjuster" }),
    );
    expect(exported.meetings.calendarFeeds).toHaveLength(1);
    expect(JSON.stringify(exported.meetings)).not.toContain(
      new URL(feed.url).pathname.split("/").at(-1) ?? "-",
    );

    const erased = await postJson("/api/me/data/erase", { confirm: "erase" }, as("demo-ivar"));
    expect(erased.status).toBe(204);
    expect((await api(new URL(feed.url).pathname)).status).toBe(404);
    const feeds = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM calendar_feeds WHERE person_id = 'demo-ivar'",
    ).first();
    expect(feeds).toEqual({ n: 0 });
    const view = (await (await getAs(`/api/meetings/${meeting.id}`, as("demo-bengt"))).json()) as MeetingView;
    expect(view.officers.adjusters).toEqual([{ id: "demo-ivar", name: null }]);
  });
});
