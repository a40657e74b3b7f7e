// Logout, revocation and refresh, with each era's blacklist rules (docs/dreamfactory-protocol.md §3 "Refresh", "Blacklist", §8).
import type { UserRecord } from './fixtures.ts';
import { decodeJwt, peekPayload } from './jwt-signing.ts';
import type { JwtPayload } from './jwt-signing.ts';
import { phpBoolval } from './php-compat.ts';
import type { ServerState } from './state.ts';
import { mintToken } from './token-claims.ts';
import { WINDOW_PASSED, checkTokenForRefresh } from './token-validation.ts';

const ONE_MINUTE = 60;

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Blacklist::add — jwt 0.5.5/0.5.6 (2.0): skip expired tokens, keep until exp+1 min; jwt ≥1.0: until max(exp, iat+refresh)+1 min. */
function blacklistPayload(state: ServerState, payload: JwtPayload): void {
  const jti = payload.jti;
  if (typeof jti !== 'string') return;
  const exp = num(payload.exp);
  if (state.era.legacyClaims) {
    if (exp <= state.clock.now()) return;
    state.tokens.blacklistJti(jti, exp + ONE_MINUTE);
    return;
  }
  state.tokens.blacklistJti(jti, Math.max(exp, num(payload.iat) + state.refreshTtlSeconds) + ONE_MINUTE);
}

/** JWTUtilities::invalidate: drop the token_map row (by user_id + exp) and blacklist the token. */
export function invalidateToken(state: ServerState, token: string): void {
  const payload = peekPayload(token);
  if (payload === null) return;
  state.tokens.removeRow(num(payload.user_id), num(payload.exp));
  blacklistPayload(state, payload);
}

/** Password change / deactivation: every token in the user's token_map rows is invalidated. */
export function revokeUserTokens(state: ServerState, user: UserRecord): void {
  for (const row of state.tokens.rowsForUser(user.id)) {
    const payload = peekPayload(row.token);
    if (payload !== null) blacklistPayload(state, payload);
  }
  state.tokens.removeRowsForUser(user.id);
}

export type RefreshOutcome =
  | { ok: true; user: UserRecord; token: string }
  | { ok: false; kind: 'refresh-failed' | 'window-passed' | 'blacklisted-raw' | 'invalid'; reason: string };

function userById(state: ServerState, id: unknown): UserRecord | null {
  return state.users.find((user) => user.id === id) ?? null;
}

/** DF ≥2.6 (df-core 0.9+ refreshToken): non-forever keeps iat and is blacklisted forever; forever re-mints (fresh iat). */
export function refreshModern(state: ServerState, token: string, iss: string): RefreshOutcome {
  const check = checkTokenForRefresh(state, token);
  if (!check.ok) return { ok: false, kind: 'refresh-failed', reason: check.reason };
  const payload = check.payload;
  const user = userById(state, payload.user_id);
  if (user === null) return { ok: false, kind: 'refresh-failed', reason: 'User verification failed.' };
  const forever = phpBoolval(payload.forever);
  let minted: string;
  if (forever) {
    minted = mintToken(state, user, { forever: forever && state.allowForever, iss }).token;
  } else {
    const jti = payload.jti;
    if (typeof jti === 'string') state.tokens.blacklistJti(jti, Number.POSITIVE_INFINITY);
    minted = mintToken(state, user, { forever: false, iss, iat: num(payload.iat) }).token;
  }
  invalidateToken(state, token);
  return { ok: true, user, token: minted };
}

/**
 * E1 (jwt-auth 0.5): window passed -> forever tokens get a brand-new token without consulting the blacklist, others 401;
 * a blacklisted token surfaces as a raw (500) exception; the old token_map row is kept.
 */
export function refreshLegacy(state: ServerState, token: string, iss: string): RefreshOutcome {
  const decoded = decodeJwt(token, state.jwtSecret);
  if (!decoded.ok) return { ok: false, kind: 'invalid', reason: decoded.reason };
  const payload = decoded.payload;
  const iat = num(payload.iat);
  const user = userById(state, payload.user_id);
  if (user === null) return { ok: false, kind: 'invalid', reason: 'User verification failed.' };
  if (state.clock.now() >= iat + state.refreshTtlSeconds) {
    if (!phpBoolval(payload.forever)) return { ok: false, kind: 'window-passed', reason: WINDOW_PASSED };
    return { ok: true, user, token: mintToken(state, user, { forever: state.allowForever, iss }).token };
  }
  const jti = payload.jti;
  if (typeof jti === 'string' && state.tokens.isBlacklisted(jti, state.clock.now())) {
    return { ok: false, kind: 'blacklisted-raw', reason: 'The token has been blacklisted' };
  }
  blacklistPayload(state, payload);
  const minted = mintToken(state, user, { forever: phpBoolval(payload.forever), iss, iat });
  return { ok: true, user, token: minted.token };
}
