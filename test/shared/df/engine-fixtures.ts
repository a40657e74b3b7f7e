// Deterministic time and tokens for the session engine's unit tests: a manual clock, timers fired by
// advance(), and DF-shaped JWTs with chosen claims.
import type { Clock, Timers } from '../../../shared/df/clock.ts';

export class ManualClock implements Clock {
  // Not a whole second: fractional claims are exact (whole ones add a second of uncertainty, see clock.ts).
  t = 1_000_000_000_123;
  now = (): number => this.t;
}

export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { at: number; callback: () => void }>();
  constructor(private readonly clock: ManualClock) {}
  setTimeout(callback: () => void, ms: number): number {
    const id = this.next++;
    this.pending.set(id, { at: this.clock.t + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Moves the clock forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.t + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.pending.delete(due[0]);
      this.clock.t = Math.max(this.clock.t, due[1].at);
      due[1].callback();
      await flush();
    }
    this.clock.t = end;
    await flush();
  }
  nextDelay(): number | undefined {
    const ats = [...this.pending.values()].map((timer) => timer.at - this.clock.t);
    return ats.length === 0 ? undefined : Math.min(...ats);
  }
}

/** Lets pending promise callbacks run (a refresh passes through several awaits). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

let serial = 0;
export interface TokenOptions {
  mint: number;
  ttl?: number;
  userId?: number;
  legacy?: boolean;
  forever?: boolean;
  /** Default: the mint time (a non-forever refresh keeps the login's instead). */
  iat?: number;
  /** Default: the mint time; null leaves the claim out. */
  nbf?: number | null;
}

/** A DF-shaped JWT (unsigned: the client never verifies). */
export function token(options: TokenOptions): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    sub: options.legacy ? (options.userId ?? 1) : `md5-${options.userId ?? 1}`,
    user_id: options.userId ?? 1,
    forever: options.forever ?? false,
    iat: options.iat ?? options.mint,
    ...(options.nbf === null ? {} : { nbf: options.nbf ?? options.mint }),
    exp: options.mint + (options.ttl ?? 60),
    jti: `j${serial++}`,
  };
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`;
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
