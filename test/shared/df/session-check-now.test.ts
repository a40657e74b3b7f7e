// SessionEngine.checkNow(): the check after a wake (or before a sleep, with a horizon). Timers that stop while
// the computer sleeps (test/fixtures/sleep.ts) show why a check re-arms the keep-alive instead of trusting it.
import { describe, expect, it } from 'vitest';
import { DfError, classifyAnswer } from '../../../shared/df/errors.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { SessionEngine } from '../../../shared/df/session.ts';
import type { RefreshOutcome } from '../../../shared/df/session-types.ts';
import { deferred, token } from './engine-fixtures.ts';
import { MemoryTokenStore } from './helpers.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { sleepFor } from '../../fixtures/sleep.ts';

const HOUR = 3_600_000;

function setup() {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const calls: string[] = [];
  const answers: ((sent: string) => Promise<RefreshOutcome>)[] = [];
  const engine = new SessionEngine({
    tokens: new MemoryTokenStore(),
    clock,
    timers,
    keepAlive: true,
    refreshWindowSeconds: 20160 * 60,
    refresh: (sent) => {
      calls.push(sent);
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected refresh');
      return next(sent);
    },
  });
  const success = (ttl: number) => async (): Promise<RefreshOutcome> => {
    const t = token({ mint: clock.t / 1000, ttl });
    return { ok: true, token: t, claims: readTokenClaims(t)!, sentAt: clock.t, receivedAt: clock.t };
  };
  const start = async (ttl: number) => {
    const t = token({ mint: clock.t / 1000, ttl });
    await engine.start(t, readTokenClaims(t)!, { sentAt: clock.t, receivedAt: clock.t });
  };
  return { clock, timers, calls, answers, engine, success, start };
}

const expired = (status: number, message: string) => ({
  ok: false as const,
  answer: classifyAnswer(status, { error: { code: status, message } }, { phase: 'refresh' }),
});

describe('SessionEngine.checkNow', () => {
  it('after a sleep past the token: one refresh at once, and the late keep-alive timer adds none', async () => {
    const s = setup();
    await s.start(3600);
    sleepFor(s.clock, s.timers, 3 * HOUR);
    s.answers.push(s.success(3600));
    const status = await s.engine.checkNow();
    expect(s.calls).toHaveLength(1);
    expect(status).toMatchObject({ state: 'active', refreshCount: 1 });
    // The timer armed before the sleep was replaced by the new token's.
    expect(s.timers.pending.size).toBe(1);
    expect(s.timers.nextDelay()).toBe(3540_000);
    await s.timers.advance(3539_000);
    expect(s.calls).toHaveLength(1);
  });

  it('a token not yet due: no request, and the keep-alive re-armed on the wall clock, not late by the sleep', async () => {
    const s = setup();
    await s.start(3600);
    sleepFor(s.clock, s.timers, 40 * 60_000);
    expect(s.timers.nextDelay()).toBe(3540_000); // would fire 40 min after the token is due
    const status = await s.engine.checkNow();
    expect(s.calls).toEqual([]);
    expect(status.state).toBe('active');
    expect(s.timers.pending.size).toBe(1);
    expect(s.timers.nextDelay()).toBe(3540_000 - 40 * 60_000);
  });

  it('with a horizon: refreshes a token that expires within it, not one that outlives it', async () => {
    const s = setup();
    await s.start(3600);
    expect((await s.engine.checkNow(30 * 60_000)).refreshCount).toBe(0);
    s.answers.push(s.success(3600));
    expect((await s.engine.checkNow(8 * HOUR)).refreshCount).toBe(1);
    expect(s.calls).toHaveLength(1);
  });

  it('with a horizon: a token refreshed within the last minute is kept (no burst of PUTs)', async () => {
    const s = setup();
    await s.start(60);
    s.clock.t += 59_000;
    s.answers.push(s.success(60));
    await s.engine.checkNow();
    s.clock.t += 30_000;
    expect((await s.engine.checkNow(8 * HOUR)).refreshCount).toBe(1);
    s.clock.t += 30_000;
    s.answers.push(s.success(60));
    expect((await s.engine.checkNow(8 * HOUR)).refreshCount).toBe(2);
    expect(s.calls).toHaveLength(2);
  });

  it('any number of checks at once join one refresh', async () => {
    const s = setup();
    await s.start(60);
    s.clock.t += 2 * 60_000;
    const answer = deferred<RefreshOutcome>();
    s.answers.push(() => answer.promise);
    const checks = Array.from({ length: 5 }, () => s.engine.checkNow());
    const fresh = token({ mint: s.clock.t / 1000, ttl: 60 });
    answer.resolve({ ok: true, token: fresh, claims: readTokenClaims(fresh)!, sentAt: s.clock.t, receivedAt: s.clock.t });
    const statuses = await Promise.all(checks);
    expect(s.calls).toHaveLength(1);
    expect(statuses.map((status) => status.refreshCount)).toEqual([1, 1, 1, 1, 1]);
  });

  it('never rejects: a failure is kept in the status with a retry armed; a terminal answer ends the session', async () => {
    const s = setup();
    await s.start(60);
    s.clock.t += 2 * 60_000;
    s.answers.push(async () => {
      throw new DfError('network', 'offline');
    });
    const failed = await s.engine.checkNow();
    expect(failed).toMatchObject({ state: 'active', lastError: { kind: 'network', message: 'offline' } });
    expect(s.timers.nextDelay()).toBe(1000); // back-off after exp
    s.answers.push(async () => expired(401, 'Token has expired'));
    const ended = await s.engine.checkNow();
    expect(ended).toMatchObject({ state: 'needs-sign-in', endedReason: 'Token has expired' });
    expect(s.timers.pending.size).toBe(0);
    expect(s.calls).toHaveLength(2);
  });

  it('signed out or ended: nothing is sent', async () => {
    const s = setup();
    expect((await s.engine.checkNow(8 * HOUR)).state).toBe('signed-out');
    await s.start(60);
    await s.engine.signOut();
    expect((await s.engine.checkNow(8 * HOUR)).state).toBe('signed-out');
    expect(s.calls).toEqual([]);
  });
});
