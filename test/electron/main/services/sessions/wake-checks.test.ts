// The session checks after a wake and before a sleep, through SessionManager.checkSessions: real DF test
// servers over loopback on the desk's manual clock, so a sleep (test/fixtures/sleep.ts) moves both by hours
// while no timer fires. DF 2.14 cannot renew an expired token, so there the check before a sleep decides.
import axios from 'axios';
import type { AxiosAdapter } from 'axios';
import { describe, expect, it } from 'vitest';
import { SUSPEND_HORIZON_MS } from '../../../../../electron/main/services/power-events.ts';
import { tokenAccount } from '../../../../../electron/main/services/instances/vault-accounts.ts';
import { expiredWhileAwayReason } from '../../../../../electron/main/services/sessions/wake-checks.ts';
import type { DfProfile, DfServer } from '../../../../df-server/index.ts';
import { ManualClock, ManualTimers } from '../../../../fixtures/clocks.ts';
import { dfServer } from '../../../../fixtures/servers.ts';
import { sleepFor } from '../../../../fixtures/sleep.ts';
import { waitFor } from '../../../../fixtures/waiting.ts';
import { API_KEY, JANE } from '../../../../fixtures/users.ts';
import type { Harness, HarnessOptions } from '../fixtures/session-harness.ts';
import { sessionHarness } from '../fixtures/session-harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TTL_SECONDS = 3600;

interface Desk {
  clock: ManualClock;
  timers: ManualTimers;
  h: Harness;
}

function onManualTime(options: HarnessOptions = {}): Desk {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const h = sessionHarness({ clock, timers, ...options });
  timers.settle = h.settled;
  return { clock, timers, h };
}

async function signedIn(desk: Desk, profile: DfProfile, name = 'DF'): Promise<{ id: string; server: DfServer }> {
  const server = await dfServer({ clock: desk.clock, ttlSeconds: TTL_SECONDS, profile });
  const instance = await desk.h.registry.add({ name, url: server.url, apiKey: API_KEY });
  await desk.h.sessions.signIn(instance.id, JANE);
  return { id: instance.id, server };
}

describe('the check after a wake', () => {
  it('latest: a token that expired during a 3 h sleep is refreshed at once, one PUT, no sign-in needed', async () => {
    const desk = onManualTime();
    const { id, server } = await signedIn(desk, 'latest');
    sleepFor(desk.clock, desk.timers, 3 * HOUR);

    expect(await desk.h.sessions.checkSessions('resume')).toEqual([{ instanceId: id, outcome: 'refreshed' }]);
    expect(server.stats.refreshAttempts).toBe(1);
    const status = await desk.h.sessions.status(id);
    expect(status).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(status.expiresAt).toBeGreaterThan(desk.clock.now() + 59 * MINUTE);
    expect(desk.h.events.at(-1)).toMatchObject({ instanceId: id, state: 'active', refreshCount: 1 });
    // The keep-alive armed before the sleep is gone: nothing fires late, the next refresh is the new token's.
    await desk.timers.advance(0);
    expect(server.stats.refreshAttempts).toBe(1);
    expect(desk.timers.nextDelay()).toBeGreaterThan(58 * MINUTE);
    expect(desk.h.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'info', fields: expect.objectContaining({ trigger: 'resume', refreshed: 1 }) }),
    );
  });

  it('several instances are checked at once: their PUTs are all in flight together, one each', async () => {
    const http = axios.getAdapter('http');
    const held: (() => void)[] = [];
    let holding = false;
    const adapter: AxiosAdapter = async (config) => {
      if (holding && config.method?.toLowerCase() === 'put') await new Promise<void>((release) => held.push(release));
      return http(config);
    };
    const desk = onManualTime({ adapter });
    const signIns = await Promise.all(['A', 'B', 'C'].map((name) => signedIn(desk, 'latest', name)));
    sleepFor(desk.clock, desk.timers, 3 * HOUR);
    holding = true;

    const checking = desk.h.sessions.checkSessions('resume');
    // Checked one after another, only the first PUT would ever be held.
    await waitFor(() => held.length === 3, 'three refreshes in flight at once');
    for (const release of held) release();
    const checks = await checking;
    expect(checks.map((check) => check.outcome)).toEqual(['refreshed', 'refreshed', 'refreshed']);
    expect(signIns.map(({ server }) => server.stats.refreshAttempts)).toEqual([1, 1, 1]);
  });

  it('repeated checks coalesce: one PUT however many wake events come together', async () => {
    const desk = onManualTime();
    const { id, server } = await signedIn(desk, 'latest');
    sleepFor(desk.clock, desk.timers, 3 * HOUR);
    const checks = await Promise.all([
      desk.h.sessions.checkSessions('resume'),
      desk.h.sessions.checkSessions('unlock-screen'),
      desk.h.sessions.checkSessions('resume'),
    ]);
    expect(server.stats.refreshAttempts).toBe(1);
    expect((await desk.h.sessions.status(id)).refreshCount).toBe(1);
    expect(checks.flat().every((check) => check.outcome === 'refreshed' || check.outcome === 'unchanged')).toBe(true);
  });

  it('a refresh that fails at the wake (server trouble) keeps the session, says why, and is retried', async () => {
    const desk = onManualTime();
    const { id, server } = await signedIn(desk, 'latest');
    sleepFor(desk.clock, desk.timers, 3 * HOUR);
    server.setFault({ kind: 'http500', count: 1 });

    expect(await desk.h.sessions.checkSessions('resume')).toEqual([{ instanceId: id, outcome: 'refresh-failed' }]);
    const failed = await desk.h.sessions.status(id);
    expect(failed).toMatchObject({ state: 'active', lastRefreshError: { kind: 'server' } });
    expect(failed.endedReason).toBeUndefined();
    await desk.timers.runNext(); // the engine's back-off retry
    expect(server.stats.refreshAttempts).toBe(2);
    expect(await desk.h.sessions.status(id)).toMatchObject({ state: 'active', refreshCount: 1 });
  });

  it('signed out, or only an API key: nothing to check, nothing sent', async () => {
    const desk = onManualTime();
    const { id, server } = await signedIn(desk, 'latest');
    await desk.h.sessions.signOut(id);
    const keyOnly = await desk.h.registry.add({ name: 'Key only', url: server.url, apiKey: API_KEY });
    await desk.h.proxy.request(keyOnly.id, { method: 'GET', path: '/db/_table/contacts' });
    const requests = server.stats.requests;
    const events = desk.h.events.length;
    sleepFor(desk.clock, desk.timers, 3 * HOUR);

    expect(await desk.h.sessions.checkSessions('resume')).toEqual([]);
    expect(server.stats.requests).toBe(requests);
    expect(desk.h.events).toHaveLength(events);
  });
});

