import { env, exports } from "cloudflare:workers";
import type { ApiErrorBody } from "../../worker/shared/errors";
import type { GuestInvite } from "../../worker/shared/identity";

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

/** A JSON POST through the Worker, with a session cookie if given. */
export function postJson(path: string, body: unknown, cookie?: string): Promise<Response> {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** The `Cookie` header value for a cookie the response sets, e.g. "samtal_session". */
export function cookieFrom(res: Response, name: string): string {
  return new RegExp(`(__Host-${name}=[^;]+)`).exec(res.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
}

/** Logs in as a demo person (development "log in as") and returns the session cookie. */
export async function logInAs(personId: string): Promise<string> {
  const cookie = cookieFrom(await postJson("/api/dev/login-as", { personId }), "samtal_session");
  if (!cookie) throw new Error(`no session for ${personId}`);
  return cookie;
}

/** An invite made by the person logged in with `cookie`, with `token`, the secret in its link. */
export async function createInvite(
  cookie: string,
  documentId: string,
): Promise<GuestInvite & { token: string }> {
  const res = await postJson("/api/invites", { documentId }, cookie);
  if (res.status !== 201) throw new Error(`invite: HTTP ${res.status}`);
  const invite = (await res.json()) as GuestInvite;
  return { ...invite, token: /#token=([A-Za-z0-9_-]{43})$/.exec(invite.link ?? "")?.[1] ?? "" };
}

/** Follows an invite link as a guest named `name`: the answer, and her guest cookie if she got one. */
export async function acceptInvite(token: string, name: string) {
  const res = await postJson("/api/invites/accept", { token, name });
  return { res, cookie: cookieFrom(res, "samtal_guest") };
}
