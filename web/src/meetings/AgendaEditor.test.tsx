import { fireEvent, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../api/testing";
import { askedSummary, goteborg } from "../consultations/testing";
import { freshStateForEachTest } from "../identity/testing";
import { AgendaEditor, type DraftItem } from "./AgendaEditor";

freshStateForEachTest();

/** The editor over a signal, as the plan form holds it; the consultations the group is asked in. */
function editor(items: DraftItem[]) {
  const api = fakeApi({
    "GET /api/consultations": () => ({
      group: goteborg,
      asked: [
        askedSummary(5, "Om skolan", "open"),
        askedSummary(6, "Rådslag: Välfärden 2027", "open"),
        askedSummary(4, "Om vården", "closed"),
        askedSummary(3, "Om kulturen", "closed"),
      ],
      asking: [],
    }),
  });
  const [agenda, setAgenda] = createSignal(items);
  render(() => <AgendaEditor items={agenda()} onChange={setAgenda} group="branch:goteborg" />);
  return { api, agenda };
}

const optionsOf = (select: HTMLElement) => [...select.querySelectorAll("option")].map((o) => o.textContent);
const chosenIn = (select: HTMLElement) => (select as HTMLElement & { value: string }).value;

describe("AgendaEditor", () => {
  it("adds an item that discusses one of the group's open consultations, titled after it", async () => {
    const { api, agenda } = editor([]);
    const choose = await screen.findByLabelText("Rådslag att behandla");
    expect(api.callsTo("GET /api/consultations")[0]?.query).toEqual({ group: "branch:goteborg" });
    expect(optionsOf(choose)).toEqual(["Inget rådslag", "Om skolan", "Rådslag: Välfärden 2027"]);
    fireEvent.change(choose, { target: { value: "5" } });
    expect((screen.getByLabelText("Ny punkt") as HTMLInputElement).value).toBe("Rådslag: Om skolan");
    fireEvent.click(screen.getByTestId("agenda-add"));
    expect(agenda()).toEqual([
      { title: "Rådslag: Om skolan", kind: "discussion", motionId: null, consultationId: 5 },
    ]);
    // A consultation already titled "Rådslag: …" keeps its title; a title typed first stays.
    fireEvent.change(choose, { target: { value: "6" } });
    expect((screen.getByLabelText("Ny punkt") as HTMLInputElement).value).toBe("Rådslag: Välfärden 2027");
    fireEvent.input(screen.getByLabelText("Ny punkt"), { target: { value: "Vårt svar" } });
    fireEvent.change(choose, { target: { value: "5" } });
    expect((screen.getByLabelText("Ny punkt") as HTMLInputElement).value).toBe("Vårt svar");
  });

  it("links an item to a consultation or unlinks it, and keeps offering one linked before it closed", async () => {
    const { agenda } = editor([
      { id: 1, title: "Om vården", kind: "discussion", motionId: null, consultationId: 4 },
      { id: 2, title: "", kind: "discussion", motionId: null, consultationId: null },
    ]);
    const first = await screen.findByLabelText("Rådslag för punkt 1");
    expect(optionsOf(first)).toEqual(["Inget rådslag", "Om skolan", "Rådslag: Välfärden 2027", "Om vården"]);
    expect(chosenIn(first)).toBe("4");
    fireEvent.change(screen.getByLabelText("Rådslag för punkt 2"), { target: { value: "5" } });
    fireEvent.change(first, { target: { value: "" } });
    expect(agenda()).toEqual([
      { id: 1, title: "Om vården", kind: "discussion", motionId: null, consultationId: null },
      { id: 2, title: "Rådslag: Om skolan", kind: "discussion", motionId: null, consultationId: 5 },
    ]);
  });

  it("offers no consultation field when the group is asked in none that is open", async () => {
    const api = fakeApi({
      "GET /api/consultations": () => ({
        group: goteborg,
        asked: [askedSummary(4, "Om vården", "closed")],
        asking: [],
      }),
    });
    render(() => <AgendaEditor items={[]} onChange={() => undefined} group="branch:goteborg" />);
    await expect.poll(() => api.callsTo("GET /api/consultations").length).toBe(1);
    await Promise.resolve();
    expect(screen.queryByLabelText("Rådslag att behandla")).toBeNull();
  });
});
