// SessionEngine in isolation: a scripted refresh transport and manual clock/timers make the orderings the
// loopback tests cannot pin down deterministic (save before release, the 2.0 mint-second guard, retries).
import { describe, expect, it } from 'vitest';
import { DfError, classifyAnswer } from '../../../shared/df/errors.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { SessionEngine } from '../../../shared/df/session.ts';
import type { RefreshOutcome, SessionEngineOptions } from '../../../shared/df/session-types.ts';
import type { TokenOptions } from './engine-fixtures.ts';
import { deferred, token } from './engine-fixtures.ts';
import { MemoryTokenStore } from './helpers.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { flush } from '../../fixtures/waiting.ts';

const dfAnswer = (status: number, message: string) => classifyAnswer(status, { error: { code: status, message } }, { phase: 'refresh' });

interface Setup {
  engine: SessionEngine;
  clock: ManualClock;
  timers: ManualTimers;
  store: MemoryTokenStore;
  calls: string[];
  ended: DfError[];
  /** Next answers of the transport; a function is called with the sent token. */
  answers: ((sent: string) => Promise<RefreshOutcome>)[];
}

function setup(options: Partial<SessionEngineOptions> = {}): Setup {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const store = new MemoryTokenStore();
  const calls: string[] = [];
  const ended: DfError[] = [];
  const answers: ((sent: string) => Promise<RefreshOutcome>)[] = [];
  const engine = new SessionEngine({
    tokens: store,
    clock,
    timers,
    keepAlive: false,
    refreshWindowSeconds: 20160 * 60,
    onSessionEnd: (error) => ended.push(error),
    refresh: (sent) => {
      calls.push(sent);
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected refresh');
      return next(sent);
    },
    ...options,
  });
  return { engine, clock, timers, store, calls, ended, answers };
}

async function start(s: Setup, options: { ttl?: number; legacy?: boolean; mintOffsetMs?: number } = {}): Promise<string> {
  const mint = (s.clock.t + (options.mintOffsetMs ?? 0)) / 1000;
  const t = token({ mint, ttl: options.ttl ?? 60, legacy: options.legacy ?? false });
  await s.engine.start(t, readTokenClaims(t)!, { sentAt: s.clock.t, receivedAt: s.clock.t });
  return t;
}

function success(s: Setup, ttl = 60): (sent: string) => Promise<RefreshOutcome> {
  return async () => {
    const t = token({ mint: s.clock.t / 1000, ttl });
    return { ok: true, token: t, claims: readTokenClaims(t)!, sentAt: s.clock.t, receivedAt: s.clock.t };
  };
}

