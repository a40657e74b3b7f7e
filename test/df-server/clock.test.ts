import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerClock, formatDfDate, roundToMs } from './clock.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('ServerClock', () => {
  it('adds the offset to real time with millisecond precision', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(1_700_000_000_123));
    const clock = new ServerClock(10);
    expect(clock.now()).toBe(1_700_000_010.123);
    clock.setOffset(-0.5);
    expect(clock.now()).toBe(1_699_999_999.623);
    expect(clock.offset).toBe(-0.5);
  });

  it('runs on the time source it is given (a manual clock in tests), offset included', () => {
    const source = { t: 5_000_250, now: () => source.t };
    const clock = new ServerClock(2, source);
    expect(clock.now()).toBe(5_002.25);
    source.t += 1_500;
    expect(clock.now()).toBe(5_003.75);
    clock.setOffset(-1);
    expect(clock.now()).toBe(5_000.75);
  });

  it('roundToMs and formatDfDate', () => {
    expect(roundToMs(1.23456)).toBe(1.235);
    expect(formatDfDate(0)).toBe('1970-01-01 00:00:00');
    expect(formatDfDate(1_714_558_830.9)).toBe('2024-05-01 10:20:30');
  });
});
