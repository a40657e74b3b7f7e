// watchPowerAndNetwork with an EventEmitter for powerMonitor, a switchable `net`, recorded session checks and
// manual timers for the network poll. The checks themselves run on real servers in sessions/wake-checks.test.ts.
import { EventEmitter } from 'node:events';
import type { Net, PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import type {
  OnlineStatusLike,
  PowerMonitorLike,
  SessionChecks,
} from '../../../../electron/main/services/power-events.ts';
import {
  NETWORK_POLL_MS,
  SUSPEND_HORIZON_MS,
  watchPowerAndNetwork,
} from '../../../../electron/main/services/power-events.ts';
import type { CheckTrigger } from '../../../../electron/main/services/sessions/wake-checks.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { flush } from '../../../fixtures/waiting.ts';
import { recordingLogger } from '../adapters/fixtures/test-keyring.ts';

// Typechecked (npx tsc -b): the objects the shell passes, Electron's own, fit the ports.
const electronFits: [PowerMonitorLike, OnlineStatusLike] = [{} as PowerMonitor, {} as Net];
void electronFits;

interface Call {
  trigger: CheckTrigger;
  horizonMs: number | undefined;
  finish: () => void;
  fail: (error: Error) => void;
}

function setup(options: { online?: boolean } = {}) {
  const power = new EventEmitter();
  const network = { online: options.online ?? true, isOnline: (): boolean => network.online };
  const calls: Call[] = [];
  const sessions: SessionChecks = {
    checkSessions: (trigger, horizonMs) =>
      new Promise<void>((resolve, reject) => calls.push({ trigger, horizonMs, finish: resolve, fail: reject })),
  };
  const timers = new ManualTimers(new ManualClock());
  const logger = recordingLogger();
  const watch = watchPowerAndNetwork({ power, network, sessions, timers, logger });
  const done = new Set<Call>();
  /** Lets every recorded check finish (and any that follows it) until none is left. */
  const finishAll = async () => {
    for (let call = calls.find((c) => !done.has(c)); call !== undefined; call = calls.find((c) => !done.has(c))) {
      done.add(call);
      call.finish();
      await flush();
    }
    await watch.idle();
  };
  return { power, network, calls, timers, logger, watch, finishAll };
}

describe('watchPowerAndNetwork', () => {
  it("'resume' and 'unlock-screen' each check every session, refreshing only what is due", async () => {
    const s = setup();
    s.power.emit('resume');
    await s.finishAll();
    s.power.emit('unlock-screen');
    await s.finishAll();
    expect(s.calls.map(({ trigger, horizonMs }) => [trigger, horizonMs])).toEqual([
      ['resume', 0],
      ['unlock-screen', 0],
    ]);
  });

  it("'suspend' refreshes the tokens due within the horizon (8 h)", async () => {
    const s = setup();
    s.power.emit('suspend');
    await s.finishAll();
    expect(SUSPEND_HORIZON_MS).toBe(8 * 3_600_000);
    expect(s.calls.map(({ trigger, horizonMs }) => [trigger, horizonMs])).toEqual([['suspend', SUSPEND_HORIZON_MS]]);
  });

  it("'suspend' while offline sends nothing (the refresh could only fail) and says so", async () => {
    const s = setup({ online: false });
    s.power.emit('suspend');
    await s.finishAll();
    expect(s.calls).toEqual([]);
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringMatching(/offline/) }));
  });

  it('events during a check coalesce into one more check, for the latest of them', async () => {
    const s = setup();
    s.power.emit('resume');
    s.power.emit('resume');
    s.power.emit('unlock-screen');
    s.power.emit('resume');
    expect(s.calls).toHaveLength(1);
    await s.finishAll();
    expect(s.calls.map((call) => call.trigger)).toEqual(['resume', 'resume']);
  });

  it('only an offline → online change of the network triggers a check, noticed at the next poll', async () => {
    const s = setup();
    await s.timers.advance(3 * NETWORK_POLL_MS); // online all along
    expect(s.calls).toEqual([]);
    s.network.online = false;
    await s.timers.advance(NETWORK_POLL_MS);
    expect(s.calls).toEqual([]);
    s.network.online = true;
    await s.timers.advance(NETWORK_POLL_MS - 1);
    expect(s.calls).toEqual([]);
    await s.timers.advance(1);
    expect(s.calls.map(({ trigger, horizonMs }) => [trigger, horizonMs])).toEqual([['network-back', 0]]);
    await s.finishAll();
    await s.timers.advance(5 * NETWORK_POLL_MS);
    expect(s.calls).toHaveLength(1);
  });

  it('an offline start, then the network: one check; a failing isOnline() changes nothing', async () => {
    const s = setup({ online: false });
    s.network.isOnline = () => {
      throw new Error('net is gone');
    };
    await s.timers.advance(2 * NETWORK_POLL_MS);
    expect(s.calls).toEqual([]);
    s.network.isOnline = () => true;
    await s.timers.advance(NETWORK_POLL_MS);
    expect(s.calls.map((call) => call.trigger)).toEqual(['network-back']);
  });

  it('a failed check is logged, and the next event checks again', async () => {
    const s = setup();
    s.power.emit('resume');
    s.calls[0]?.fail(new Error('boom'));
    await s.watch.idle();
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ trigger: 'resume' }) }));
    s.power.emit('resume');
    expect(s.calls).toHaveLength(2);
  });

  it('stop(): no more listeners or polls; a check under way finishes, none follows it', async () => {
    const s = setup();
    s.power.emit('resume');
    s.power.emit('unlock-screen');
    s.watch.stop();
    expect(['suspend', 'resume', 'unlock-screen'].map((event) => s.power.listenerCount(event))).toEqual([0, 0, 0]);
    expect(s.timers.pending.size).toBe(0);
    await s.finishAll();
    s.power.emit('resume');
    expect(s.calls.map((call) => call.trigger)).toEqual(['resume']);
  });
});
