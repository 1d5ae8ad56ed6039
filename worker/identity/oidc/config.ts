/** The OpenID Connect settings, read from the Worker's vars and secrets (see worker/env.d.ts). */

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  name: string;
}

function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}

/** https, or http on this machine (tests, local providers). */
export function isAllowedEndpoint(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const url = URL.parse(value);
  if (!url || url.username || url.password || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url));
}

const warned = new Set<string>();
function warnOnce(event: string, detail: Record<string, unknown>) {
  if (warned.has(event)) return;
  warned.add(event);
  console.warn(JSON.stringify({ event, ...detail }));
}

/** The configuration, or null when OpenID Connect is not (or not correctly) configured. */
export function readOidcConfig(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    warnOnce("oidc_misconfigured", {
      reason: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together",
    });
    return null;
  }
  if (!isAllowedEndpoint(issuer) || URL.parse(issuer)?.search) {
    warnOnce("oidc_misconfigured", { reason: "OIDC_ISSUER must be an https URL without query" });
    return null;
  }
  return {
    issuer,
    clientId,
    clientSecret,
    emailClaim: env.OIDC_EMAIL_CLAIM?.trim() || "email",
    name: env.OIDC_NAME?.trim() || "OpenID Connect",
  };
}
