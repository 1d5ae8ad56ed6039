import { ApiError } from "../http/errors";
import { randomSecret } from "../http/secrets";
import { base64urlDecode, base64urlEncode } from "../shared/base64url";
import { roomTokenClaimsSchema } from "../shared/room-schemas";
import { type RoomTokenClaims, type RoomTokenResponse, roomTokenTtlSeconds } from "../shared/rooms";

/**
 * Room tokens: `v1.<base64url JSON claims>.<base64url HMAC-SHA256>`. Short-lived and
 * signed with ROOM_TOKEN_SECRET; the Worker verifies them before any Durable Object is
 * touched. Not a JWT on purpose: one algorithm, no header to negotiate.
 */

const encoder = new TextEncoder();

async function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    usage,
  ]);
}

export const minimumSecretLength = 32;

/**
 * The room token secret (`wrangler secret put ROOM_TOKEN_SECRET` when deploying; local runs
 * generate a fresh one at every start). Without one, rooms refuse to open.
 */
export function roomTokenSecret(env: Env): string | null {
  const secret = env.ROOM_TOKEN_SECRET;
  return secret && secret.length >= minimumSecretLength ? secret : null;
}

/**
 * A signed token for one connection to one document, valid `ttlSeconds` from now, with a
 * fresh random id (`jti`) that the upgrade spends: what every token endpoint answers. 503
 * when the deployment has no secret (rooms cannot open without one).
 */
export async function issueRoomToken(
  env: Env,
  claims: Omit<RoomTokenClaims, "exp" | "jti">,
  ttlSeconds = roomTokenTtlSeconds,
): Promise<RoomTokenResponse> {
  const secret = roomTokenSecret(env);
  if (!secret) throw new ApiError(503, "service_unavailable");
  const expiresAt = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await signRoomToken({ ...claims, exp: expiresAt, jti: randomSecret(16) }, secret);
  return { token, documentId: claims.doc, mode: claims.mode, expiresAt };
}

export async function signRoomToken(claims: RoomTokenClaims, secret: string): Promise<string> {
  const payload = base64urlEncode(encoder.encode(JSON.stringify(claims)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), encoder.encode(payload));
  return `v1.${payload}.${base64urlEncode(new Uint8Array(signature))}`;
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
  const signatureBytes = base64urlDecode(signature);
  if (!signatureBytes) return invalid;
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret, "verify"),
    signatureBytes,
    encoder.encode(payload),
  );
  if (!valid) return invalid;
  const payloadBytes = base64urlDecode(payload);
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
