import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { setLocale } from "../i18n";
import { freshStateForEachTest } from "../identity/testing";
import { FakeRoom } from "../rooms/testing";
import { Presence } from "./Presence";

freshStateForEachTest();

/** Someone else's presence, as the room relays it (the guest marker is the room's). */
function remote(awareness: Awareness, clientId: number, clock: number, state: unknown) {
  applyAwarenessUpdate(awareness, new FakeRoom().presenceOf(clientId, clock, state), "room");
}

const listed = () =>
  within(screen.getByTestId("presence"))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

describe("Presence", () => {
  it("lists who is here, you first, and marks guests as guests", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField("user", { name: "David Nilsson", color: "#1d4ed8" });
    remote(awareness, 1001, 1, { user: { name: "Bo Ek", color: "#047857", guest: true } });
    remote(awareness, 1002, 1, { user: { name: "Cecilia Ahmadi", color: "#7c3aed" } });
    render(() => <Presence awareness={awareness} />);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Här just nu");
    expect(listed()).toEqual(["David Nilsson (du)", "Bo Ek (gäst)", "Cecilia Ahmadi"]);

    // Only a marker that is exactly true counts; it follows the room's changes.
    remote(awareness, 1002, 2, { user: { name: "Cecilia Ahmadi", guest: "yes" } });
    remote(awareness, 1001, 2, { user: { name: "Bo Ek" } });
    expect(listed()).toEqual(["David Nilsson (du)", "Bo Ek", "Cecilia Ahmadi"]);
    remote(awareness, 1003, 1, { user: { name: "Amir", guest: true } });
    setLocale("en");
    expect(listed()).toEqual(["David Nilsson (you)", "Amir (guest)", "Bo Ek", "Cecilia Ahmadi"]);
  });

  it("tells a guest that she is one too", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField("user", { name: "Sara", color: "#1d4ed8", guest: true });
    remote(awareness, 1001, 1, { user: { name: "David Nilsson" } });
    render(() => <Presence awareness={awareness} />);
    expect(listed()).toEqual(["Sara (du, gäst)", "David Nilsson"]);
  });
});
