/**
 * Whether the server's clock and this computer's disagree, by how much, and in which direction. DF stamps
 * tokens with its own clock; DF Desk converts every token time with the offset it measured when the token
 * arrived (docs/dreamfactory-protocol.md §3), so a skew is explained here, not something the user must fix.
 */
import type { SessionFacts } from './facts.ts';

/**
 * DF's claims are whole seconds and the measured offset is an upper bound that includes up to one second of
 * rounding and the round trip; below this, a "difference" is only measurement noise.
 */
export const CLOCK_SKEW_THRESHOLD_MS = 3000;

export interface ClockSkew {
  /** ahead: the server's clock is ahead, so `iat`/`nbf` lie in this computer's future. */
  direction: 'ahead' | 'behind';
  ms: number;
  /** Measured at sign-in or refresh, or only read off a token minted in our future. */
  source: 'measured' | 'token';
}

/** The skew worth mentioning, or null. */
export function clockSkewOf(session: SessionFacts | null, checkedAt: number): ClockSkew | null {
  if (session === null) return null;
  const offset = session.serverClockOffsetMs;
  if (offset !== undefined && Number.isFinite(offset)) {
    if (offset >= CLOCK_SKEW_THRESHOLD_MS) return { direction: 'ahead', ms: offset, source: 'measured' };
    if (offset <= -CLOCK_SKEW_THRESHOLD_MS) return { direction: 'behind', ms: -offset, source: 'measured' };
    return null;
  }
  const token = session.token;
  if (token === undefined) return null;
  const minted = Math.max(token.issuedAt ?? Number.NEGATIVE_INFINITY, token.notBefore ?? Number.NEGATIVE_INFINITY);
  const ahead = minted * 1000 - checkedAt;
  return ahead >= CLOCK_SKEW_THRESHOLD_MS ? { direction: 'ahead', ms: ahead, source: 'token' } : null;
}
