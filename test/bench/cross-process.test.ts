// The cross-process storm as a test: the app's desk and three processes opening the desk as dfdesk does,
// 20 GETs each right after expiry, share one refresh PUT (the same run `npm run bench` prints as a row).
import { describe, expect, it } from 'vitest';
import { runCrossProcessStorm } from './cross-process.ts';

describe('cross-process storm', () => {
  it('the app and 3 dfdesk processes × 20 GETs right after expiry: 1 refresh PUT, 80/80 ok, no session ended', { timeout: 60_000 }, async () => {
    const result = await runCrossProcessStorm(3, 20);
    expect(result).toEqual({ processes: 4, requests: 80, serverRequests: 81, refreshPuts: 1, succeeded: 80, ended: 0 });
  });
});
