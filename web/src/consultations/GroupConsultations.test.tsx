import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { bengt, freshStateForEachTest } from "../identity/testing";
import { GroupConsultations } from "./GroupConsultations";
import { askedSummary, goteborg } from "./testing";

freshStateForEachTest();

describe("GroupConsultations", () => {
  it("shows a member the open consultations that ask her group, with its status", async () => {
    loggedIn(bengt);
    const api = fakeApi({
      "GET /api/consultations": () => ({
        group: goteborg,
        asked: [askedSummary(5, "Om skolan", "open"), askedSummary(4, "Om vården", "closed")],
        asking: [],
      }),
    });
    render(() => <GroupConsultations group={goteborg} />);
    const section = await screen.findByTestId("open-consultations");
    expect(section.querySelectorAll("li")).toHaveLength(1);
    expect(screen.getByRole("link", { name: "Om skolan" }).getAttribute("href")).toBe("/consultations/5");
    expect(section.textContent).toContain("Inte besvarat");
    expect(api.callsTo("GET /api/consultations")[0]?.query).toEqual({ group: "branch:goteborg" });
  });

  it("asks nothing for someone who is not a member", async () => {
    const api = fakeApi();
    render(() => <GroupConsultations group={goteborg} />);
    await Promise.resolve();
    expect(api.requests).toEqual([]);
    expect(screen.queryByTestId("open-consultations")).toBeNull();
  });
});
