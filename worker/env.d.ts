// Bindings that wrangler.toml deliberately lacks, so `wrangler types` cannot see them.
interface SamtalLocalBindings {
  /** "on" only in local runs and tests: see worker/dev/switch.ts. */
  SAMTAL_DEV_MODE?: "on";
  /** Signs room tokens: a secret in deployments, generated at every start locally. */
  ROOM_TOKEN_SECRET?: string;
  /** "http" to send mail through MAIL_HTTP_URL (worker/mail/mailer.ts). */
  MAIL_TRANSPORT?: string;
  MAIL_HTTP_URL?: string;
  MAIL_HTTP_TOKEN?: string;
  MAIL_FROM?: string;
}

interface Env extends SamtalLocalBindings {}

declare namespace Cloudflare {
  interface Env extends SamtalLocalBindings {}
}
