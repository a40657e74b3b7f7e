/**
 * The session library's RefreshLock across processes: one lock file per instance in the data folder
 * (`<dataDir>/locks/<instanceId>.lock`), so the app and every `dfdesk` command refresh an instance's shared
 * token one at a time (DF blacklists the old token on each refresh; docs/dreamfactory-protocol.md §3, §10).
 *
 * proper-lockfile creates the lock atomically (mkdir) and touches it every `updateMs` while it is held. A lock
 * not touched for `staleMs` belongs to a process that died (killed, crashed, the computer slept through it)
 * and is taken over; a process that exits normally removes its locks on the way out. Within one process the
 * tasks of a key queue up first, so only one of them at a time polls the file.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { Clock, RefreshLock, Timers } from '../../../../shared/df/index.ts';
import { systemClock, systemTimers } from '../../../../shared/df/index.ts';
import type { Logger } from '../../ports.ts';
import { KeyedQueue } from './keyed-queue.ts';

/** Untouched this long, a lock is a dead process's. Far above a stalled event loop's pause, far below a user's patience. */
export const DEFAULT_LOCK_STALE_MS = 10_000;
/** As long as a refresh may take (the session call timeout): the holder is then done, or its lock is stale. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;
const FIRST_RETRY_MS = 20;
const LONGEST_RETRY_MS = 500;

export interface FileRefreshLockOptions {
  /** The folder of the lock files, e.g. `<dataDir>/locks`; created on first use. */
  dir: string;
  logger: Logger;
  /** Default DEFAULT_LOCK_STALE_MS; proper-lockfile takes no less than 2 s. */
  staleMs?: number;
  /** How often the holder touches its lock; default a quarter of `staleMs`, at least 1 s. */
  updateMs?: number;
  /** How long run() waits for the lock before it gives up; default DEFAULT_LOCK_WAIT_MS. */
  waitMs?: number;
  /** For the back-off between attempts only: staleness is judged on the files' times, i.e. real time. */
  clock?: Clock;
  timers?: Timers;
}

export interface FileRefreshLock extends RefreshLock {
  /** Where the lock of `key` lives (a directory while it is held). */
  pathOf(key: string): string;
  /** The staleness threshold handed to proper-lockfile. */
  readonly staleMs: number;
}

/** The error run() rejects with when the lock was not had within `waitMs`. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** Instance ids are url-safe already; anything else becomes a hash, so a key can never leave the folder. */
function fileNameOf(key: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
}

function isHeldElsewhere(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ELOCKED';
}

export function createFileRefreshLock(options: FileRefreshLockOptions): FileRefreshLock {
  const { dir, logger } = options;
  const staleMs = Math.max(options.staleMs ?? DEFAULT_LOCK_STALE_MS, 2000);
  const updateMs = options.updateMs ?? Math.max(1000, staleMs / 4);
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const queue = new KeyedQueue();
  const pathOf = (key: string) => join(dir, `${fileNameOf(key)}.lock`);
  const pause = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));

  async function acquire(key: string): Promise<() => Promise<void>> {
    await mkdir(dir, { recursive: true });
    const lockfilePath = pathOf(key);
    const deadline = clock.now() + waitMs;
    for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, LONGEST_RETRY_MS)) {
      try {
        return await lock(join(dir, fileNameOf(key)), {
          lockfilePath,
          realpath: false,
          stale: staleMs,
          update: updateMs,
          // Its default throws from a timer, which would take the whole app down. Losing the lock this late
          // costs at most a second PUT, whose loser adopts the winner's token.
          onCompromised: (error) => logger.warn('A refresh lock was lost while it was held.', { key, error }),
        });
      } catch (error) {
        if (!isHeldElsewhere(error)) throw error;
        const left = deadline - clock.now();
        if (left <= 0) throw new LockTimeoutError(`The refresh lock of ${key} was not free within ${waitMs} ms.`);
        await pause(Math.min(delay, left));
      }
    }
  }

  return {
    staleMs,
    pathOf,
    run(key, task) {
      return queue.run(key, async () => {
        let release: () => Promise<void>;
        try {
          release = await acquire(key);
        } catch (error) {
          if (error instanceof LockTimeoutError) throw error;
          // The lock folder cannot be used (read-only, full, not a folder): refreshing without the other
          // processes' lock risks a second PUT, whose loser adopts the winner's token; not refreshing at all
          // would end every session when its token expires.
          logger.warn('The refresh lock cannot be used; refreshing without it.', { key, error });
          return task();
        }
        try {
          return await task();
        } finally {
          await release().catch((error: unknown) => logger.warn('A refresh lock could not be released.', { key, error }));
        }
      });
    },
  };
}
