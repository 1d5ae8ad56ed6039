import { cleanup } from "@solidjs/testing-library";
import { afterEach, beforeEach, vi } from "vitest";
import type { Me } from "../../../worker/shared/identity";
import { fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { resetSession } from "./session";

export const bengt: Me = {
  kind: "member",
  id: "demo-bengt",
  name: "Bengt Olsson",
  email: "bengt@samtal.example",
  groups: [
    { group: { kind: "branch", slug: "goteborg", name: "Göteborg" }, roles: ["chair", "member"], can: [] },
    {
      group: { kind: "association", slug: "s-foreningen-majorna", name: "S-föreningen Majorna" },
      roles: ["member"],
      can: [],
    },
  ],
};

/**
 * Each component test starts from nothing: no stored language, name or next path, nobody
 * logged in, a fake API with no routes (each answers 404), nothing rendered. Call once at the
 * top of a test file. A request a page still had on its way when its test ended meets that
 * empty fake too, never the network.
 */
export function freshStateForEachTest() {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    setLocale("sv");
    resetSession();
    fakeApi();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    fakeApi();
    setLocale("sv");
    localStorage.clear();
    sessionStorage.clear();
  });
}
