import { beforeAll, describe, expect, it } from "vitest";
import { defaultMeetingSettings } from "../../worker/shared/meetings";
import { errorBody, postJson } from "./helpers";
import { addMeetingPeople, localTime, planMeeting } from "./meetings-fixtures";

/** A group's meeting rules carry over from one planned meeting to the next, on real D1. */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

describe("meeting rules per group or meeting", () => {
  it("a new meeting starts from the rules of the group's latest one; rules given for it win", async () => {
    const first = await planMeeting(as("demo-bengt"), {
      settings: { speechSeconds: 120, tieBreakOrdinary: "lots", pointsOfOrderAfterClosing: false },
    });
    const groupRules = {
      ...defaultMeetingSettings,
      speechSeconds: 120,
      tieBreakOrdinary: "lots",
      pointsOfOrderAfterClosing: false,
    };
    expect(first.settings).toEqual(groupRules);

    const next = await planMeeting(as("demo-bengt"));
    expect(next.settings).toEqual(groupRules);

    const own = await planMeeting(as("demo-bengt"), { settings: { replySeconds: 30, speechSeconds: 0 } });
    expect(own.settings).toEqual({ ...groupRules, replySeconds: 30, speechSeconds: 0 });
  });

  it("refuses a rule outside the range the web form offers, and plans nothing", async () => {
    await planMeeting(as("demo-bengt"), { settings: { maxRepliesPerSpeech: 3 } });
    const res = await postJson(
      "/api/meetings?group=branch:goteborg",
      {
        title: "Medlemsmöte",
        startsAt: localTime(3),
        endsAt: localTime(3, 20),
        access: "members",
        settings: { speechSeconds: 3601 },
      },
      as("demo-bengt"),
    );
    expect(res.status).toBe(400);
    expect((await errorBody(res)).code).toBe("validation_failed");
    // Still the rules of the last meeting that was planned.
    expect((await planMeeting(as("demo-bengt"))).settings.maxRepliesPerSpeech).toBe(3);
  });
});
