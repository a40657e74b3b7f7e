// The refresh lock across processes: lock files under the data folder (proper-lockfile), one holder at a time,
// a bounded wait, and a dead holder's lock taken over once it is stale — with a real second process killed
// (SIGKILL) while it holds the lock.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCK_STALE_MS,
  LockTimeoutError,
  createFileRefreshLock,
} from '../../../../../electron/main/services/sessions/file-refresh-lock.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';
import { ChildDesk } from './fixtures/child-desk.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';
import { InstantTimers, ManualClock } from '../../../../fixtures/clocks.ts';
import { rejection } from '../../../../fixtures/rejection.ts';
import { deferred } from '../../../../shared/df/engine-fixtures.ts';
import { flush } from '../../../../fixtures/waiting.ts';

function lockDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-locks-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'locks');
}

describe('createFileRefreshLock', () => {
  it('one task per key at a time (a lock file while it runs, gone after); other keys run alongside', async () => {
    const dir = lockDir();
    const lock = createFileRefreshLock({ dir, logger: recordingLogger() });
    expect(lock.staleMs).toBe(DEFAULT_LOCK_STALE_MS);
    const first = deferred<void>();
    const order: string[] = [];
    const a = lock.run('inst-A', async () => {
      order.push('a starts');
      expect(existsSync(lock.pathOf('inst-A'))).toBe(true);
      await first.promise;
      order.push('a ends');
    });
    const b = lock.run('inst-A', async () => {
      order.push('b runs');
    });
    const other = lock.run('inst-B', async () => 'alongside');
    expect(await other).toBe('alongside');
    await flush();
    first.resolve();
    await Promise.all([a, b]);
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
    expect(existsSync(lock.pathOf('inst-A'))).toBe(false);
    expect(lock.pathOf('inst-A')).toBe(join(dir, 'inst-A.lock'));
  });

  it('a failing task lets go of the lock; a key that is no plain id becomes a hash inside the folder', async () => {
    const dir = lockDir();
    const lock = createFileRefreshLock({ dir, logger: recordingLogger() });
    await expect(lock.run('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run('x', async () => 'again')).toBe('again');
    expect(lock.pathOf('../../etc/passwd').startsWith(join(dir, ''))).toBe(true);
    expect(lock.pathOf('../../etc/passwd')).toMatch(/[0-9a-f]{64}\.lock$/);
  });

  it('a lock folder that cannot be made runs the task anyway, and says why in the log', async () => {
    const parent = lockDir();
    writeFileSync(`${parent}-file`, 'not a folder');
    const logger = recordingLogger();
    const lock = createFileRefreshLock({ dir: join(`${parent}-file`, 'locks'), logger });
    onCleanup(() => rmSync(`${parent}-file`, { force: true }));
    expect(await lock.run('x', async () => 'refreshed')).toBe('refreshed');
    expect(logger.lines.map((line) => line.message)).toContain('The refresh lock cannot be used; refreshing without it.');
  });

  it('two holders on one folder (as two processes): the second waits for the first, then runs', async () => {
    const dir = lockDir();
    const one = createFileRefreshLock({ dir, logger: recordingLogger() });
    const two = createFileRefreshLock({ dir, logger: recordingLogger() });
    const release = deferred<void>();
    const order: string[] = [];
    const held = one.run('inst', async () => {
      order.push('one');
      await release.promise;
      order.push('one done');
    });
    await flush();
    const waiting = two.run('inst', async () => order.push('two'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['one']);
    release.resolve();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['one', 'one done', 'two']);
  });

  it('waits at most waitMs (on its clock), then gives up without running the task', async () => {
    const dir = lockDir();
    const holder = createFileRefreshLock({ dir, logger: recordingLogger() });
    const release = deferred<void>();
    const held = holder.run('inst', () => release.promise);
    await flush();
    const clock = new ManualClock();
    const waiter = createFileRefreshLock({ dir, logger: recordingLogger(), clock, timers: new InstantTimers(clock), waitMs: 30_000 });
    const startedAt = clock.now();
    let ran = false;
    const error = await rejection(
      waiter.run('inst', async () => {
        ran = true;
      }),
      LockTimeoutError,
    );
    expect(error.message).toMatch(/30000 ms/);
    expect(ran).toBe(false);
    expect(clock.now() - startedAt).toBe(30_000);
    release.resolve();
    await held;
  });
});

describe('a process killed while it holds the lock', () => {
  const STALE_MS = 2000;

  it('its lock is taken over once stale (the configured staleMs), not before', { timeout: 20_000 }, async () => {
    const dir = lockDir();
    const child = ChildDesk.start();
    const { lockPath } = await child.call({ op: 'hold-lock', dir, key: 'inst', staleMs: STALE_MS });
    const lock = createFileRefreshLock({ dir, logger: recordingLogger(), staleMs: STALE_MS, waitMs: 6 * STALE_MS });
    expect(lock.staleMs).toBe(STALE_MS);
    expect(lockPath).toBe(lock.pathOf('inst'));
    // Alive, it touches its lock every second: a waiter that gives up after 1.5 × staleMs never gets it.
    const impatient = createFileRefreshLock({ dir, logger: recordingLogger(), staleMs: STALE_MS, waitMs: 1.5 * STALE_MS });
    await rejection(impatient.run('inst', async () => undefined), LockTimeoutError);

    await child.kill();
    expect(existsSync(lock.pathOf('inst'))).toBe(true); // SIGKILL: no exit handler removed it
    const lastTouch = statSync(lock.pathOf('inst')).mtimeMs;
    const enteredAt = await lock.run('inst', async () => Date.now());
    // Taken over because it was stale: untouched for at least staleMs when this process got it.
    expect(enteredAt - lastTouch).toBeGreaterThanOrEqual(STALE_MS);
    expect(existsSync(lock.pathOf('inst'))).toBe(false);
  });
});
