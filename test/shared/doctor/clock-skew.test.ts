import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_THRESHOLD_MS, clockSkewOf } from '../../../shared/doctor/clock-skew.ts';
import { NOW, NOW_S, session, token } from './doctor-facts.ts';

describe('clockSkewOf', () => {
  it('no session, no skew', () => {
    expect(clockSkewOf(null, NOW)).toBeNull();
  });

  it('a measured offset under the threshold is noise', () => {
    expect(clockSkewOf(session({ serverClockOffsetMs: CLOCK_SKEW_THRESHOLD_MS - 1 }), NOW)).toBeNull();
    expect(clockSkewOf(session({ serverClockOffsetMs: -(CLOCK_SKEW_THRESHOLD_MS - 1) }), NOW)).toBeNull();
  });

  it('a server ahead by the measured offset', () => {
    expect(clockSkewOf(session({ serverClockOffsetMs: 120_000 }), NOW)).toEqual({ direction: 'ahead', ms: 120_000, source: 'measured' });
  });

  it('a server behind', () => {
    expect(clockSkewOf(session({ serverClockOffsetMs: -45_000 }), NOW)).toEqual({ direction: 'behind', ms: 45_000, source: 'measured' });
  });

  it('with nothing measured, a token minted in our future tells at least how far ahead', () => {
    const ahead = session({ token: token({ issuedAt: NOW_S + 30, notBefore: NOW_S + 30 }) });
    delete ahead.serverClockOffsetMs;
    expect(clockSkewOf(ahead, NOW)).toEqual({ direction: 'ahead', ms: 30_000, source: 'token' });
    const onlyIat = session({ token: token({ issuedAt: NOW_S + 10, notBefore: undefined }) });
    delete onlyIat.serverClockOffsetMs;
    expect(clockSkewOf(onlyIat, NOW)).toEqual({ direction: 'ahead', ms: 10_000, source: 'token' });
  });

  it('with nothing measured and a token from the past, nothing can be said', () => {
    const past = session();
    delete past.serverClockOffsetMs;
    expect(clockSkewOf(past, NOW)).toBeNull();
    const signedOut = session({ state: 'signed-out', token: undefined });
    delete signedOut.serverClockOffsetMs;
    expect(clockSkewOf(signedOut, NOW)).toBeNull();
  });

  it('a token with nbf only still tells', () => {
    const nbfOnly = session({ token: token({ issuedAt: undefined, notBefore: NOW_S + 20 }) });
    delete nbfOnly.serverClockOffsetMs;
    expect(clockSkewOf(nbfOnly, NOW)).toEqual({ direction: 'ahead', ms: 20_000, source: 'token' });
  });
});
