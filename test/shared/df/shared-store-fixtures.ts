// Several "processes" in one test: each has its own view of one shared token store (cached after the first
// read, like the desk's keychain store) and they share one refresh lock.
import type { RefreshLock, TokenLoadOptions, TokenStore } from '../../../shared/df/index.ts';
import type { MemoryTokenStore } from './helpers.ts';

/** One process's view of a shared entry: the first read is cached, a `fresh` read goes to the entry. */
export class CachingTokenStore implements TokenStore {
  freshLoads = 0;
  private cached: string | null | undefined;

  constructor(private readonly entry: MemoryTokenStore) {}

  async load(options?: TokenLoadOptions): Promise<string | null> {
    if (options?.fresh === true) this.freshLoads++;
    if (options?.fresh === true || this.cached === undefined) this.cached = await this.entry.load();
    return this.cached;
  }

  async save(token: string): Promise<void> {
    this.cached = token;
    await this.entry.save(token);
  }

  async clear(): Promise<void> {
    this.cached = null;
    await this.entry.clear();
  }
}

/**
 * One task per key at a time, in arrival order (what the file lock gives across processes). Records what the
 * entry held when each task let go, and how many tasks ever held a key at once.
 */
export class MemoryRefreshLock implements RefreshLock {
  runs = 0;
  mostAtOnce = 0;
  /** The entry's token at each release. */
  readonly atRelease: (string | null)[] = [];
  private holders = 0;
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly entry?: MemoryTokenStore) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.hold(task));
    this.tails.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  private async hold<T>(task: () => Promise<T>): Promise<T> {
    this.runs++;
    this.holders++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.holders);
    try {
      return await task();
    } finally {
      this.holders--;
      if (this.entry !== undefined) this.atRelease.push(this.entry.value);
    }
  }
}

/** A lock that is never free: every run() gives up without running its task. */
export const busyLock: RefreshLock = {
  run: () => Promise.reject(new Error('The lock is held elsewhere.')),
};
