// The refresh lock (one refresh at a time for everyone sharing a token store, across processes): inside it the
// store is re-read afresh, another process's newer token is adopted instead of a PUT, and the new token is
// saved before the lock is let go. A real engine on a manual clock, a scripted PUT, an in-memory lock.
import { describe, expect, it } from 'vitest';
import type { RefreshLock } from '../../../shared/df/index.ts';
import { DfError, classifyAnswer } from '../../../shared/df/errors.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { SessionEngine } from '../../../shared/df/session.ts';
import type { DfSessionStatus, RefreshOutcome } from '../../../shared/df/session-types.ts';
import { deferred, token } from './engine-fixtures.ts';
import { MemoryTokenStore } from './helpers.ts';
import { CachingTokenStore, MemoryRefreshLock, busyLock } from './shared-store-fixtures.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { flush } from '../../fixtures/waiting.ts';

const KEY = 'instance-1';
const BLACKLISTED = classifyAnswer(403, {
  error: { code: 403, message: 'The token has been blacklisted: Session terminated. Please re-login.' },
});

/** `lock`: null for none (today's in-process behaviour); default an in-memory lock on the shared entry. */
function setup(options: { lock?: RefreshLock | null; keepAlive?: boolean } = {}) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const entry = new MemoryTokenStore();
  const store = new CachingTokenStore(entry);
  const lock = new MemoryRefreshLock(entry);
  const calls: string[] = [];
  const answers: ((sent: string) => Promise<RefreshOutcome>)[] = [];
  const ended: DfError[] = [];
  const chosen = options.lock === undefined ? lock : options.lock;
  const engine = new SessionEngine({
    tokens: store,
    clock,
    timers,
    keepAlive: options.keepAlive ?? false,
    refreshWindowSeconds: 14 * 24 * 3600,
    refreshLock: chosen === null ? undefined : { lock: chosen, key: KEY },
    onSessionEnd: (error) => ended.push(error),
    refresh: (sent) => {
      calls.push(sent);
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected refresh');
      return next(sent);
    },
  });
  const statuses: DfSessionStatus[] = [];
  engine.onStatusChange((status) => statuses.push(status));
  const mint = () => token({ mint: clock.t / 1000, ttl: 60 });
  const success = async (): Promise<RefreshOutcome> => {
    const t = mint();
    return { ok: true, token: t, claims: readTokenClaims(t)!, sentAt: clock.t, receivedAt: clock.t };
  };
  const start = async () => {
    const t = mint();
    await engine.start(t, readTokenClaims(t)!, { sentAt: clock.t, receivedAt: clock.t });
    return t;
  };
  /** Another process refreshed now: its token is in the shared entry, this engine's cache still has the old one. */
  const elsewhere = () => {
    entry.value = mint();
    return entry.value;
  };
  return { clock, timers, entry, store, lock, calls, answers, ended, engine, statuses, success, start, elsewhere };
}

/** Local ms of a token's exp (the tests' server clock has no offset). */
const expiresAt = (t: string) => readTokenClaims(t)!.exp * 1000;

