// The state machine on its own: single-flight refreshes, identity checks that keep stale work away from a new
// session, and the listeners.
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/errors.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { SessionMachine } from '../../../shared/df/session-machine.ts';
import type { Session } from '../../../shared/df/session-state.ts';
import { NO_HISTORY, afterRefresh, newSession } from '../../../shared/df/session-state.ts';
import type { DfSessionStatus } from '../../../shared/df/session-types.ts';
import { deferred, token } from './engine-fixtures.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { flush } from '../../fixtures/waiting.ts';

function setup() {
  const clock = new ManualClock();
  const machine = new SessionMachine(clock, { refreshWindowSeconds: 3600 }, undefined);
  const seen: DfSessionStatus['state'][] = [];
  machine.onStatusChange((status) => seen.push(status.state));
  const session = (): Session => {
    const t = token({ mint: clock.t / 1000 });
    return newSession(machine.factsOf(t, readTokenClaims(t)!, 'stored'));
  };
  return { clock, machine, seen, session };
}

describe('SessionMachine', () => {
  it('one refresh at a time: later callers get the pending promise; the state says refreshing until it settles', async () => {
    const { machine, seen, session } = setup();
    const first = session();
    machine.activate(first);
    const answer = deferred<string>();
    const tasks: Session[] = [];
    const task = (current: Session) => {
      tasks.push(current);
      return answer.promise;
    };
    const a = machine.refresh(task);
    const b = machine.refresh(task);
    expect(b).toBe(a);
    expect(tasks).toEqual([first]);
    expect(machine.state).toMatchObject({ kind: 'refreshing', session: first, refresh: a });
    answer.resolve('new');
    expect(await a).toBe('new');
    await flush();
    expect(machine.state).toEqual({ kind: 'active', session: first });
    expect(seen).toEqual(['refreshing', 'active']);
  });

  it('refuses to refresh without a session', async () => {
    const { machine } = setup();
    await expect(machine.refresh(async () => 'x')).rejects.toMatchObject({ kind: 'session-ended' });
    machine.end(new DfError('session-ended', 'gone'), null, NO_HISTORY);
    await expect(machine.refresh(async () => 'x')).rejects.toThrow(/has ended/);
  });

  it('replace() moves the current session on, keeping the pending refresh; a stale `from` changes nothing', async () => {
    const { machine, session } = setup();
    const first = session();
    machine.activate(first);
    const answer = deferred<string>();
    const pending = machine.refresh(() => answer.promise);
    const next = afterRefresh(first, session().facts, 1);
    machine.replace(first, next);
    expect(machine.state).toMatchObject({ kind: 'refreshing', session: next, refresh: pending });
    expect(machine.isCurrent(first)).toBe(false);
    expect(machine.isCurrent(next)).toBe(true);
    machine.replace(first, session());
    expect(machine.session).toBe(next);
    answer.resolve('t');
    await pending;
    await flush();
    expect(machine.state).toEqual({ kind: 'active', session: next });
  });

  it('a sign-out during a refresh: the old refresh settling leaves the new state alone', async () => {
    const { machine, session } = setup();
    const first = session();
    machine.activate(first);
    const answer = deferred<string>();
    const pending = machine.refresh(() => answer.promise);
    machine.signOut();
    const signedOutState = machine.state;
    expect(machine.isCurrent(first)).toBe(false);
    machine.replace(first, session());
    answer.resolve('late');
    await pending;
    await flush();
    expect(machine.state).toBe(signedOutState);
  });

  it('a new sign-in during a refresh: the new session is not refreshing, and later refreshes are its own', async () => {
    const { machine, session } = setup();
    machine.activate(session());
    const old = deferred<string>();
    const oldRefresh = machine.refresh(() => old.promise);
    const second = session();
    machine.activate(second);
    const mine = machine.refresh(async () => 'mine');
    expect(mine).not.toBe(oldRefresh);
    old.resolve('old');
    await oldRefresh;
    await flush();
    expect(machine.session).toBe(second);
    expect(await mine).toBe('mine');
  });

  it('end() keeps the reason with the time it happened', () => {
    const { clock, machine } = setup();
    const reason = new DfError('session-ended', 'blacklisted');
    machine.end(reason, null, NO_HISTORY);
    expect(machine.state).toEqual({ kind: 'ended', reason, at: clock.t, claims: null, history: NO_HISTORY });
    expect(machine.status()).toMatchObject({ state: 'needs-sign-in', endedReason: 'blacklisted' });
  });

  it('the clock offset is measured from a received token and kept across sessions', () => {
    const { clock, machine } = setup();
    const t = token({ mint: (clock.t + 600_000) / 1000 });
    machine.factsOf(t, readTokenClaims(t)!, 'login', { sentAt: clock.t, receivedAt: clock.t });
    machine.signOut();
    expect(machine.status().serverClockOffsetMs).toBeCloseTo(600_000, 0);
    machine.assumeOffsetFrom(readTokenClaims(t)!, clock.t);
    expect(machine.status().serverClockOffsetMs).toBeCloseTo(600_000, 0);
  });

  it('a stored token minted in the future sets the offset only when nothing was measured', () => {
    const { clock, machine } = setup();
    const t = token({ mint: (clock.t + 5_000) / 1000 });
    machine.assumeOffsetFrom(readTokenClaims(t)!, clock.t);
    expect(machine.status().serverClockOffsetMs).toBeCloseTo(5_000, 0);
  });

  it('listeners: a throwing one is harmless, unsubscribing and clearing stop them', () => {
    const { machine, seen } = setup();
    machine.onStatusChange(() => {
      throw new Error('listener bug');
    });
    const extra: string[] = [];
    const off = machine.onStatusChange((status) => extra.push(status.state));
    machine.emit();
    off();
    machine.emit();
    machine.clearListeners();
    machine.emit();
    expect(extra).toEqual(['signed-out']);
    expect(seen).toEqual(['signed-out', 'signed-out']);
  });
});
