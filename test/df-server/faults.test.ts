import { describe, expect, it } from 'vitest';
import { FaultQueue } from './faults.ts';

describe('FaultQueue', () => {
  it('hands out a fault count times (default once), then nothing', () => {
    const queue = new FaultQueue();
    expect(queue.take()).toBeNull();
    queue.set({ kind: 'reset' });
    expect(queue.take()?.kind).toBe('reset');
    expect(queue.take()).toBeNull();
    queue.set({ kind: 'http500', count: 2 });
    expect(queue.take()?.kind).toBe('http500');
    expect(queue.take()?.kind).toBe('http500');
    expect(queue.take()).toBeNull();
    queue.set({ kind: 'delay', count: 3, delayMs: 5 });
    queue.set(null);
    expect(queue.take()).toBeNull();
  });
});
