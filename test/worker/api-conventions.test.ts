import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AppEnv } from "../../worker/http/app";
import { onError, onNotFound } from "../../worker/http/errors";
import { localeMiddleware } from "../../worker/http/locale";
import { validateJson } from "../../worker/http/validate";
import { api, errorBody } from "./helpers";

describe("errors from the real Worker", () => {
  it("answers unknown API routes with a JSON 404", async () => {
    const res = await api("/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(await errorBody(res)).toMatchObject({
      code: "not_found",
      message: "Det du letar efter finns inte.",
    });
  });

  it("speaks English when the browser asks for it", async () => {
    const res = await api("/api/nope", { headers: { "Accept-Language": "en-GB,en;q=0.9,sv;q=0.5" } });
    expect((await errorBody(res)).message).toBe("What you are looking for does not exist.");
  });

  it("answers a method the route does not have with a JSON 404, not a 500", async () => {
    const res = await api("/api/org", { method: "DELETE" });
    expect(res.status).toBe(404);
    expect((await errorBody(res)).code).toBe("not_found");
  });

  it("sets security headers on API responses", async () => {
    const res = await api("/api/health");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });
});

// JSON bodies: the shared validator and error handler, on a small app built from the same
// pieces the Worker uses, so each failure mode can be driven directly.
const bodySchema = z.object({ title: z.string().min(1).max(20), count: z.number().int().min(0).max(10) });
const app = new Hono<AppEnv>()
  .use(localeMiddleware)
  .post("/things", validateJson(bodySchema, 256), (c) => c.json({ ok: true, got: c.req.valid("json") }))
  .get("/boom", () => {
    throw new Error("secret personal data in a message");
  });
app.onError(onError);
app.notFound(onNotFound);

const post = (body: string, type = "application/json") =>
  app.request("/things", { method: "POST", body, headers: { "Content-Type": type } });

describe("JSON body validation", () => {
  it("accepts a valid body", async () => {
    const res = await post(JSON.stringify({ title: "Motion", count: 2 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, got: { title: "Motion", count: 2 } });
  });

  it("refuses malformed JSON with malformed_json", async () => {
    const res = await post('{"title": "Motion",');
    expect(res.status).toBe(400);
    expect((await errorBody(res)).code).toBe("malformed_json");
  });

  it("refuses wrong types and out-of-range values, naming the fields", async () => {
    const res = await post(JSON.stringify({ title: 42, count: 11 }));
    expect(res.status).toBe(400);
    const error = await errorBody(res);
    expect(error.code).toBe("validation_failed");
    expect(error.issues?.map((i) => i.path).sort()).toEqual(["count", "title"]);
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await post("title=Motion", "application/x-www-form-urlencoded");
    expect(res.status).toBe(415);
    expect((await errorBody(res)).code).toBe("unsupported_media_type");
  });

  it("refuses an oversized body with 413", async () => {
    const res = await post(JSON.stringify({ title: "x".repeat(300), count: 1 }));
    expect(res.status).toBe(413);
    expect((await errorBody(res)).code).toBe("payload_too_large");
  });

  it("turns an unexpected exception into a 500 with no stack trace or message", async () => {
    const res = await app.request("/boom");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(text).not.toContain("at ");
    expect(JSON.parse(text).error.code).toBe("internal");
  });
});
