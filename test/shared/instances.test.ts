import { describe, expect, it } from 'vitest';
import type { Instance } from '../../shared/ipc/contract.ts';
import { isLoopbackHost, sortInstances } from '../../shared/instances.ts';
import { anInstance } from '../renderer/support/fixtures.ts';

describe('sortInstances', () => {
  it('puts favourites first, then sorts by name without case', () => {
    const sorted = sortInstances([
      anInstance({ id: 'a', name: 'zeta' }),
      anInstance({ id: 'b', name: 'Alpha' }),
      anInstance({ id: 'c', name: 'mid', favorite: true }),
    ]);
    expect(sorted.map((instance) => instance.id)).toEqual(['c', 'b', 'a']);
  });

  it('orders numbers in names by value, and equal names by id', () => {
    const sorted = sortInstances([
      anInstance({ id: 'x', name: 'gamma 10' }),
      anInstance({ id: 'z', name: 'gamma 9' }),
      anInstance({ id: 'y', name: 'gamma 9' }),
    ]);
    expect(sorted.map((instance) => instance.id)).toEqual(['y', 'z', 'x']);
  });

  it('does not mutate its input', () => {
    const a = { id: '1', name: 'b', favorite: false } as Instance;
    const b = { id: '2', name: 'a', favorite: false } as Instance;
    const input = [a, b];
    expect(sortInstances(input)).toEqual([b, a]);
    expect(input).toEqual([a, b]);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses, with or without brackets', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '127.10.0.3', '[::1]', '::1']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['localhost.example.com', '128.0.0.1', '10.0.0.1', 'example.com', '[::2]']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  // Issue 8, item 8: a *.localhost name can be resolved by the network's DNS, so it is not loopback.
  it('item8-localhost-subdomains: *.localhost and "localhost." are not loopback (the network may resolve them)', () => {
    for (const host of ['api.localhost', 'df.localhost', 'API.LOCALHOST', 'a.b.localhost', 'localhost.', 'xlocalhost']) {
      expect([host, isLoopbackHost(host)]).toEqual([host, false]);
    }
  });
});
