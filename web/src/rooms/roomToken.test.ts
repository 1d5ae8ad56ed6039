import { afterEach, describe, expect, it, vi } from "vitest";
import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import { apiError, fakeApi } from "../api/testing";
import { RoomTokenError } from "./RoomConnection";
import { fetchRoomToken } from "./roomToken";

afterEach(() => vi.unstubAllGlobals());

const token: RoomTokenResponse = {
  token: "token-read",
  documentId: "scratch:demo",
  mode: "read",
  expiresAt: 0,
};

/** What fetchRoomToken was rejected with. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("a token was given"),
    (error: unknown) => error,
  );

describe("fetchRoomToken", () => {
  it("takes the session's token, and asks nothing else", async () => {
    const api = fakeApi({ "POST /api/rooms/:documentId/token": () => token });
    expect(await fetchRoomToken("scratch:demo")).toEqual(token);
    expect(api.requests).toEqual(["POST /api/rooms/scratch%3Ademo/token"]);
  });

  it("says log in when nobody is, with no other way to a token", async () => {
    const api = fakeApi({ "POST /api/rooms/:documentId/token": () => apiError(401, "not_logged_in") });
    expect(await refusal(fetchRoomToken("scratch:demo"))).toMatchObject({
      kind: "refused",
      reason: "login_required",
    });
    expect(api.requests).toEqual(["POST /api/rooms/scratch%3Ademo/token"]);
  });

  it("stops for a refusal that asking again would meet again", async () => {
    fakeApi({ "POST /api/rooms/:documentId/token": () => apiError(403, "forbidden") });
    expect(await refusal(fetchRoomToken("scratch:demo"))).toMatchObject({
      kind: "refused",
      reason: "forbidden",
    });
  });

  it("tells a lost connection from a failure worth retrying", async () => {
    fakeApi({
      "POST /api/rooms/:documentId/token": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const offline = await refusal(fetchRoomToken("scratch:demo"));
    expect(offline).toBeInstanceOf(RoomTokenError);
    expect(offline).toMatchObject({ kind: "unreachable" });

    fakeApi({ "POST /api/rooms/:documentId/token": () => apiError(503, "service_unavailable") });
    expect(await refusal(fetchRoomToken("scratch:demo"))).toMatchObject({ kind: "failed" });
  });
});
