// The keep-alive timer: refreshes before exp even while idle, the only way to keep a DF 2.9–2.14 session
// (docs/dreamfactory-protocol.md §8), and retries a failed background refresh with back-off.
import type { Clock, TimerHandle, Timers } from './clock.ts';
import { MAX_TIMER_DELAY_MS, unrefTimer } from './clock.ts';
import type { TokenFacts } from './token-timing.ts';
import { keepAliveDelay, retryDelay } from './token-timing.ts';

export interface RefreshSchedulerOptions {
  clock: Clock;
  timers: Timers;
  /** False: never arms a timer (refreshes then only happen when a request needs one). */
  keepAlive: boolean;
  /** The timer fired: refresh now. */
  onDue: () => void;
}

/** One timer at most. Knows nothing of sessions: the engine tells it which token to keep alive. */
export class RefreshScheduler {
  private readonly options: RefreshSchedulerOptions;
  private timer: TimerHandle | undefined;
  /** Failed background refreshes in a row (back-off after exp). */
  private failures = 0;
  private disposed = false;

  constructor(options: RefreshSchedulerOptions) {
    this.options = options;
  }

  /** Arms the keep-alive refresh of `facts` (null: nothing to keep alive). */
  keepAlive(facts: TokenFacts | null): void {
    this.cancel();
    if (facts !== null) this.arm(keepAliveDelay(facts, this.options.clock.now()));
  }

  /** A refresh succeeded: arm the next one, and the next failure is a first one again. */
  refreshed(facts: TokenFacts | null): void {
    this.failures = 0;
    this.keepAlive(facts);
  }

  /** A background refresh failed: try again, before exp where possible. */
  retry(facts: TokenFacts | null): void {
    if (facts === null || !this.active()) return;
    this.failures++;
    this.arm(retryDelay(facts, this.options.clock.now(), this.failures));
  }

  /** A new session (sign-in, sign-out, launch): no timer, no failures counted. */
  reset(): void {
    this.cancel();
    this.failures = 0;
  }

  cancel(): void {
    if (this.timer === undefined) return;
    this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private active(): boolean {
    return this.options.keepAlive && !this.disposed;
  }

  private arm(delayMs: number): void {
    this.cancel();
    if (!this.active()) return;
    const delay = Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS);
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) this.options.onDue();
    }, delay);
    // Nobody awaits a keep-alive, so it must not hold a Node process open.
    unrefTimer(this.timer);
  }
}
