import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../../electron/main/adapters/keytar-vault.ts';
import { keytarItems } from '../../../../electron/main/adapters/keytar-vault.ts';
import type { KeyringItems } from '../../../../electron/main/adapters/secret-chunking.ts';
import { runVaultSelfTest, SELF_TEST_ACCOUNT_PREFIX } from '../../../../electron/main/adapters/vault-self-test.ts';
import { loadTestKeytar, removeService, uniqueService } from './fixtures/test-keyring.ts';

/** Items that behave like a locked keyring: reads answer null silently, only a write tells. */
function lockedItems(): KeyringItems & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    get: async () => null,
    set: async (account) => {
      writes.push(account);
      throw new Error('Cannot create an item in a locked collection');
    },
    delete: async () => false,
    accounts: async () => [],
  };
}

describe('runVaultSelfTest', () => {
  let keytar: KeytarLike;
  let service: string;
  beforeAll(async () => {
    keytar = await loadTestKeytar();
    service = uniqueService();
  });
  afterAll(() => removeService(keytar, service));

  it('passes against the real keychain and leaves no canary behind', async () => {
    const result = await runVaultSelfTest(keytarItems(keytar, service));
    expect(result.ok).toBe(true);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('probes with a write, so a keyring that only fails writes is caught', async () => {
    const items = lockedItems();
    const result = await runVaultSelfTest(items);
    expect(result).toMatchObject({ ok: false, problem: { reason: 'The login keyring is locked.' } });
    expect(items.writes).toHaveLength(1);
    expect(items.writes[0]?.startsWith(SELF_TEST_ACCOUNT_PREFIX)).toBe(true);
  });

  it('fails when the keychain accepts the canary but gives something else back', async () => {
    const items: KeyringItems = {
      get: async () => 'not the canary',
      set: async () => {},
      delete: async () => true,
      accounts: async () => [],
    };
    const result = await runVaultSelfTest(items);
    expect(result).toMatchObject({ ok: false, detail: 'The keychain accepted a test item but did not give it back.' });
  });
});
