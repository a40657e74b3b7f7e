import { describe, expect, it } from 'vitest';
import { endsSoonMs, sessionBadge } from '../../../../renderer/features/session/sessionBadge.ts';
import { aStatus } from '../../support/fixtures.ts';

describe('sessionBadge', () => {
  const now = 1_000_000;

  it('names each state', () => {
    expect(sessionBadge(aStatus({ state: 'active' }), now).label).toBe('Active');
    expect(sessionBadge(aStatus({ state: 'refreshing' }), now).label).toBe('Refreshing');
    expect(sessionBadge(aStatus({ state: 'needs-sign-in' }), now)).toMatchObject({ label: 'Needs sign-in', tone: 'bad' });
    expect(sessionBadge(aStatus({ state: 'signed-out' }), now).label).toBe('Signed out');
    expect(sessionBadge(undefined, now).label).toBe('Checking…');
  });

  it('says "retrying" after a failed background refresh, keeping the state first for "<name>, <Tag>, Active" matches', () => {
    const lastRefreshError = { kind: 'network', message: 'Down.', at: now - 1000 } as const;
    expect(sessionBadge(aStatus({ state: 'active', lastRefreshError }), now)).toMatchObject({
      label: 'Active, retrying',
      stateLabel: 'Active',
      tone: 'ok',
      retrying: true,
    });
    expect(sessionBadge(aStatus({ state: 'refreshing', lastRefreshError }), now).label).toBe('Refreshing, retrying');
    // Only a kept session retries; without a failure the label is the state alone.
    expect(sessionBadge(aStatus({ state: 'needs-sign-in', lastRefreshError }), now)).toMatchObject({
      label: 'Needs sign-in',
      retrying: false,
    });
    expect(sessionBadge(aStatus({ state: 'active' }), now)).toMatchObject({ label: 'Active', retrying: false });
  });

  it('warns when a non-forever refresh window ends within a day', () => {
    const soon = aStatus({ forever: false, refreshWindowEndsAt: now + endsSoonMs - 1 });
    expect(sessionBadge(soon, now).endsSoon).toBe(true);
    expect(sessionBadge({ ...soon, forever: true }, now).endsSoon).toBe(false);
    expect(sessionBadge({ ...soon, refreshWindowEndsAt: now + endsSoonMs + 1 }, now).endsSoon).toBe(false);
  });
});
