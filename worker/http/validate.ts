import type { Context, MiddlewareHandler } from "hono";
import { validator } from "hono/validator";
import type { z } from "zod";
import type { ValidationIssue } from "../shared/errors";
import type { AppEnv } from "./app";
import { ApiError } from "./errors";

/** Requests larger than this are refused before parsing. Features may pass a tighter cap. */
export const defaultJsonBodyLimit = 64 * 1024;

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, "validation_failed", toIssues(result.error));
  return result.data;
}

/**
 * The context as middleware after a validator sees it: `c.req.valid(target)` typed as what
 * `validate(target, schema)` or `validateJson(schema)` accepted (e.g. a permission's resolver).
 */
export type Validated<T extends "param" | "query" | "json", S extends z.ZodType> = Context<
  AppEnv,
  string,
  { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }
>;

/**
 * Validates route parameters or the query string with a shared schema. The web app's typed
 * client (`hc<AppType>`) sees the schema's input under this one target; hono's own
 * inference would ask for both targets, with every value as a string.
 */
export function validate<T extends "param" | "query", S extends z.ZodType>(target: T, schema: S) {
  return validator(target, (value) => parseWith(schema, value)) as unknown as MiddlewareHandler<
    AppEnv,
    string,
    { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }
  >;
}

/**
 * Validates a JSON body: the media type must be JSON, the body small enough and parseable,
 * and the result must match the schema. Each failure has its own error code. (Hono's own
 * json validator parses first and reports every parse failure as a generic 400.)
 */
export function validateJson<S extends z.ZodType>(
  schema: S,
  limitBytes = defaultJsonBodyLimit,
): MiddlewareHandler<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") throw new ApiError(415, "unsupported_media_type");
    if (Number(c.req.header("Content-Length") ?? 0) > limitBytes)
      throw new ApiError(413, "payload_too_large");
    const bytes = await c.req.arrayBuffer();
    if (bytes.byteLength > limitBytes) throw new ApiError(413, "payload_too_large");
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
    } catch {
      throw new ApiError(400, "malformed_json");
    }
    c.req.addValidatedData("json", parseWith(schema, parsed) as object);
    await next();
  };
}
