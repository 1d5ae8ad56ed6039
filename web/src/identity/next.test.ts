import { afterEach, describe, expect, it } from "vitest";
import { loginHref, nextStorageKey, rememberNextPath, takeNextPath } from "./next";

afterEach(() => localStorage.clear());

describe("remembering where to go after log-in", () => {
  it("gives the remembered path once, then her own page", () => {
    rememberNextPath("/documents/scratch:demo", 1000);
    expect(takeNextPath(2000)).toBe("/documents/scratch:demo");
    expect(takeNextPath(3000)).toBe("/me");
  });

  it("forgets an unsafe or stale path", () => {
    rememberNextPath("//evil.example", 1000);
    expect(localStorage.getItem(nextStorageKey)).toBeNull();
    expect(takeNextPath(1000)).toBe("/me");
    rememberNextPath("/organisation", 0);
    expect(takeNextPath(31 * 60 * 1000)).toBe("/me");
    localStorage.setItem(nextStorageKey, "{not json");
    expect(takeNextPath()).toBe("/me");
  });

  it("links to the log-in page with the page worth coming back to", () => {
    expect(loginHref("/documents/scratch:demo")).toBe("/login?next=%2Fdocuments%2Fscratch%3Ademo");
    expect(loginHref("/")).toBe("/login");
    expect(loginHref("/me")).toBe("/login");
    expect(loginHref("/login")).toBe("/login");
    expect(loginHref("/dev/outbox")).toBe("/login");
    expect(loginHref()).toBe("/login");
  });
});
