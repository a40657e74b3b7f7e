import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../../electron/main/adapters/memory-vault.ts';
import { DeskError } from '../../../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../../../../../electron/main/ports.ts';
import { createVaultTokenStore, emptyTokenStore } from '../../../../../electron/main/services/sessions/vault-token-store.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';

function countingVault(base: SecretVault = createMemoryVault({ mode: 'keychain' })) {
  const calls = { get: 0, set: 0, delete: 0 };
  const vault: SecretVault = {
    ...base,
    get: (account) => {
      calls.get++;
      return base.get(account);
    },
    set: (account, secret) => {
      calls.set++;
      return base.set(account, secret);
    },
    delete: (account) => {
      calls.delete++;
      return base.delete(account);
    },
  };
  return { vault, calls };
}

describe('createVaultTokenStore', () => {
  it('reads the vault once, then answers from memory; writes and clears go to the vault', async () => {
    const { vault, calls } = countingVault();
    await vault.set('i1/jane', 'stored-token');
    calls.set = 0;
    const store = createVaultTokenStore(vault, 'i1/jane', recordingLogger());
    expect(await store.load()).toBe('stored-token');
    expect(await store.load()).toBe('stored-token');
    expect(calls.get).toBe(1);
    await store.save('next-token');
    expect(await vault.get('i1/jane')).toBe('next-token');
    expect(await store.load()).toBe('next-token');
    await store.clear();
    expect(await vault.get('i1/jane')).toBeNull();
    expect(await store.load()).toBeNull();
    expect(store.account).toBe('i1/jane');
  });

  it('a refused save keeps the token in memory and reports persisted: false (no token in the log)', async () => {
    const logger = recordingLogger();
    const base = createMemoryVault({ mode: 'keychain' });
    let refuse = true;
    const vault: SecretVault = {
      ...base,
      set: async (account, secret) => {
        if (refuse) throw new DeskError('vault', 'The login keyring is locked.');
        await base.set(account, secret);
      },
    };
    const store = createVaultTokenStore(vault, 'i1/jane', logger);
    await store.save('secret-token-value');
    expect(store.persisted).toBe(false);
    expect(await store.load()).toBe('secret-token-value');
    expect(JSON.stringify(logger.lines)).not.toContain('secret-token-value');
    refuse = false;
    await store.save('later-token');
    expect(store.persisted).toBe(true);
  });

  it('a failing delete is logged, not thrown', async () => {
    const logger = recordingLogger();
    const vault: SecretVault = {
      ...createMemoryVault(),
      delete: async () => {
        throw new Error('bus gone');
      },
    };
    const store = createVaultTokenStore(vault, 'a/b', logger);
    await expect(store.clear()).resolves.toBeUndefined();
    expect(logger.lines[0]?.level).toBe('warn');
  });
});

describe('item1-fenced-token-store: a revoked store never writes again', () => {
  it('waits for a write under way, deletes the entry, and ignores later saves and clears', async () => {
    const base = createMemoryVault({ mode: 'keychain' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The keychain takes its time with the first write, as a refresh's save can.
    const vault: SecretVault = {
      ...base,
      set: async (account, secret) => {
        await held;
        await base.set(account, secret);
      },
    };
    const store = createVaultTokenStore(vault, 'i1/v2/token/jane', recordingLogger());
    const saving = store.save('refreshed-token');
    const revoking = store.revoke();
    expect(store.revoked).toBe(true);
    release();
    await Promise.all([saving, revoking]);
    expect(await base.get('i1/v2/token/jane')).toBeNull();

    await store.save('late-token');
    expect(await base.get('i1/v2/token/jane')).toBeNull();
    expect(await store.load()).toBeNull();
    await base.set('i1/v2/token/jane', 'a newer session');
    await store.clear();
    await store.revoke();
    expect(await base.get('i1/v2/token/jane')).toBe('a newer session');
  });

  it('a store fenced from outside (writable false) neither writes nor deletes', async () => {
    const vault = createMemoryVault({ mode: 'keychain' });
    await vault.set('i1/v2/token/jane', 'current');
    const store = createVaultTokenStore(vault, 'i1/v2/token/jane', recordingLogger(), { writable: () => false });
    await store.save('stale');
    await store.clear();
    await store.revoke();
    expect(await vault.get('i1/v2/token/jane')).toBe('current');
  });
});

describe('fresh reads: the entry is shared with other processes (the app and dfdesk commands)', () => {
  it('load({ fresh: true }) goes to the keychain, and later plain reads answer with what it found', async () => {
    const { vault, calls } = countingVault();
    await vault.set('i1/v2/token/jane', 'first');
    const store = createVaultTokenStore(vault, 'i1/v2/token/jane', recordingLogger());
    expect(await store.load()).toBe('first');
    await vault.set('i1/v2/token/jane', 'saved-by-another-process');
    calls.get = 0;
    expect(await store.load()).toBe('first');
    expect(calls.get).toBe(0);
    expect(await store.load({ fresh: true })).toBe('saved-by-another-process');
    expect(await store.load()).toBe('saved-by-another-process');
    expect(calls.get).toBe(1);
  });

  it('a read that overlaps this store’s own save never brings the older value back', async () => {
    const base = createMemoryVault({ mode: 'keychain' });
    await base.set('a', 'old');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The keychain answers the read slowly: the save below lands while it is under way.
    const vault: SecretVault = {
      ...base,
      get: async (account) => {
        const value = await base.get(account);
        await held;
        return value;
      },
    };
    const store = createVaultTokenStore(vault, 'a', recordingLogger());
    const reading = store.load({ fresh: true });
    await store.save('new');
    release();
    expect(await reading).toBe('new');
    expect(await store.load()).toBe('new');
  });

  it('a revoked store reads nothing, fresh or not', async () => {
    const vault = createMemoryVault({ mode: 'keychain' });
    const store = createVaultTokenStore(vault, 'a', recordingLogger());
    await store.save('t');
    await store.revoke();
    await vault.set('a', 'someone else');
    expect(await store.load({ fresh: true })).toBeNull();
  });
});

describe('emptyTokenStore', () => {
  it('holds nothing and refuses to save', async () => {
    const store = emptyTokenStore();
    expect(await store.load()).toBeNull();
    await expect(store.save('x')).rejects.toThrow(/no session/);
    await expect(store.clear()).resolves.toBeUndefined();
  });
});
