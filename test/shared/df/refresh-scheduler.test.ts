// The keep-alive timer on manual time: when it fires, the retry back-off, and that nothing fires once it is
// reset, disabled or disposed.
import { describe, expect, it } from 'vitest';
import { RefreshScheduler } from '../../../shared/df/refresh-scheduler.ts';
import type { TokenFacts } from '../../../shared/df/token-timing.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';

function setup(keepAlive = true) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const fired: number[] = [];
  const scheduler = new RefreshScheduler({ clock, timers, keepAlive, onDue: () => fired.push(clock.t) });
  const facts = (expiresInMs: number, leewayMs = 10_000, guardUntil = 0): TokenFacts => ({
    token: 't',
    claims: { exp: 0, forever: false },
    expiresAt: clock.t + expiresInMs,
    refreshDueAt: clock.t + expiresInMs - leewayMs,
    windowEndsAt: undefined,
    guardUntil,
  });
  return { clock, timers, fired, scheduler, facts };
}

describe('RefreshScheduler', () => {
  it('keepAlive arms one timer at the proactive point; arming again replaces it', async () => {
    const { timers, fired, scheduler, facts } = setup();
    scheduler.keepAlive(facts(60_000));
    expect(timers.nextDelay()).toBe(50_000);
    scheduler.keepAlive(facts(30_000));
    expect(timers.pending.size).toBe(1);
    expect(timers.nextDelay()).toBe(20_000);
    await timers.advance(20_000);
    expect(fired).toHaveLength(1);
    expect(timers.pending.size).toBe(0);
  });

  it('waits for a DF 2.0 mint-second guard that ends after the proactive point', () => {
    const { clock, timers, scheduler, facts } = setup();
    scheduler.keepAlive(facts(1_000, 999, clock.t + 800));
    expect(timers.nextDelay()).toBe(800);
  });

  it('a due point already past fires at once; null facts arm nothing', () => {
    const { timers, scheduler, facts } = setup();
    scheduler.keepAlive(facts(5_000, 10_000));
    expect(timers.nextDelay()).toBe(0);
    scheduler.keepAlive(null);
    expect(timers.pending.size).toBe(0);
  });

  it('retry: before exp while valid, then back-off that grows until a success resets it', () => {
    const { timers, scheduler, facts } = setup();
    scheduler.retry(facts(10_000));
    expect(timers.nextDelay()).toBe(5_000);
    const expired = facts(-1);
    const delays = [1, 2, 3].map(() => {
      scheduler.retry(expired);
      return timers.nextDelay();
    });
    expect(delays).toEqual([2_000, 4_000, 8_000]);
    scheduler.refreshed(facts(60_000));
    expect(timers.nextDelay()).toBe(50_000);
    scheduler.retry(expired);
    expect(timers.nextDelay()).toBe(1_000);
  });

  it('reset forgets the failures and the timer', () => {
    const { timers, scheduler, facts } = setup();
    const expired = facts(-1);
    scheduler.retry(expired);
    scheduler.retry(expired);
    scheduler.reset();
    expect(timers.pending.size).toBe(0);
    scheduler.retry(expired);
    expect(timers.nextDelay()).toBe(1_000);
  });

  it('without keep-alive it never arms a timer', () => {
    const { timers, scheduler, facts } = setup(false);
    scheduler.keepAlive(facts(60_000));
    scheduler.retry(facts(60_000));
    expect(timers.pending.size).toBe(0);
  });

  it('dispose cancels the timer and nothing is armed or fired afterwards', async () => {
    const { timers, fired, scheduler, facts } = setup();
    scheduler.keepAlive(facts(60_000));
    scheduler.dispose();
    scheduler.keepAlive(facts(60_000));
    scheduler.retry(facts(60_000));
    await timers.advance(120_000);
    expect(fired).toHaveLength(0);
  });

  it('caps a delay at what setTimeout accepts (longer ones would fire at once)', () => {
    const { timers, scheduler, facts } = setup();
    scheduler.keepAlive(facts(100 * 24 * 3600 * 1000));
    expect(timers.nextDelay()).toBe(2_147_483_647);
  });
});
