import { describe, expect, it } from "vitest";
import { backoffDelay, closeReason, decideAfterClose } from "./policy";

describe("backoffDelay", () => {
  it("doubles from 250 ms to a 10 s ceiling, waiting between half and all of it", () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 10, 50].map((attempt) => backoffDelay(attempt, () => 1));
    expect(ceilings).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000]);
    const floors = [0, 1, 6].map((attempt) => backoffDelay(attempt, () => 0));
    expect(floors).toEqual([125, 250, 5000]);
  });

  it("spreads clients out with jitter", () => {
    const values = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(values.size).toBeGreaterThan(10);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(2000);
      expect(value).toBeLessThanOrEqual(4000);
    }
  });
});

describe("closeReason", () => {
  it("prefers the reason the room announced, then the code, then the reason text", () => {
    expect(closeReason({ code: 1006, announced: "rate_limited" })).toBe("rate_limited");
    expect(closeReason({ code: 4403 })).toBe("read_only");
    expect(closeReason({ code: 1009 })).toBe("message_too_big");
    expect(closeReason({ code: 4999, reason: "access_revoked" })).toBe("access_revoked");
    expect(closeReason({ code: 1006, reason: "" })).toBeUndefined();
    expect(closeReason({ code: 4999, reason: "toString" })).toBeUndefined();
  });
});

describe("decideAfterClose", () => {
  const noJitter = () => 1;

  it.each([
    ["read_only", 4403],
    ["document_too_large", 4413],
    ["message_too_big", 1009],
    ["malformed_message", 4400],
    ["token_invalid", 4401],
    ["access_revoked", 4410],
    ["normal", 1000],
  ] as const)("stops on %s (%i): the room would refuse again", (reason, code) => {
    expect(decideAfterClose({ code, reason }, 0)).toEqual({ action: "stop", reason });
    expect(decideAfterClose({ code }, 3)).toEqual({ action: "stop", reason });
  });

  it("reconnects at once on token_expired, but backs off if it happens again before a sync", () => {
    expect(decideAfterClose({ code: 4402 }, 0, noJitter)).toEqual({
      action: "retry",
      reason: "token_expired",
      delayMs: 0,
    });
    expect(decideAfterClose({ code: 4402 }, 1, noJitter)).toEqual({
      action: "retry",
      reason: "token_expired",
      delayMs: 500,
    });
  });

  it("backs off on reasons that may pass, and on closes without a reason", () => {
    expect(decideAfterClose({ code: 4429, announced: "rate_limited" }, 2, noJitter)).toEqual({
      action: "retry",
      reason: "rate_limited",
      delayMs: 1000,
    });
    expect(decideAfterClose({ code: 1011 }, 0, noJitter)).toMatchObject({
      action: "retry",
      reason: "internal_error",
    });
    expect(decideAfterClose({ code: 1001 }, 0, noJitter)).toMatchObject({ action: "retry" });
    expect(decideAfterClose({ code: 1006 }, 0, noJitter)).toEqual({
      action: "retry",
      reason: undefined,
      delayMs: 250,
    });
    expect(decideAfterClose({ code: 4999 }, 9, noJitter)).toEqual({
      action: "retry",
      reason: undefined,
      delayMs: 10_000,
    });
  });

  it("trusts the announced reason over a bare code", () => {
    // The closing message arrived but the close frame was lost: the browser reports 1006.
    expect(decideAfterClose({ code: 1006, announced: "read_only" }, 0)).toEqual({
      action: "stop",
      reason: "read_only",
    });
  });
});