describe('SessionEngine', () => {
  it('hands out the cached token until it is due, then refreshes once for all callers', async () => {
    const s = setup();
    const first = await start(s);
    expect(await s.engine.acquire(false)).toBe(first);
    s.clock.t += 53_000; // default leeway: 6 s of a 60 s token
    expect(await s.engine.acquire(false)).toBe(first);
    s.clock.t += 2_000;
    s.answers.push(success(s));
    const tokens = await Promise.all(Array.from({ length: 50 }, () => s.engine.acquire(false)));
    expect(s.calls).toEqual([first]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(s.engine.status()).toMatchObject({ state: 'active', refreshCount: 1 });
  });

  it('releases waiting requests only after tokens.save() completed', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    const saving = deferred<void>();
    const save = s.store.save.bind(s.store);
    s.store.save = async (value) => {
      await saving.promise;
      await save(value);
    };
    s.answers.push(success(s));
    let released = false;
    const waiting = Promise.resolve(s.engine.acquire(false)).then((value) => {
      released = true;
      return value;
    });
    await flush();
    expect(s.calls).toHaveLength(1);
    expect(released).toBe(false);
    expect(s.engine.status().state).toBe('refreshing');
    saving.resolve();
    const value = await waiting;
    expect(released).toBe(true);
    expect(s.store.value).toBe(value);
  });

  it('a transient failure rejects the waiters, keeps the token, and the next need tries again', async () => {
    const s = setup();
    const first = await start(s);
    s.clock.t += 59_000;
    s.answers.push(async () => {
      throw new DfError('network', 'down');
    });
    const results = await Promise.allSettled([s.engine.acquire(false), s.engine.acquire(false)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(s.engine.currentToken()).toBe(first);
    expect(s.engine.status()).toMatchObject({ state: 'active', lastError: { kind: 'network', message: 'down' } });
    s.answers.push(async () => ({ ok: false, answer: dfAnswer(503, 'Service Unavailable') }));
    expect(await Promise.resolve(s.engine.acquire(false)).catch((e: DfError) => e.kind)).toBe('server');
    s.answers.push(success(s));
    expect(await s.engine.acquire(false)).not.toBe(first);
    expect(s.calls).toHaveLength(3);
    expect(s.ended).toHaveLength(0);
  });

  it('a terminal refresh answer adopts a newer token of the same user from the store', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    s.answers.push(async () => {
      // Another process refreshed meanwhile and saved its token.
      s.store.value = token({ mint: s.clock.t / 1000 });
      return { ok: false, answer: dfAnswer(401, 'Token refresh failed. The token has been blacklisted') };
    });
    const value = await s.engine.acquire(false);
    expect(value).toBe(s.store.value);
    expect(s.ended).toHaveLength(0);
    expect(s.engine.status().state).toBe('active');
  });

  it('adopts a newer token from the store before sending a PUT at all', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    s.store.value = token({ mint: s.clock.t / 1000 });
    expect(await s.engine.acquire(false)).toBe(s.store.value);
    expect(s.calls).toHaveLength(0);
  });

  it('ends once on a terminal answer, but leaves another user’s token in the store alone', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    const foreign = token({ mint: s.clock.t / 1000, userId: 2 });
    s.answers.push(async () => {
      s.store.value = foreign;
      return { ok: false, answer: dfAnswer(401, 'Token refresh failed. Token has expired and can no longer be refreshed') };
    });
    const results = await Promise.allSettled([s.engine.acquire(false), s.engine.acquire(false)]);
    expect(results.every((r) => r.status === 'rejected' && (r.reason as DfError).kind === 'session-ended')).toBe(true);
    expect(s.ended).toHaveLength(1);
    expect(s.ended[0]?.message).toBe('Token refresh failed. Token has expired and can no longer be refreshed');
    expect(s.store.value).toBe(foreign);
    await expect(s.engine.acquire(false)).rejects.toThrow(DfError);
    expect(await s.engine.acquire(true)).toBeNull(); // public endpoints still work, without a token
  });

  it('recover(): expired → one refresh; raced requests reuse the new token; blacklisted → re-read, then end', async () => {
    const s = setup();
    const first = await start(s);
    s.answers.push(success(s));
    const expired = classifyAnswer(401, { error: { code: 401, message: 'Token has expired' } });
    const [a, b] = await Promise.all([s.engine.recover(first, expired), s.engine.recover(first, expired)]);
    expect(a).toBe(b);
    expect(s.calls).toHaveLength(1);
    // A request that was sent with the old token and answers late just gets the current one.
    expect(await s.engine.recover(first, expired)).toBe(a);
    const blacklisted = classifyAnswer(403, { error: { code: 403, message: 'The token has been blacklisted' } });
    await expect(s.engine.recover(a, blacklisted)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.calls).toHaveLength(1);
    expect(s.ended).toHaveLength(1);
    expect(s.store.value).toBeNull();
  });

  it('recover(): a token from the store minted in the same instant as ours is adopted once ours is rejected', async () => {
    // Another client refreshed within our token's mint second (DF's claims have whole seconds): the two tie.
    const s = setup();
    const first = await start(s);
    const twin = token({ mint: readTokenClaims(first)!.nbf! });
    s.store.value = twin;
    const blacklisted = classifyAnswer(403, { error: { code: 403, message: 'The token has been blacklisted' } });
    expect(await s.engine.recover(first, blacklisted)).toBe(twin);
    expect(s.ended).toHaveLength(0);
    expect(s.calls).toHaveLength(0);
    // Before any verdict, a tie is not adopted: our own token may well be the good one.
    s.clock.t += 59_000;
    s.store.value = token({ mint: readTokenClaims(twin)!.nbf! });
    s.answers.push(success(s));
    await s.engine.acquire(false);
    expect(s.calls).toEqual([twin]);
  });

  it('fail(): a token verdict on the retry ends the session (no second refresh)', async () => {
    const s = setup();
    const first = await start(s);
    const expired = classifyAnswer(401, { error: { code: 401, message: 'Token has expired' } });
    await expect(s.engine.fail(first, expired)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.calls).toHaveLength(0);
    expect(s.ended).toHaveLength(1);
  });

  it('DF 2.0 tokens: never refreshes inside the token’s mint second (its jti would collide)', async () => {
    const s = setup({ refreshLeewaySeconds: 59.9 }); // due almost at once
    // Minted 0.3 s before the end of its second.
    s.clock.t = 1_000_000_000_700;
    await start(s, { legacy: true });
    s.clock.t += 150;
    s.answers.push(success(s));
    const pending = Promise.resolve(s.engine.acquire(false));
    await flush();
    expect(s.calls).toHaveLength(0);
    await s.timers.advance(100);
    expect(s.calls).toHaveLength(0);
    await s.timers.advance(100); // past the second boundary (+ margin)
    expect(s.calls).toHaveLength(1);
    await pending;
  });

  it('modern tokens are refreshed without that wait', async () => {
    const s = setup({ refreshLeewaySeconds: 59.9 });
    s.clock.t = 1_000_000_000_700;
    await start(s);
    s.clock.t += 150;
    s.answers.push(success(s));
    await s.engine.acquire(false);
    expect(s.calls).toHaveLength(1);
  });

  it('keep-alive arms a timer at exp − leeway, and after a transient failure retries before exp', async () => {
    const s = setup({ keepAlive: true, refreshLeewaySeconds: 10 });
    await start(s, { ttl: 60 });
    expect(s.timers.nextDelay()).toBe(50_000);
    s.answers.push(async () => {
      throw new DfError('network', 'down');
    });
    await s.timers.advance(50_000);
    expect(s.calls).toHaveLength(1);
    expect(s.timers.nextDelay()).toBe(5_000); // half of the 10 s left
    s.answers.push(success(s));
    await s.timers.advance(5_000);
    expect(s.calls).toHaveLength(2);
    expect(s.engine.status()).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(s.timers.nextDelay()).toBe(50_000);
    s.engine.dispose();
    expect(s.timers.nextDelay()).toBeUndefined();
  });

  it('a leeway as long as the token lifetime falls back to half the lifetime', async () => {
    const s = setup({ refreshLeewaySeconds: 120, keepAlive: true });
    await start(s, { ttl: 60 });
    expect(s.timers.nextDelay()).toBe(30_000);
  });

  it('measures the server clock from the token mint time and converts exp to local time', async () => {
    const s = setup();
    await start(s, { mintOffsetMs: 600_000, ttl: 60 }); // server 10 min ahead
    const status = s.engine.status();
    expect(status.serverClockOffsetMs).toBeCloseTo(600_000, 0);
    expect(status.expiresAt).toBeCloseTo(s.clock.t + 60_000, 0);
  });

  describe('the server clock after a refresh', () => {
    const ahead = 600_000; // server 10 min ahead
    const refreshed = (s: Setup, claims: Omit<TokenOptions, 'mint'>) => async (): Promise<RefreshOutcome> => {
      const t = token({ mint: (s.clock.t + ahead) / 1000, ttl: 60, ...claims });
      return { ok: true, token: t, claims: readTokenClaims(t)!, sentAt: s.clock.t, receivedAt: s.clock.t };
    };

    it('a refreshed token that kept the login’s iat and has no nbf keeps the offset measured at login', async () => {
      const s = setup({ keepAlive: true });
      await start(s, { mintOffsetMs: ahead, ttl: 60 });
      const loginIat = readTokenClaims(s.store.value!)!.iat!;
      s.clock.t += 55_000;
      s.answers.push(refreshed(s, { iat: loginIat, nbf: null }));
      await s.engine.refresh();
      const status = s.engine.status();
      // Measured from the old iat this would be 545 000 (55 s too slow) and exp would land 55 s late.
      expect(status.serverClockOffsetMs).toBeCloseTo(ahead, 0);
      expect(status.expiresAt).toBeCloseTo(s.clock.t + 60_000, 0);
      // Lifetime estimated from the request, not from the old iat: the default leeway stays a tenth of 60 s.
      expect(s.timers.nextDelay()).toBeCloseTo(54_000, 0);
    });

    it('a refreshed token’s nbf is measured (the server clock may have stepped since login)', async () => {
      const s = setup();
      await start(s, { mintOffsetMs: ahead, ttl: 60 });
      const loginIat = readTokenClaims(s.store.value!)!.iat!;
      s.clock.t += 55_000;
      s.answers.push(refreshed(s, { iat: loginIat, nbf: (s.clock.t + ahead + 2_000) / 1000 }));
      await s.engine.refresh();
      expect(s.engine.status().serverClockOffsetMs).toBeCloseTo(ahead + 2_000, 0);
    });
  });

  it('status listeners: changes are pushed, a throwing listener is harmless, unsubscribe stops them', async () => {
    const s = setup();
    const seen: string[] = [];
    s.engine.onStatusChange(() => {
      throw new Error('listener bug');
    });
    const off = s.engine.onStatusChange((status) => seen.push(status.state));
    await start(s);
    s.clock.t += 59_000;
    s.answers.push(success(s));
    await s.engine.acquire(false);
    off();
    await s.engine.signOut();
    expect(seen).toEqual(['active', 'refreshing', 'active']);
    expect(s.engine.status().state).toBe('signed-out');
  });

  it('onSessionEnd throwing does not change the outcome', async () => {
    const s = setup({
      onSessionEnd: () => {
        throw new Error('host bug');
      },
    });
    const first = await start(s);
    const blacklisted = classifyAnswer(403, { error: { code: 403, message: 'The token has been blacklisted' } });
    await expect(s.engine.recover(first, blacklisted)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.engine.status().state).toBe('needs-sign-in');
  });

  it('a refresh finishing after sign-out does not resurrect the session', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    const answer = deferred<RefreshOutcome>();
    s.answers.push(() => answer.promise);
    const pending = Promise.resolve(s.engine.acquire(false)).catch((error: DfError) => error.kind);
    await flush();
    await s.engine.signOut();
    const t = token({ mint: s.clock.t / 1000 });
    answer.resolve({ ok: true, token: t, claims: readTokenClaims(t)!, sentAt: s.clock.t, receivedAt: s.clock.t });
    expect(await pending).toBe('session-ended');
    expect(s.engine.status().state).toBe('signed-out');
    expect(s.store.value).toBeNull();
  });

  it('storage failures while refreshing are reported, and the new token is still used', async () => {
    const failures: unknown[] = [];
    const s = setup({ onStorageError: (error) => failures.push(error) });
    await start(s);
    s.clock.t += 59_000;
    s.store.save = async () => {
      throw new Error('keychain locked');
    };
    s.answers.push(success(s));
    const value = await s.engine.acquire(false);
    expect(s.engine.currentToken()).toBe(value);
    expect(failures).toHaveLength(1);
  });
});

