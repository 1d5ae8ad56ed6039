import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingList, MeetingView } from "../../worker/shared/meetings";
import { stockholmToUtc } from "../../worker/shared/stockholm";
import { api, errorBody, postJson } from "./helpers";
import { addMeetingPeople, getAs, localTime, planMeeting } from "./meetings-fixtures";

/** Planning meetings over REST, as demo people with different roles, on real D1. */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

describe("Stockholm times", () => {
  it("read a wall-clock time in Europe/Stockholm, summer and winter", () => {
    expect(stockholmToUtc("2026-07-01T18:00")).toBe(Date.UTC(2026, 6, 1, 16, 0));
    expect(stockholmToUtc("2026-12-01T18:00")).toBe(Date.UTC(2026, 11, 1, 17, 0));
    // The day the clocks go back: 02:30 happens twice; the first (summer time) counts.
    expect(stockholmToUtc("2026-10-25T02:30")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    // The day the clocks go forward: 02:30 does not exist; it reads as 03:30 summer time.
    expect(stockholmToUtc("2026-03-29T02:30")).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(stockholmToUtc("2026-02-30T18:00")).toBeNull();
    expect(stockholmToUtc("2026-12-01 18:00")).toBeNull();
  });
});

describe("planning a meeting", () => {
  it("the branch's chair plans an annual meeting: the formal opening first, the planner in the chair", async () => {
    const meeting = await planMeeting(as("demo-bengt"), {
      title: "Årsmöte 2027",
      template: "annual",
      startsAt: "2027-02-20T13:00",
      endsAt: "2027-02-20T16:00",
      videoUrl: "https://meet.jit.si/goteborg-arsmote",
      officers: { secretary: "demo-cecilia", adjusters: ["demo-hanna", "demo-ivar"] },
      agenda: [{ title: "Uttalande om kollektivtrafiken", kind: "decision" }],
    });
    expect(meeting).toMatchObject({
      title: "Årsmöte 2027",
      group: { kind: "branch", slug: "goteborg" },
      startsAt: Date.UTC(2027, 1, 20, 12, 0),
      endsAt: Date.UTC(2027, 1, 20, 15, 0),
      access: "members",
      state: "planned",
      videoUrl: "https://meet.jit.si/goteborg-arsmote",
      documentId: `meeting:${meeting.id}`,
      minutesDocumentId: `minutes:${meeting.id}`,
      officers: {
        chair: { id: "demo-bengt", name: "Bengt Olsson" },
        secretary: { id: "demo-cecilia", name: "Cecilia Ahmadi" },
      },
      minutes: { version: 0, approvedBy: [], frozenAt: null },
    });
    expect(meeting.officers.adjusters.map((a) => a.id).sort()).toEqual(["demo-hanna", "demo-ivar"]);
    expect(meeting.agenda.slice(0, 7).map((i) => i.title)).toEqual([
      "Mötets öppnande",
      "Val av mötesordförande",
      "Val av mötessekreterare",
      "Val av justerare tillika rösträknare",
      "Fastställande av dagordning",
      "Mötets behöriga utlysande",
      "Fastställande av röstlängd",
    ]);
    const last = meeting.agenda.at(-1);
    expect(last).toMatchObject({ title: "Uttalande om kollektivtrafiken", kind: "decision" });
    expect(last?.notesDocumentId).toBe(`meeting-notes:${meeting.id}-${last?.id}`);
    expect(meeting.agenda.map((i) => i.number)).toEqual(meeting.agenda.map((_, i) => i + 1));
    expect(meeting.can).toEqual(["meeting.attend", "meeting.manage", "meeting.notes"]);
  });

  it("is for the group's chair or secretary only", async () => {
    const body = { title: "x", startsAt: localTime(3), endsAt: localTime(3, 20), access: "open" };
    const member = await postJson("/api/meetings?group=branch:goteborg", body, as("demo-cecilia"));
    expect(member.status).toBe(403);
    expect((await errorBody(member)).code).toBe("forbidden");
    const elsewhere = await postJson("/api/meetings?group=branch:goteborg", body, as("demo-david"));
    expect(elsewhere.status).toBe(403);
    expect((await postJson("/api/meetings?group=branch:goteborg", body)).status).toBe(401);
  });

  it("refuses what an open meeting cannot hold, bad links and times, and officers from outside", async () => {
    const base = { title: "Samtal", startsAt: localTime(3), endsAt: localTime(3, 20), access: "open" };
    const cases: [object, number, string][] = [
      [{ template: "annual" }, 422, "meeting_open_no_decisions"],
      [{ agenda: [{ title: "Beslut", kind: "decision" }] }, 422, "meeting_open_no_decisions"],
      [{ videoUrl: "http://meet.example/x" }, 400, "validation_failed"],
      [{ videoUrl: "javascript:alert(1)" }, 400, "validation_failed"],
      [{ endsAt: localTime(3, 10) }, 400, "validation_failed"],
      [{ startsAt: "tomorrow" }, 400, "validation_failed"],
      [{ officers: { secretary: "demo-david" } }, 422, "meeting_officer_not_member"],
      [
        { access: "members", agenda: [{ title: "M", kind: "decision", motionId: 999999 }] },
        422,
        "meeting_motion_not_in_group",
      ],
    ];
    const before = (
      (await (await getAs("/api/meetings?group=branch:goteborg", as("demo-bengt"))).json()) as MeetingList
    ).meetings.length;
    for (const [change, status, code] of cases) {
      const res = await postJson(
        "/api/meetings?group=branch:goteborg",
        { ...base, ...change },
        as("demo-bengt"),
      );
      expect(res.status, JSON.stringify(change)).toBe(status);
      expect((await errorBody(res)).code).toBe(code);
    }
    const after = (
      (await (await getAs("/api/meetings?group=branch:goteborg", as("demo-bengt"))).json()) as MeetingList
    ).meetings.length;
    expect(after).toBe(before);
  });

  it("offers as officers, by name, the members of the group and of the groups above it, to its planners", async () => {
    type Found = { id: string; name: string }[];
    const search = async (path: string, cookie: string) => {
      const res = await getAs(path, cookie);
      expect(res.status, path).toBe(200);
      return ((await res.json()) as Found).map((p) => p.id);
    };
    // Göteborg's branch, its district (Karin) and the national level (Astrid); not Stockholm (David).
    const everyone = await search("/api/meetings/candidates?group=branch:goteborg", as("demo-bengt"));
    expect(everyone).toEqual(
      expect.arrayContaining(["demo-astrid", "demo-cecilia", "demo-hanna", "demo-karin"]),
    );
    expect(everyone).not.toContain("demo-david");
    // A later word of the name counts too, as typed.
    expect(await search("/api/meetings/candidates?group=branch:goteborg&q=ahm", as("demo-bengt"))).toEqual([
      "demo-cecilia",
    ]);
    expect((await getAs("/api/meetings/candidates?group=branch:goteborg", as("demo-hanna"))).status).toBe(
      403,
    );
    expect(
      (
        await errorBody(
          await getAs(
            `/api/meetings/candidates?group=branch:goteborg&q=${"x".repeat(101)}`,
            as("demo-bengt"),
          ),
        )
      ).code,
    ).toBe("validation_failed");

    const meeting = await planMeeting(as("demo-bengt"), { title: "Med valda funktionärer" });
    expect(await search(`/api/meetings/${meeting.id}/candidates?q=han`, as("demo-bengt"))).toEqual([
      "demo-hanna",
    ]);
    expect((await getAs(`/api/meetings/${meeting.id}/candidates?q=han`, as("demo-hanna"))).status).toBe(403);
    expect((await getAs(`/api/meetings/${meeting.id}/candidates?q=han`, as("demo-david"))).status).toBe(404);
  });
});

describe("seeing meetings", () => {
  let upcoming: MeetingView;
  let ended: MeetingView;
  beforeAll(async () => {
    upcoming = await planMeeting(as("demo-bengt"), {
      title: "Kommande",
      access: "open",
      template: "conversation",
    });
    ended = await planMeeting(as("demo-bengt"), {
      title: "Förra veckan",
      startsAt: localTime(-7),
      endsAt: localTime(-7, 20),
    });
  });

  it("lists the group's meetings not ended yet, soonest first, to its members", async () => {
    const res = await getAs("/api/meetings?group=branch:goteborg", as("demo-hanna"));
    expect(res.status).toBe(200);
    const list = (await res.json()) as MeetingList;
    expect(list.group).toMatchObject({ kind: "branch", slug: "goteborg" });
    const ids = list.meetings.map((m) => m.id);
    expect(ids).toContain(upcoming.id);
    expect(ids).not.toContain(ended.id);
    const starts = list.meetings.map((m) => m.startsAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const withPast = (await (
      await getAs("/api/meetings?group=branch:goteborg&past=1", as("demo-hanna"))
    ).json()) as MeetingList;
    expect(withPast.meetings.map((m) => m.id)).toContain(ended.id);
    expect((await getAs("/api/meetings?group=branch:goteborg", as("demo-david"))).status).toBe(403);
  });

  it("lists a person's own meetings: her groups' and those she is an officer of", async () => {
    const hanna = (await (await getAs("/api/meetings/mine", as("demo-hanna"))).json()) as MeetingList;
    expect(hanna.group).toBeNull();
    expect(hanna.meetings.map((m) => m.id)).toContain(upcoming.id);
    const david = (await (await getAs("/api/meetings/mine", as("demo-david"))).json()) as MeetingList;
    expect(david.meetings.map((m) => m.id)).not.toContain(upcoming.id);
    expect((await api("/api/meetings/mine")).status).toBe(401);
  });

  it("shows a meeting to its group's members, and to nobody else (404)", async () => {
    const hanna = await getAs(`/api/meetings/${upcoming.id}`, as("demo-hanna"));
    expect(hanna.status).toBe(200);
    expect(((await hanna.json()) as MeetingView).can).toEqual(["meeting.attend", "meeting.notes"]);
    for (const path of [`/api/meetings/${upcoming.id}`, "/api/meetings/999999"]) {
      const res = await getAs(path, as("demo-david"));
      expect(res.status).toBe(404);
      expect((await errorBody(res)).code).toBe("not_found");
    }
  });

  it("lets its managers change it until it opens, keeping the notes of items they keep", async () => {
    const [first, second] = upcoming.agenda;
    const patch = (body: object, cookie: string) =>
      api(`/api/meetings/${upcoming.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify(body),
      });
    const refused = await patch({ title: "Nytt" }, as("demo-hanna"));
    expect(refused.status).toBe(403);
    const res = await patch(
      {
        title: "Kommande samtal",
        agenda: [
          { id: second?.id, title: "Samtal om skolan", kind: "discussion" },
          { title: "Ny punkt", kind: "discussion" },
        ],
      },
      as("demo-bengt"),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const changed = (await res.json()) as MeetingView;
    expect(changed.title).toBe("Kommande samtal");
    expect(changed.agenda.map((i) => i.title)).toEqual(["Samtal om skolan", "Ny punkt"]);
    expect(changed.agenda[0]?.notesDocumentId).toBe(second?.notesDocumentId);
    expect(changed.agenda.map((i) => i.id)).not.toContain(first?.id);
  });
});
