import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';

describe('createMemoryVault', () => {
  it('stores, finds by prefix and deletes', async () => {
    const vault = createMemoryVault();
    await vault.set('a/x', '1');
    await vault.set('a/y', '2');
    await vault.set('b/x', '3');
    expect(await vault.get('a/x')).toBe('1');
    expect((await vault.findAccounts('a/')).sort()).toEqual(['a/x', 'a/y']);
    expect(await vault.delete('a/x')).toBe(true);
    expect(await vault.delete('a/x')).toBe(false);
    expect(await vault.get('a/x')).toBeNull();
  });

  it('reports the health it was given, and session-only by default', () => {
    expect(createMemoryVault().health()).toEqual({ mode: 'session-only' });
    const health = { mode: 'session-only' as const, reason: 'r', fix: 'f' };
    expect(createMemoryVault(health).health()).toEqual(health);
  });

  it('two vaults share nothing', async () => {
    const one = createMemoryVault();
    await one.set('k', 'v');
    expect(await createMemoryVault().get('k')).toBeNull();
  });
});