describe('SessionEngine: the last refresh failure', () => {
  const down = () => async (): Promise<RefreshOutcome> => {
    throw new DfError('network', 'down');
  };

  it('is stamped with the engine clock; the same failure again gets a new time; a success clears it', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    s.answers.push(down());
    await expect(s.engine.acquire(false)).rejects.toMatchObject({ kind: 'network' });
    const firstAt = s.clock.t;
    expect(s.engine.status().lastError).toEqual({ kind: 'network', message: 'down', at: firstAt });
    s.clock.t += 5_000;
    s.answers.push(down());
    await expect(s.engine.acquire(false)).rejects.toMatchObject({ kind: 'network' });
    expect(s.engine.status().lastError).toEqual({ kind: 'network', message: 'down', at: firstAt + 5_000 });
    s.answers.push(success(s));
    await s.engine.acquire(false);
    expect(s.engine.status().lastError).toBeUndefined();
  });

  it('the time is when the attempt failed, not when it started', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    const answer = deferred<RefreshOutcome>();
    s.answers.push(() => answer.promise);
    const pending = s.engine.acquire(false).catch((error: DfError) => error.kind);
    await flush();
    s.clock.t += 1_500;
    answer.resolve({ ok: false, answer: dfAnswer(503, 'Service Unavailable') });
    expect(await pending).toBe('server');
    expect(s.engine.status().lastError).toEqual({ kind: 'server', message: 'Service Unavailable', at: s.clock.t });
  });

  it('stays visible while a retry is in flight', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    s.answers.push(down());
    await expect(s.engine.acquire(false)).rejects.toMatchObject({ kind: 'network' });
    const failure = s.engine.status().lastError;
    const answer = deferred<RefreshOutcome>();
    s.answers.push(() => answer.promise);
    const retry = s.engine.refresh();
    await flush();
    expect(s.engine.status()).toMatchObject({ state: 'refreshing', lastError: failure });
    answer.resolve(await success(s)(''));
    await retry;
    expect(s.engine.status()).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(s.engine.status().lastError).toBeUndefined();
  });

  it('status() is a pure read: no listener hears it, and changing what it returned changes nothing', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    s.answers.push(down());
    await expect(s.engine.acquire(false)).rejects.toThrow();
    const heard: unknown[] = [];
    s.engine.onStatusChange((status) => heard.push(status));
    const first = s.engine.status();
    s.clock.t += 10_000;
    const second = s.engine.status();
    expect(second).toEqual(first);
    if (first.lastError !== undefined) first.lastError.at = 0;
    first.refreshCount = 99;
    expect(s.engine.status()).toEqual(second);
    expect(heard).toHaveLength(0);
  });

  it('an ended session shows the ending as its last error, timed, and why in endedReason', async () => {
    const s = setup();
    await start(s);
    s.clock.t += 59_000;
    s.answers.push(async () => ({ ok: false, answer: dfAnswer(401, 'Token refresh failed. Token has expired and can no longer be refreshed') }));
    await expect(s.engine.acquire(false)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.engine.status()).toMatchObject({
      state: 'needs-sign-in',
      endedReason: 'Token refresh failed. Token has expired and can no longer be refreshed',
      lastError: { kind: 'session-ended', at: s.clock.t },
    });
  });
});

