import { beforeAll, describe, expect, it } from "vitest";
import { demoMeetingInviteToken } from "../../worker/meetings/seed";
import type { Workspace } from "../../worker/shared/consultations";
import type { MeetingList, MeetingView } from "../../worker/shared/meetings";
import type { MotionDetail } from "../../worker/shared/motions";
import { acceptInvite, env, seed } from "./helpers";
import { addMeetingPeople, getAs, joinMeeting } from "./meetings-fixtures";

/**
 * The demo meetings (worker/meetings/seed.ts) as `npm start` leaves them, one discussing the
 * open demo consultation, and a decision on
 * the motion on the annual meeting's agenda, which updates the motion through the motions
 * feature's own step.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";
let list: MeetingList;

beforeAll(async () => {
  cookies = await addMeetingPeople();
  list = (await (await getAs("/api/meetings?group=branch:goteborg", as("demo-bengt"))).json()) as MeetingList;
});

const find = (title: string) => list.meetings.find((m) => m.title === title);

describe("the demo meetings", () => {
  it("are an upcoming open conversation and a members-only annual meeting, seeded once", async () => {
    const open = find("Öppet samtal: tryggare kvarter");
    const annual = find("Årsmöte i Göteborgs arbetarekommun");
    expect(open).toMatchObject({ access: "open", state: "planned" });
    expect(annual).toMatchObject({ access: "members", state: "planned" });
    expect(open?.startsAt).toBeGreaterThan(Date.now());
    await seed();
    const again = (await (
      await getAs("/api/meetings?group=branch:goteborg", as("demo-bengt"))
    ).json()) as MeetingList;
    expect(again.meetings.length).toBe(list.meetings.length);
  });

  it("include a members' meeting that discusses the open demo consultation, named in the branch's workspace", async () => {
    const found = find("Medlemsmöte: vi svarar på rådslaget");
    expect(found).toMatchObject({ access: "members", state: "planned" });
    const view = (await (await getAs(`/api/meetings/${found?.id}`, as("demo-bengt"))).json()) as MeetingView;
    const item = view.agenda.find((i) => i.consultation !== null);
    expect(item).toMatchObject({
      title: "Rådslag: Välfärden 2027",
      consultation: { title: "Rådslag: Välfärden 2027" },
    });
    const workspace = (await (
      await getAs(`/api/consultations/${item?.consultation?.id}/groups/branch:goteborg`, as("demo-bengt"))
    ).json()) as Workspace;
    expect(workspace.meeting).toMatchObject({ id: found?.id, title: "Medlemsmöte: vi svarar på rådslaget" });
  });

  it("let a guest into the open one by its link", async () => {
    const open = find("Öppet samtal: tryggare kvarter");
    const { res, cookie } = await acceptInvite(await demoMeetingInviteToken(), "Gäst Demo");
    expect(res.status).toBe(200);
    const view = await getAs(`/api/meetings/${open?.id}`, cookie);
    expect(view.status).toBe(200);
    const guest = await joinMeeting(open?.id ?? 0, cookie);
    expect(guest.you?.guest).toBe(true);
    guest.close();
  });

  it("decide on the annual meeting's motion, which the motion then shows as decided", async () => {
    const annual = find("Årsmöte i Göteborgs arbetarekommun");
    const view = (await (await getAs(`/api/meetings/${annual?.id}`, as("demo-bengt"))).json()) as MeetingView;
    expect(view.agenda.slice(0, 7).every((i) => i.kind === "formal")).toBe(true);
    const item = view.agenda.find((i) => i.motion);
    expect(item).toMatchObject({ title: "Motioner", motion: { title: "Solceller på kommunens tak" } });
    const motionId = item?.motion?.id ?? 0;
    const [version] = (
      await env.DB.prepare(
        "SELECT proposals FROM motion_versions WHERE motion_id = ? ORDER BY number DESC LIMIT 1",
      )
        .bind(motionId)
        .all<{ proposals: string }>()
    ).results;
    const verdicts = (JSON.parse(version?.proposals ?? "[]") as unknown[]).map(() => ({
      verdict: "approve" as const,
    }));

    const bengt = await joinMeeting(annual?.id ?? 0, as("demo-bengt"));
    await bengt.command({ type: "meeting.open" });
    await bengt.command({ type: "agenda.goto", itemId: item?.id ?? 0 });
    await bengt.refused(
      { type: "decision.record", text: "Fel antal", motionVerdicts: [...verdicts, { verdict: "reject" }] },
      "motion_verdicts_mismatch",
    );
    await bengt.command({
      type: "decision.record",
      text: "Årsmötet biföll motionen.",
      motionVerdicts: verdicts,
    });
    const motion = (await (await getAs(`/api/motions/${motionId}`, as("demo-bengt"))).json()) as MotionDetail;
    expect(motion.state).toBe("decided");
    expect(motion.decision?.decisions).toEqual(verdicts);
    // Decided once: the motion's own rules refuse a second decision.
    await bengt.refused(
      { type: "decision.record", text: "Igen", motionVerdicts: verdicts },
      "motion_wrong_state",
    );
    bengt.close();
  });
});
