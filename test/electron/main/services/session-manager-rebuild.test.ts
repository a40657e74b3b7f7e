// A session rebuilt around its stored token (a new API key or certificate pin) while its token has expired:
// the rebuild costs a refresh, and the app must not look signed out meanwhile, nor leave anything running
// when it quits during it.
import { describe, expect, it } from 'vitest';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import { waitFor } from '../../../fixtures/waiting.ts';
import { sessionHarness } from './fixtures/session-harness.ts';

async function expiredSessionBeingRebuilt() {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const server = await dfServer({ clock, ttlSeconds: 60 });
  const h = sessionHarness({ clock, timers });
  const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
  await h.sessions.signIn(instance.id, JANE);
  // Past the token's expiry without its keep-alive firing (the timers only move when told to).
  clock.t += 120_000;
  server.stats.reset();
  // The rebuild's resume sends its refresh; the server holds the answer back for a moment.
  server.setFault({ kind: 'delay', delayMs: 300, count: 1 });
  const rebuilding = h.sessions.instanceUpdated(instance.id, { urlChanged: false, apiKeyChanged: true });
  await waitFor(() => server.stats.refreshAttempts === 1, 'the rebuilt session to send its refresh');
  return { h, instance, timers, rebuilding };
}

describe('a rebuild that has to refresh', () => {
  it('shows the session refreshing, with its user, and "Refresh now" joins that refresh', async () => {
    const { h, instance, rebuilding } = await expiredSessionBeingRebuilt();
    const during = await h.sessions.status(instance.id);
    expect(during).toMatchObject({ state: 'refreshing', user: { name: 'Jane Doe' } });
    const refreshed = await h.sessions.refresh(instance.id);
    expect(refreshed.state).toBe('active');
    await rebuilding;
    expect((await h.sessions.status(instance.id)).state).toBe('active');
  });

  it('leaves no session or keep-alive timer behind when the app quits in the middle of it', async () => {
    const { h, timers, rebuilding } = await expiredSessionBeingRebuilt();
    await h.sessions.dispose();
    await rebuilding;
    expect(timers.pending.size).toBe(0);
  });
});
