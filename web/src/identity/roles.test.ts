import { afterEach, describe, expect, it } from "vitest";
import { roles } from "../../../worker/shared/identity";
import { setLocale } from "../i18n";
import { roleLabel } from "./roles";

afterEach(() => {
  setLocale("sv");
  localStorage.clear();
});

describe("roleLabel", () => {
  it("names every role in Swedish", () => {
    expect(roles.map(roleLabel)).toEqual([
      "Medlem",
      "Ordförande",
      "Sekreterare",
      "Styrelseledamot",
      "Medlemsansvarig",
      "Ansvarig för verksamhetsprogram",
      "Facklig ledare",
      "Nationell administratör",
    ]);
  });

  it("names every role in English", () => {
    setLocale("en");
    expect(roles.map(roleLabel)).toEqual([
      "Member",
      "Chair",
      "Secretary",
      "Board member",
      "Member-welcome officer",
      "Activity-programme lead",
      "Union-political lead",
      "National administrator",
    ]);
  });
});
