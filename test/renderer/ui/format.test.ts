import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from '../../../renderer/ui/format.ts';

describe('format', () => {
  it('formats durations at a useful precision', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_400)).toBe('45s');
    expect(formatDuration(23 * 60_000 + 10_000)).toBe('23m 10s');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3h 5m');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2d 3h');
    expect(formatDuration(-5)).toBe('0s');
  });

  it('says in/ago relative to now', () => {
    expect(formatRelative(10_000 + 90_000, 10_000)).toBe('in 1m 30s');
    expect(formatRelative(10_000, 70_000)).toBe('1m 0s ago');
    expect(formatRelative(10_000, 10_500)).toBe('now');
  });
});
