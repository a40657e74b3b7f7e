// The user's DreamFactory instances (see the class comment below).
import type { z } from 'zod';
import { instancePatchSchema, newInstanceSchema } from '../../../shared/ipc/contract.ts';
import type { Instance, InstancePatch, InstanceTag, NewInstance } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { sortInstances } from '../../../shared/instances.ts';
import type { KeyValueStore, Logger, SecretVault } from '../ports.ts';
import { defaultColorFor, DEFAULT_TAG } from './instances/instance-defaults.ts';
import { newInstanceId } from './instances/instance-ids.ts';
import { validateInstanceUrl } from './instances/instance-url.ts';
import type { DeskSettings, LastLogin, StoredInstance } from './instances/settings-document.ts';
import { lastLoginSchema } from './instances/settings-document.ts';
import { apiKeyAccount, instanceAccountPrefix } from './instances/vault-accounts.ts';

export interface InstanceRegistryDeps {
  store: KeyValueStore<DeskSettings>;
  vault: SecretVault;
  logger: Logger;
  newId?: () => string;
}

const insecureHttpMessage =
  'Plain http:// sends your password and session token unencrypted over the network. Use https://, or confirm plain HTTP for this instance.';

function toInstance(stored: StoredInstance): Instance {
  const instance: Instance = {
    id: stored.id,
    name: stored.name,
    url: stored.url,
    tag: stored.tag,
    color: stored.color,
    favorite: stored.favorite,
    hasApiKey: stored.hasApiKey,
    allowInsecureHttp: stored.allowInsecureHttp,
  };
  if (stored.trustedCertificateSha256 !== undefined) instance.trustedCertificateSha256 = stored.trustedCertificateSha256;
  return instance;
}

const pinNeedsHttpsMessage = 'A certificate can only be trusted for an https:// address.';

function checkedPin(url: string, pin: string | undefined): string | undefined {
  if (pin !== undefined && !url.startsWith('https://')) throw new DeskError('invalid-input', pinNeedsHttpsMessage);
  return pin;
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DeskError('invalid-input', result.error.issues[0]?.message ?? 'The instance details are not valid.');
  }
  return result.data;
}

/** scheme://host[:port] of a normalised instance URL (URL drops a default port, so :443 equals none). */
function originOf(url: string): string {
  return new URL(url).origin;
}

function checkedUrl(rawUrl: string, allowInsecureHttp: boolean): string {
  const { url, insecure } = validateInstanceUrl(rawUrl);
  if (insecure && !allowInsecureHttp) throw new DeskError('invalid-input', insecureHttpMessage);
  return url;
}

/** What an update of one stored instance becomes, before it is saved (pure). */
function updatedInstance(current: StoredInstance, patch: InstancePatch, url: string, allowInsecureHttp: boolean) {
  // A pinned certificate was trusted for one host:port: like the key, a move to another origin forgets it.
  const samePlace = originOf(url) === originOf(current.url);
  const pin = checkedPin(
    url,
    patch.trustedCertificateSha256 === null
      ? undefined
      : (patch.trustedCertificateSha256 ?? (samePlace ? current.trustedCertificateSha256 : undefined)),
  );
  const tag = patch.tag ?? current.tag;
  // The color follows a new tag unless the user picked one of their own.
  const keptDefaultColor = current.color.toLowerCase() === defaultColorFor(current.tag);
  const color = patch.color?.toLowerCase() ?? (keptDefaultColor ? defaultColorFor(tag) : current.color);
  const updated: StoredInstance = {
    ...current,
    name: patch.name ?? current.name,
    url,
    tag,
    color,
    favorite: patch.favorite ?? current.favorite,
    allowInsecureHttp,
  };
  if (pin === undefined) delete updated.trustedCertificateSha256;
  else updated.trustedCertificateSha256 = pin;
  // A session token belongs to the server it came from: a new address forgets which login to restore.
  if (url !== current.url) delete updated.lastLogin;
  // The key was given for one server: sending it to another origin would leak it there, so a move to a new
  // origin forgets it unless the same patch supplies one. A new path on the same server keeps it.
  const forgetKey = patch.apiKey === undefined && current.hasApiKey && !samePlace;
  return { updated, forgetKey };
}

