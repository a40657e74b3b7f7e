// Time ports (injectable so tests and hosts control time) and the estimate of the DF server's clock.

/** Milliseconds since the epoch on the local clock. */
export interface Clock {
  now(): number;
}

export type TimerHandle = unknown;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

// lib ES2022 has no timer declarations; Node and browsers both provide these globals.
interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    return (globalThis as unknown as TimerGlobals).setTimeout(callback, ms);
  },
  clearTimeout(handle) {
    (globalThis as unknown as TimerGlobals).clearTimeout(handle);
  },
};

/**
 * Lets a background timer (keep-alive) not hold a Node process open. Only for timers nobody awaits: an
 * unref'd timer behind an awaited promise would let a script exit mid-request. No-op elsewhere.
 */
export function unrefTimer(handle: TimerHandle): void {
  if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') {
    handle.unref();
  }
}

/** setTimeout accepts at most a signed 32-bit delay; longer ones fire immediately. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, Math.min(Math.max(0, ms), MAX_TIMER_DELAY_MS));
  });
}

/** True when `task` settled (either way) within `ms`, false when the time ran out first. Never rejects. */
export async function settledWithin(task: Promise<unknown>, ms: number, timers: Timers): Promise<boolean> {
  let timer: TimerHandle | undefined;
  const ranOut = new Promise<false>((resolve) => {
    timer = timers.setTimeout(() => resolve(false), Math.min(Math.max(0, ms), MAX_TIMER_DELAY_MS));
  });
  const settled = task.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, ranOut]);
  } finally {
    timers.clearTimeout(timer);
  }
}

/**
 * Upper bound of (server clock − local clock) in ms, from a token minted during a request.
 *
 * The server minted at `mintSeconds` (its clock) at some local instant after `sentAt`, so
 * offset ≤ mint − sentAt. DF's integer claims floor the mint instant, which adds up to 1 s more. Taking the
 * upper bound makes every "server time → local time" conversion early, so refreshes are early, never late.
 */
export function offsetFromMint(mintSeconds: number, sentAt: number): number {
  const granularityMs = Number.isInteger(mintSeconds) ? 1000 : 0;
  return mintSeconds * 1000 + granularityMs - sentAt;
}

/** Local instant at which the server's clock reads `serverSeconds`, given an offset estimate. */
export function serverToLocal(serverSeconds: number, offsetMs: number): number {
  return serverSeconds * 1000 - offsetMs;
}
