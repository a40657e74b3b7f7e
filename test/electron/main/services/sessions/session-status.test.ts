import { describe, expect, it } from 'vitest';
import { toSessionStatus } from '../../../../../electron/main/services/sessions/session-status.ts';

const user = { id: 1, name: 'Jane Doe', email: 'jane@example.com', isSysAdmin: false };

describe('toSessionStatus', () => {
  it('active: times, counts and user, and nothing the renderer must not see', () => {
    const status = toSessionStatus({
      instanceId: 'i1',
      df: {
        state: 'active',
        forever: true,
        expiresAt: 2000,
        refreshWindowEndsAt: 9000,
        lastRefreshAt: 1500,
        refreshCount: 3,
        userId: 1,
        serverClockOffsetMs: 42,
        lastError: { kind: 'network', message: 'down', at: 1600 },
      },
      user,
      admin: false,
      persistence: 'keychain',
    });
    expect(status).toEqual({
      instanceId: 'i1',
      state: 'active',
      admin: false,
      forever: true,
      refreshCount: 3,
      persistence: 'keychain',
      user,
      expiresAt: 2000,
      refreshWindowEndsAt: 9000,
      lastRefreshAt: 1500,
    });
  });

  it('a kept session carries the stamped refresh failure; other states do not', () => {
    const refreshError = { kind: 'network', message: 'The connection was reset.', at: 1700 } as const;
    const kept = toSessionStatus({
      instanceId: 'i1',
      df: { state: 'refreshing', forever: false, refreshCount: 1, lastError: { kind: 'network', message: 'x', at: 1650 } },
      admin: false,
      persistence: 'keychain',
      refreshError,
    });
    expect(kept.lastRefreshError).toEqual(refreshError);
    for (const state of ['needs-sign-in', 'signed-out'] as const) {
      const gone = toSessionStatus({
        instanceId: 'i1',
        df: { state, forever: false, refreshCount: 1 },
        admin: false,
        persistence: 'keychain',
        refreshError,
      });
      expect(gone.lastRefreshError).toBeUndefined();
    }
  });

  it('needs-sign-in keeps the user and the reason, drops expiry', () => {
    const status = toSessionStatus({
      instanceId: 'i1',
      df: { state: 'needs-sign-in', forever: false, refreshCount: 0, endedReason: 'The token has been blacklisted.' },
      user,
      admin: true,
      persistence: 'memory',
    });
    expect(status).toEqual({
      instanceId: 'i1',
      state: 'needs-sign-in',
      admin: true,
      forever: false,
      refreshCount: 0,
      persistence: 'memory',
      user,
      endedReason: 'The token has been blacklisted.',
    });
  });

  it("an ended session shows DF Desk's own reason instead of the server's when it has one; it is not shown while active", () => {
    const input = { instanceId: 'i1', admin: false, persistence: 'keychain', endedReason: 'Expired while asleep.' } as const;
    const ended = toSessionStatus({ ...input, df: { state: 'needs-sign-in', forever: false, refreshCount: 1, endedReason: 'Token has expired' } });
    expect(ended.endedReason).toBe('Expired while asleep.');
    const active = toSessionStatus({ ...input, df: { state: 'active', forever: false, refreshCount: 1 } });
    expect(active.endedReason).toBeUndefined();
  });

  it('a saved session that could not be restored is needs-sign-in with that reason', () => {
    const status = toSessionStatus({
      instanceId: 'i1',
      df: { state: 'signed-out', forever: false, refreshCount: 0 },
      user,
      admin: false,
      persistence: 'keychain',
      unavailableReason: 'Not in the keychain.',
    });
    expect(status).toMatchObject({ state: 'needs-sign-in', endedReason: 'Not in the keychain.', user });
  });

  it('signed-out carries no user; without a reason a generic one is given', () => {
    expect(toSessionStatus({ instanceId: 'i1', user, admin: false, persistence: 'keychain' })).toEqual({
      instanceId: 'i1',
      state: 'signed-out',
      admin: false,
      forever: false,
      refreshCount: 0,
      persistence: 'keychain',
    });
    const ended = toSessionStatus({
      instanceId: 'i1',
      df: { state: 'needs-sign-in', forever: false, refreshCount: 0 },
      admin: false,
      persistence: 'keychain',
    });
    expect(ended.endedReason).toMatch(/sign in again/);
  });
});
