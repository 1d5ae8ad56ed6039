import type { ExtractSchema } from "hono/types";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { vi } from "vitest";
import type { AppType } from "../../../worker/index";
import type { ErrorCode } from "../../../worker/shared/errors";

/**
 * A fake Worker for component tests, answering the typed client by route. Routes are named
 * as the Worker writes them ("DELETE /api/me/sessions/:id") and checked against `AppType`,
 * as are the answers and the requests handlers read, so a test breaks when the route does.
 * It replaces `fetch` only: the real client (headers, error bodies, 204) runs on top.
 */

type Schema = ExtractSchema<AppType>;
type Verb<M> = M extends `$${infer V}` ? Uppercase<V> : never;

/** Every route of the Worker, as "METHOD /path/:param". */
export type Route = {
  [P in keyof Schema & string]: `${Verb<keyof Schema[P] & string>} ${P}`;
}[keyof Schema & string];

type Endpoint<R extends Route> = R extends `${infer V} ${infer P extends keyof Schema & string}`
  ? Schema[P][`$${Lowercase<V>}` & keyof Schema[P]]
  : never;

/** What the route answers on success: its JSON, or nothing (204). */
export type Answer<R extends Route> =
  Endpoint<R> extends infer E
    ? E extends { output: infer O; outputFormat: infer F; status: infer S }
      ? [S & SuccessStatusCode] extends [never]
        ? never
        : F extends "json"
          ? O
          : undefined
      : never
    : never;

/** One request the page made to a route, with its typed input (`param`, `query`, `json`). */
export type Call<R extends Route> = Endpoint<R>["input"] & {
  route: R;
  headers: Record<string, string>;
  /** The raw body, for routes that take one that is not JSON (a CSV file). */
  body: string | undefined;
};

const failureMark = Symbol("api failure");

/** The Worker's error answer, `{ error: { code, message } }` with this status. */
export interface ApiFailure {
  [failureMark]: true;
  status: number;
  code: ErrorCode;
}

export function apiError(status: number, code: ErrorCode): ApiFailure {
  return { [failureMark]: true, status, code };
}

export type Handler<R extends Route> = (
  call: Call<R>,
) => Answer<R> | ApiFailure | Promise<Answer<R> | ApiFailure>;

export type Handlers = { [R in Route]?: Handler<R> };

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The path parameters if `path` is on `pattern` (":name" takes one segment), else undefined. */
function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const param: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] ?? "";
    if (part.startsWith(":") && segment) param[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return undefined;
  }
  return param;
}

function callOf<R extends Route>(route: R, request: Recorded): Call<R> | undefined {
  const [method, pattern = ""] = route.split(" ");
  const param = request.method === method ? matchPath(pattern, request.path) : undefined;
  if (!param) return undefined;
  const isJson = request.headers["content-type"] === "application/json";
  return {
    route,
    param,
    query: request.query,
    json: isJson && request.body !== undefined ? JSON.parse(request.body) : undefined,
    headers: request.headers,
    body: isJson ? undefined : request.body,
  } as unknown as Call<R>;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function respond(answer: unknown): Response {
  if (answer === undefined) return new Response(null, { status: 204 });
  if (typeof answer === "object" && answer !== null && failureMark in answer) {
    const { status, code } = answer as ApiFailure;
    return json(status, { error: { code, message: code } });
  }
  return json(200, answer);
}

async function bodyText(body: BodyInit | null | undefined): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  return typeof body === "string" ? body : await new Response(body).text();
}

/**
 * Replaces `fetch` with a fake Worker for this test: each request goes to the handler of the
 * route it is on (routes with fewer parameters first); a route without one answers 404
 * `not_found`. A handler answers with the route's JSON, `undefined` for 204, or `apiError()`;
 * one that throws makes the request fail as a lost connection does.
 */
export function fakeApi(handlers: Handlers = {}) {
  const requests: Recorded[] = [];
  const routes = (Object.keys(handlers) as Route[]).sort((a, b) => a.split(":").length - b.split(":").length);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), "http://samtal.test");
      const query: Record<string, string | string[]> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const values = url.searchParams.getAll(key);
        query[key] = values.length === 1 ? (values[0] ?? "") : values;
      }
      const request: Recorded = {
        method: init?.method ?? "GET",
        path: url.pathname,
        query,
        // Lower case, as the Fetch standard has them (happy-dom keeps the case they were set in).
        headers: Object.fromEntries([...new Headers(init?.headers)].map(([k, v]) => [k.toLowerCase(), v])),
        body: await bodyText(init?.body),
      };
      requests.push(request);
      for (const route of routes) {
        const call = callOf(route, request);
        if (call) return respond(await (handlers[route] as Handler<Route>)(call));
      }
      return respond(apiError(404, "not_found"));
    }),
  );
  return {
    /** Every request so far, in order, as "METHOD /path". */
    get requests(): string[] {
      return requests.map((r) => `${r.method} ${r.path}`);
    },
    /** The requests made to `route`, answered by a handler or not. */
    callsTo<R extends Route>(route: R): Call<R>[] {
      return requests.flatMap((request) => callOf(route, request) ?? []);
    },
  };
}