describe('DF 2.14 (no refresh of an expired token): the check before a sleep', () => {
  it('refreshes a token due within the horizon; after a sleep shorter than its TTL the session lives on', async () => {
    const desk = onManualTime();
    const { id, server } = await signedIn(desk, '2.14');
    await desk.timers.advance(30 * MINUTE);
    expect(server.stats.refreshAttempts).toBe(0);

    const before = await desk.h.sessions.checkSessions('suspend', SUSPEND_HORIZON_MS);
    expect(before).toEqual([{ instanceId: id, outcome: 'refreshed' }]);
    expect(server.stats.refreshAttempts).toBe(1);
    sleepFor(desk.clock, desk.timers, 45 * MINUTE); // past the first token's exp, within the new one's

    expect(await desk.h.sessions.checkSessions('resume')).toEqual([{ instanceId: id, outcome: 'unchanged' }]);
    expect(server.stats.refreshAttempts).toBe(1);
    // The keep-alive is re-armed on the wall clock: it fires before the new token expires, not 45 min late.
    expect(desk.timers.nextDelay()).toBe(14 * MINUTE);
    await desk.timers.advance(15 * MINUTE);
    expect(server.stats.refreshAttempts).toBe(2);
    expect(await desk.h.sessions.status(id)).toMatchObject({ state: 'active', refreshCount: 2 });
  });

  it('without that refresh, the same sleep ends the session; after a longer sleep it ends anyway', async () => {
    for (const refreshFirst of [false, true]) {
      const desk = onManualTime();
      const { id, server } = await signedIn(desk, '2.14');
      await desk.timers.advance(30 * MINUTE);
      if (refreshFirst) await desk.h.sessions.checkSessions('suspend', SUSPEND_HORIZON_MS);
      const attempts = server.stats.refreshAttempts;
      sleepFor(desk.clock, desk.timers, refreshFirst ? 2 * HOUR : 45 * MINUTE);

      expect(await desk.h.sessions.checkSessions('resume')).toEqual([{ instanceId: id, outcome: 'ended' }]);
      // One PUT, turned down; then nothing more, whatever fires.
      expect(server.stats.refreshAttempts - attempts).toBe(1);
      await desk.timers.advance(HOUR);
      expect(server.stats.refreshAttempts - attempts).toBe(1);
      const status = await desk.h.sessions.status(id);
      expect(status).toMatchObject({ state: 'needs-sign-in', endedReason: expiredWhileAwayReason, user: { email: JANE.email } });
      // The renderer hears the ending once, with that reason, never DF's "Please refresh your token".
      const endings = desk.h.events.filter((event) => event.state === 'needs-sign-in');
      expect(endings).toEqual([expect.objectContaining({ endedReason: expiredWhileAwayReason })]);
      expect(await desk.h.vault.get(tokenAccount(id, JANE.email))).toBeNull();

      // A new sign-in drops the reason; a later ending would give its own.
      await desk.h.sessions.signIn(id, JANE);
      expect((await desk.h.sessions.status(id)).state).toBe('active');
      expect((await desk.h.sessions.status(id)).endedReason).toBeUndefined();
    }
  });

  it('a token that outlives the horizon is not refreshed before the sleep', async () => {
    const desk = onManualTime();
    const { server } = await signedIn(desk, '2.14');
    await desk.h.sessions.checkSessions('suspend', 30 * MINUTE);
    expect(server.stats.refreshAttempts).toBe(0);
  });
});
