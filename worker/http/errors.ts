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
  // Log where and what kind of failure, never the message: it may quote user input.
  console.error(
    JSON.stringify({
      event: "unhandled_error",
      method: c.req.method,
      route: c.req.routePath,
      error: err.name,
      stack: err.stack?.split("\n").slice(1, 6).join("\n"),
    }),
  );
  return errorResponse(c, 500, "internal");
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) => errorResponse(c, 404, "not_found");
