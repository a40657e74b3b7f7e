/**
 * One token store per keychain entry (`<instanceId>/<login>`), shared by every session of that login, so an
 * old and a rebuilt client see the same latest token.
 */
import type { Logger, SecretVault } from '../../ports.ts';
import { tokenAccount } from '../instances/vault-accounts.ts';
import type { VaultTokenStore } from './vault-token-store.ts';
import { createVaultTokenStore } from './vault-token-store.ts';

export class TokenStores {
  private readonly stores = new Map<string, VaultTokenStore>();

  constructor(
    private readonly vault: SecretVault,
    private readonly logger: Logger,
  ) {}

  forLogin(instanceId: string, login: string): VaultTokenStore {
    const account = tokenAccount(instanceId, login);
    let store = this.stores.get(account);
    if (store === undefined) {
      store = createVaultTokenStore(this.vault, account, this.logger);
      this.stores.set(account, store);
    }
    return store;
  }

  /** The session of this store is over: the next one reads the keychain afresh. */
  release(store: VaultTokenStore | null): void {
    if (store !== null && this.stores.get(store.account) === store) this.stores.delete(store.account);
  }
}
