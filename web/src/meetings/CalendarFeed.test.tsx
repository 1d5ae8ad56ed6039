import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../api/testing";
import { freshStateForEachTest } from "../identity/testing";
import { CalendarFeed } from "./CalendarFeed";

freshStateForEachTest();

describe("CalendarFeed", () => {
  it("makes a feed address, shows it once, and revokes it", async () => {
    const url = "https://samtal.test/api/meetings/calendar/abc.ics";
    const api = fakeApi({
      "POST /api/meetings/calendar-feed": () => ({ url, createdAt: Date.now() }),
      "DELETE /api/meetings/calendar-feed": () => undefined,
    });
    render(() => <CalendarFeed />);
    fireEvent.click(screen.getByTestId("make-feed"));
    expect(((await screen.findByLabelText("Kalenderlänk")) as HTMLInputElement).value).toBe(url);
    fireEvent.click(screen.getByTestId("revoke-feed"));
    expect(await screen.findByText("Kalenderlänken är återkallad och fungerar inte längre.")).toBeTruthy();
    expect(screen.queryByLabelText("Kalenderlänk")).toBeNull();
    expect(api.requests).toEqual(["POST /api/meetings/calendar-feed", "DELETE /api/meetings/calendar-feed"]);
  });
});
