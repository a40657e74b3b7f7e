// Request counters and the bounded request log exposed to tests and the bench.
import type { DfServerStats, RecordedRequest } from './types.ts';

export const REQUEST_LOG_LIMIT = 500;

export function createStats(): DfServerStats {
  const stats: DfServerStats = {
    requests: 0,
    byRoute: {},
    refreshAttempts: 0,
    refreshSuccesses: 0,
    status401: 0,
    status403: 0,
    reset() {
      stats.requests = 0;
      stats.byRoute = {};
      stats.refreshAttempts = 0;
      stats.refreshSuccesses = 0;
      stats.status401 = 0;
      stats.status403 = 0;
    },
  };
  return stats;
}

export function countRequest(stats: DfServerStats, method: string, pathname: string): void {
  stats.requests += 1;
  const key = `${method} ${pathname}`;
  stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
}

export function countStatus(stats: DfServerStats, status: number): void {
  if (status === 401) stats.status401 += 1;
  if (status === 403) stats.status403 += 1;
}

/** Keeps the newest REQUEST_LOG_LIMIT entries, in place (callers hold the array reference). */
export function recordRequest(log: RecordedRequest[], entry: RecordedRequest): void {
  log.push(entry);
  if (log.length > REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT);
}
