// The user's DreamFactory instances (see the class comment below).
import { instancePatchSchema, newInstanceSchema } from '../../../shared/ipc/contract.ts';
import type { Instance, InstancePatch, InstanceTag, NewInstance } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { sortInstances } from '../../../shared/instances.ts';
import type { KeyValueStore, Logger, SecretVault } from '../ports.ts';
import type { CredentialBinding } from './instances/credential-binding.ts';
import { bindingOf, formatBinding, mismatchReason, sameBinding, unreadableBindingReason } from './instances/credential-binding.ts';
import { defaultColorFor, DEFAULT_TAG } from './instances/instance-defaults.ts';
import { newInstanceId } from './instances/instance-ids.ts';
import { checkedPin, checkedUrl, originOf, parseInput, toInstance, updatedInstance } from './instances/instance-update.ts';
import { moveLegacySecrets, readSavedBinding, writeBinding } from './instances/legacy-secrets.ts';
import type { DeskSettings, LastLogin, StoredInstance } from './instances/settings-document.ts';
import { lastLoginSchema } from './instances/settings-document.ts';
import { apiKeyAccount, bindingAccount, instanceAccountPrefix, legacyApiKeyAccount } from './instances/vault-accounts.ts';

export interface InstanceRegistryDeps {
  store: KeyValueStore<DeskSettings>;
  vault: SecretVault;
  logger: Logger;
  newId?: () => string;
}

/** What an update did beyond the instance itself. */
export interface InstanceUpdate {
  instance: Instance;
  /**
   * The instance now points elsewhere than its saved secrets were meant for (another origin, a new trusted
   * certificate, or an address confirmed after it was changed outside DF Desk): the key was dropped unless the
   * patch brought one, the saved login forgotten, and the keychain rebound to the new place.
   */
  moved: boolean;
  /** The stored API key was dropped (moved without a new one, or removed by the patch). */
  apiKeyDropped: boolean;
  /** The trusted certificate changed (set, replaced or removed) on the same origin. */
  pinChanged: boolean;
}

/**
 * The user's DreamFactory instances. Non-secret data lives in the settings store; the API key goes to the
 * vault (`<id>/v2/api-key`), with a tag saying where the instance's secrets belong (`.origin/<id>`), and
 * removing an instance removes every vault entry under `<id>/` (its API key and any saved session tokens).
 */
export class InstanceRegistry {
  private readonly store: KeyValueStore<DeskSettings>;
  private readonly vault: SecretVault;
  private readonly logger: Logger;
  private readonly newId: () => string;
  private readonly listeners = new Set<(instances: Instance[]) => void>();
  private readonly savedHere = new Map<string, LastLogin | null>();
  /** Instances whose settings were found to agree with their saved secrets, and the binding checked. */
  private readonly verified = new Map<string, string>();

  constructor(deps: InstanceRegistryDeps) {
    this.store = deps.store;
    this.vault = deps.vault;
    this.logger = deps.logger;
    this.newId = deps.newId ?? newInstanceId;
  }

  /** Favorites first, then by name. */
  list(): Instance[] {
    return sortInstances(this.readAll().map(toInstance));
  }

  /** Throws `unknown-instance`. */
  get(id: string): Instance {
    return toInstance(this.find(id));
  }

  /** Throws `unknown-instance` when `id` is not (or no longer) an instance; for calls that need nothing else. */
  assertInstance(id: string): void {
    this.find(id);
  }

