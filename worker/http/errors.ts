import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  type ApiErrorBody,
  type ErrorCode,
  errorCodeForStatus,
  errorMessages,
  negotiateLocale,
  type ValidationIssue,
} from "../shared/errors";
import type { AppEnv } from "./app";

/** Thrown by handlers and validators; `onError` turns it into the JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly issues?: ValidationIssue[],
  ) {
    super(code);
    this.name = "ApiError";
  }
}

export function errorResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: ErrorCode,
  issues?: ValidationIssue[],
) {
  const locale = c.get("locale") ?? negotiateLocale(c.req.header("Accept-Language"));
  const body: ApiErrorBody = { error: { code, message: errorMessages[code][locale] } };
  if (issues?.length) body.error.issues = issues;
  return c.json(body, status);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.issues);
  if (err instanceof HTTPException && err.status < 500) {
    return errorResponse(c, err.status, errorCodeForStatus(err.status));
  }
  console.error(
    JSON.stringify({
      event: "unhandled_error",
      method: c.req.method,
      route: c.req.routePath,
      ...failureDetail(err),
    }),
  );
  return errorResponse(c, 500, "internal");
};

/**
 * What may be logged of an unexpected error: its kind and where it happened, never the
 * message (it may quote user input, or a query's parameters such as an e-mail address).
 * The stack keeps only its frames: a message may run over several lines (drizzle's
 * "Failed query: …\nparams: …" does), and those lines are part of `stack` too.
 */
export function failureDetail(err: unknown): { error: string; stack?: string } {
  if (!(err instanceof Error)) return { error: typeof err };
  const frames = (err.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return { error: err.name, stack: frames.slice(0, 5).join("\n") };
}

export const onNotFound: NotFoundHandler<AppEnv> = (c) => errorResponse(c, 404, "not_found");
