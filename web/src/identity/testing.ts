import { cleanup } from "@solidjs/testing-library";
import { afterEach, beforeEach, vi } from "vitest";
import type { Me } from "../../../worker/shared/identity";
import { setLocale } from "../i18n";
import { resetSession } from "./session";

/** One request the page made, as the fake API saw it. */
export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export type ApiHandler = (call: ApiCall) => Response | Promise<Response>;

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** The Worker's error shape, `{ error: { code, message } }`. */
export const errorResponse = (status: number, code: string) =>
  jsonResponse(status, { error: { code, message: code } });

/**
 * Replaces `fetch` with a fake API for component tests: every call is recorded, and
 * `handler` answers it (404 `not_found` for anything it returns nothing for).
 */
export function fakeApi(handler: (call: ApiCall) => Response | Promise<Response> | undefined) {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), "http://samtal.test");
      const call: ApiCall = {
        method: init?.method ?? "GET",
        path: `${url.pathname}${url.search}`,
        body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
        headers: { ...(init?.headers as Record<string, string> | undefined) },
      };
      calls.push(call);
      return (await handler(call)) ?? errorResponse(404, "not_found");
    }),
  );
  return calls;
}

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
 * logged in, no fake API, nothing rendered. Call once at the top of a test file.
 */
export function freshStateForEachTest() {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    setLocale("sv");
    resetSession();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    setLocale("sv");
    localStorage.clear();
    sessionStorage.clear();
  });
}
