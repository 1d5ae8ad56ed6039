// Bindings that wrangler.toml deliberately lacks, so `wrangler types` cannot see them.
interface SamtalLocalBindings {
  /** "on" only in local runs and tests: see worker/dev/switch.ts. */
  SAMTAL_DEV_MODE?: "on";
  /** Signs room tokens: a secret in deployments, generated at every start locally. */
  ROOM_TOKEN_SECRET?: string;
  /**
   * Keys rate-limit counters (HMAC, worker/http/rate-limit.ts): a secret in deployments,
   * generated at every start locally. Without one, log-in answers 503.
   */
  RATE_LIMIT_SECRET?: string;
  /** "http" to send mail through MAIL_HTTP_URL (worker/mail/mailer.ts). */
  MAIL_TRANSPORT?: string;
  MAIL_HTTP_URL?: string;
  MAIL_HTTP_TOKEN?: string;
  MAIL_FROM?: string;
  /**
   * Where the web app is served (https://samtal.example), for links in mail sent without a
   * request to take them from: the meetings' day-before reminders. Without it none are sent.
   */
  PUBLIC_ORIGIN?: string;
  /**
   * OpenID Connect log-in (worker/identity/oidc/); all of issuer, client id and secret, or
   * none. The issuer is https (http only on a loopback host, for tests).
   */
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  /** A secret (`wrangler secret put OIDC_CLIENT_SECRET`). */
  OIDC_CLIENT_SECRET?: string;
  /** The claim holding the e-mail address that links to a member; "email" (the default) needs email_verified. */
  OIDC_EMAIL_CLAIM?: string;
  /** The provider's name on the log-in button, e.g. "Freja eID". */
  OIDC_NAME?: string;
}

interface Env extends SamtalLocalBindings {}

declare namespace Cloudflare {
  interface Env extends SamtalLocalBindings {}
}