describe('the refresh lock', () => {
  it('inside it the store is read afresh: another process’s newer token is adopted and no PUT is sent', async () => {
    const s = setup();
    await s.start();
    s.clock.t += 30_000;
    const newer = s.elsewhere();
    s.clock.t += 25_000; // our token is due (60 s life, 6 s leeway); the newer one is not
    expect(await s.engine.acquire(false)).toBe(newer);
    expect(s.calls).toEqual([]);
    expect(s.lock.runs).toBe(1);
    expect(s.store.freshLoads).toBe(1);
    const status = s.engine.status();
    expect(status).toMatchObject({ state: 'active', refreshCount: 0, expiresAt: expiresAt(newer) });
    // Not our refresh, but the session was refreshed when the other process did it.
    expect(Math.abs((status.lastRefreshAt ?? 0) - (s.clock.t - 25_000))).toBeLessThan(2);
  });

  it('our own PUT: the new token is in the store before the lock is let go', async () => {
    const s = setup();
    await s.start();
    s.clock.t += 55_000;
    s.answers.push(s.success);
    const fresh = await s.engine.acquire(false);
    expect(s.calls).toHaveLength(1);
    expect(s.lock.atRelease).toEqual([fresh]);
    expect(s.engine.status()).toMatchObject({ state: 'active', refreshCount: 1 });
  });

  it('a newer token that is due as well is refreshed under the lock, with that token', async () => {
    const s = setup();
    await s.start();
    s.clock.t += 10_000;
    const other = s.elsewhere();
    s.clock.t += 65_000; // both due
    s.answers.push(s.success);
    const fresh = await s.engine.acquire(false);
    expect(s.calls).toEqual([other]);
    expect(s.lock.runs).toBe(1);
    expect(s.lock.atRelease).toEqual([fresh]);
  });

  it('a blacklisted request waits for the lock: another process between its PUT and its save is no dead session', async () => {
    const s = setup();
    const first = await s.start();
    s.clock.t += 1000;
    // The other process holds the lock: its PUT has blacklisted `first`, its new token is not saved yet.
    const otherSaved = deferred<void>();
    const other = s.lock.run(KEY, () => otherSaved.promise);
    const recovering = s.engine.recover(first, BLACKLISTED);
    await flush();
    expect(s.store.freshLoads).toBe(0);
    const second = s.elsewhere();
    otherSaved.resolve();
    await other;
    expect(await recovering).toBe(second);
    expect(s.ended).toHaveLength(0);
    expect(s.calls).toEqual([]);
  });

  it('lastChance(): the retry’s token was refreshed away meanwhile → the newer one, not an ending', async () => {
    const s = setup();
    const first = await s.start();
    s.clock.t += 1000;
    const second = s.elsewhere();
    expect(await s.engine.recover(first, BLACKLISTED)).toBe(second);
    s.clock.t += 1000;
    // The retry with `second` met "blacklisted": yet another refresh happened elsewhere.
    const third = s.elsewhere();
    expect(await s.engine.lastChance(second, BLACKLISTED)).toBe(third);
    expect(s.ended).toHaveLength(0);
    expect(s.lock.runs).toBe(2);
    // Nothing newer this time: the session ends.
    await expect(s.engine.lastChance(third, BLACKLISTED)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.ended).toHaveLength(1);
    expect(s.calls).toEqual([]);
  });

  it('without a lock the same moment ends the session (what the lock is for)', async () => {
    const s = setup({ lock: null });
    const first = await s.start();
    s.clock.t += 1000;
    await expect(s.engine.recover(first, BLACKLISTED)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.ended).toHaveLength(1);
  });

  it('a "blacklisted" answer to our PUT re-reads under the same hold (no deadlock), and ends when nothing is newer', async () => {
    const s = setup();
    await s.start();
    s.clock.t += 55_000;
    s.answers.push(async () => ({
      ok: false,
      answer: classifyAnswer(401, { error: { code: 401, message: 'Token refresh failed. The token has been blacklisted' } }, { phase: 'refresh' }),
    }));
    expect((await rejection(s.engine.acquire(false), DfError)).kind).toBe('session-ended');
    expect(s.lock.runs).toBe(1);
    expect(s.store.freshLoads).toBe(2);
    expect(s.ended).toHaveLength(1);
    expect(s.entry.value).toBeNull();
  });

  it('the lock not free in time: a failed attempt like a network error, the token and the session stay', async () => {
    const s = setup({ lock: busyLock });
    const first = await s.start();
    s.clock.t += 55_000;
    expect((await rejection(s.engine.acquire(false), DfError)).kind).toBe('network');
    expect(s.calls).toEqual([]);
    expect(s.engine.status()).toMatchObject({ state: 'active', lastError: { kind: 'network' } });
    // A token verdict cannot be settled without the lock either: the request fails, the session does not end.
    expect((await rejection(s.engine.recover(first, BLACKLISTED), DfError)).kind).toBe('network');
    expect(s.ended).toHaveLength(0);
    expect(s.entry.value).toBe(first);
  });

  it('keep-alive while idle: another process refreshed twice, the timer adopts the newest with no PUT, and says so', async () => {
    const s = setup({ keepAlive: true });
    await s.start();
    s.clock.t += 20_000;
    s.elsewhere();
    s.clock.t += 20_000;
    const newest = s.elsewhere();
    const heard = s.statuses.length;
    await s.timers.runNext(); // our token's keep-alive, at 54 s
    expect(s.calls).toEqual([]);
    expect(s.engine.currentToken()).toBe(newest);
    expect(s.statuses.slice(heard).at(-1)).toMatchObject({ state: 'active', expiresAt: expiresAt(newest), refreshCount: 0 });
    expect(Math.abs((s.engine.status().lastRefreshAt ?? 0) - (s.clock.t - 14_000))).toBeLessThan(2);
    // The next keep-alive is the adopted token's: 54 s after its mint.
    expect(s.timers.nextDelay()).toBe(54_000 - 14_000);
  });

  it('checkNow() adopts a newer token from the store (a fresh read), without the lock or a request', async () => {
    const s = setup();
    await s.start();
    s.clock.t += 10_000;
    const newer = s.elsewhere();
    const status = await s.engine.checkNow();
    expect(s.engine.currentToken()).toBe(newer);
    expect(status.expiresAt).toBe(expiresAt(newer));
    expect(s.statuses.at(-1)?.expiresAt).toBe(expiresAt(newer));
    expect(s.calls).toEqual([]);
    expect(s.lock.runs).toBe(0);
  });

  it('without a lock nothing changes: one (cached) read per refresh, never a fresh one', async () => {
    const s = setup({ lock: null });
    await s.start();
    s.clock.t += 55_000;
    s.answers.push(s.success);
    await s.engine.acquire(false);
    expect(s.calls).toHaveLength(1);
    expect(s.store.freshLoads).toBe(0);
    expect(s.entry.loads).toBe(0); // start() filled the cache
  });
});
