import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { bengt, freshStateForEachTest } from "../identity/testing";
import { GroupMeetings, MyMeetings } from "./MeetingList";
import { karin, meetingView } from "./testing";

freshStateForEachTest();

const goteborg = { kind: "branch", slug: "goteborg", name: "Göteborg" } as const;

describe("GroupMeetings", () => {
  it("lists the group's upcoming meetings and offers a new one to whoever may plan", async () => {
    loggedIn(karin);
    const api = fakeApi({
      "GET /api/meetings": () => ({
        group: goteborg,
        meetings: [meetingView({ title: "Höstmöte", access: "open" })],
      }),
    });
    render(() => <GroupMeetings group={goteborg} />);
    const link = await screen.findByRole("link", { name: "Höstmöte" });
    expect(link.getAttribute("href")).toBe("/meetings/7");
    expect(screen.getByText("Öppet möte")).toBeTruthy();
    expect(screen.getByTestId("new-meeting").getAttribute("href")).toBe(
      "/meetings/new?group=branch%3Agoteborg",
    );
    expect(api.callsTo("GET /api/meetings")[0]?.query).toEqual({ group: "branch:goteborg" });
  });

  it("offers no new meeting to a member who may not plan, and nothing to someone outside the group", async () => {
    loggedIn(bengt);
    fakeApi({ "GET /api/meetings": () => ({ group: goteborg, meetings: [] }) });
    render(() => <GroupMeetings group={goteborg} />);
    expect(await screen.findByText("Inga kommande möten.")).toBeTruthy();
    expect(screen.queryByTestId("new-meeting")).toBeNull();
    render(() => <GroupMeetings group={{ kind: "branch", slug: "kiruna", name: "Kiruna" }} />);
    expect(screen.getAllByRole("heading", { name: "Kommande möten" })).toHaveLength(1);
  });
});

describe("MyMeetings", () => {
  it("lists her meetings with their groups", async () => {
    loggedIn(karin);
    fakeApi({
      "GET /api/meetings/mine": () => ({ group: null, meetings: [meetingView({ title: "Styrelsemöte" })] }),
    });
    render(() => <MyMeetings />);
    expect(await screen.findByRole("link", { name: "Styrelsemöte" })).toBeTruthy();
    expect(screen.getByText("Göteborg")).toBeTruthy();
  });
});
