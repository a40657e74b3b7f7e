/**
 * Refresh storm: 100 concurrent requests right after the token's expiry. Counts what the DF server receives
 * from sign-in (excluded) to the end of the storm, so a keep-alive refresh made before expiry counts too.
 */
import { startDfServer, type DfProfile } from '../df-server/index.ts';
import type { Contender } from './contenders.ts';

export interface StormResult {
  serverRequests: number;
  refreshPuts: number;
  succeeded: number;
  failed: number;
}

const STORM_SIZE = 100;
const TTL_SECONDS = 2;

export async function runStorm(
  profile: DfProfile,
  makeContender: (baseURL: string, apiKey: string) => Promise<Contender>,
): Promise<StormResult> {
  const server = await startDfServer({ profile, ttlSeconds: TTL_SECONDS, allowForever: true });
  try {
    const contender = await makeContender(server.url, 'test-api-key');
    server.stats.reset();
    // Real time, not a clock jump: keep-alive timers and proactive checks must see the expiry as it happens.
    await new Promise((resolve) => setTimeout(resolve, TTL_SECONDS * 1000 + 100));
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
