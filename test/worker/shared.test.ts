import { describe, expect, it } from "vitest";
import { base64urlDecode, base64urlEncode } from "../../worker/shared/base64url";
import { safeNextPath } from "../../worker/shared/paths";

/** The helpers the Worker and the web app share: one implementation each, tested once. */

describe("base64url", () => {
  it("round-trips every byte value and length without padding", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let length = 0; length <= 34; length++) {
      const bytes = all.slice(length * 7, length * 7 + length);
      const text = base64urlEncode(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(base64urlDecode(text)).toEqual(bytes);
    }
    expect(base64urlEncode(Uint8Array.of(0xfb, 0xff))).toBe("-_8");
  });

  it("refuses plain base64, padding, impossible lengths and other characters", () => {
    for (const bad of ["+/8", "-_8=", "abcde", "a b", "ä", "AAAA.", "A"]) {
      expect(base64urlDecode(bad), bad).toBeNull();
    }
  });
});

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/documents/scratch:demo")).toBe("/documents/scratch:demo");
    expect(safeNextPath("/organisation?x=1")).toBe("/organisation?x=1");
  });

  it("refuses other sites, the log-in itself, the API and anything that is not a path", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "documents",
      "",
      "/login",
      "/login/verify",
      "/login?next=/me",
      "/api",
      "/api/me",
      "/api?x",
      `/${"a".repeat(500)}`,
      42,
      undefined,
    ]) {
      expect(safeNextPath(bad), String(bad)).toBeUndefined();
    }
  });
});
