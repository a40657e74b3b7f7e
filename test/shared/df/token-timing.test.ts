// The timing maths of one token: local expiry, the proactive point, the window estimate, the DF 2.0 mint-second
// guard, and the keep-alive and retry delays. Pure functions, so exact numbers.
import { describe, expect, it } from 'vitest';
import type { DfTokenClaims } from '../../../shared/df/jwt.ts';
import type { TimingPolicy } from '../../../shared/df/token-timing.ts';
import {
  MAX_RETRY_DELAY_MS,
  MIN_HORIZON_REFRESH_GAP_MS,
  MIN_RETRY_DELAY_MS,
  afterRefreshFloor,
  keepAliveDelay,
  measuredOffset,
  offsetFromStoredToken,
  refreshNeeded,
  retryDelay,
  tokenFacts,
} from '../../../shared/df/token-timing.ts';

const WINDOW = 20160 * 60;
const policy: TimingPolicy = { refreshWindowSeconds: WINDOW };
// Fractional claims: the test server's NumericDates carry milliseconds (whole seconds add a second of doubt).
const MINT = 1_000_000.25;

function claims(extra: Partial<DfTokenClaims> = {}): DfTokenClaims {
  return { exp: MINT + 60, iat: MINT, nbf: MINT, forever: false, sub: 'md5-of-email', userId: 1, ...extra };
}

describe('tokenFacts', () => {
  it('converts exp to local time with the offset and refreshes a tenth of the lifetime early by default', () => {
    const facts = tokenFacts('t', claims(), 'login', undefined, 600_000, policy);
    expect(facts.expiresAt).toBe((MINT + 60) * 1000 - 600_000);
    expect(facts.refreshDueAt).toBe(facts.expiresAt - 6_000);
    expect(facts.windowEndsAt).toBe((MINT + WINDOW) * 1000 - 600_000);
    expect(facts.guardUntil).toBe(0);
    expect(facts).toMatchObject({ token: 't', claims: claims() });
  });

  it('caps the default leeway at 60 s', () => {
    const facts = tokenFacts('t', claims({ exp: MINT + 3600 }), 'login', undefined, 0, policy);
    expect(facts.expiresAt - facts.refreshDueAt).toBe(60_000);
  });

  it('uses a given leeway, but never one as long as the lifetime (half the lifetime instead)', () => {
    expect(keepAliveDelay(tokenFacts('t', claims(), 'login', undefined, 0, { ...policy, refreshLeewaySeconds: 10 }), MINT * 1000)).toBe(50_000);
    const long = tokenFacts('t', claims(), 'login', undefined, 0, { ...policy, refreshLeewaySeconds: 120 });
    expect(long.expiresAt - long.refreshDueAt).toBe(30_000);
  });

  it('a refreshed token without nbf: the lifetime counts from the request, not from the login’s old iat', () => {
    const sentAt = (MINT + 3000) * 1000;
    const refreshed = claims({ iat: MINT, nbf: undefined, exp: MINT + 3060 });
    const facts = tokenFacts('t', refreshed, 'refresh', { sentAt, receivedAt: sentAt + 10 }, 0, policy);
    expect(facts.expiresAt - facts.refreshDueAt).toBe(6_000);
  });

  it('without a mint claim or a request there is no lifetime: due at exp minus the default (zero) leeway', () => {
    const facts = tokenFacts('t', claims({ iat: undefined, nbf: undefined }), 'stored', undefined, 0, policy);
    expect(facts.refreshDueAt).toBe(facts.expiresAt);
    expect(facts.windowEndsAt).toBeUndefined();
  });

  it('DF 2.0 claims (numeric sub): no refresh until the mint second is over', () => {
    const legacy = claims({ sub: 1 });
    const receivedAt = 5_000_000;
    // Received: the second ends at most 0.75 s after receipt, plus a 20 ms margin.
    expect(tokenFacts('t', legacy, 'login', { sentAt: receivedAt - 5, receivedAt }, 0, policy).guardUntil).toBe(receivedAt + 770);
    // Stored: only the offset is known, so a whole extra second.
    expect(tokenFacts('t', legacy, 'stored', undefined, 2_000, policy).guardUntil).toBe(1_000_001 * 1000 - 2_000 + 1000);
    expect(tokenFacts('t', claims({ sub: '42' }), 'stored', undefined, 0, policy).guardUntil).toBeGreaterThan(0);
  });
});

