// A total deadline for one DF call, on the injected timers. axios's `timeout` in Node only fires while the socket
// is idle, so a server trickling a byte at a time would keep a call (and everything waiting on it) pending for
// ever; this aborts the call's socket when its time is up and rejects at once, whatever the call is waiting for.
import type { GenericAbortSignal } from 'axios';
import type { Timers } from './clock.ts';
import { MAX_TIMER_DELAY_MS } from './clock.ts';
import { DfError, transportError } from './errors.ts';
import { deadlineFailure } from './transport-failure.ts';

type AbortListener = (this: DeadlineSignal, event: { type: 'abort' }) => void;

/**
 * The part of an AbortSignal axios's adapters use (`aborted`, `reason`, add/removeEventListener; listeners
 * called with the signal as `this`, as EventTarget does): an AbortController per request costs microseconds of
 * EventTarget work on the hot path, this a few dozen nanoseconds.
 */
class DeadlineSignal implements GenericAbortSignal {
  aborted = false;
  reason: unknown = undefined;
  private listeners: AbortListener[] = [];

  addEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort' && !this.aborted) this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: AbortListener): void {
    const index = type === 'abort' ? this.listeners.indexOf(listener) : -1;
    if (index >= 0) this.listeners.splice(index, 1);
  }

  abort(reason: unknown = new Error('The call was given up.')): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = [];
    // axios reads an event with a `type` as "canceled" and destroys the request (the socket closes).
    for (const listener of listeners) {
      try {
        listener.call(this, { type: 'abort' });
      } catch {
        // One listener failing must not keep the others (the socket's) from hearing it.
      }
    }
  }
}

/** The call did not complete within `ms`: kind 'network', and the transport failure says so. */
export function deadlineError(ms: number): DfError {
  const transport = deadlineFailure(ms);
  return new DfError('network', transport.message, { transport, code: 'ETIMEDOUT' });
}

/** A request was not sent because its signal had aborted (its deadline passed, or its caller canceled it). */
export function notSentError(): DfError {
  return transportError(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' }));
}

/** A usable deadline: positive and finite (0, negative or missing means none, as axios's `timeout`). */
export function hasDeadline(ms: number | undefined): ms is number {
  return ms !== undefined && ms > 0 && Number.isFinite(ms);
}

/** A call in flight under a deadline, as its owner may need to handle it. */
export interface InFlightCall {
  /** Clears the deadline's timer; the call goes on without one. */
  drop(): void;
  /** Gives the call up now: its signal aborts (the socket closes). */
  abort(): void;
}

/**
 * Runs `call` with a signal that aborts when `ms` have passed on `timers` (or when `outer`, the caller's own
 * signal, aborts), and rejects with deadlineError(ms) at that moment. Without a usable `ms`, runs `call` as is.
 * `inFlight` holds each call while it runs.
 */
export function withDeadline<T>(
  timers: Timers,
  ms: number | undefined,
  outer: GenericAbortSignal | undefined,
  call: (signal: GenericAbortSignal | undefined) => Promise<T>,
  inFlight?: Set<InFlightCall>,
): Promise<T> {
  if (!hasDeadline(ms)) return call(outer);
  const signal = new DeadlineSignal();
  const forward = (): void => signal.abort();
  if (outer?.aborted === true) signal.abort();
  else outer?.addEventListener?.('abort', forward);
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(
      () => {
        reject(deadlineError(ms));
        // Closes the socket (axios destroys the request on abort); a wait on something else is simply left.
        signal.abort();
      },
      Math.min(ms, MAX_TIMER_DELAY_MS),
    );
    const entry: InFlightCall = { drop: () => timers.clearTimeout(timer), abort: () => signal.abort() };
    inFlight?.add(entry);
    let pending: Promise<T>;
    try {
      pending = call(signal);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(resolve, reject).finally(() => {
      entry.drop();
      inFlight?.delete(entry);
      outer?.removeEventListener?.('abort', forward);
    });
  });
}
