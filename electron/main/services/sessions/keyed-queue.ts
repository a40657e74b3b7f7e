// Runs tasks one at a time per key (one mutation per instance: sign-in, sign-out, rebuild, restore).
import type { Timers } from '../../../../shared/df/index.ts';
import { settledWithin } from './bounded-wait.ts';

export interface QueueWaitLimit {
  ms: number;
  timers?: Timers;
}

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `task` after the key's earlier tasks; with `limit`, after them or once `limit.ms` have passed,
   * whichever comes first (for a task that must not wait behind a stuck one, and is safe to run beside it).
   */
  run<T>(key: string, task: () => Promise<T>, limit?: QueueWaitLimit): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const waited = limit === undefined ? previous : settledWithin(previous, limit.ms, limit.timers);
    const next = waited.then(task, task);
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }
}