describe('the server clock offset', () => {
  it('is measured from a received token’s mint time', () => {
    expect(measuredOffset(claims(), 'login', { sentAt: 400_000, receivedAt: 400_050 }, undefined)).toBe(MINT * 1000 - 400_000);
  });

  it('a refreshed token without nbf keeps the previous offset (its iat may be days old)', () => {
    expect(measuredOffset(claims({ nbf: undefined }), 'refresh', { sentAt: 1, receivedAt: 2 }, 123)).toBe(123);
  });

  it('a stored token measures nothing', () => {
    expect(measuredOffset(claims(), 'stored', undefined, 77)).toBe(77);
    expect(measuredOffset(claims(), 'stored', undefined, undefined)).toBeUndefined();
  });

  it('a stored token minted in our future proves the server runs at least that far ahead', () => {
    expect(offsetFromStoredToken(claims(), MINT * 1000 - 5_000)).toBe(5_000);
    expect(offsetFromStoredToken(claims(), MINT * 1000 + 5_000)).toBe(0);
  });
});

describe('delays', () => {
  const facts = tokenFacts('t', claims(), 'login', undefined, 0, policy);

  it('keep-alive: at the proactive point, or at the end of the mint-second guard if that is later', () => {
    expect(keepAliveDelay(facts, MINT * 1000)).toBe(54_000);
    const guarded = { ...facts, guardUntil: facts.refreshDueAt + 500 };
    expect(keepAliveDelay(guarded, MINT * 1000)).toBe(54_500);
  });

  it('retry: half the time left while the token is valid, within 100 ms … 30 s', () => {
    expect(retryDelay(facts, facts.expiresAt - 10_000, 1)).toBe(5_000);
    expect(retryDelay(facts, facts.expiresAt - 100_000, 1)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(facts, facts.expiresAt - 250, 1)).toBe(MIN_RETRY_DELAY_MS + 25);
  });

  it('retry after exp: exponential back-off from 1 s, capped at 30 s', () => {
    const after = facts.expiresAt + 1;
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay(facts, after, attempt))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
});

describe('refreshNeeded (the check after a wake, or before a sleep with a horizon)', () => {
  const facts = tokenFacts('t', claims(), 'login', undefined, 0, policy);
  const start = MINT * 1000;

  it('without a horizon: from the proactive point on', () => {
    expect(refreshNeeded(facts, facts.refreshDueAt - 1, 0, undefined)).toBe(false);
    expect(refreshNeeded(facts, facts.refreshDueAt, 0, undefined)).toBe(true);
    expect(refreshNeeded(facts, facts.expiresAt + 3_600_000, 0, undefined)).toBe(true);
  });

  it('with a horizon: a token that expires within it, unless refreshed within the last minute', () => {
    expect(refreshNeeded(facts, start, 59_000, undefined)).toBe(false);
    expect(refreshNeeded(facts, start, 60_000, undefined)).toBe(true);
    expect(refreshNeeded(facts, start, 60_000, start - MIN_HORIZON_REFRESH_GAP_MS + 1)).toBe(false);
    expect(refreshNeeded(facts, start, 60_000, start - MIN_HORIZON_REFRESH_GAP_MS)).toBe(true);
    // Due by the proactive point: the gap does not hold a due token back.
    expect(refreshNeeded(facts, facts.refreshDueAt, 0, facts.refreshDueAt - 1)).toBe(true);
  });

  it('a token the server handed back unchanged is never refreshed again, horizon or not', () => {
    const unchanged = afterRefreshFloor(facts, start, 't');
    expect(refreshNeeded(unchanged, facts.expiresAt - 1, 8 * 3_600_000, undefined)).toBe(false);
  });
});
