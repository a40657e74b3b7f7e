/**
 * One token store per keychain entry (`<instanceId>/v2/token/<login>`), shared by every session of that login,
 * so an old and a rebuilt client see the same latest token.
 *
 * Each instance also has an epoch: ending its credentials (sign-out, removal, a new address or certificate)
 * starts a new one. Every store of the old epoch is fenced at once (no write after that moment, its entry
 * deleted), and a store asked for on behalf of the old epoch (by a task that began before the end) is inert:
 * it never writes. So nothing that was in flight when a session ended can put its token back.
 */
import type { Logger, SecretVault } from '../../ports.ts';
import { tokenAccount } from '../instances/vault-accounts.ts';
import type { VaultTokenStore } from './vault-token-store.ts';
import { createVaultTokenStore } from './vault-token-store.ts';

interface Entry {
  instanceId: string;
  store: VaultTokenStore;
}

export class TokenStores {
  private readonly stores = new Map<string, Entry>();
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly vault: SecretVault,
    private readonly logger: Logger,
  ) {}

  epoch(instanceId: string): number {
    return this.epochs.get(instanceId) ?? 0;
  }

  /** The login's shared store; for a past `epoch`, a store that never writes. */
  forLogin(instanceId: string, login: string, epoch = this.epoch(instanceId)): VaultTokenStore {
    const account = tokenAccount(instanceId, login);
    if (epoch !== this.epoch(instanceId)) {
      return createVaultTokenStore(this.vault, account, this.logger, { writable: () => false });
    }
    let entry = this.stores.get(account);
    if (entry === undefined || entry.store.revoked) {
      const writable = () => this.epoch(instanceId) === epoch;
      entry = { instanceId, store: createVaultTokenStore(this.vault, account, this.logger, { writable }) };
      this.stores.set(account, entry);
    }
    return entry.store;
  }

  /** This store's login is signed out (or replaced): fenced, its entry deleted, the next one reads afresh. */
  revoke(store: VaultTokenStore | null): Promise<void> {
    if (store === null) return Promise.resolve();
    if (this.stores.get(store.account)?.store === store) this.stores.delete(store.account);
    return store.revoke();
  }

  /** Ends every token of the instance now: a new epoch, every store fenced and its entry deleted. */
  revokeInstance(instanceId: string): Promise<void> {
    const revoking: Promise<void>[] = [];
    for (const [account, entry] of this.stores) {
      if (entry.instanceId !== instanceId) continue;
      this.stores.delete(account);
      revoking.push(entry.store.revoke());
    }
    this.epochs.set(instanceId, this.epoch(instanceId) + 1);
    return Promise.all(revoking).then(() => undefined);
  }
}
