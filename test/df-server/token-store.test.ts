import { describe, expect, it } from 'vitest';
import { TokenStore } from './token-store.ts';

describe('TokenStore', () => {
  it('blacklist entries live until their expiry; forever entries never lapse; longer wins', () => {
    const store = new TokenStore();
    store.blacklistJti('a', 100);
    store.blacklistJti('b', Number.POSITIVE_INFINITY);
    store.blacklistJti('c', 200);
    store.blacklistJti('c', 150);
    expect(store.isBlacklisted('a', 99)).toBe(true);
    expect(store.isBlacklisted('a', 100)).toBe(false);
    expect(store.isBlacklisted('a', 50)).toBe(false); // forgotten once lapsed, like a cache entry
    expect(store.isBlacklisted('b', 1e12)).toBe(true);
    expect(store.isBlacklisted('c', 180)).toBe(true);
    expect(store.isBlacklisted('zzz', 0)).toBe(false);
  });

  it('token_map rows are removed by (user_id, exp), per user, or when expired', () => {
    const store = new TokenStore();
    store.addRow({ userId: 1, token: 't1', iat: 0, exp: 10 });
    store.addRow({ userId: 1, token: 't2', iat: 0, exp: 20 });
    store.addRow({ userId: 2, token: 't3', iat: 0, exp: 10 });
    store.removeRow(1, 10);
    expect(store.rowsForUser(1).map((row) => row.token)).toEqual(['t2']);
    store.clearExpiredRows(15);
    expect(store.rowsForUser(2)).toEqual([]);
    store.removeRowsForUser(1);
    expect(store.rowsForUser(1)).toEqual([]);
  });
});