describe('SessionEngine: secrets in what it keeps and reports', () => {
  const apiKey = 'secret-api-key-0123456789';

  it('an API key quoted by the server reaches neither the status, nor onSessionEnd, nor the waiting callers', async () => {
    const s = setup({ secrets: [apiKey] });
    const sent = await start(s);
    s.clock.t += 59_000;
    s.answers.push(async () => ({ ok: false, answer: dfAnswer(503, `Upstream refused key ${apiKey} for ${sent}`) }));
    const transient = await rejection(s.engine.acquire(false), DfError);
    expect(JSON.stringify(s.engine.status())).not.toContain(apiKey);
    s.answers.push(async () => ({ ok: false, answer: dfAnswer(401, `Token refresh failed. Key ${apiKey} is revoked`) }));
    const terminal = await rejection(s.engine.acquire(false), DfError);
    const status = s.engine.status();
    expect(status.state).toBe('needs-sign-in');
    for (const text of [transient.message, terminal.message, s.ended[0]?.message, status.endedReason, status.lastError?.message]) {
      expect(text).toBeTypeOf('string');
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(sent);
    }
  });

  it('the same for a token verdict of an ordinary request', async () => {
    const s = setup({ secrets: [apiKey] });
    const sent = await start(s);
    const verdict = classifyAnswer(403, { error: { code: 403, message: `The token has been blacklisted (key ${apiKey})` } });
    const error = await rejection(s.engine.recover(sent, verdict), DfError);
    expect(error.kind).toBe('session-ended');
    for (const text of [error.message, s.ended[0]?.message, s.engine.status().endedReason]) expect(text).not.toContain(apiKey);
  });
});
