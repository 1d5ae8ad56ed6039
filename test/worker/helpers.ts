import { env, exports } from "cloudflare:workers";
import type { ApiErrorBody } from "../../worker/shared/errors";

/** A request through the real Worker entry point, as a browser would send it. */
export function api(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, "http://samtal.test"), init));
}

export async function seed() {
  const res = await api("/api/dev/seed", { method: "POST" });
  if (!res.ok) throw new Error(`seed failed: ${res.status}`);
  return res.json();
}

/** Asserts the shape every error shares and returns it for further checks. */
export async function errorBody(res: Response): Promise<ApiErrorBody["error"]> {
  const type = res.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/json")) throw new Error(`error was not JSON: ${type}`);
  const body = (await res.json()) as ApiErrorBody;
  if (typeof body.error?.code !== "string" || typeof body.error.message !== "string") {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
  return body.error;
}

export { env };
