/**
 * The session library's TokenStore over the SecretVault, for one keychain entry (`<instanceId>/v2/token/…`).
 *
 * The last token is also kept in memory, and ordinary reads answer from it. But the entry is shared with other
 * processes (the app and any `dfdesk` command), so where a decision rests on it the session engine asks for a
 * fresh read (`load({ fresh: true })`: inside the refresh lock, after a token verdict, in checkNow), which goes
 * to the keychain and updates the copy. If the keychain refuses a write, the session goes on with the token in
 * memory (a refreshed token is the only valid one; losing it would end the session) and `persisted` turns
 * false, so the UI can say the session will not survive a restart.
 *
 * A store is fenced: once its session is over (sign-out, removal, a new address or certificate), `revoke()`
 * takes away its right to write, waits for writes already under way and deletes the entry. A refresh that
 * was in flight and lands later then changes nothing: no token of an ended session comes back. `writable`
 * fences it from outside too (TokenStores ends every store of an instance at once).
 */
import type { TokenStore } from '../../../../shared/df/index.ts';
import type { Logger, SecretVault } from '../../ports.ts';

export interface VaultTokenStore extends TokenStore {
  readonly account: string;
  /** False after the vault refused to save the current token. */
  readonly persisted: boolean;
  /** True once revoke() was called. */
  readonly revoked: boolean;
  /**
   * Ends this store for good: no write after this call, and (if the store was still writable) the entry is
   * deleted once the writes under way are done. Idempotent.
   */
  revoke(): Promise<void>;
}

export interface VaultTokenStoreOptions {
  /** Checked before every write and delete: false once the store's session is over. Default: always. */
  writable?: () => boolean;
}

async function removeEntry(vault: SecretVault, account: string, logger: Logger): Promise<void> {
  try {
    await vault.delete(account);
  } catch (error) {
    logger.warn('Could not delete a session token from the keychain.', { account, error });
  }
}

export function createVaultTokenStore(
  vault: SecretVault,
  account: string,
  logger: Logger,
  options: VaultTokenStoreOptions = {},
): VaultTokenStore {
  // undefined: not read yet; null: known to be empty.
  let cached: string | null | undefined;
  let persisted = true;
  let revoked: Promise<void> | null = null;
  /** Counts this store's writes: a fresh read that overlapped one must not put the older value back. */
  let version = 0;
  const writes = new Set<Promise<unknown>>();
  const open = () => revoked === null && (options.writable?.() ?? true);
  const tracked = <T>(write: Promise<T>): Promise<T> => {
    writes.add(write);
    void write.catch(() => undefined).finally(() => writes.delete(write));
    return write;
  };
  const remove = () => removeEntry(vault, account, logger);
  return {
    account,
    get persisted() {
      return persisted;
    },
    get revoked() {
      return revoked !== null;
    },
    async load(loadOptions) {
      if (revoked !== null) return null;
      if (cached !== undefined && loadOptions?.fresh !== true) return cached;
      const before = version;
      const read = await vault.get(account);
      if (revoked !== null) return null;
      if (version !== before) return cached ?? null;
      cached = read;
      return read;
    },
    async save(token) {
      if (!open()) return;
      version++;
      cached = token;
      try {
        await tracked(vault.set(account, token));
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
      if (!open()) return;
      version++;
      cached = null;
      persisted = true;
      await tracked(remove());
    },
    revoke() {
      if (revoked !== null) return revoked;
      // Only a store that still owned the entry deletes it: a fenced one may share its name with a newer store.
      const owned = open();
      revoked = (async () => {
        version++;
        cached = null;
        persisted = true;
        await Promise.all([...writes].map((write) => write.catch(() => undefined)));
        if (owned) await remove();
      })();
      return revoked;
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
