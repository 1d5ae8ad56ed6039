/**
 * Where a person may be sent after logging in (`?next=…`): a path on this site, never
 * another site, the log-in itself (a loop) or the API (a JSON page is no place to land).
 * The Worker (OpenID Connect callback) and the web app (log-in and verify pages) use this
 * one rule.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 500) return undefined;
  // "/x" only: not "//host", "/\host" (a browser reads both as another site), nor a scheme.
  if (!/^\/(?![/\\])/.test(value)) return undefined;
  // No control characters or whitespace (e.g. a tab in "/\t/evil.example" is dropped by URL parsers).
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f) return undefined;
  }
  if (value === "/login" || value.startsWith("/login/") || value.startsWith("/login?")) return undefined;
  if (value === "/api" || value.startsWith("/api/") || value.startsWith("/api?")) return undefined;
  return value;
}
