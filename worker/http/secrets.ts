import { base64urlEncode } from "../shared/base64url";

const encoder = new TextEncoder();

/** A random secret, base64url: 32 bytes give 43 characters. */
export function randomSecret(bytes = 32): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256, hex. What the database keeps instead of a secret (session, log-in link). */
export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
