// Per-request and refresh-mode token checks in jwt-auth's order: structure/signature -> claims & timestamps -> blacklist -> user.
import type { UserRecord } from './fixtures.ts';
import { decodeJwt } from './jwt-signing.ts';
import type { JwtPayload } from './jwt-signing.ts';
import type { ServerState } from './state.ts';
import { md5 } from './token-claims.ts';

export type TokenCheck =
  | { status: 'valid'; payload: JwtPayload; user: UserRecord }
  | { status: 'expired'; reason: string }
  | { status: 'blacklisted'; reason: string }
  | { status: 'invalid'; reason: string };

const REQUIRED_CLAIMS = ['iat', 'exp', 'sub', 'user_id', 'forever'] as const;
const MISSING_CLAIMS = 'JWT payload does not contain the required claims';
export const WINDOW_PASSED = 'Token has expired and can no longer be refreshed';

function numericClaim(payload: JwtPayload, name: string): number | null {
  const value = payload[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function claimsProblem(state: ServerState, payload: JwtPayload): string | null {
  if (state.era.legacyClaims) {
    // jwt-auth 0.5 compared only the number of claims (array_diff_key bug).
    if (Object.keys(payload).length < REQUIRED_CLAIMS.length) return MISSING_CLAIMS;
  } else if (REQUIRED_CLAIMS.some((claim) => !(claim in payload))) {
    return MISSING_CLAIMS;
  }
  for (const claim of ['iat', 'exp', 'nbf'] as const) {
    if (claim in payload && numericClaim(payload, claim) === null) return `Invalid value provided for claim [${claim}]`;
  }
  return null;
}

function blacklisted(state: ServerState, payload: JwtPayload): boolean {
  const jti = payload.jti;
  return typeof jti === 'string' && state.tokens.isBlacklisted(jti, state.clock.now());
}

export function findTokenUser(state: ServerState, payload: JwtPayload): UserRecord | null {
  const userId = payload.user_id;
  const user = state.users.find((candidate) => candidate.id === userId);
  if (user === undefined) return null;
  // E1 compares the `email` claim, DF ≥2.7 compares sub with md5(email): changing the email kills tokens.
  const matches = state.era.legacyClaims ? payload.email === user.email : payload.sub === md5(user.email);
  return matches ? user : null;
}

/** Normal (per-request) validation. */
export function checkToken(state: ServerState, token: string): TokenCheck {
  const decoded = decodeJwt(token, state.jwtSecret);
  if (!decoded.ok) return { status: 'invalid', reason: decoded.reason };
  const payload = decoded.payload;
  const problem = claimsProblem(state, payload);
  if (problem !== null) return { status: 'invalid', reason: problem };
  const now = state.clock.now();
  const nbf = numericClaim(payload, 'nbf');
  if (nbf !== null && nbf > now) return { status: 'invalid', reason: 'Not Before (nbf) timestamp cannot be in the future' };
  const iat = numericClaim(payload, 'iat');
  if (iat !== null && iat > now) return { status: 'invalid', reason: 'Issued At (iat) timestamp cannot be in the future' };
  const exp = numericClaim(payload, 'exp');
  if (exp !== null && now >= exp) return { status: 'expired', reason: 'Token has expired' };
  if (blacklisted(state, payload)) return { status: 'blacklisted', reason: 'The token has been blacklisted' };
  const user = findTokenUser(state, payload);
  if (user === null) return { status: 'invalid', reason: 'User verification failed.' };
  return { status: 'valid', payload, user };
}

export type RefreshCheck = { ok: true; payload: JwtPayload } | { ok: false; reason: string };

/** jwt-auth ≥1.0 refresh flow: exp is NOT checked, only `now < iat + refresh_ttl`, then the blacklist. */
export function checkTokenForRefresh(state: ServerState, token: string): RefreshCheck {
  const decoded = decodeJwt(token, state.jwtSecret);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const payload = decoded.payload;
  const problem = claimsProblem(state, payload);
  if (problem !== null) return { ok: false, reason: problem };
  const iat = numericClaim(payload, 'iat') ?? 0;
  if (state.clock.now() >= iat + state.refreshTtlSeconds) return { ok: false, reason: WINDOW_PASSED };
  if (blacklisted(state, payload)) return { ok: false, reason: 'The token has been blacklisted' };
  return { ok: true, payload };
}
