// Reads a DF token's claims WITHOUT verifying it: verification is the server's job, the client only needs
// the timestamps to plan refreshes (docs/dreamfactory-protocol.md §3).
import { base64UrlToBytes, utf8Decode } from './encoding.ts';

export interface DfTokenClaims {
  /** NumericDate seconds; DF emits integers, the test server milliseconds-precise fractions. */
  exp: number;
  iat?: number;
  nbf?: number;
  forever: boolean;
  /** DF's user_id claim. */
  userId?: number;
  /** 2.0–2.6: the user id (number); ≥2.7: md5(email). */
  sub?: string | number;
  jti?: string;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A numeric claim: undefined when absent or not a number, NaN when it is a number no arithmetic can use (a
 * 400-digit number parses as Infinity).
 */
function numericClaim(value: unknown): number | undefined {
  // PHP encoders sometimes stringify numbers; accept plain decimal strings only.
  const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number') return undefined;
  return Number.isFinite(number) ? number : Number.NaN;
}

function finiteNumber(value: unknown): number | undefined {
  const number = numericClaim(value);
  return number === undefined || Number.isNaN(number) ? undefined : number;
}

/**
 * Times no DF server mints: a time claim that is not a usable number, or `exp` at or before `nbf` or `iat` (no
 * lifetime at all). Planning refreshes on them would mean refreshing at once, again and again.
 */
function impossibleTimes(exp: number, iat: number | undefined, nbf: number | undefined): boolean {
  if (Number.isNaN(exp) || Number.isNaN(iat ?? 0) || Number.isNaN(nbf ?? 0)) return true;
  return (nbf !== undefined && exp <= nbf) || (iat !== undefined && exp <= iat);
}

/** The payload object of a compact JWS, or null if it is not one. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  if (!JWT_SHAPE.test(token)) return null;
  const part = token.split('.')[1];
  if (part === undefined) return null;
  const bytes = base64UrlToBytes(part);
  if (bytes === null) return null;
  const text = utf8Decode(bytes);
  if (text === null) return null;
  try {
    const payload: unknown = JSON.parse(text);
    return isRecord(payload) ? payload : null;
  } catch {
    return null;
  }
}

/**
 * DF's claims, or null when the token is not a JWT with a numeric `exp` (every DF token has one) or its times are
 * impossible (see hasImpossibleTimes).
 */
export function readTokenClaims(token: string): DfTokenClaims | null {
  const payload = decodeJwtPayload(token);
  if (payload === null) return null;
  const exp = numericClaim(payload.exp);
  if (exp === undefined) return null;
  const iat = numericClaim(payload.iat);
  const nbf = numericClaim(payload.nbf);
  if (impossibleTimes(exp, iat, nbf)) return null;
  const claims: DfTokenClaims = {
    exp,
    // PHP's boolval: DF writes a JSON bool, but old encoders may write 1/"1".
    forever: payload.forever === true || payload.forever === 1 || payload.forever === '1',
  };
  if (iat !== undefined) claims.iat = iat;
  if (nbf !== undefined) claims.nbf = nbf;
  const userId = finiteNumber(payload.user_id);
  if (userId !== undefined) claims.userId = userId;
  if (typeof payload.sub === 'string' || typeof payload.sub === 'number') claims.sub = payload.sub;
  if (typeof payload.jti === 'string') claims.jti = payload.jti;
  return claims;
}

/**
 * A JWT whose `exp` is there but whose times are impossible: `exp`, `iat` or `nbf` not a usable number (e.g. 400
 * digits long), or no lifetime (`exp` at or before `nbf` or `iat`). readTokenClaims refuses such a token.
 */
export function hasImpossibleTimes(token: string): boolean {
  const payload = decodeJwtPayload(token);
  const exp = payload === null ? undefined : numericClaim(payload.exp);
  return payload !== null && exp !== undefined && impossibleTimes(exp, numericClaim(payload.iat), numericClaim(payload.nbf));
}

/** How the token reached us: a login answer, a refresh answer, or read back from storage (either). */
export type TokenSource = 'login' | 'refresh' | 'stored';

/**
 * When the server minted the token. DF sets `nbf` at every mint, but a non-forever refresh keeps the login's
 * `iat` (docs/dreamfactory-protocol.md §3), so iat stands in for a missing nbf only where it cannot be that old
 * one: a login answer, or a stored token (ordering and lifetime only, never the clock measure). After a
 * refresh: nbf or nothing.
 */
export function mintTime(claims: DfTokenClaims, source: TokenSource = 'stored'): number | undefined {
  return source === 'refresh' ? claims.nbf : (claims.nbf ?? claims.iat);
}

/**
 * DF 2.0–2.6 tokens carry the numeric user id in `sub`. Their era (jwt-auth 0.5) derives jti from sub and the
 * mint second, so a refresh inside the mint second blacklists the new token too
 * (docs/dreamfactory-protocol.md §8).
 */
export function hasLegacyClaims(claims: DfTokenClaims): boolean {
  return typeof claims.sub === 'number' || (typeof claims.sub === 'string' && /^\d+$/.test(claims.sub));
}

/** Identifies the user a token belongs to, so a token found in a shared store is adopted only for the same user. */
export function tokenOwner(claims: DfTokenClaims): string | undefined {
  if (claims.userId !== undefined) return `id:${claims.userId}`;
  if (claims.sub !== undefined) return `sub:${claims.sub}`;
  return undefined;
}
