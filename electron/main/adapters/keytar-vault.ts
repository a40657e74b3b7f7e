/**
 * The SecretVault over the OS keychain (keytar → libsecret/Secret Service, Keychain, Credential Manager).
 *
 * keytar is loaded lazily inside `openSecretVault`, never at import time: a missing libsecret makes the
 * native module throw on load, and that must become "session-only" mode with an explanation, not a crash
 * at startup. A write self-test decides the mode (see vault-self-test.ts).
 *
 * Account scheme (service "DF Desk"): see services/instances/vault-accounts.ts.
 */
import type { VaultHealth } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Logger, SecretVault } from '../ports.ts';
import { explainKeychainError, sessionOnlyHealth } from './keychain-errors.ts';
import { createMemoryVault } from './memory-vault.ts';
import type { KeyringItems } from './secret-chunking.ts';
import { deleteSecret, isChunkAccount, readSecret, writeSecret } from './secret-chunking.ts';
import { runVaultSelfTest, SELF_TEST_ACCOUNT_PREFIX } from './vault-self-test.ts';

export const DEFAULT_VAULT_SERVICE = 'DF Desk';

/** The part of keytar's API we use. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

function isKeytarLike(value: unknown): value is KeytarLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'].every(
    (name) => typeof candidate[name] === 'function',
  );
}

/** keytar is CommonJS: depending on the loader its functions sit on the namespace or on `default`. */
export async function loadKeytarModule(): Promise<KeytarLike> {
  const namespace: unknown = await import('keytar');
  const candidates = [namespace, (namespace as { default?: unknown } | null)?.default];
  const keytar = candidates.find(isKeytarLike);
  if (keytar === undefined) throw new Error('Cannot find module keytar: it loaded without its functions.');
  return keytar;
}

export function keytarItems(keytar: KeytarLike, service: string): KeyringItems {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, value) => keytar.setPassword(service, account, value),
    delete: (account) => keytar.deletePassword(service, account),
    accounts: async () => (await keytar.findCredentials(service)).map((credential) => credential.account),
  };
}

function vaultError(action: string, error: unknown): DeskError {
  const problem = explainKeychainError(error);
  return new DeskError('vault', `Could not ${action} the system keychain. ${problem.reason} ${problem.fix}`, {
    cause: error,
  });
}

/** A vault over keychain items that already passed the self-test. */
export function createKeychainVault(items: KeyringItems, logger: Logger): SecretVault {
  const health: VaultHealth = Object.freeze({ mode: 'keychain' });
  // One operation per account at a time: a chunked write is several items, and an overlapping delete or
  // write of the same account must not interleave with it.
  const queues = new Map<string, Promise<unknown>>();
  const serialized = <T>(account: string, operation: () => Promise<T>): Promise<T> => {
    const previous = queues.get(account) ?? Promise.resolve();
    const next = previous.then(operation, operation);
    const settled = next.catch(() => undefined);
    queues.set(account, settled);
    void settled.then(() => {
      if (queues.get(account) === settled) queues.delete(account);
    });
    return next;
  };

  return {
    get: (account) =>
      serialized(account, async () => {
        try {
          return await readSecret(items, account, (damage) =>
            logger.warn('A stored secret is damaged and was ignored.', { account, damage }),
          );
        } catch (error) {
          throw vaultError('read from', error);
        }
      }),
    set: (account, secret) =>
      serialized(account, async () => {
        try {
          await writeSecret(items, account, secret);
        } catch (error) {
          throw vaultError('save to', error);
        }
      }),
    delete: (account) =>
      serialized(account, async () => {
        try {
          return await deleteSecret(items, account);
        } catch (error) {
          throw vaultError('delete from', error);
        }
      }),
    findAccounts: async (prefix) => {
      try {
        const accounts = await items.accounts();
        return [...new Set(accounts)].filter(
          (account) =>
            account.startsWith(prefix) && !isChunkAccount(account) && !account.startsWith(SELF_TEST_ACCOUNT_PREFIX),
        );
      } catch (error) {
        throw vaultError('list entries in', error);
      }
    },
    health: () => health,
  };
}

export interface OpenSecretVaultOptions {
  logger: Logger;
  /** Keychain service name. Default "DF Desk"; tests pass a unique one. */
  service?: string;
  /** Injected in tests to simulate a missing libsecret (the import throws). */
  loadKeytar?: () => Promise<KeytarLike>;
  selfTestTimeoutMs?: number;
}

/**
 * Opens the keychain vault, or, when the keychain is unusable, a memory vault whose `health()` says
 * "session-only" with a plain reason and fix. Never throws.
 */
export async function openSecretVault(options: OpenSecretVaultOptions): Promise<SecretVault> {
  const { logger } = options;
  const service = options.service ?? DEFAULT_VAULT_SERVICE;
  let keytar: KeytarLike;
  try {
    keytar = await (options.loadKeytar ?? loadKeytarModule)();
  } catch (error) {
    const problem = explainKeychainError(error);
    logger.warn('The keychain module could not be loaded; secrets are kept for this session only.', {
      reason: problem.reason,
      detail: error instanceof Error ? error.message : String(error),
    });
    return createMemoryVault(sessionOnlyHealth(problem));
  }
  const items = keytarItems(keytar, service);
  const selfTest = await runVaultSelfTest(
    items,
    options.selfTestTimeoutMs === undefined ? {} : { timeoutMs: options.selfTestTimeoutMs },
  );
  if (!selfTest.ok) {
    logger.warn('The system keychain is not usable; secrets are kept for this session only.', {
      reason: selfTest.problem.reason,
      detail: selfTest.detail,
    });
    return createMemoryVault(sessionOnlyHealth(selfTest.problem));
  }
  logger.info('The system keychain is usable.', { service, selfTestMs: Math.round(selfTest.durationMs) });
  return createKeychainVault(items, logger);
}
