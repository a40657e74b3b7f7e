// resumeFromStore() on its own (a real state machine, a scripted PUT): what the stored token leads to, and that
// a client signed out anyway hears nothing when the store is empty (a key-only client's lazy first request).
import { describe, expect, it } from 'vitest';
import type { DfError } from '../../../shared/df/errors.ts';
import { withoutSecrets } from '../../../shared/df/errors.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { RefreshScheduler } from '../../../shared/df/refresh-scheduler.ts';
import { resumeFromStore } from '../../../shared/df/session-launch.ts';
import { SessionMachine } from '../../../shared/df/session-machine.ts';
import { Refresher } from '../../../shared/df/session-refresh.ts';
import { newSession } from '../../../shared/df/session-state.ts';
import type { RefreshOutcome } from '../../../shared/df/session-types.ts';
import { deferred, token } from './engine-fixtures.ts';
import { MemoryTokenStore } from './helpers.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';

function setup(stored: string | null) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const store = new MemoryTokenStore(stored);
  const puts: string[] = [];
  const refresh = async (sent: string): Promise<RefreshOutcome> => {
    puts.push(sent);
    const t = token({ mint: clock.t / 1000 });
    return { ok: true, token: t, claims: readTokenClaims(t)!, sentAt: clock.t, receivedAt: clock.t };
  };
  const options = { tokens: store, refresh, clock, timers, keepAlive: false, refreshWindowSeconds: 3600, refreshWindowKnown: true };
  const machine = new SessionMachine(clock, options, undefined);
  const scheduler = new RefreshScheduler({ clock, timers, keepAlive: false, onDue: () => undefined });
  const ends: DfError[] = [];
  const end = async (reason: DfError) => {
    ends.push(reason);
    machine.end(reason, null, { refreshCount: 0, lastRefreshAt: undefined, lastFailure: undefined });
  };
  const refresher = new Refresher({
    options,
    machine,
    scheduler,
    end: async (_session, reason) => {
      ends.push(reason);
      throw reason;
    },
    withoutSecrets: (error, sent) => withoutSecrets(error, [sent]),
  });
  const heard: string[] = [];
  machine.onStatusChange((status) => heard.push(status.state));
  const context = { options, machine, scheduler, refresher, end };
  return { clock, store, machine, puts, ends, heard, context };
}

describe('resumeFromStore', () => {
  it('a valid stored token: active, no PUT, one status change', async () => {
    const s = setup(null);
    s.store.value = token({ mint: s.clock.t / 1000 });
    await resumeFromStore(s.context);
    expect(s.machine.state.kind).toBe('active');
    expect(s.puts).toEqual([]);
    expect(s.heard).toEqual(['active']);
  });

  it('expired inside the (known) window: one PUT; past it: ended without a request', async () => {
    const s = setup(token({ mint: 1_000_000_000 - 120, ttl: 60 }));
    await resumeFromStore(s.context);
    expect(s.puts).toHaveLength(1);
    expect(s.machine.state.kind).toBe('active');
    const old = setup(token({ mint: 1_000_000_000 - 7200, ttl: 60 }));
    await resumeFromStore(old.context);
    expect(old.puts).toEqual([]);
    expect(old.ends[0]?.message).toMatch(/refresh window/);
  });

  it('an empty store for a client signed out anyway: nothing changes, nobody is told', async () => {
    const s = setup(null);
    await resumeFromStore(s.context);
    expect(s.machine.state.kind).toBe('signed-out');
    expect(s.heard).toEqual([]);
  });

  it('a sign-in while the store is read wins over what was read', async () => {
    const s = setup(token({ mint: 1_000_000_000 }));
    const slow = deferred<string | null>();
    s.store.load = () => slow.promise;
    const resuming = resumeFromStore(s.context);
    const mine = token({ mint: s.clock.t / 1000, userId: 2 });
    const session = newSession(s.machine.factsOf(mine, readTokenClaims(mine)!, 'login', { sentAt: s.clock.t, receivedAt: s.clock.t }));
    s.machine.activate(session);
    slow.resolve(token({ mint: 1_000_000_000 }));
    await resuming;
    expect(s.machine.session?.facts.token).toBe(mine);
  });
});
