import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import ErasedPage from "./ErasedPage";
import { confirmsErasure, PrivacySection } from "./PrivacySection";
import { currentPerson, loggedIn } from "./session";
import { bengt, freshStateForEachTest } from "./testing";

freshStateForEachTest();
beforeEach(() => loggedIn(bengt));

function open(address = "/me") {
  const history = createMemoryHistory();
  history.set({ value: address, replace: true });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/me" component={PrivacySection} />
      <Route path="/me/erased" component={ErasedPage} />
    </MemoryRouter>
  ));
  return history;
}

const startErasing = () => fireEvent.click(screen.getByRole("button", { name: "Radera mina uppgifter…" }));
const typeWord = (word: string) =>
  fireEvent.input(screen.getByLabelText("Skriv ordet radera för att bekräfta"), { target: { value: word } });
const confirm = () =>
  fireEvent.click(screen.getByRole("button", { name: "Radera mina uppgifter för alltid" }));

describe("PrivacySection", () => {
  it("offers her data as a download", () => {
    fakeApi();
    open();
    const download = screen.getByRole("link", { name: "Ladda ner mina uppgifter" });
    expect(download.getAttribute("href")).toBe("/api/me/data/export");
    expect(download.hasAttribute("download")).toBe(true);
  });

  it("says what erasure does, asks for the word, then erases, logs out and confirms", async () => {
    const api = fakeApi({ "POST /api/me/data/erase": () => undefined });
    const history = open();
    const section = screen.getByTestId("privacy");
    expect(section.textContent).toContain("Ditt namn och din e-postadress tas bort överallt");
    expect(section.textContent).toContain("visas som skrivet av en tidigare medlem");
    expect(section.textContent).toContain("Det går inte att ångra.");

    startErasing();
    const field = screen.getByLabelText("Skriv ordet radera för att bekräfta");
    expect(document.activeElement).toBe(field);
    typeWord("ja");
    confirm();
    expect(screen.getByRole("alert").textContent).toBe("Skriv radera i rutan för att bekräfta.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(api.callsTo("POST /api/me/data/erase")).toEqual([]);

    typeWord(" Radera ");
    confirm();
    await vi.waitFor(() => expect(history.get()).toBe("/me/erased"));
    expect(api.callsTo("POST /api/me/data/erase").map((call) => call.json)).toEqual([{ confirm: "erase" }]);
    expect(currentPerson()).toBeNull();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Dina uppgifter är raderade");
  });

  it("can be cancelled, and reports a failure without leaving", async () => {
    fakeApi({ "POST /api/me/data/erase": () => apiError(500, "internal") });
    const history = open();
    startErasing();
    fireEvent.click(screen.getByRole("button", { name: "Avbryt" }));
    expect(screen.queryByLabelText("Skriv ordet radera för att bekräfta")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Radera mina uppgifter…" }));

    startErasing();
    typeWord("radera");
    confirm();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Något gick fel hos oss. Försök igen om en stund.",
    );
    expect(history.get()).toBe("/me");
    expect(currentPerson()).not.toBeNull();
  });

  it("speaks English, and takes the English word", () => {
    fakeApi();
    setLocale("en");
    open();
    expect(screen.getByRole("link", { name: "Download my data" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Erase my data…" }));
    expect(screen.getByLabelText("Type the word erase to confirm")).toBeTruthy();
    expect(confirmsErasure("Erase")).toBe(true);
    expect(confirmsErasure("radera")).toBe(true);
    expect(confirmsErasure("yes")).toBe(false);
  });
});

describe("ErasedPage", () => {
  it("claims nothing when opened other than straight after an erasure", async () => {
    fakeApi();
    const history = open("/me/erased");
    await vi.waitFor(() => expect(history.get()).toBe("/me"));
  });
});
