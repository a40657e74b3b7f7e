// One refresh on its own (a real state machine, a scripted PUT): adoption from the store, recorded failures,
// terminal answers, and stale work after a sign-in.
import { describe, expect, it } from 'vitest';
import { DfError, classifyAnswer, withoutSecrets } from '../../../shared/df/errors.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { RefreshScheduler } from '../../../shared/df/refresh-scheduler.ts';
import { SessionMachine } from '../../../shared/df/session-machine.ts';
import { Refresher } from '../../../shared/df/session-refresh.ts';
import type { Session } from '../../../shared/df/session-state.ts';
import { newSession } from '../../../shared/df/session-state.ts';
import type { RefreshOutcome } from '../../../shared/df/session-types.ts';
import { deferred, token } from './engine-fixtures.ts';
import { MemoryTokenStore } from './helpers.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { flush } from '../../fixtures/waiting.ts';

const KEY = 'secret-api-key-0123456789';

function setup(refresh: (sent: string) => Promise<RefreshOutcome>) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const store = new MemoryTokenStore();
  const options = { tokens: store, refresh, clock, timers, keepAlive: false, refreshWindowSeconds: 3600 };
  const machine = new SessionMachine(clock, options, undefined);
  const scheduler = new RefreshScheduler({ clock, timers, keepAlive: false, onDue: () => undefined });
  const ends: { reason: DfError; clearStore: boolean }[] = [];
  const refresher = new Refresher({
    options,
    machine,
    scheduler,
    async end(_session, reason, clearStore) {
      ends.push({ reason, clearStore });
      throw reason;
    },
    withoutSecrets: (error, sent) => withoutSecrets(error, [KEY, sent]),
  });
  const signIn = (userId = 1): Session => {
    const t = token({ mint: clock.t / 1000, userId });
    const session = newSession(machine.factsOf(t, readTokenClaims(t)!, 'login', { sentAt: clock.t, receivedAt: clock.t }));
    machine.activate(session);
    return session;
  };
  return { clock, store, machine, refresher, ends, signIn };
}

const answer = (status: number, message: string): RefreshOutcome => ({
  ok: false,
  answer: classifyAnswer(status, { error: { code: status, message } }, { phase: 'refresh' }),
});

describe('Refresher', () => {
  it('saves the new token before resolving, and the session moves on with one more refresh', async () => {
    const s = setup(async () => {
      const t = token({ mint: s.clock.t / 1000 });
      return { ok: true, token: t, claims: readTokenClaims(t)!, sentAt: s.clock.t, receivedAt: s.clock.t };
    });
    s.signIn();
    const fresh = await s.machine.refresh(s.refresher.run);
    expect(s.store.value).toBe(fresh);
    expect(s.machine.session?.facts.token).toBe(fresh);
    expect(s.machine.status()).toMatchObject({ refreshCount: 1, lastRefreshAt: s.clock.t });
  });

  it('adopts a newer token of the same user from the store instead of sending a PUT', async () => {
    const puts: string[] = [];
    const s = setup(async (sent) => {
      puts.push(sent);
      return answer(503, 'unused');
    });
    s.signIn();
    s.clock.t += 1_000;
    s.store.value = token({ mint: s.clock.t / 1000 });
    expect(await s.machine.refresh(s.refresher.run)).toBe(s.store.value);
    expect(puts).toHaveLength(0);
  });

  it('a failed attempt is recorded with the time it failed, without the API key', async () => {
    const s = setup(async () => {
      s.clock.t += 700;
      return answer(503, `Busy; key ${KEY}`);
    });
    s.signIn();
    const error = await rejection(s.machine.refresh(s.refresher.run), DfError);
    expect(error).toMatchObject({ kind: 'server' });
    expect(error.message).not.toContain(KEY);
    expect(s.machine.status().lastError).toEqual({ kind: 'server', message: error.message, at: s.clock.t });
  });

  it('a terminal answer ends the session, but keeps another user’s token in the store', async () => {
    const s = setup(async () => {
      s.store.value = token({ mint: s.clock.t / 1000 + 1, userId: 2 });
      return answer(401, 'Token refresh failed. The token has been blacklisted');
    });
    s.signIn();
    await expect(s.machine.refresh(s.refresher.run)).rejects.toMatchObject({ kind: 'session-ended' });
    expect(s.ends).toMatchObject([{ reason: { message: 'Token refresh failed. The token has been blacklisted' }, clearStore: false }]);
  });

  it('a sign-in while the PUT is out: the late answer is stale and the new session is untouched', async () => {
    const put = deferred<RefreshOutcome>();
    const s = setup(() => put.promise);
    s.signIn();
    const pending = s.machine.refresh(s.refresher.run).catch((error: DfError) => error.message);
    await flush();
    const second = s.signIn();
    put.resolve(answer(503, 'late'));
    expect(await pending).toMatch(/session changed/);
    expect(s.machine.session).toBe(second);
    expect(s.machine.status().lastError).toBeUndefined();
  });
});
