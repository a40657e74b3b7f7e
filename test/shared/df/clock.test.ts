import { describe, expect, it, vi } from 'vitest';
import { offsetFromMint, serverToLocal, sleep, systemClock, systemTimers, unrefTimer } from '../../../shared/df/clock.ts';

describe('server clock estimate', () => {
  it('bounds the offset from above with the send time (fractional claims are exact)', () => {
    // Server minted at 1000.250 s (its clock); we sent at local 400_000 ms → server is ≤ 600.25 s ahead.
    expect(offsetFromMint(1000.25, 400_000)).toBe(600_250);
  });

  it('adds the floor granularity of integer claims (DF mints whole seconds)', () => {
    expect(offsetFromMint(1000, 400_000)).toBe(601_000);
  });

  it('converts server seconds to local ms', () => {
    expect(serverToLocal(1002.25, 600_250)).toBe(402_000);
    expect(serverToLocal(100, -600_000)).toBe(700_000);
  });

  it('an upper-bound offset never makes a refresh late', () => {
    const trueOffset = 123_456;
    const sentAt = 1_000_000;
    const mintedAtLocal = sentAt + 37; // somewhere inside the request
    const mint = Math.floor((mintedAtLocal + trueOffset) / 1000); // DF floors to whole seconds
    const estimate = offsetFromMint(mint, sentAt);
    const exp = mint + 60;
    expect(serverToLocal(exp, estimate)).toBeLessThanOrEqual(exp * 1000 - trueOffset);
  });
});

describe('system ports', () => {
  it('systemClock reads Date.now', () => {
    vi.spyOn(Date, 'now').mockReturnValueOnce(42);
    expect(systemClock.now()).toBe(42);
    vi.restoreAllMocks();
  });

  it('systemTimers fire and can be cancelled', async () => {
    // The global timers, faked: systemTimers looks them up on every call.
    vi.useFakeTimers();
    try {
      let fired = 0;
      const cancelled = systemTimers.setTimeout(() => {
        fired += 10;
      }, 5);
      systemTimers.clearTimeout(cancelled);
      systemTimers.setTimeout(() => {
        fired += 1;
      }, 5);
      const slept = sleep(systemTimers, 30);
      await vi.advanceTimersByTimeAsync(30);
      await slept;
      expect(fired).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('unrefTimer lets a Node timer not hold the process, and ignores other handles', () => {
    const handle = systemTimers.setTimeout(() => undefined, 10_000) as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(true);
    unrefTimer(handle);
    expect(handle.hasRef()).toBe(false);
    systemTimers.clearTimeout(handle);
    expect(() => unrefTimer(42)).not.toThrow();
  });
});
