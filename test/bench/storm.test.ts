import { describe, expect, it } from 'vitest';
import { ManualClock } from '../fixtures/clocks.ts';
import { dfDeskContender, naiveContender } from './contenders.ts';
import { runStorm } from './storm.ts';

// The bench's storm, once per side that matters, so a regression shows up in `npm test` and not only in the table.
// The DF test server and DF Desk's client share a manual clock, jumped past the token's expiry (neither side
// here has keep-alive timers), so no real time is waited.
describe('refresh storm (counts, not timings)', () => {
  it('DF Desk sends one refresh for 100 waiting requests: 101 server requests, all succeed', async () => {
    const clock = new ManualClock();
    const result = await runStorm('latest', (url, key) => dfDeskContender(url, key, false, clock), clock);
    expect(result).toEqual({ serverRequests: 101, refreshPuts: 1, succeeded: 100, failed: 0 });
  });

  it('the naive interceptor the bench compares against really does refresh once per 401', async () => {
    const result = await runStorm('latest', naiveContender, new ManualClock());
    expect(result.refreshPuts).toBe(100);
  });
});
