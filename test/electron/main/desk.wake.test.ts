// The desk's session checks (desk.wake) wired as the shell wires them, to a powerMonitor (an EventEmitter
// here) and `net` (a switch): a real desk and DF test server on one manual clock, asleep for hours.
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../electron/main/adapters/memory-vault.ts';
import { watchPowerAndNetwork } from '../../../electron/main/services/power-events.ts';
import { recordingLogger } from './adapters/fixtures/test-keyring.ts';
import { openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';
import { onCleanup } from '../../fixtures/cleanup.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { sleepFor } from '../../fixtures/sleep.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';

afterAll(() => removeDataDirs());

const HOUR = 3_600_000;

describe('desk.wake', () => {
  it('a wake after 3 h refreshes once whatever the events; the network coming back checks again', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const server = await dfServer({ ttlSeconds: 3600, clock });
    const logger = recordingLogger();
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }), clock, timers, logger });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, JANE);
    const power = new EventEmitter();
    const network = { online: true, isOnline: (): boolean => network.online };
    const watch = watchPowerAndNetwork({ power, network, sessions: desk.wake, timers, logger: desk.logger });
    onCleanup(() => watch.stop());

    sleepFor(clock, timers, 3 * HOUR);
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('resume');
    await watch.idle();
    expect(server.stats.refreshAttempts).toBe(1);
    expect(desk.sessionEvents.at(-1)).toMatchObject({ instanceId: instance.id, state: 'active', refreshCount: 1 });
    expect((await desk.api.session.status(instance.id)).expiresAt).toBeGreaterThan(clock.now());

    network.online = false;
    await timers.advance(5_000);
    network.online = true;
    await timers.advance(5_000);
    await watch.idle();
    const checks = logger.lines.filter((line) => line.message === 'Checked the sessions.');
    expect(checks.map((line) => line.fields?.trigger)).toEqual(['resume', 'resume', 'network-back']);
    expect(checks.map((line) => line.fields?.refreshed)).toEqual([1, 0, 0]);
    expect(server.stats.refreshAttempts).toBe(1);
  });
});
