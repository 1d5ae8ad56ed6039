import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { AppType } from "../../../worker/index";
import type { ApiErrorBody, ErrorCode } from "../../../worker/shared/errors";
import { errorCodeForStatus, isErrorCode } from "../../../worker/shared/errors";
import { locale } from "../i18n";

/**
 * The one way the web app talks to the Worker: Hono's RPC client typed by the Worker's own
 * routes (`AppType`, a type only: no Worker code reaches the bundle), so a changed route or
 * answer fails `tsc -p web`. Every request goes through `send` (language, network failure)
 * and every answer through `call` (error body, 204, unreadable JSON).
 *
 *     const sessions = await call(client.api.me.sessions.$get());
 */

/** A failed API call. `code` is the API's error code, or "network" when the server could not be reached. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The HTTP status; 0 when there was no response at all. */
    readonly status: number,
    message: string = code,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

/** The code to show for a failure: the API's, or "internal" for anything that is not an API error. */
export function errorCode(error: unknown): ErrorCode {
  return isApiRequestError(error) ? error.code : "internal";
}

/** Whether the failure is the API answering this HTTP status (e.g. 401: not logged in). */
export function failedWith(error: unknown, ...statuses: number[]): error is ApiRequestError {
  return isApiRequestError(error) && statuses.includes(error.status);
}

/**
 * Same origin, so the browser sends the session cookie and the Origin and Sec-Fetch-Site
 * headers the Worker's cross-site check reads. A request that never got an answer is
 * "network"; one the caller cancelled is the caller's decision and is passed on as it is.
 */
async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiRequestError("network", 0);
  }
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    const code = body.error?.code;
    if (isErrorCode(code)) return new ApiRequestError(code, response.status, body.error?.message ?? code);
  } catch {
    // Not our JSON error body (a proxy's HTML page, say): fall back to the status.
  }
  return new ApiRequestError(errorCodeForStatus(response.status), response.status);
}

/**
 * hc puts path parameters into the URL as they are (honojs/hono#3933). Encoding them here,
 * once, keeps an id holding "/" or "?" (from an address the person typed) on its own route.
 */
function encodingPathParams<T extends object>(node: T): T {
  return new Proxy(node, {
    get(target, key) {
      const next: unknown = Reflect.get(target, key);
      return typeof next === "function" ? encodingPathParams(next) : next;
    },
    apply(target, self, [args, ...rest]: unknown[]) {
      const param = (args as { param?: Record<string, string> } | undefined)?.param;
      const encoded = param
        ? {
            ...(args as object),
            param: Object.fromEntries(Object.entries(param).map(([k, v]) => [k, encodeURIComponent(v)])),
          }
        : args;
      return Reflect.apply(target as (...a: unknown[]) => unknown, self, [encoded, ...rest]);
    },
  });
}

/** `client.api.<path>.$<method>(input)`, as the Worker's routes are written. */
export const client = encodingPathParams(
  hc<AppType>("/", {
    fetch: send,
    headers: () => ({ Accept: "application/json", "Accept-Language": locale() }),
  }),
);

/** What a successful answer holds: the JSON of a JSON route, undefined for 204 and other bodies. */
export type Success<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends "json"
        ? T
        : undefined
      : never
    : never;

/** The answer to a client request, or an ApiRequestError from the Worker's error body (or its status). */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<Success<R>> {
  const response = await request;
  if (!response.ok) throw await errorFrom(response as unknown as Response);
  if (response.status === 204) return undefined as Success<R>;
  try {
    return (await response.json()) as Success<R>;
  } catch {
    throw new ApiRequestError("internal", response.status);
  }
}

/** As `call`, with null for the one status that means "there is none" (401 for nobody logged in). */
export async function callOrNull<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
  noneStatus: number,
): Promise<Success<R> | null> {
  try {
    return await call(request);
  } catch (error) {
    if (failedWith(error, noneStatus)) return null;
    throw error;
  }
}
