import { describe, expect, it } from 'vitest';
import { durationText, lifetimeText, relativeText } from '../../../shared/doctor/duration.ts';

describe('durationText', () => {
  it.each([
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [60_000, '1 minute'],
    [59 * 60_000, '59 minutes'],
    [3 * 3_600_000, '3 hours'],
    [3 * 3_600_000 + 5 * 60_000, '3 hours 5 minutes'],
    [14 * 86_400_000, '14 days'],
    [-90_000, '2 minutes'],
    [59_600, '1 minute'],
    [3 * 3_600_000 + 59 * 60_000 + 45_000, '4 hours'],
    [23 * 3_600_000 + 59 * 60_000 + 45_000, '1 day'],
  ])('%d ms is %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});

describe('relativeText', () => {
  it('says in, ago or now', () => {
    expect(relativeText(10_000 + 300_000, 10_000)).toBe('in 5 minutes');
    expect(relativeText(10_000, 10_000 + 3 * 86_400_000)).toBe('3 days ago');
    expect(relativeText(10_400, 10_000)).toBe('now');
  });
});

describe('lifetimeText', () => {
  it('names DF_JWT_TTL in whole minutes', () => {
    expect(lifetimeText(3600)).toBe('60 minutes (DF_JWT_TTL=60)');
    expect(lifetimeText(86_400)).toBe('1440 minutes (DF_JWT_TTL=1440)');
    expect(lifetimeText(60)).toBe('1 minute (DF_JWT_TTL=1)');
  });
  it('falls back to seconds when the lifetime is not whole minutes (a test server)', () => {
    expect(lifetimeText(90)).toBe('90 seconds');
  });
});
