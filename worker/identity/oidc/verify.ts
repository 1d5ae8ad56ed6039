import {
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";

/**
 * The id_token check, on `jose` (panva/jose: WebCrypto only, no dependencies, no Node
 * built-ins, so it runs as is on workerd; by the author of the OpenID-certified
 * openid-client and oauth4webapi). jose does the JOSE work: parsing the compact JWS, the
 * algorithm allow-list (so never "none", never HS256 keyed with a public key), choosing the
 * key by kid/kty/use/alg/crv, RSA keys of 2048 bits at least, the signature, and the
 * registered claims iss, aud, exp, nbf and iat with a clock tolerance. Its
 * `createRemoteJWKSet` caches the provider's keys (provider.ts). Tree-shaken, it adds about
 * 10 KiB gzipped to the Worker (`wrangler deploy --dry-run`, jose 6.2.18).
 *
 * Why not oauth4webapi, which would also do discovery and the token request: it checks an
 * id_token only inside `processAuthorizationCodeResponse`, from a token-endpoint response,
 * with keys it fetches itself, so the checks below could not be driven with a test's own
 * keys; and it takes the accepted algorithm from the provider's metadata (RS256 when the
 * provider does not list one), where samtal accepts RS256 and ES256 whatever the provider
 * advertises. Discovery and the token request are a few plain fetches (provider.ts).
 *
 * What OpenID Connect adds to a JWT, and jose does not know, is checked here: `nonce`,
 * `azp` when there are several audiences, and a `sub`.
 */

const algorithms = ["RS256", "ES256"];
const clockToleranceSeconds = 60;
const maxIdTokenLength = 16 * 1024;
/**
 * The id_token comes straight from this Worker's own token request, so it is seconds old;
 * a maximum age also makes jose refuse an `iat` in the future.
 */
const maxIdTokenAgeSeconds = 10 * 60;

/** Why an id_token was refused; for the log and for tests, never shown with claim values. */
export type IdTokenProblem =
  | "malformed"
  | "algorithm"
  | "no_key"
  | "signature"
  | "issuer"
  | "audience"
  | "expired"
  | "not_yet_valid"
  | "nonce";

export class IdTokenError extends Error {
  constructor(readonly problem: IdTokenProblem) {
    super(`id_token refused: ${problem}`);
    this.name = "IdTokenError";
  }
}

/** The claims of a verified id_token; `sub` is always there. */
export type IdTokenClaims = JWTPayload & { sub: string };

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
}

const claimProblems: Partial<Record<string, IdTokenProblem>> = {
  iss: "issuer",
  aud: "audience",
  exp: "expired",
  iat: "not_yet_valid",
  nbf: "not_yet_valid",
};

/** jose's refusal as one of ours; null for what is not about the token (the provider unreachable). */
function problemOf(error: unknown): IdTokenProblem | null {
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return "algorithm";
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JWKSInvalid
  ) {
    return "no_key";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) return claimProblems[error.claim] ?? "malformed";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "malformed";
  // A key jose will not use: an RSA modulus under 2048 bits, or material WebCrypto refuses.
  if (error instanceof TypeError || error instanceof DOMException) return "no_key";
  return null;
}

/**
 * Verifies an id_token's signature with a key from `keys` (RS256 or ES256) and its claims:
 * `iss`, `aud` (and `azp` when several audiences), `exp`, `iat`/`nbf` with a small clock
 * tolerance, and `nonce`. Returns the claims. Errors from `keys` other than jose's (the
 * provider's key set unreachable) pass through unchanged.
 */
export async function verifyIdToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: IdTokenExpectations,
): Promise<IdTokenClaims> {
  if (token.length > maxIdTokenLength) throw new IdTokenError("malformed");
  try {
    // What is no JWT at all is refused before any key is looked up: jose would otherwise
    // find a key and report an unparseable payload as a bad signature.
    decodeProtectedHeader(token);
    decodeJwt(token);
  } catch {
    throw new IdTokenError("malformed");
  }
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, keys, {
      algorithms,
      issuer: expected.issuer,
      audience: expected.clientId,
      requiredClaims: ["exp", "sub"],
      maxTokenAge: maxIdTokenAgeSeconds,
      clockTolerance: clockToleranceSeconds,
    }));
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    throw new IdTokenError(problem);
  }
  if (claims.azp !== undefined && claims.azp !== expected.clientId) throw new IdTokenError("audience");
  if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp === undefined) {
    throw new IdTokenError("audience");
  }
  if (typeof claims.sub !== "string" || !claims.sub) throw new IdTokenError("malformed");
  if (typeof claims.nonce !== "string" || claims.nonce !== expected.nonce) throw new IdTokenError("nonce");
  return { ...claims, sub: claims.sub };
}
