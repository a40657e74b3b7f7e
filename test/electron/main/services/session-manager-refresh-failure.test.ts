// A failing background refresh (flaky VPN, server trouble) shows in the session status while the session is
// kept, and clears after the next success. Real DF test server with injected refresh faults, over loopback; the
// desk and the server share a manual clock, and keep-alive timers fire only as the test moves it.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import type { SessionStatus } from '../../../../shared/ipc/contract.ts';
import { findSecrets } from './fixtures/secret-walk.ts';
import { sessionHarness } from './fixtures/session-harness.ts';
import type { Harness } from './fixtures/session-harness.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';

async function signedIn(h: Harness, url: string): Promise<string> {
  const instance = await h.registry.add({ name: 'Flaky', url, apiKey: API_KEY });
  await h.sessions.signIn(instance.id, JANE);
  return instance.id;
}

const failing = (e: SessionStatus) => e.state === 'active' && e.lastRefreshError !== undefined;

/** A DF test server (1 s tokens) and a session manager on one manual clock and manual timers. */
async function onManualTime() {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const server = await dfServer({ ttlSeconds: 1, clock });
  const h = sessionHarness({ clock, timers });
  timers.settle = h.settled;
  return { clock, timers, server, h };
}

describe('a failing background refresh', () => {
  it('http500: status shows the failure while the session stays active, then clears after the next success', async () => {
    const { clock, timers, server, h } = await onManualTime();
    const id = await signedIn(h, server.url);
    const before = clock.now();
    server.setFault({ kind: 'http500', count: 1000 });

    await timers.runNext(); // the keep-alive refresh (exp − 0.1 s) meets the fault
    expect(h.events.some(failing)).toBe(true);
    const status = await h.sessions.status(id);
    expect(status.state).toBe('active');
    expect(status.lastRefreshError).toMatchObject({ kind: 'server', message: expect.stringMatching(/injected fault/) });
    expect(status.lastRefreshError?.at).toBeGreaterThanOrEqual(before);
    expect(status.lastRefreshError?.at).toBeLessThanOrEqual(clock.now());
    expect(status.refreshCount).toBe(0);
    // The token is still there: the session is kept, not ended.
    expect(await h.vault.get(tokenAccount(id, JANE.email))).not.toBeNull();
    expect(h.events.some((e) => e.state === 'needs-sign-in' || e.state === 'signed-out')).toBe(false);

    server.setFault(null);
    await timers.runNext(); // the retry
    expect(h.events.some((e) => e.refreshCount >= 1)).toBe(true);
    const recovered = await h.sessions.status(id);
    expect(recovered.state).toBe('active');
    expect(recovered.lastRefreshError).toBeUndefined();
    // The event that reported the success carries no failure either.
    expect(h.events.find((e) => e.refreshCount >= 1 && e.state === 'active')?.lastRefreshError).toBeUndefined();
  });

  it('reset: a network failure, timed anew on each failed retry; events never carry a secret', async () => {
    const { timers, server, h } = await onManualTime();
    const id = await signedIn(h, server.url);
    server.setFault({ kind: 'reset', count: 1000 });

    const times = () => new Set(h.events.filter(failing).map((e) => e.lastRefreshError?.at));
    await timers.runNext(); // the keep-alive refresh
    await timers.runNext(); // its retry
    expect(times().size).toBeGreaterThanOrEqual(2);
    const status = await h.sessions.status(id);
    expect(status).toMatchObject({ state: 'active', lastRefreshError: { kind: 'network' } });
    expect(status.lastRefreshError?.message).toMatch(/connection|socket|server answered/i);
    // Each failed retry moves the time forward.
    const seen = [...times()].filter((at): at is number => at !== undefined);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const token = (await h.vault.get(tokenAccount(id, JANE.email))) ?? '';
    expect(findSecrets([status, h.events], [token, API_KEY, JANE.password])).toEqual([]);

    server.setFault(null);
    await timers.runNext(); // the next retry
    expect(h.events.at(-1)?.refreshCount === 1 && h.events.at(-1)?.state === 'active').toBe(true);
    expect(h.events.at(-1)?.lastRefreshError).toBeUndefined();
  });

  it('"Refresh now" that fails rejects with the reason, and the status keeps it until a refresh succeeds', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const id = await signedIn(h, server.url);
    server.setFault({ kind: 'http500', count: 1 });

    const error = await h.sessions.refresh(id).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).kind).toBe('server');
    const failed = await h.sessions.status(id);
    expect(failed).toMatchObject({ state: 'active', lastRefreshError: { kind: 'server' } });
    expect(h.events.at(-1)?.lastRefreshError).toEqual(failed.lastRefreshError);

    const after = await h.sessions.refresh(id);
    expect(after).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(after.lastRefreshError).toBeUndefined();
  });
});
