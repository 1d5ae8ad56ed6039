import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../i18n";
import { bengt } from "../identity/testing";
import { ApiRequestError, call, callOrNull, client, errorCode, failedWith } from "./client";
import { apiError, fakeApi } from "./testing";

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale("sv");
});

/** What the call was rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call succeeded"),
    (error: unknown) => error,
  );
}

describe("the API client", () => {
  it("asks in the UI language, as JSON, and reads the answer", async () => {
    const api = fakeApi({ "GET /api/me": () => bengt });
    setLocale("en");
    expect(await call(client.api.me.$get())).toEqual(bengt);
    const [request] = api.callsTo("GET /api/me");
    expect(request?.headers["accept-language"]).toBe("en");
    expect(request?.headers.accept).toBe("application/json");
  });

  it("sends JSON bodies and path parameters, encoded so they stay on their route", async () => {
    const api = fakeApi({
      "POST /api/invites": ({ json }) => ({
        id: "new-invite-0123456",
        documentId: json.documentId,
        createdAt: 0,
        expiresAt: 0,
        revokedAt: null,
        guests: 0,
      }),
      "DELETE /api/invites/:id": () => undefined,
    });
    await call(client.api.invites.$post({ json: { documentId: "scratch:here" } }));
    expect(api.callsTo("POST /api/invites")[0]?.headers["content-type"]).toBe("application/json");
    await call(client.api.invites[":id"].$delete({ param: { id: "a/b?c" } }));
    expect(api.requests).toEqual(["POST /api/invites", "DELETE /api/invites/a%2Fb%3Fc"]);
    expect(api.callsTo("DELETE /api/invites/:id")[0]?.param).toEqual({ id: "a/b?c" });
  });

  it("resolves 204 to undefined", async () => {
    fakeApi({ "POST /api/auth/logout": () => undefined });
    expect(await call(client.api.auth.logout.$post())).toBeUndefined();
  });

  it("turns the Worker's error body into an ApiRequestError with its code and message", async () => {
    fakeApi({ "POST /api/auth/verify": () => apiError(400, "login_link_used") });
    const error = await rejection(call(client.api.auth.verify.$post({ json: { token: "x" } })));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: "login_link_used", status: 400, message: "login_link_used" });
  });

  it("falls back to the status for a body that is not the Worker's, and calls unreadable JSON internal", async () => {
    // What no route of the Worker answers, so not something fakeApi can say: a proxy's page, cut-off JSON.
    const answer = (body: string, status: number) =>
      vi.stubGlobal(
        "fetch",
        vi.fn(async () => new Response(body, { status })),
      );
    answer("<h1>Bad gateway</h1>", 503);
    expect(await rejection(call(client.api.me.sessions.$get()))).toMatchObject({
      code: "service_unavailable",
      status: 503,
    });
    answer("{", 200);
    expect(await rejection(call(client.api.me.sessions.$get()))).toMatchObject({
      code: "internal",
      status: 200,
    });
  });

  it("calls no answer at all network, but passes a cancelled request's own error on", async () => {
    fakeApi({
      "GET /api/me/sessions": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const offline = await rejection(call(client.api.me.sessions.$get()));
    expect(offline).toMatchObject({ code: "network", status: 0 });
    expect(errorCode(offline)).toBe("network");

    const cancelled = new AbortController();
    cancelled.abort();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))),
    );
    const aborted = await rejection(
      call(client.api.org.search.$get({ query: { q: "göte" } }, { init: { signal: cancelled.signal } })),
    );
    expect(aborted).not.toBeInstanceOf(ApiRequestError);
    expect(errorCode(aborted)).toBe("internal");
  });

  it("answers null for the status that means there is none, and fails on others", async () => {
    const api = fakeApi({ "GET /api/me": () => apiError(401, "not_logged_in") });
    expect(await callOrNull(client.api.me.$get(), 401)).toBeNull();
    const error = await rejection(callOrNull(client.api.me.$get(), 404));
    expect(failedWith(error, 401)).toBe(true);
    expect(failedWith(error, 403, 404)).toBe(false);
    expect(api.requests).toEqual(["GET /api/me", "GET /api/me"]);
  });

  it("answers 404 not_found for a route the fake has no handler for", async () => {
    fakeApi();
    expect(await rejection(call(client.api.guest.$get()))).toMatchObject({ code: "not_found", status: 404 });
  });
});
