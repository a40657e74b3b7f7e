import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../../electron/main/adapters/system-clock.ts';

describe('systemClock', () => {
  it('reads the wall clock in ms since epoch', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
