import { REDACTED } from '../../../../../shared/secrets.ts';
import { describe, expect, it } from 'vitest';
import type { TrackedRefreshFailure } from '../../../../../electron/main/services/sessions/refresh-failure.ts';
import {
  publicRefreshFailure,
  trackRefreshFailure,
} from '../../../../../electron/main/services/sessions/refresh-failure.ts';
import type { DfSessionStatus } from '../../../../../shared/df/index.ts';

const API_KEY = 'app-key-1234';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

function df(overrides: Partial<DfSessionStatus> = {}): DfSessionStatus {
  return { state: 'active', forever: false, refreshCount: 0, ...overrides };
}

const down = { kind: 'network', message: 'The connection was reset before the server answered.' } as const;

describe('trackRefreshFailure', () => {
  it('stamps a failure with the time it was seen, and keeps that time while nothing new happens', () => {
    const first = trackRefreshFailure(undefined, df({ lastError: down }), 1000, API_KEY);
    expect(first).toEqual({ ...down, at: 1000, retrying: false });
    expect(trackRefreshFailure(first, df({ lastError: down }), 5000, API_KEY)).toBe(first);
  });

  it('a retry that fails the same way is a new failure with a new time', () => {
    const first = trackRefreshFailure(undefined, df({ lastError: down }), 1000, API_KEY);
    const retrying = trackRefreshFailure(first, df({ state: 'refreshing', lastError: down }), 2000, API_KEY);
    expect(retrying).toEqual({ ...down, at: 1000, retrying: true });
    expect(trackRefreshFailure(retrying, df({ lastError: down }), 3000, API_KEY)).toEqual({
      ...down,
      at: 3000,
      retrying: false,
    });
  });

  it('a different failure gets a new time even without a refreshing event in between', () => {
    const first = trackRefreshFailure(undefined, df({ lastError: down }), 1000, API_KEY);
    const server = { kind: 'server', message: 'Internal Server Error.' } as const;
    expect(trackRefreshFailure(first, df({ lastError: server }), 4000, API_KEY)).toEqual({
      ...server,
      at: 4000,
      retrying: false,
    });
  });

  it('clears after a success, and never reports an ended session as a refresh failure', () => {
    const first = trackRefreshFailure(undefined, df({ lastError: down }), 1000, API_KEY);
    expect(trackRefreshFailure(first, df({ refreshCount: 1, lastRefreshAt: 2000 }), 2000, API_KEY)).toBeUndefined();
    const ended = df({ state: 'needs-sign-in', lastError: { kind: 'session-ended', message: 'Token has been blacklisted.' } });
    expect(trackRefreshFailure(first, ended, 2000, API_KEY)).toBeUndefined();
  });

  it('a refresh in flight with no earlier failure tracks nothing yet', () => {
    expect(trackRefreshFailure(undefined, df({ state: 'refreshing', lastError: down }), 1000, null)).toBeUndefined();
  });

  it('removes a token and the API key from the message', () => {
    const leaky = { kind: 'server', message: `Bad gateway for key ${API_KEY} and token ${JWT}` } as const;
    const tracked = trackRefreshFailure(undefined, df({ lastError: leaky }), 1000, API_KEY);
    expect(tracked?.message).not.toContain(API_KEY);
    expect(tracked?.message).not.toContain('eyJ');
    expect(tracked?.message).toContain(`${REDACTED}`);
  });
});

describe('publicRefreshFailure', () => {
  it('hands out kind, message and time only', () => {
    const tracked: TrackedRefreshFailure = { ...down, at: 1000, retrying: true };
    expect(publicRefreshFailure(tracked)).toEqual({ ...down, at: 1000 });
    expect(publicRefreshFailure(undefined)).toBeUndefined();
  });
});
