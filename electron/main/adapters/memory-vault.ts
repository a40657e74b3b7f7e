import type { VaultHealth } from '../../../shared/ipc/contract.ts';
import type { SecretVault } from '../ports.ts';

/**
 * Secrets for this run only. Used when the OS keychain is unusable ("session-only" mode: the user signs in
 * again after a restart) and as a plain vault in tests.
 */
export function createMemoryVault(health: VaultHealth = { mode: 'session-only' }): SecretVault {
  const secrets = new Map<string, string>();
  const frozenHealth = Object.freeze({ ...health });
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => secrets.delete(account),
    findAccounts: async (prefix) => [...secrets.keys()].filter((account) => account.startsWith(prefix)),
    health: () => frozenHealth,
  };
}