  async add(input: NewInstance): Promise<Instance> {
    this.store.revalidate();
    const parsed = parseInput(newInstanceSchema, input);
    const allowInsecureHttp = parsed.allowInsecureHttp ?? false;
    const url = checkedUrl(parsed.url, allowInsecureHttp);
    const tag: InstanceTag = parsed.tag ?? DEFAULT_TAG;
    const existingIds = new Set(this.readAll().map((item) => item.id));
    let id = this.newId();
    while (existingIds.has(id)) id = this.newId();
    const apiKey = parsed.apiKey ?? '';
    const stored: StoredInstance = {
      id,
      name: parsed.name,
      url,
      tag,
      color: (parsed.color ?? defaultColorFor(tag)).toLowerCase(),
      favorite: parsed.favorite ?? false,
      hasApiKey: apiKey !== '',
      allowInsecureHttp,
    };
    const pin = checkedPin(url, parsed.trustedCertificateSha256);
    if (pin !== undefined) stored.trustedCertificateSha256 = pin;
    await writeBinding(this.vault, id, bindingOf(stored), this.logger);
    // Key first: if the keychain refuses it, nothing half-added is left in the list.
    if (apiKey !== '') await this.vault.set(apiKeyAccount(id), apiKey);
    try {
      this.writeAll([...this.readAll(), stored]);
    } catch (error) {
      if (apiKey !== '') await this.vault.delete(apiKeyAccount(id)).catch(() => false);
      await this.vault.delete(bindingAccount(id)).catch(() => false);
      throw error;
    }
    this.logger.info('Instance added.', { id, tag, hasApiKey: stored.hasApiKey, pinnedCertificate: pin !== undefined });
    return toInstance(stored);
  }

  async update(id: string, patch: InstancePatch): Promise<Instance> {
    return (await this.applyUpdate(id, patch)).instance;
  }

  /**
   * update(), telling what happened to the instance's secrets. With `announce: false` the change is not
   * announced to listeners: the caller does that with announce() once the instance's session has followed,
   * so no window reloads with the old key.
   */
  async applyUpdate(id: string, patch: InstancePatch, options: { announce?: boolean } = {}): Promise<InstanceUpdate> {
    this.store.revalidate();
    const parsed = parseInput(instancePatchSchema, patch);
    const current = this.find(id);
    const allowInsecureHttp = parsed.allowInsecureHttp ?? current.allowInsecureHttp;
    // Re-check even when only the flag changed: turning the confirmation off for an http:// host is refused.
    const url = checkedUrl(parsed.url ?? current.url, allowInsecureHttp);
    const updated = updatedInstance(current, parsed, url, allowInsecureHttp);
    const placed = parsed.url !== undefined || parsed.trustedCertificateSha256 !== undefined;
    // The key was given for one place: sending it elsewhere would leak it there, so a move forgets it unless the
    // same patch supplies one. A new path on the same server keeps it.
    const moved = placed && (await this.movesSecrets(current, bindingOf(updated)));
    const dropKey = parsed.apiKey === null || parsed.apiKey === '' || (moved && parsed.apiKey === undefined);
    if (dropKey) {
      await this.vault.delete(apiKeyAccount(id));
      await this.vault.delete(legacyApiKeyAccount(id)).catch(() => false);
      updated.hasApiKey = false;
    } else if (typeof parsed.apiKey === 'string') {
      await this.vault.set(apiKeyAccount(id), parsed.apiKey);
      updated.hasApiKey = true;
    }
    if (moved) {
      delete updated.lastLogin;
      await writeBinding(this.vault, id, bindingOf(updated), this.logger);
    }
    this.verified.delete(id);
    this.writeAll(
      this.readAll().map((item) => (item.id === id ? updated : item)),
      options.announce ?? true,
    );
    const pinChanged = originOf(url) === originOf(current.url) && updated.trustedCertificateSha256 !== current.trustedCertificateSha256;
    return { instance: toInstance(updated), moved, apiKeyDropped: dropKey && current.hasApiKey, pinChanged };
  }

  async remove(id: string): Promise<void> {
    this.store.revalidate();
    this.find(id);
    // Secrets first: if the keychain fails, the instance stays listed so the user can retry, instead of
    // leaving orphaned tokens nobody can see.
    const accounts = new Set([apiKeyAccount(id), ...(await this.vault.findAccounts(instanceAccountPrefix(id)))]);
    for (const account of accounts) await this.vault.delete(account);
    await this.vault.delete(bindingAccount(id));
    this.verified.delete(id);
    this.writeAll(this.readAll().filter((item) => item.id !== id));
    this.logger.info('Instance removed.', { id, vaultEntries: accounts.size });
  }

