/**
 * The user's DreamFactory instances: add, update, remove, list. Non-secret data lives in the settings store;
 * the API key goes to the vault (`<id>/api-key`), and removing an instance removes every vault entry under
 * `<id>/` (its API key and any saved session tokens).
 */
import type { z } from 'zod';
import { instancePatchSchema, newInstanceSchema } from '../../../shared/ipc/contract.ts';
import type { Instance, InstancePatch, InstanceTag, NewInstance } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { KeyValueStore, Logger, SecretVault } from '../ports.ts';
import { defaultColorFor, DEFAULT_TAG } from './instances/instance-defaults.ts';
import { newInstanceId } from './instances/instance-ids.ts';
import { normalizeInstanceUrl } from './instances/instance-url.ts';
import type { DeskSettings, LastLogin, StoredInstance } from './instances/settings-document.ts';
import { lastLoginSchema } from './instances/settings-document.ts';
import { apiKeyAccount, instanceAccountPrefix } from './instances/vault-accounts.ts';

export interface InstanceRegistry {
  /** Favorites first, then by name. */
  list(): Instance[];
  /** Throws `unknown-instance`. */
  get(id: string): Instance;
  add(input: NewInstance): Promise<Instance>;
  update(id: string, patch: InstancePatch): Promise<Instance>;
  remove(id: string): Promise<void>;
  /** The stored API key, or null (none saved, or the vault lost it: session-only mode after a restart). */
  getApiKey(id: string): Promise<string | null>;
  getLastLogin(id: string): LastLogin | undefined;
  /** `null` forgets it (e.g. after sign-out). */
  setLastLogin(id: string, lastLogin: LastLogin | null): void;
  /** Called with the new list after every change. Returns an unsubscribe function. */
  onChange(listener: (instances: Instance[]) => void): () => void;
}

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

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortInstances(instances: Instance[]): Instance[] {
  return [...instances].sort(
    (a, b) =>
      Number(b.favorite) - Number(a.favorite) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id),
  );
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
  const { url, insecure } = normalizeInstanceUrl(rawUrl);
  if (insecure && !allowInsecureHttp) throw new DeskError('invalid-input', insecureHttpMessage);
  return url;
}

export function createInstanceRegistry(deps: InstanceRegistryDeps): InstanceRegistry {
  const { store, vault, logger } = deps;
  const newId = deps.newId ?? newInstanceId;
  const listeners = new Set<(instances: Instance[]) => void>();

  const readAll = (): StoredInstance[] => store.get('instances');
  const find = (id: string): StoredInstance => {
    const found = readAll().find((item) => item.id === id);
    if (found === undefined) throw new DeskError('unknown-instance', 'That instance no longer exists.');
    return found;
  };
  const list = () => sortInstances(readAll().map(toInstance));
  const notify = () => {
    if (listeners.size === 0) return;
    const snapshot = list();
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        logger.error('An instances listener failed.', { error });
      }
    }
  };
  const writeAll = (instances: StoredInstance[]) => {
    store.set('instances', instances);
    notify();
  };
  const replace = (updated: StoredInstance) =>
    writeAll(readAll().map((item) => (item.id === updated.id ? updated : item)));

  const saveApiKey = async (id: string, apiKey: string) => {
    await vault.set(apiKeyAccount(id), apiKey);
  };

  return {
    list,
    get: (id) => toInstance(find(id)),

    async add(input) {
      const parsed = parseInput(newInstanceSchema, input);
      const allowInsecureHttp = parsed.allowInsecureHttp ?? false;
      const url = checkedUrl(parsed.url, allowInsecureHttp);
      const tag: InstanceTag = parsed.tag ?? DEFAULT_TAG;
      const existingIds = new Set(readAll().map((item) => item.id));
      let id = newId();
      while (existingIds.has(id)) id = newId();
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
      if (apiKey !== '') await saveApiKey(id, apiKey);
      try {
        writeAll([...readAll(), stored]);
      } catch (error) {
        if (apiKey !== '') await vault.delete(apiKeyAccount(id)).catch(() => false);
        throw error;
      }
      logger.info('Instance added.', { id, tag, hasApiKey: stored.hasApiKey, pinnedCertificate: pin !== undefined });
      return toInstance(stored);
    },

    async update(id, patch) {
      const parsed = parseInput(instancePatchSchema, patch);
      const current = find(id);
      const allowInsecureHttp = parsed.allowInsecureHttp ?? current.allowInsecureHttp;
      // Re-check even when only the flag changed: turning the confirmation off for an http:// host is refused.
      const url = checkedUrl(parsed.url ?? current.url, allowInsecureHttp);
      // A pinned certificate was trusted for one host:port: like the key, a move to another origin forgets it.
      const samePlace = originOf(url) === originOf(current.url);
      const pin = checkedPin(
        url,
        parsed.trustedCertificateSha256 === null
          ? undefined
          : (parsed.trustedCertificateSha256 ?? (samePlace ? current.trustedCertificateSha256 : undefined)),
      );
      const tag = parsed.tag ?? current.tag;
      // The color follows a new tag unless the user picked one of their own.
      const keptDefaultColor = current.color.toLowerCase() === defaultColorFor(current.tag);
      const color = parsed.color?.toLowerCase() ?? (keptDefaultColor ? defaultColorFor(tag) : current.color);
      let hasApiKey = current.hasApiKey;
      // The key was given for one server: sending it to another origin would leak it there, so a move to a
      // new origin forgets it unless the same patch supplies one. A new path on the same server keeps it.
      const forgetKey = parsed.apiKey === undefined && hasApiKey && !samePlace;
      if (parsed.apiKey === null || parsed.apiKey === '' || forgetKey) {
        await vault.delete(apiKeyAccount(id));
        hasApiKey = false;
      } else if (parsed.apiKey !== undefined) {
        await saveApiKey(id, parsed.apiKey);
        hasApiKey = true;
      }
      const updated: StoredInstance = {
        ...current,
        name: parsed.name ?? current.name,
        url,
        tag,
        color,
        favorite: parsed.favorite ?? current.favorite,
        hasApiKey,
        allowInsecureHttp,
      };
      if (pin === undefined) delete updated.trustedCertificateSha256;
      else updated.trustedCertificateSha256 = pin;
      // A session token belongs to the server it came from: a new address forgets which login to restore.
      if (url !== current.url) delete updated.lastLogin;
      replace(updated);
      return toInstance(updated);
    },

    async remove(id) {
      find(id);
      // Secrets first: if the keychain fails, the instance stays listed so the user can retry, instead of
      // leaving orphaned tokens nobody can see.
      const accounts = new Set([apiKeyAccount(id), ...(await vault.findAccounts(instanceAccountPrefix(id)))]);
      for (const account of accounts) await vault.delete(account);
      writeAll(readAll().filter((item) => item.id !== id));
      logger.info('Instance removed.', { id, vaultEntries: accounts.size });
    },

    async getApiKey(id) {
      const stored = find(id);
      if (!stored.hasApiKey) return null;
      return vault.get(apiKeyAccount(id));
    },

    getLastLogin: (id) => find(id).lastLogin,

    setLastLogin(id, lastLogin) {
      const current = find(id);
      const updated: StoredInstance = { ...current };
      if (lastLogin === null) delete updated.lastLogin;
      else updated.lastLogin = parseInput(lastLoginSchema, lastLogin);
      // Not part of the renderer's Instance, but other windows' lists do not change, so no notification.
      store.set(
        'instances',
        readAll().map((item) => (item.id === id ? updated : item)),
      );
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
