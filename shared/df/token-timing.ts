// When to refresh a token, worked out once per token from its claims and the estimate of the DF server's clock
// (docs/dreamfactory-protocol.md §3, §8). Pure: no clock reads, no timers.
import { offsetFromMint, serverToLocal } from './clock.ts';
import type { DfTokenClaims, TokenSource } from './jwt.ts';
import { hasLegacyClaims, mintTime } from './jwt.ts';

/** A token and the local instants that matter for it. Computed once, so a request costs two comparisons. */
export interface TokenFacts {
  readonly token: string;
  readonly claims: DfTokenClaims;
  /** `exp` on the local clock (ms). */
  readonly expiresAt: number;
  /** From here on, a request refreshes first (exp − leeway). */
  readonly refreshDueAt: number;
  /** Estimated end of the refresh window (local ms); undefined without `iat`. */
  readonly windowEndsAt: number | undefined;
  /** DF 2.0–2.6 tokens: no refresh before this local instant (the token's mint second must be over); else 0. */
  readonly guardUntil: number;
}

/** The request a token came back from (login or refresh): only then can the server clock be measured. */
export interface Received {
  sentAt: number;
  receivedAt: number;
}

export interface TimingPolicy {
  /** Refresh this long before exp; default min(60 s, a tenth of the token's lifetime). */
  refreshLeewaySeconds?: number | undefined;
  /** DF_JWT_REFRESH_TTL as far as the client knows it (DF does not publish it). */
  refreshWindowSeconds: number;
}

const DEFAULT_MAX_LEEWAY_MS = 60_000;
const SECOND_BOUNDARY_MARGIN_MS = 20;
export const MIN_RETRY_DELAY_MS = 100;
/** A proactive refresh never comes sooner than this after the last successful one (a floor against storms). */
export const MIN_PROACTIVE_REFRESH_GAP_MS = 1000;
export const MAX_RETRY_DELAY_MS = 30_000;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * The server clock offset to use after receiving a token. A refreshed token without nbf keeps the previous
 * offset: its iat may be the login's, hours or days old (docs/dreamfactory-protocol.md §3).
 */
export function measuredOffset(
  claims: DfTokenClaims,
  source: TokenSource,
  received: Received | undefined,
  previousMs: number | undefined,
): number | undefined {
  const mint = mintTime(claims, source);
  return received !== undefined && mint !== undefined ? offsetFromMint(mint, received.sentAt) : previousMs;
}

/** A stored token minted in our future proves the server runs at least that far ahead (nothing measured yet). */
export function offsetFromStoredToken(claims: DfTokenClaims, now: number): number {
  return Math.max(0, (mintTime(claims) ?? 0) * 1000 - now);
}

function leewayMs(lifetimeMs: number, policy: TimingPolicy): number {
  const given = policy.refreshLeewaySeconds;
  const leeway = given === undefined ? Math.min(DEFAULT_MAX_LEEWAY_MS, lifetimeMs / 10) : given * 1000;
  // A leeway as long as the token's life would refresh on every request; keep half the life instead.
  return lifetimeMs > 0 && leeway >= lifetimeMs ? lifetimeMs / 2 : leeway;
}

/**
 * DF 2.0–2.6 derive jti from the user and the mint second, so a refresh inside that second would blacklist the
 * new token too (docs/dreamfactory-protocol.md §8). Received tokens: the mint happened before receivedAt, so
 * its second ends at most this much later. Adopted or resumed tokens: only the offset estimate is known; allow
 * a full extra second.
 */
function mintSecondGuard(claims: DfTokenClaims, mint: number | undefined, received: Received | undefined, offsetMs: number): number {
  if (mint === undefined || !hasLegacyClaims(claims)) return 0;
  const secondEnd = Math.floor(mint) + 1;
  return received !== undefined
    ? received.receivedAt + (secondEnd - mint) * 1000 + SECOND_BOUNDARY_MARGIN_MS
    : serverToLocal(secondEnd, offsetMs) + 1000;
}

/** The local instants of one token, given the server clock offset to use for it (see measuredOffset). */
export function tokenFacts(
  token: string,
  claims: DfTokenClaims,
  source: TokenSource,
  received: Received | undefined,
  offsetMs: number,
  policy: TimingPolicy,
): TokenFacts {
  const mint = mintTime(claims, source);
  const expiresAt = serverToLocal(claims.exp, offsetMs);
  // Without a mint claim, a token just received was minted during its request: about when it was sent.
  const mintedAt = mint ?? (received === undefined ? undefined : (received.sentAt + offsetMs) / 1000);
  const lifetimeMs = mintedAt === undefined ? 0 : (claims.exp - mintedAt) * 1000;
  return {
    token,
    claims,
    expiresAt,
    refreshDueAt: expiresAt - leewayMs(lifetimeMs, policy),
    windowEndsAt: claims.iat === undefined ? undefined : serverToLocal(claims.iat + policy.refreshWindowSeconds, offsetMs),
    guardUntil: mintSecondGuard(claims, mint, received, offsetMs),
  };
}

/**
 * The facts of a token a refresh just brought, at `refreshedAt` (local ms): its proactive point no sooner than
 * MIN_PROACTIVE_REFRESH_GAP_MS later, however short its life, so a server minting tokens that are due at once
 * gets at most one proactive refresh a second. A token the server handed back unchanged (`sent`) is never
 * refreshed proactively again: one proactive refresh per token.
 */
export function afterRefreshFloor(facts: TokenFacts, refreshedAt: number, sent: string): TokenFacts {
  const floor = facts.token === sent ? Number.POSITIVE_INFINITY : refreshedAt + MIN_PROACTIVE_REFRESH_GAP_MS;
  return facts.refreshDueAt >= floor ? facts : { ...facts, refreshDueAt: floor };
}

/**
 * A horizon refresh (before a sleep) skips a token refreshed this recently: another PUT would win it at most
 * this much life, and a burst of sleep notifications cannot turn into a burst of PUTs.
 */
export const MIN_HORIZON_REFRESH_GAP_MS = 60_000;

/**
 * Whether a check (after a wake, or before a sleep with `horizonMs` > 0) refreshes now: the token is due, or
 * it expires within the horizon. A token the server handed back unchanged stays never due (afterRefreshFloor).
 */
export function refreshNeeded(facts: TokenFacts, now: number, horizonMs: number, lastRefreshAt: number | undefined): boolean {
  if (now >= facts.refreshDueAt) return true;
  if (!Number.isFinite(facts.refreshDueAt) || now + horizonMs < facts.expiresAt) return false;
  return lastRefreshAt === undefined || now - lastRefreshAt >= MIN_HORIZON_REFRESH_GAP_MS;
}

/** Delay of the keep-alive refresh: at the proactive point, never inside a guarded mint second. */
export function keepAliveDelay(facts: TokenFacts, now: number): number {
  return Math.max(facts.refreshDueAt, facts.guardUntil) - now;
}

/**
 * Delay of the retry after a failed background refresh (`attempt` counts from 1): half the time left while
 * the token is valid, so the retry still comes before exp; after exp, exponential back-off from 1 s.
 */
export function retryDelay(facts: TokenFacts, now: number, attempt: number): number {
  const untilExpiry = facts.expiresAt - now;
  return untilExpiry > 2 * MIN_RETRY_DELAY_MS
    ? clamp(untilExpiry / 2, MIN_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS)
    : clamp(1000 * 2 ** (attempt - 1), 1000, MAX_RETRY_DELAY_MS);
}
