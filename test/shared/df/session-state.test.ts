// The engine's state value: the pure steps between versions of a session, and the status read from each state.
import { describe, expect, it } from 'vitest';
import { DfError, classifyAnswer } from '../../../shared/df/errors.ts';
import { sessionEndedFrom } from '../../../shared/df/session-errors.ts';
import type { EngineState, Session } from '../../../shared/df/session-state.ts';
import {
  NO_HISTORY,
  afterAdoption,
  afterFailure,
  afterRefresh,
  newSession,
  sessionOf,
  signedOut,
  statusOf,
} from '../../../shared/df/session-state.ts';
import type { TokenFacts } from '../../../shared/df/token-timing.ts';

function facts(token: string, extra: Partial<TokenFacts> = {}): TokenFacts {
  return {
    token,
    claims: { exp: 2_000, iat: 1_000, forever: true, userId: 7 },
    expiresAt: 2_000_000,
    refreshDueAt: 1_990_000,
    windowEndsAt: 3_000_000,
    guardUntil: 0,
    ...extra,
  };
}

describe('versions of a session', () => {
  const first = newSession(facts('a'));

  it('a new session has no history', () => {
    expect(first.history).toBe(NO_HISTORY);
    expect(NO_HISTORY).toEqual({ refreshCount: 0, lastRefreshAt: undefined, lastFailure: undefined });
  });

  it('every step is a new object and leaves the old one as it was', () => {
    const failed = afterFailure(first, new DfError('network', 'down'), 10);
    expect(failed).not.toBe(first);
    expect(first.history.lastFailure).toBeUndefined();
    expect(failed.history.lastFailure).toEqual({ kind: 'network', message: 'down', at: 10 });
    expect(failed.facts).toBe(first.facts);
  });

  it('the same failure again is a new failure with its own time', () => {
    const once = afterFailure(first, new DfError('server', 'busy'), 10);
    const twice = afterFailure(once, new DfError('server', 'busy'), 25);
    expect(twice.history.lastFailure?.at).toBe(25);
  });

  it('a refresh counts, records its time and clears the failure', () => {
    const failed = afterFailure(first, new DfError('network', 'down'), 10);
    const refreshed = afterRefresh(failed, facts('b'), 30);
    expect(refreshed.facts.token).toBe('b');
    expect(refreshed.history).toEqual({ refreshCount: 1, lastRefreshAt: 30, lastFailure: undefined });
    expect(afterRefresh(refreshed, facts('c'), 40).history.refreshCount).toBe(2);
  });

  it('adopting another client’s token clears the failure but is not our refresh', () => {
    const failed = afterFailure(afterRefresh(first, facts('b'), 30), new DfError('network', 'down'), 35);
    const adopted = afterAdoption(failed, facts('c'));
    expect(adopted.facts.token).toBe('c');
    expect(adopted.history).toEqual({ refreshCount: 1, lastRefreshAt: 30, lastFailure: undefined });
  });

  it('sessionOf: only active and refreshing states hold a session', () => {
    const refresh = new Promise<string>(() => undefined);
    expect(sessionOf({ kind: 'active', session: first })).toBe(first);
    expect(sessionOf({ kind: 'refreshing', session: first, refresh })).toBe(first);
    expect(sessionOf(signedOut())).toBeNull();
    expect(signedOut()).not.toBe(signedOut());
  });
});

describe('statusOf', () => {
  const session: Session = afterFailure(afterRefresh(newSession(facts('a')), facts('b'), 30), new DfError('server', 'busy'), 40);

  it('signed out: nothing but the clock estimate', () => {
    expect(statusOf(signedOut(), 500)).toEqual({ state: 'signed-out', forever: false, refreshCount: 0, serverClockOffsetMs: 500 });
    expect(statusOf(signedOut(), undefined)).toEqual({ state: 'signed-out', forever: false, refreshCount: 0 });
  });

  it('active and refreshing: the token’s instants, the history and the last failure (never the token)', () => {
    const expected = {
      state: 'active',
      forever: true,
      refreshCount: 1,
      expiresAt: 2_000_000,
      refreshWindowEndsAt: 3_000_000,
      lastRefreshAt: 30,
      userId: 7,
      lastError: { kind: 'server', message: 'busy', at: 40 },
      token: { exp: 2_000, iat: 1_000, legacyClaims: false, refreshDueAt: 1_990_000 },
    };
    expect(statusOf({ kind: 'active', session }, undefined)).toEqual(expected);
    const refreshing: EngineState = { kind: 'refreshing', session, refresh: new Promise<string>(() => undefined) };
    expect(statusOf(refreshing, undefined)).toEqual({ ...expected, state: 'refreshing' });
    expect(JSON.stringify(statusOf(refreshing, undefined))).not.toContain('"b"');
  });

  it('token times: nbf when the token has one, legacy claims, and no refresh planned inside a guarded mint second', () => {
    const legacy = facts('a', {
      claims: { exp: 2_000, iat: 1_000, nbf: 1_000, forever: false, sub: 7 },
      refreshDueAt: 1_990_000,
      guardUntil: 1_995_000,
    });
    expect(statusOf({ kind: 'active', session: newSession(legacy) }, undefined).token).toEqual({
      exp: 2_000,
      iat: 1_000,
      nbf: 1_000,
      legacyClaims: true,
      refreshDueAt: 1_995_000,
    });
  });

  it('no window end without iat', () => {
    const status = statusOf({ kind: 'active', session: newSession(facts('a', { windowEndsAt: undefined })) }, undefined);
    expect(status).not.toHaveProperty('refreshWindowEndsAt');
  });

  it('ended: the reason and its time, the last session’s claims and history, no expiry', () => {
    const reason = sessionEndedFrom(classifyAnswer(401, { error: { code: 401, message: 'Token has been blacklisted' } }));
    const ended: EngineState = { kind: 'ended', reason, at: 50, claims: session.facts.claims, history: session.history };
    expect(statusOf(ended, 100)).toEqual({
      state: 'needs-sign-in',
      forever: true,
      refreshCount: 1,
      lastRefreshAt: 30,
      userId: 7,
      serverClockOffsetMs: 100,
      lastError: { kind: 'session-ended', message: 'Token has been blacklisted', at: 50 },
      endedReason: 'Token has been blacklisted',
    });
  });

  it('a copy: changing the status changes nothing in the state', () => {
    const state: EngineState = { kind: 'active', session };
    const status = statusOf(state, undefined);
    if (status.lastError !== undefined) status.lastError.at = 0;
    expect(session.history.lastFailure?.at).toBe(40);
  });
});

describe('sessionEndedFrom', () => {
  it('keeps the server’s words, status and code, with kind session-ended', () => {
    const answer = classifyAnswer(400, { error: { code: 401, message: 'Token has expired' } });
    expect(sessionEndedFrom(answer)).toMatchObject({ kind: 'session-ended', message: 'Token has expired', status: 400, code: 401 });
  });
});
