// Bindings that wrangler.toml deliberately lacks, so `wrangler types` cannot see them.
declare namespace Cloudflare {
  interface Env {
    /** "on" only in local runs and tests: see worker/dev/switch.ts. */
    SAMTAL_DEV_MODE?: "on";
  }
}
