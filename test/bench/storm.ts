/**
 * Refresh storm: 100 concurrent requests right after the token's expiry. Counts what the DF server receives
 * from sign-in (excluded) to the end of the storm, so a keep-alive refresh made before expiry counts too.
 */
import { startDfServer, type DfProfile } from '../df-server/index.ts';
import type { ManualClock } from '../fixtures/clocks.ts';
import { API_KEY } from '../fixtures/users.ts';
import type { Contender } from './contenders.ts';

export interface StormResult {
  serverRequests: number;
  refreshPuts: number;
  succeeded: number;
  failed: number;
}

const STORM_SIZE = 100;
const TTL_SECONDS = 2;

/**
 * `clock`: run the DF test server on this manual clock and jump it past the expiry instead of waiting (for
 * contenders without keep-alive timers, whose own clock, if any, is the same one). Default: real time.
 */
export async function runStorm(
  profile: DfProfile,
  makeContender: (baseURL: string, apiKey: string) => Promise<Contender>,
  clock?: ManualClock,
): Promise<StormResult> {
  const server = await startDfServer({ profile, ttlSeconds: TTL_SECONDS, allowForever: true, clock });
  try {
    const contender = await makeContender(server.url, API_KEY);
    server.stats.reset();
    const pastExpiryMs = TTL_SECONDS * 1000 + 100;
    // Real time (the bench): keep-alive timers and proactive checks must see the expiry as it happens.
    if (clock === undefined) await new Promise((resolve) => setTimeout(resolve, pastExpiryMs));
    else clock.t += pastExpiryMs;
    const outcomes = await Promise.allSettled(
      Array.from({ length: STORM_SIZE }, () => contender.get('/db/_table/contacts?limit=1')),
    );
    contender.dispose();
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
    return {
      serverRequests: server.stats.requests,
      refreshPuts: server.stats.refreshAttempts,
      succeeded,
      failed: STORM_SIZE - succeeded,
    };
  } finally {
    await server.close();
  }
}
