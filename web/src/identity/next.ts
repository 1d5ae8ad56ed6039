/**
 * Where to go after logging in. The log-in page remembers the page the person came from
 * (`/login?next=/documents/…`) in this browser, because the link in the mail may open in
 * another tab; the verify page takes it back once. Only paths on this site are accepted.
 */

import { safeNextPath } from "../../../worker/shared/paths";

export { safeNextPath };

export const nextStorageKey = "samtal.loginNext";
/** A remembered page older than a log-in link's lifetime (plus margin) is forgotten. */
const maxAgeMs = 30 * 60 * 1000;
export const defaultNextPath = "/me";

export function rememberNextPath(value: unknown, now = Date.now()): void {
  const path = safeNextPath(value);
  try {
    if (path) globalThis.localStorage?.setItem(nextStorageKey, JSON.stringify({ path, at: now }));
    else globalThis.localStorage?.removeItem(nextStorageKey);
  } catch {
    // Not remembered: the person lands on her own page instead.
  }
}

/** The remembered page (forgotten as it is read), or `/me`. */
export function takeNextPath(now = Date.now()): string {
  try {
    const stored = globalThis.localStorage?.getItem(nextStorageKey);
    globalThis.localStorage?.removeItem(nextStorageKey);
    if (!stored) return defaultNextPath;
    const { path, at } = JSON.parse(stored) as { path?: unknown; at?: unknown };
    if (typeof at !== "number" || now - at > maxAgeMs || at > now + 60_000) return defaultNextPath;
    return safeNextPath(path) ?? defaultNextPath;
  } catch {
    return defaultNextPath;
  }
}

/** The log-in page, remembering `from` when it is worth coming back to. */
export function loginHref(from?: string): string {
  const path = from && safeNextPath(from);
  if (!path || path === "/" || path === defaultNextPath || path.startsWith("/dev/")) return "/login";
  return `/login?${new URLSearchParams({ next: path })}`;
}
