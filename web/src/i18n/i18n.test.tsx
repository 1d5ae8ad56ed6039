import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { errorMessages } from "../../../worker/shared/errors";
import { en } from "./en";
import {
  errorMessage,
  kindLabel,
  locale,
  localeStorageKey,
  readStoredLocale,
  setLocale,
  t,
  tp,
} from "./index";
import { swedishParts } from "./testing";

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

/** A fresh copy of the i18n module, as a page load would see it with the current storage. */
async function freshI18n() {
  vi.resetModules();
  return import("./index");
}

describe("locale", () => {
  it("starts in Swedish when nothing is stored", async () => {
    document.documentElement.lang = "";
    const fresh = await freshI18n();
    expect(fresh.locale()).toBe("sv");
    expect(document.documentElement.lang).toBe("sv");
  });

  it("starts in the stored language", async () => {
    localStorage.setItem(localeStorageKey, "en");
    const fresh = await freshI18n();
    expect(fresh.locale()).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    await fresh.localeReady;
    expect(fresh.t("nav.home")).toBe("Home");
  });

  it("fetches English only when it is chosen, and switches once it has come", async () => {
    const fresh = await freshI18n();
    await fresh.localeReady;
    const switched = fresh.setLocale("en");
    expect(fresh.locale()).toBe("sv");
    expect(fresh.t("nav.home")).toBe("Hem");
    expect(localStorage.getItem(localeStorageKey)).toBeNull();
    await switched;
    expect(fresh.locale()).toBe("en");
    expect(fresh.t("nav.home")).toBe("Home");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem(localeStorageKey)).toBe("en");
  });

  it("keeps the later choice when a dictionary arrives after it", async () => {
    const fresh = await freshI18n();
    const english = fresh.setLocale("en");
    fresh.setLocale("sv");
    await english;
    expect(fresh.locale()).toBe("sv");
    expect(fresh.t("nav.home")).toBe("Hem");
    expect(localStorage.getItem(localeStorageKey)).toBe("sv");
  });

  it("ignores a stored value that is not a supported language", () => {
    localStorage.setItem(localeStorageKey, "de");
    expect(readStoredLocale()).toBe("sv");
  });

  it("switching to English changes rendered text and <html lang>, and is remembered", () => {
    render(() => (
      <>
        <h1>{t("notFound.title")}</h1>
        <p>{kindLabel("branch")}</p>
      </>
    ));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sidan finns inte");
    expect(screen.getByText("Arbetarekommun")).toBeTruthy();

    setLocale("en");

    expect(locale()).toBe("en");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Page not found");
    expect(screen.getByText("Municipal branch")).toBeTruthy();
    expect(screen.queryByText("Arbetarekommun")).toBeNull();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem(localeStorageKey)).toBe("en");
    expect(readStoredLocale()).toBe("en");

    setLocale("sv");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sidan finns inte");
    expect(document.documentElement.lang).toBe("sv");
    expect(localStorage.getItem(localeStorageKey)).toBe("sv");
  });
});

describe("t and tp", () => {
  it("fills in {name} parameters", () => {
    expect(t("org.search.in", { parent: "Göteborgs partidistrikt" })).toBe("i Göteborgs partidistrikt");
    setLocale("en");
    expect(t("org.search.in", { parent: "Göteborgs partidistrikt" })).toBe("in Göteborgs partidistrikt");
  });

  it("leaves a placeholder without a value as it is", () => {
    expect(t("org.search.in")).toBe("i {parent}");
    expect(t("org.search.in", { other: "x" })).toBe("i {parent}");
  });

  it("picks the singular or plural form and formats the number for the language", () => {
    expect(tp("count.branch", 1)).toBe("1 arbetarekommun");
    expect(tp("count.branch", 290)).toBe("290 arbetarekommuner");
    expect(tp("org.search.hits", 3, { query: "göte" })).toBe("3 träffar för ”göte”.");
    expect(tp("count.branch", 1290)).toMatch(/^1\s290 arbetarekommuner$/u);
    setLocale("en");
    expect(tp("count.branch", 1)).toBe("1 municipal branch");
    expect(tp("count.branch", 1290)).toBe("1,290 municipal branches");
    expect(tp("org.search.hits", 1, { query: "göte" })).toBe("1 result for “göte”.");
  });

  it("names every kind of group in both languages", () => {
    expect(
      ["national", "district", "branch", "association", "side"].map((k) => kindLabel(k as never)),
    ).toEqual(["Partistyrelsen", "Partidistrikt", "Arbetarekommun", "S-förening", "Sidoorganisation"]);
    setLocale("en");
    expect(
      ["national", "district", "branch", "association", "side"].map((k) => kindLabel(k as never)),
    ).toEqual([
      "National board",
      "Party district",
      "Municipal branch",
      "Local association",
      "Side organisation",
    ]);
  });
});

describe("API error messages", () => {
  it("turns an error code into the message for the current language", () => {
    expect(errorMessage("network")).toBe("Ingen kontakt med servern. Kontrollera din uppkoppling.");
    expect(errorMessage("not_found")).toBe(errorMessages.not_found.sv);
    setLocale("en");
    expect(errorMessage("network")).toBe("Cannot reach the server. Check your connection.");
    expect(errorMessage("not_found")).toBe(errorMessages.not_found.en);
  });

  it("falls back to the general message for an unknown code", () => {
    expect(errorMessage("no_such_code")).toBe(errorMessages.internal.sv);
    expect(errorMessage(undefined)).toBe(errorMessages.internal.sv);
  });
});

describe("Swedish in parts", () => {
  it("shows a feature's string once its part is imported, and the bare key before", async () => {
    const fresh = await freshI18n();
    expect(fresh.t("nav.home")).toBe("Hem");
    expect(fresh.t("meetings.title")).toBe("meetings.title");
    await import("../meetings/messages.sv");
    expect(fresh.t("meetings.title")).toBe("Möten");
  });
});

describe("dictionaries", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const swedishEntries = [...swedishParts.values()].flatMap((part) => Object.entries(part));
  const swedish = Object.fromEntries(swedishEntries) as Record<keyof typeof en, string>;

  it("come in the core and the features' parts: motions, meetings, consultations and more", () => {
    expect([...swedishParts.keys()]).toEqual(
      expect.arrayContaining(["i18n", "motions", "meetings", "consultations"]),
    );
  });

  it("have the same keys, none in two Swedish parts, none of them empty", () => {
    const owners = new Map<string, string[]>();
    for (const [folder, part] of swedishParts) {
      for (const key of Object.keys(part)) owners.set(key, [...(owners.get(key) ?? []), folder]);
    }
    expect([...owners].filter(([, folders]) => folders.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(swedish), ...Object.values(en)]) expect(value.trim()).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(swedish[key]) });
    }
  });
});
