/**
 * Sleep, wake and the network's return, turned into session checks (sessions/wake-checks.ts). On 'resume',
 * 'unlock-screen' and when the network comes back, every session is checked at once: refreshed if due, its
 * keep-alive re-armed (a sleep leaves that timer late). On 'suspend', every token that would expire within
 * SUSPEND_HORIZON_MS is refreshed first. Electron's powerMonitor and net sit behind the two ports below, so
 * Node tests drive them; the shell passes the real objects.
 */
import type { TimerHandle, Timers } from '../../../shared/df/index.ts';
import { systemTimers } from '../../../shared/df/index.ts';
import { unrefTimer } from '../../../shared/df/clock.ts';
import type { Logger } from '../ports.ts';
import type { CheckTrigger } from './sessions/wake-checks.ts';

export type PowerEvent = 'suspend' | 'resume' | 'unlock-screen';

/** Electron's powerMonitor, as far as this uses it ('unlock-screen' only comes on macOS and Windows). */
export interface PowerMonitorLike {
  on(event: PowerEvent, listener: () => void): unknown;
  removeListener(event: PowerEvent, listener: () => void): unknown;
}

/** Electron's `net`: the main process can ask whether it is online, but gets no 'online' event. */
export interface OnlineStatusLike {
  isOnline(): boolean;
}

/** The session manager's checks (SessionManager.checkSessions). */
export interface SessionChecks {
  checkSessions(trigger: CheckTrigger, horizonMs?: number): Promise<unknown>;
}

/**
 * Before a sleep, refresh every token that would expire within this: 8 hours covers a night with the lid
 * closed, and DF's default DF_JWT_TTL (60 minutes up to DF 3.1.1) puts every token within it. A fresh token
 * outlives the sleep only if DF_JWT_TTL is longer than the sleep; what the refresh buys for certain is the
 * token's whole lifetime, counted from the moment the computer goes to sleep. On DF 2.9–2.14, which cannot
 * renew an expired token, that is the only way a session survives a sleep at all. Tokens with more time left
 * would outlive most sleeps anyway, so they are spared the PUT (the OS gives an app only seconds to act).
 */
export const SUSPEND_HORIZON_MS = 8 * 60 * 60 * 1000;

/** How often the network is polled: its return is noticed within this. */
export const NETWORK_POLL_MS = 5_000;

export interface PowerWatchDeps {
  power: PowerMonitorLike;
  network: OnlineStatusLike;
  sessions: SessionChecks;
  logger: Logger;
  timers?: Timers | undefined;
  pollMs?: number;
  horizonMs?: number;
}

export interface PowerWatch {
  /** Stops listening and polling; a check under way finishes, none follows. */
  stop(): void;
  /** Resolves once no check runs or waits (for tests: the shell need not wait). */
  idle(): Promise<void>;
}

interface CheckRequest {
  trigger: CheckTrigger;
  horizonMs: number;
}

function onlineNow(network: OnlineStatusLike, previous: boolean): boolean {
  try {
    return network.isOnline();
  } catch {
    return previous;
  }
}

/**
 * Runs one check at a time. Events that come while one runs (a 'resume' and an 'unlock-screen' together, a
 * burst of the same event) make one more check after it, for the latest event: it costs no PUT when the first
 * refreshed everything, yet catches what changed meanwhile (the network came up while the first failed).
 */
class CheckRunner {
  private running: Promise<void> | null = null;
  private next: CheckRequest | null = null;
  stopped = false;

  constructor(private readonly deps: PowerWatchDeps) {}

  request(request: CheckRequest): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.next = request;
      return;
    }
    this.running = this.drain(request);
  }

  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async drain(first: CheckRequest): Promise<void> {
    let request: CheckRequest | null = first;
    try {
      while (request !== null && !this.stopped) {
        await this.run(request);
        request = this.next;
        this.next = null;
      }
    } finally {
      // In the same turn as the last look at `next`, so no request can fall between the two.
      this.running = null;
    }
  }

  private async run({ trigger, horizonMs }: CheckRequest): Promise<void> {
    const { sessions, network, logger } = this.deps;
    if (trigger === 'suspend' && !onlineNow(network, true)) {
      // A refresh now could only fail; the check on wake does what can be done then.
      logger.info('Going to sleep while offline: no session was refreshed first.');
      return;
    }
    try {
      await sessions.checkSessions(trigger, horizonMs);
    } catch (error) {
      logger.warn('Checking the sessions failed.', { trigger, error });
    }
  }
}

/**
 * Starts listening to the power monitor and polling the network; returns how to stop. Only an offline →
 * online change of `network.isOnline()` triggers a check (a false "online" costs one check that finds the
 * network still down; the engine's back-off then takes over).
 */
export function watchPowerAndNetwork(deps: PowerWatchDeps): PowerWatch {
  const { power, network } = deps;
  const timers = deps.timers ?? systemTimers;
  const pollMs = deps.pollMs ?? NETWORK_POLL_MS;
  const horizonMs = deps.horizonMs ?? SUSPEND_HORIZON_MS;
  const runner = new CheckRunner(deps);
  const listeners: Record<PowerEvent, () => void> = {
    suspend: () => runner.request({ trigger: 'suspend', horizonMs }),
    resume: () => runner.request({ trigger: 'resume', horizonMs: 0 }),
    'unlock-screen': () => runner.request({ trigger: 'unlock-screen', horizonMs: 0 }),
  };
  for (const [event, listener] of Object.entries(listeners) as [PowerEvent, () => void][]) power.on(event, listener);

  let online = onlineNow(network, true);
  let timer: TimerHandle | undefined;
  const poll = (): void => {
    const now = onlineNow(network, online);
    if (now && !online) runner.request({ trigger: 'network-back', horizonMs: 0 });
    online = now;
    timer = timers.setTimeout(poll, pollMs);
    // A poll must not keep a Node process (a test, a script) alive.
    unrefTimer(timer);
  };
  timer = timers.setTimeout(poll, pollMs);
  unrefTimer(timer);

  return {
    stop() {
      runner.stopped = true;
      for (const [event, listener] of Object.entries(listeners) as [PowerEvent, () => void][]) {
        power.removeListener(event, listener);
      }
      timers.clearTimeout(timer);
    },
    idle: () => runner.idle(),
  };
}
