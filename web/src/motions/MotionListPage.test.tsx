import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../api/testing";
import { loggedIn } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import MotionListPage from "./MotionListPage";
import { ida, motionView } from "./testing";

freshStateForEachTest();

function open(address: string) {
  return renderAt(address, { "/motions": MotionListPage, "/motions/:id": () => <h1>Motion</h1> });
}

const list = (titles: string[]) => ({
  group: { kind: "branch", slug: "goteborg", name: "Göteborg" } as const,
  motions: titles.map((title, i) => motionView({ id: i + 1, title })),
});

describe("MotionListPage", () => {
  it("lists the group's motions, filtered by state and searched through the API", async () => {
    loggedIn(ida);
    const api = fakeApi({ "GET /api/motions": ({ query }) => list(query.q ? ["Träd"] : ["Träd", "Bänkar"]) });
    const history = open("/motions?group=branch%3Agoteborg");
    expect(await screen.findByRole("heading", { name: "Motioner i Göteborg" })).toBeTruthy();
    expect(screen.getAllByTestId("motion-item")).toHaveLength(2);
    fireEvent.input(screen.getByLabelText("Sök bland motionerna"), { target: { value: "träd" } });
    fireEvent.change(screen.getByLabelText("Läge"), { target: { value: "submitted" } });
    fireEvent.click(screen.getByRole("button", { name: "Visa" }));
    await expect.poll(() => screen.queryAllByTestId("motion-item").length).toBe(1);
    expect(api.callsTo("GET /api/motions").at(-1)?.query).toEqual({
      group: "branch:goteborg",
      state: "submitted",
      q: "träd",
    });
    expect(history.get()).toContain("q=");
  });

  it("starts a new idea draft for a member who may, and opens it", async () => {
    loggedIn(ida);
    const api = fakeApi({
      "GET /api/motions": () => list(["Träd", "Bänkar"]),
      "POST /api/motions": ({ json }) =>
        motionView({ id: 42, kind: json.kind, state: "draft", title: json.title }),
    });
    const history = open("/motions?group=branch%3Agoteborg");
    // The way to start one comes before the list, each under its own heading.
    await screen.findByTestId("motion-list");
    expect(screen.getAllByRole("heading").map((h) => `${h.tagName} ${h.textContent}`)).toEqual([
      "H1 Motioner i Göteborg",
      "H2 Ny motion eller nytt idéutkast",
      "H2 Gruppens motioner",
    ]);
    expect(
      screen.getByTestId("create-motion").compareDocumentPosition(screen.getByTestId("motion-list")) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    fireEvent.click(await screen.findByLabelText("Idéutkast"));
    fireEvent.input(screen.getByLabelText(/^Rubrik/), { target: { value: "Kvällsöppet bibliotek" } });
    fireEvent.click(screen.getByTestId("create-motion"));
    await expect.poll(() => history.get()).toBe("/motions/42");
    expect(api.callsTo("POST /api/motions")[0]?.json).toEqual({
      kind: "idea",
      title: "Kvällsöppet bibliotek",
    });
  });

  it("tells someone outside the group that its motions are for its members, and offers no new motion", async () => {
    fakeApi({ "GET /api/motions": () => apiError(403, "forbidden") });
    open("/motions?group=branch%3Agoteborg");
    expect(
      await screen.findByText("Bara medlemmar i den här delen av partiet kan se dess motioner."),
    ).toBeTruthy();
    expect(screen.queryByTestId("create-motion")).toBeNull();
  });
});