/**
 * The user's DreamFactory instances. Non-secret data lives in the settings store; the API key goes to the
 * vault (`<id>/api-key`), and removing an instance removes every vault entry under `<id>/` (its API key and
 * any saved session tokens).
 */
export class InstanceRegistry {
  private readonly store: KeyValueStore<DeskSettings>;
  private readonly vault: SecretVault;
  private readonly logger: Logger;
  private readonly newId: () => string;
  private readonly listeners = new Set<(instances: Instance[]) => void>();

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
    // Key first: if the keychain refuses it, nothing half-added is left in the list.
    if (apiKey !== '') await this.vault.set(apiKeyAccount(id), apiKey);
    try {
      this.writeAll([...this.readAll(), stored]);
    } catch (error) {
      if (apiKey !== '') await this.vault.delete(apiKeyAccount(id)).catch(() => false);
      throw error;
    }
    this.logger.info('Instance added.', { id, tag, hasApiKey: stored.hasApiKey, pinnedCertificate: pin !== undefined });
    return toInstance(stored);
  }

  async update(id: string, patch: InstancePatch): Promise<Instance> {
    this.store.revalidate();
    const parsed = parseInput(instancePatchSchema, patch);
    const current = this.find(id);
    const allowInsecureHttp = parsed.allowInsecureHttp ?? current.allowInsecureHttp;
    // Re-check even when only the flag changed: turning the confirmation off for an http:// host is refused.
    const url = checkedUrl(parsed.url ?? current.url, allowInsecureHttp);
    const { updated, forgetKey } = updatedInstance(current, parsed, url, allowInsecureHttp);
    if (parsed.apiKey === null || parsed.apiKey === '' || forgetKey) {
      await this.vault.delete(apiKeyAccount(id));
      updated.hasApiKey = false;
    } else if (parsed.apiKey !== undefined) {
      await this.vault.set(apiKeyAccount(id), parsed.apiKey);
      updated.hasApiKey = true;
    }
    this.writeAll(this.readAll().map((item) => (item.id === id ? updated : item)));
    return toInstance(updated);
  }

  async remove(id: string): Promise<void> {
    this.store.revalidate();
    this.find(id);
    // Secrets first: if the keychain fails, the instance stays listed so the user can retry, instead of
    // leaving orphaned tokens nobody can see.
    const accounts = new Set([apiKeyAccount(id), ...(await this.vault.findAccounts(instanceAccountPrefix(id)))]);
    for (const account of accounts) await this.vault.delete(account);
    this.writeAll(this.readAll().filter((item) => item.id !== id));
    this.logger.info('Instance removed.', { id, vaultEntries: accounts.size });
  }

  /** The stored API key, or null (none saved, or the vault lost it: session-only mode after a restart). */
  async getApiKey(id: string): Promise<string | null> {
    const stored = this.find(id);
    if (!stored.hasApiKey) return null;
    return this.vault.get(apiKeyAccount(id));
  }

  getLastLogin(id: string): LastLogin | undefined {
    return this.find(id).lastLogin;
  }

  /** `null` forgets it (e.g. after sign-out). */
  setLastLogin(id: string, lastLogin: LastLogin | null): void {
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

  private readAll(): StoredInstance[] {
    return this.store.get('instances');
  }

  private find(id: string): StoredInstance {
    const found = this.readAll().find((item) => item.id === id);
    if (found === undefined) throw new DeskError('unknown-instance', 'That instance no longer exists.');
    return found;
  }

  private writeAll(instances: StoredInstance[]): void {
    this.store.set('instances', instances);
    this.notify();
  }

  private notify(): void {
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
