import { afterEach, describe, expect, it, vi } from "vitest";
import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import { apiError, fakeApi } from "../api/testing";
import { RoomTokenError } from "./RoomConnection";
import { fetchRoomToken } from "./roomToken";

afterEach(() => vi.unstubAllGlobals());

const request = { documentId: "scratch:demo", name: "Anna", mode: "write" } as const;
const token = (mode: "read" | "write"): RoomTokenResponse => ({
  token: `token-${mode}`,
  documentId: "scratch:demo",
  mode,
  expiresAt: 0,
});

/** What fetchRoomToken was rejected with. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("a token was given"),
    (error: unknown) => error,
  );

describe("fetchRoomToken", () => {
  it("takes the session's token when there is one, and asks nothing else", async () => {
    const api = fakeApi({ "POST /api/rooms/:documentId/token": () => token("read") });
    expect(await fetchRoomToken(request)).toEqual(token("read"));
    expect(api.requests).toEqual(["POST /api/rooms/scratch%3Ademo/token"]);
  });

  it("without a session, asks the development endpoint with the name and mode", async () => {
    const api = fakeApi({
      "POST /api/rooms/:documentId/token": () => apiError(401, "not_logged_in"),
      "POST /api/dev/room-token": () => token("write"),
    });
    expect(await fetchRoomToken(request)).toEqual(token("write"));
    expect(api.callsTo("POST /api/dev/room-token").map((call) => call.json)).toEqual([request]);
  });

  it("stops for a refusal that asking again would meet again", async () => {
    fakeApi({ "POST /api/rooms/:documentId/token": () => apiError(403, "forbidden") });
    expect(await refusal(fetchRoomToken(request))).toMatchObject({ kind: "refused", reason: "forbidden" });

    // A deployed Worker has no development endpoint: log in.
    fakeApi({ "POST /api/rooms/:documentId/token": () => apiError(401, "not_logged_in") });
    expect(await refusal(fetchRoomToken(request))).toMatchObject({
      kind: "refused",
      reason: "login_required",
    });

    fakeApi({
      "POST /api/rooms/:documentId/token": () => apiError(401, "not_logged_in"),
      "POST /api/dev/room-token": () => apiError(400, "validation_failed"),
    });
    expect(await refusal(fetchRoomToken(request))).toMatchObject({
      kind: "refused",
      reason: "token_invalid",
    });
  });

  it("tells a lost connection from a failure worth retrying", async () => {
    fakeApi({
      "POST /api/rooms/:documentId/token": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const offline = await refusal(fetchRoomToken(request));
    expect(offline).toBeInstanceOf(RoomTokenError);
    expect(offline).toMatchObject({ kind: "unreachable" });

    fakeApi({ "POST /api/rooms/:documentId/token": () => apiError(503, "service_unavailable") });
    expect(await refusal(fetchRoomToken(request))).toMatchObject({ kind: "failed" });
  });
});