  /** The stored API key, or null (none saved, or the vault lost it: session-only mode after a restart). */
  async getApiKey(id: string): Promise<string | null> {
    const stored = this.find(id);
    if (!stored.hasApiKey) return null;
    const problem = await this.credentialProblem(id);
    if (problem !== undefined) throw new DeskError('refused', problem);
    return this.vault.get(apiKeyAccount(id));
  }

  /**
   * Why the saved secrets must not be sent where the settings now point (settings.json was changed outside DF
   * Desk), or undefined. The first check of an instance saved by an earlier version moves its entries.
   */
  async credentialProblem(id: string): Promise<string | undefined> {
    const stored = this.find(id);
    const now = bindingOf(stored);
    const checked = formatBinding(now);
    if (this.verified.get(id) === checked) return undefined;
    const saved = await readSavedBinding(this.vault, id, stored.lastLogin?.login);
    if (saved.kind === 'unreadable') return unreadableBindingReason;
    if (saved.kind === 'tag' && !sameBinding(saved.binding, now)) return mismatchReason(saved.binding, now);
    if (saved.kind === 'token' && saved.origin !== now.origin) return mismatchReason({ origin: saved.origin, pin: null }, now);
    if (saved.kind !== 'tag') await moveLegacySecrets(this.vault, id, now, stored.lastLogin?.login, this.logger);
    this.verified.set(id, checked);
    return undefined;
  }

  getLastLogin(id: string): LastLogin | undefined {
    return this.find(id).lastLogin;
  }

  /**
   * The sign-in this process last saved for the instance (`null`: it forgot it), or undefined if it saved none:
   * another process's change to the same file is told apart from our own by it (external-changes.ts).
   */
  lastLoginSavedHere(id: string): LastLogin | null | undefined {
    return this.savedHere.get(id);
  }

  /** `null` forgets it (e.g. after sign-out). */
  setLastLogin(id: string, lastLogin: LastLogin | null): void {
    this.savedHere.set(id, lastLogin === null ? null : { ...lastLogin });
    this.store.revalidate();
    const updated: StoredInstance = { ...this.find(id) };
    if (lastLogin === null) delete updated.lastLogin;
    else updated.lastLogin = parseInput(lastLoginSchema, lastLogin);
    // Not part of the renderer's Instance, but other windows' lists do not change, so no notification.
    this.store.set(
      'instances',
      this.readAll().map((item) => (item.id === id ? updated : item)),
    );
  }

  /** Called with the new list after every change. Returns an unsubscribe function. */
  onChange(listener: (instances: Instance[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Would `next` send the saved secrets elsewhere than the keychain says they belong? */
  private async movesSecrets(current: StoredInstance, next: CredentialBinding): Promise<boolean> {
    const settings = bindingOf(current);
    // A keychain that cannot be read cannot hand out the secrets either: judge by the settings alone.
    const saved = await readSavedBinding(this.vault, current.id, current.lastLogin?.login).catch((error: unknown) => {
      this.logger.warn('Could not read where the secrets of an instance belong.', { id: current.id, error });
      return { kind: 'none' } as const;
    });
    if (saved.kind === 'unreadable') return true;
    if (saved.kind === 'tag') return !sameBinding(saved.binding, next);
    if (saved.kind === 'token') return !sameBinding({ origin: saved.origin, pin: settings.pin }, next);
    return !sameBinding(settings, next);
  }

  private readAll(): StoredInstance[] {
    return this.store.get('instances');
  }

  private find(id: string): StoredInstance {
    const found = this.readAll().find((item) => item.id === id);
    if (found === undefined) throw new DeskError('unknown-instance', 'That instance no longer exists.');
    return found;
  }

  private writeAll(instances: StoredInstance[], announce = true): void {
    this.store.set('instances', instances);
    if (announce) this.announce();
  }

  /** Tells the listeners (every window) the current list. */
  announce(): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.list();
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        this.logger.error('An instances listener failed.', { error });
      }
    }
  }
}

export function createInstanceRegistry(deps: InstanceRegistryDeps): InstanceRegistry {
  return new InstanceRegistry(deps);
}
