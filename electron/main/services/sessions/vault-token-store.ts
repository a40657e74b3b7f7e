/**
 * The session library's TokenStore over the SecretVault, for one keychain entry (`<instanceId>/<login>`).
 *
 * The last token is also kept in memory: DF Desk is the only writer (single-instance lock), so after the
 * first read the vault is only written, never re-read. If the keychain refuses a write, the session goes on
 * with the token in memory (a refreshed token is the only valid one; losing it would end the session) and
 * `persisted` turns false, so the UI can say the session will not survive a restart.
 */
import type { TokenStore } from '../../../../shared/df/index.ts';
import type { Logger, SecretVault } from '../../ports.ts';

export interface VaultTokenStore extends TokenStore {
  readonly account: string;
  /** False after the vault refused to save the current token. */
  readonly persisted: boolean;
}

export function createVaultTokenStore(vault: SecretVault, account: string, logger: Logger): VaultTokenStore {
  // undefined: not read yet; null: known to be empty.
  let cached: string | null | undefined;
  let persisted = true;
  return {
    account,
    get persisted() {
      return persisted;
    },
    async load() {
      if (cached === undefined) cached = await vault.get(account);
      return cached;
    },
    async save(token) {
      cached = token;
      try {
        await vault.set(account, token);
        persisted = true;
      } catch (error) {
        persisted = false;
        logger.warn('The keychain refused the session token; it is kept in memory for this run only.', {
          account,
          error,
        });
      }
    },
    async clear() {
      cached = null;
      persisted = true;
      try {
        await vault.delete(account);
      } catch (error) {
        logger.warn('Could not delete a session token from the keychain.', { account, error });
      }
    },
  };
}

/** For instances without a signed-in user: requests carry only the API key. */
export function emptyTokenStore(): TokenStore {
  return {
    load: async () => null,
    save: async () => {
      throw new Error('This client has no session to save a token for.');
    },
    clear: async () => {},
  };
}
