// Waiting for something at most so long, on the injected timers (tests move a ManualClock instead of sleeping).
import type { Timers } from '../../../../shared/df/index.ts';
import { systemTimers } from '../../../../shared/df/index.ts';

/**
 * How long sign-out and removal wait for the server (a refresh in flight, then the sign-out request) before
 * they finish here: the session is then over locally, and its token simply expires on the server.
 */
export const SESSION_END_TIMEOUT_MS = 10_000;

/** True when `task` settled (either way) within `ms`; false when the time ran out first. Never rejects. */
export async function settledWithin(task: Promise<unknown>, ms: number, timers: Timers = systemTimers): Promise<boolean> {
  let timer: unknown;
  const ranOut = new Promise<false>((resolve) => {
    timer = timers.setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      task.then(
        () => true,
        () => true,
      ),
      ranOut,
    ]);
  } finally {
    timers.clearTimeout(timer);
  }
}
