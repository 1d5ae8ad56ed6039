import { beforeAll, describe, expect, it } from "vitest";
import type { ConsultationView, Workspace } from "../../worker/shared/consultations";
import type { MeetingView } from "../../worker/shared/meetings";
import { created, input, published } from "./consultations-fixtures";
import { api, errorBody, postJson } from "./helpers";
import { addMeetingPeople, getAs, joinMeeting, localTime, planMeeting } from "./meetings-fixtures";
import { setUp } from "./motions-fixtures";

/**
 * A consultation on a meeting's agenda: the group discusses it at the meeting and opens its
 * workspace from the item; the workspace names the meeting back. Only a published
 * consultation that asks the meeting's group may go on the agenda, open meetings included.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";
/** Asks Göteborg's branch (every branch of the Göteborg and Norrbotten districts). */
let asking: ConsultationView;

const plan = (agenda: object[], access = "open") =>
  postJson(
    "/api/meetings?group=branch:goteborg",
    { title: "Medlemssamtal", startsAt: localTime(4), endsAt: localTime(4, 20), access, agenda },
    as("demo-bengt"),
  );

const item = (consultationId: number) => ({ title: "Rådslag", kind: "discussion", consultationId });

const workspace = async (consultationId: number) =>
  (await (
    await getAs(`/api/consultations/${consultationId}/groups/branch:goteborg`, as("demo-bengt"))
  ).json()) as Workspace;

beforeAll(async () => {
  await setUp(["demo-astrid"]);
  cookies = await addMeetingPeople();
  asking = await published("demo-astrid", input({ title: "Rådslag om kollektivtrafiken" }));
});

describe("a consultation on the agenda", () => {
  let meeting: MeetingView;

  it("is taken for a published consultation that asks the group, in an open meeting too", async () => {
    const res = await plan([{ title: "Välkomna", kind: "discussion" }, item(asking.id)]);
    expect(res.status, await res.clone().text()).toBe(201);
    meeting = (await res.json()) as MeetingView;
    expect(meeting.access).toBe("open");
    expect(meeting.agenda.map((i) => i.consultation)).toEqual([
      null,
      { id: asking.id, title: "Rådslag om kollektivtrafiken" },
    ]);
    const read = (await (await getAs(`/api/meetings/${meeting.id}`, as("demo-hanna"))).json()) as MeetingView;
    expect(read.agenda[1]?.consultation).toEqual({ id: asking.id, title: "Rådslag om kollektivtrafiken" });
  });

  it("is in the live meeting's agenda with its title", async () => {
    const bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    const live = await bengt.view();
    expect(live.agenda.map((i) => i.consultation)).toEqual([
      null,
      { id: asking.id, title: "Rådslag om kollektivtrafiken" },
    ]);
    bengt.close();
  });

  it("names the meeting in the group's workspace", async () => {
    expect((await workspace(asking.id)).meeting).toEqual({
      id: meeting.id,
      title: "Medlemssamtal",
      startsAt: meeting.startsAt,
    });
  });

  it("is refused for a consultation that does not ask the group, or does not exist, and for a draft", async () => {
    const elsewhere = await published(
      "demo-astrid",
      input({
        title: "Rådslag om gruvorna",
        audience: {
          kinds: ["branch"],
          districts: ["norrbotten"],
          individuals: false,
          individualsVisibleToGroup: false,
        },
      }),
    );
    const draft = await created("demo-astrid", input({ title: "Rådslag i utkast" }));
    const cases: [number, string][] = [
      [elsewhere.id, "meeting_consultation_not_asked"],
      [999999, "meeting_consultation_not_asked"],
      [draft.id, "meeting_consultation_not_published"],
    ];
    for (const [id, code] of cases) {
      const res = await plan([item(id)], "members");
      expect(res.status, String(id)).toBe(422);
      expect((await errorBody(res)).code).toBe(code);
      const patched = await api(`/api/meetings/${meeting.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", Cookie: as("demo-bengt") },
        body: JSON.stringify({ agenda: [item(id)] }),
      });
      expect(patched.status).toBe(422);
      expect((await errorBody(patched)).code).toBe(code);
    }
    const unchanged = (await (
      await getAs(`/api/meetings/${meeting.id}`, as("demo-bengt"))
    ).json()) as MeetingView;
    expect(unchanged.agenda.map((i) => i.consultation?.id ?? null)).toEqual([null, asking.id]);
  });

  it("is changed with the agenda; a meeting no longer discussing it is not named in the workspace", async () => {
    const [welcome, consultation] = meeting.agenda;
    const res = await api(`/api/meetings/${meeting.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Cookie: as("demo-bengt") },
      body: JSON.stringify({
        agenda: [
          { id: welcome?.id, title: "Välkomna", kind: "discussion", consultationId: asking.id },
          { id: consultation?.id, title: "Övrigt", kind: "discussion" },
        ],
      }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const changed = (await res.json()) as MeetingView;
    expect(changed.agenda.map((i) => i.consultation?.id ?? null)).toEqual([asking.id, null]);
    await api(`/api/meetings/${meeting.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Cookie: as("demo-bengt") },
      body: JSON.stringify({ agenda: [{ id: welcome?.id, title: "Välkomna", kind: "discussion" }] }),
    });
    expect((await workspace(asking.id)).meeting).toBeNull();
  });

  it("names only a meeting still to come: a past one is not", async () => {
    await planMeeting(as("demo-bengt"), {
      title: "Förra mötet",
      startsAt: localTime(-3),
      endsAt: localTime(-3, 20),
      agenda: [{ title: "Rådslag", kind: "discussion", motionId: null, consultationId: asking.id }],
    });
    expect((await workspace(asking.id)).meeting).toBeNull();
  });
});
