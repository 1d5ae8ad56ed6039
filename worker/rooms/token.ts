import { roomTokenClaimsSchema } from "../shared/room-schemas";
import type { RoomTokenClaims } from "../shared/rooms";

/**
 * Room tokens: `v1.<base64url JSON claims>.<base64url HMAC-SHA256>`. Short-lived and
 * signed with ROOM_TOKEN_SECRET; the Worker verifies them before any Durable Object is
 * touched. Not a JWT on purpose: one algorithm, no header to negotiate.
 */

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    usage,
  ]);
}

export const minimumSecretLength = 32;

export async function signRoomToken(claims: RoomTokenClaims, secret: string): Promise<string> {
  const payload = base64url(encoder.encode(JSON.stringify(claims)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), encoder.encode(payload));
  return `v1.${payload}.${base64url(new Uint8Array(signature))}`;
}

export type TokenCheck =
  | { ok: true; claims: RoomTokenClaims }
  | { ok: false; reason: "token_invalid" | "token_expired" };

/** Checks signature, shape, expiry and that the token is for this document. */
export async function verifyRoomToken(
  token: string,
  secret: string,
  documentId: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<TokenCheck> {
  const invalid = { ok: false, reason: "token_invalid" } as const;
  if (token.length > 4096) return invalid;
  const [version, payload, signature, ...rest] = token.split(".");
  if (version !== "v1" || !payload || !signature || rest.length) return invalid;
  const signatureBytes = fromBase64url(signature);
  if (!signatureBytes) return invalid;
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret, "verify"),
    signatureBytes,
    encoder.encode(payload),
  );
  if (!valid) return invalid;
  const payloadBytes = fromBase64url(payload);
  if (!payloadBytes) return invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch {
    return invalid;
  }
  const claims = roomTokenClaimsSchema.safeParse(parsed);
  if (!claims.success || claims.data.doc !== documentId) return invalid;
  if (claims.data.exp <= nowSeconds) return { ok: false, reason: "token_expired" };
  return { ok: true, claims: claims.data };
}
