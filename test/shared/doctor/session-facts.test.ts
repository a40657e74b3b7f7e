import { describe, expect, it } from 'vitest';
import type { DfSessionStatus } from '../../../shared/df/index.ts';
import { sessionFactsOf } from '../../../shared/doctor/session-facts.ts';

const engine: DfSessionStatus = {
  state: 'active',
  forever: true,
  token: { exp: 5000, iat: 1400, nbf: 1400, legacyClaims: false, refreshDueAt: 4_940_000 },
  expiresAt: 5_000_000,
  refreshWindowEndsAt: 1_400_000 + 1_209_600_000,
  serverClockOffsetMs: 700,
  refreshCount: 2,
  lastRefreshAt: 1_400_000,
};

describe('sessionFactsOf', () => {
  it('an active session: the token’s claims and DF Desk’s plan, never more', () => {
    expect(sessionFactsOf('active', engine)).toEqual({
      state: 'active',
      token: { forever: true, expires: 5000, issuedAt: 1400, notBefore: 1400, legacyClaims: false },
      nextRefreshAt: 4_940_000,
      expiresAt: 5_000_000,
      refreshWindowEndsAt: 1_400_000 + 1_209_600_000,
      serverClockOffsetMs: 700,
      refreshed: true,
      keepAlive: true,
    });
  });

  it('claims the token lacks stay absent', () => {
    const bare: DfSessionStatus = { state: 'refreshing', forever: false, token: { exp: 9, legacyClaims: true, refreshDueAt: 8000 }, refreshCount: 0 };
    expect(sessionFactsOf('refreshing', bare)).toEqual({
      state: 'refreshing',
      token: { forever: false, expires: 9, legacyClaims: true },
      nextRefreshAt: 8000,
      refreshed: false,
      keepAlive: true,
    });
  });

  it('signed out, or no signed-in session at all: no token, no keep-alive', () => {
    expect(sessionFactsOf('signed-out', null)).toEqual({ state: 'signed-out', refreshed: false, keepAlive: false });
  });

  it('a host state that needs a sign-in wins over an engine that still holds times', () => {
    expect(sessionFactsOf('needs-sign-in', engine)).toEqual({ state: 'needs-sign-in', refreshed: true, keepAlive: true });
  });
});
