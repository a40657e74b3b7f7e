/**
 * One DfClient per instance (design §1: one refresher per instance, shared by every window), with keep-alive
 * on, its token in the vault under `<instanceId>/<login>` and the non-secret user summary in the settings.
 *
 * At launch every saved session is restored in parallel: a still-valid token costs no request, an expired
 * one inside its window costs one PUT, anything else needs a new sign-in. Status changes are pushed to
 * listeners (deduplicated), and every error leaves as a DeskError.
 */
import type { AxiosRequestConfig } from 'axios';
import type { DfClient, DfSessionInfo, DfSessionStatus, Timers } from '../../../shared/df/index.ts';
import { createDfClient } from '../../../shared/df/index.ts';
import type { Instance, SessionStatus, SignInInput } from '../../../shared/ipc/contract.ts';
import { signInSchema } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Clock, Logger, SecretVault } from '../ports.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import { lacksHttpConsent } from './instances/instance-url.ts';
import { tokenAccount } from './instances/vault-accounts.ts';
import { toDeskError } from './requests/to-desk-error.ts';
import type { SessionProfile, SessionProfiles } from './sessions/session-profiles.ts';
import { toSessionUser } from './sessions/session-profiles.ts';
import type { TrackedRefreshFailure } from './sessions/refresh-failure.ts';
import type { PinnedCertificateAdapter } from './tls/pinned-certificate.ts';
import { pinnedCertificateAdapter } from './tls/pinned-certificate.ts';
import { publicRefreshFailure, trackRefreshFailure } from './sessions/refresh-failure.ts';
import { toSessionStatus } from './sessions/session-status.ts';
import type { VaultTokenStore } from './sessions/vault-token-store.ts';
import { createVaultTokenStore, emptyTokenStore } from './sessions/vault-token-store.ts';

export interface SessionManager {
  /** Restores every saved session (in parallel); resolves when all are settled. Never rejects. */
  restoreAll(): Promise<void>;
  signIn(instanceId: string, credentials: SignInInput): Promise<SessionStatus>;
  signOut(instanceId: string): Promise<SessionStatus>;
  status(instanceId: string): Promise<SessionStatus>;
  /** "Refresh now". */
  refresh(instanceId: string): Promise<SessionStatus>;
  /** The instance's client for the request proxy (an API-key-only client when nobody is signed in). */
  client(instanceId: string): Promise<InstanceClient>;
  /**
   * After the registry changed an instance: a new URL drops the session, a new API key or pinned certificate
   * rebuilds the client.
   */
  instanceUpdated(instanceId: string, change: InstanceChange): Promise<void>;
  /** Before the registry removes an instance: stops its client (the registry deletes its secrets). */
  instanceRemoving(instanceId: string): Promise<void>;
  onChange(listener: (status: SessionStatus) => void): () => void;
  dispose(): Promise<void>;
}

export interface InstanceClient {
  client: DfClient;
  /** The API key the client sends, so the proxy can hide it should a server echo it. */
  apiKey: string | null;
}

export interface InstanceChange {
  urlChanged: boolean;
  apiKeyChanged: boolean;
  /** The login saved before the update (the registry forgets it when the URL changes). */
  previousLogin?: string;
}

export interface SessionManagerDeps {
  registry: InstanceRegistry;
  vault: SecretVault;
  profiles: SessionProfiles;
  logger: Logger;
  clock?: Clock;
  timers?: Timers;
  /** DF_JWT_REFRESH_TTL in seconds if known (only for the window estimate); default DF's 14 days. */
  refreshWindowSeconds?: number;
  /** The I/O adapter under the session library; default axios's. */
  adapter?: AxiosRequestConfig['adapter'];
  sessionCallTimeoutMs?: number;
}

interface Entry {
  client: DfClient;
  apiKey: string | null;
  /** null: nobody signed in; the client only carries the API key. */
  login: string | null;
  admin: boolean;
  store: VaultTokenStore | null;
  user?: SessionProfile['user'];
  /** Why a saved session could not be restored (the client never held its token). */
  unavailableReason?: string;
  /** While restoring or signing in, the intermediate states are not pushed: only the outcome is. */
  quiet: boolean;
  /** The last background refresh failure while the session is kept (the library does not time it). */
  refreshFailure?: TrackedRefreshFailure;
  off: () => void;
  /** The certificate the client was built to accept (the instance's pin when it was created). */
  pin: string | undefined;
  /** Its pinned agent, closed with the client. */
  pinned: PinnedCertificateAdapter | null;
}

export const insecureHttpRefusal =
  'This instance uses plain http:// to a remote host, which would send your password and session token unencrypted. Confirm plain HTTP for this instance in its settings, or use https://.';

const notSignedIn = () => new DeskError('session-ended', 'You are not signed in to this instance. Please sign in.');

export function createSessionManager(deps: SessionManagerDeps): SessionManager {
  const { registry, vault, profiles, logger } = deps;
  const entries = new Map<string, Entry>();
  // Shared per keychain entry, so an old and a rebuilt client of one login see the same latest token.
  const stores = new Map<string, VaultTokenStore>();
  const queues = new Map<string, Promise<unknown>>();
  const restores = new Map<string, Promise<void>>();
  const listeners = new Set<(status: SessionStatus) => void>();
  const lastEmitted = new Map<string, string>();
  let disposed = false;

  /** One mutation per instance at a time (sign-in, sign-out, rebuild, restore). */
  function serialized<T>(instanceId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(instanceId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(instanceId, settled);
    void settled.then(() => {
      if (queues.get(instanceId) === settled) queues.delete(instanceId);
    });
    return next;
  }

  async function restored(instanceId: string): Promise<void> {
    await restores.get(instanceId);
  }

  function storeFor(account: string): VaultTokenStore {
    let store = stores.get(account);
    if (store === undefined) {
      store = createVaultTokenStore(vault, account, logger);
      stores.set(account, store);
    }
    return store;
  }

  function persistenceOf(entry: Entry | undefined): SessionStatus['persistence'] {
    if (vault.health().mode !== 'keychain') return 'memory';
    return entry?.store?.persisted === false ? 'memory' : 'keychain';
  }

  function observeRefresh(entry: Entry, df: DfSessionStatus): void {
    const next = trackRefreshFailure(entry.refreshFailure, df, deps.clock?.now() ?? Date.now(), entry.apiKey);
    if (next === undefined) delete entry.refreshFailure;
    else entry.refreshFailure = next;
  }

  function statusOf(instanceId: string): SessionStatus {
    const instance = registry.get(instanceId);
    const entry = entries.get(instanceId);
    if (entry !== undefined) {
      const df = entry.client.status();
      observeRefresh(entry, df);
      const input: Parameters<typeof toSessionStatus>[0] = {
        instanceId,
        df,
        admin: entry.admin,
        persistence: persistenceOf(entry),
      };
      if (entry.user !== undefined) input.user = entry.user;
      const refreshError = publicRefreshFailure(entry.refreshFailure);
      if (refreshError !== undefined) input.refreshError = refreshError;
      if (entry.unavailableReason !== undefined) input.unavailableReason = entry.unavailableReason;
      return toSessionStatus(input);
    }
    const last = registry.getLastLogin(instanceId);
    if (last !== undefined && lacksHttpConsent(instance)) {
      const input: Parameters<typeof toSessionStatus>[0] = {
        instanceId,
        admin: last.admin,
        persistence: persistenceOf(undefined),
        unavailableReason: insecureHttpRefusal,
      };
      const user = profiles.get(instanceId)?.user;
      if (user !== undefined) input.user = user;
      return toSessionStatus(input);
    }
    return toSessionStatus({ instanceId, admin: false, persistence: persistenceOf(undefined) });
  }

  function emit(instanceId: string): void {
    if (disposed || listeners.size === 0 || entries.get(instanceId)?.quiet === true) return;
    let status: SessionStatus;
    try {
      status = statusOf(instanceId);
    } catch {
      return; // The instance was removed meanwhile.
    }
    const fingerprint = JSON.stringify(status);
    if (lastEmitted.get(instanceId) === fingerprint) return;
    lastEmitted.set(instanceId, fingerprint);
    for (const listener of [...listeners]) {
      try {
        listener(status);
      } catch (error) {
        logger.error('A session listener failed.', { error });
      }
    }
  }

  function createEntry(
    instanceId: string,
    instance: Pick<Instance, 'url' | 'trustedCertificateSha256'>,
    session: { login: string; admin: boolean } | null,
    apiKey: string | null,
    profile: SessionProfile | undefined,
  ): Entry {
    const store = session === null ? null : storeFor(tokenAccount(instanceId, session.login));
    const pin = instance.trustedCertificateSha256;
    // Only this instance's client gets the pinned agent: another instance never accepts this certificate.
    const pinned =
      pin === undefined ? null : pinnedCertificateAdapter({ origin: instance.url, sha256: pin, base: deps.adapter });
    const client = createDfClient({
      baseURL: instance.url,
      apiKey: apiKey ?? undefined,
      tokens: store ?? emptyTokenStore(),
      audience: session?.admin === true ? 'admin' : 'user',
      keepAlive: session !== null,
      clock: deps.clock,
      timers: deps.timers,
      refreshWindowSeconds: deps.refreshWindowSeconds,
      serverClockOffsetMs: profile?.clockOffsetMs,
      sessionCallTimeoutMs: deps.sessionCallTimeoutMs,
      adapter: pinned === null ? deps.adapter : pinned.adapter,
      onSessionEnd: (error) => logger.info('A session ended; a new sign-in is needed.', { instanceId, reason: error.message }),
      onStorageError: (error) => logger.warn('The session token store failed.', { instanceId, error }),
    });
    const entry: Entry = {
      client,
      apiKey,
      login: session?.login ?? null,
      admin: session?.admin ?? false,
      store,
      quiet: false,
      off: () => undefined,
      pin,
      pinned,
    };
    if (profile !== undefined) entry.user = profile.user;
    // A client that is not (yet, or any more) the instance's current one has nothing to say.
    entry.off = client.onStatusChange((df) => {
      // Observed even while quiet (restoring), so a failed resume refresh is timed when it happened.
      observeRefresh(entry, df);
      if (entries.get(instanceId) === entry) emit(instanceId);
    });
    return entry;
  }

  function drop(instanceId: string, entry: Entry): void {
    if (entries.get(instanceId) === entry) entries.delete(instanceId);
    entry.off();
    entry.client.dispose();
    entry.pinned?.dispose();
  }

  async function apiKeyOf(instanceId: string): Promise<string | null> {
    try {
      return await registry.getApiKey(instanceId);
    } catch (error) {
      // Without the key DF still answers sign-in and public calls; the UI shows the failing calls.
      logger.warn('Could not read the API key from the keychain.', { instanceId, error });
      return null;
    }
  }

  function missingTokenReason(): string {
    const health = vault.health();
    if (health.mode !== 'keychain') {
      const why = health.reason === undefined ? '' : ` ${health.reason}`;
      return `DF Desk could not use the system keychain, so the session was not kept after the restart.${why} Please sign in again.`;
    }
    return 'The saved session was not found in the keychain. Please sign in again.';
  }

  async function restore(instanceId: string): Promise<void> {
    if (disposed || entries.has(instanceId)) return;
    const instance = registry.get(instanceId);
    const last = registry.getLastLogin(instanceId);
    if (last === undefined || lacksHttpConsent(instance)) return;
    const apiKey = await apiKeyOf(instanceId);
    const entry = createEntry(instanceId, instance, last, apiKey, profiles.get(instanceId));
    entry.quiet = true;
    entries.set(instanceId, entry);
    try {
      const status = await entry.client.resume();
      if (status.state === 'signed-out') entry.unavailableReason = missingTokenReason();
    } catch (error) {
      entry.unavailableReason = `The saved session could not be read. ${toDeskError(error, logger).message}`;
      logger.warn('A saved session could not be restored.', { instanceId, error });
    } finally {
      entry.quiet = false;
    }
    emit(instanceId);
  }

  function parseCredentials(input: SignInInput): SignInInput {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) {
      throw new DeskError('invalid-input', parsed.error.issues[0]?.message ?? 'The sign-in details are not valid.');
    }
    return parsed.data;
  }

  /** Ends the replaced session: its token is logged out and deleted unless the new one shares its entry. */
  async function retire(old: Entry, next: Entry): Promise<void> {
    old.off();
    if (old.store !== null && old.store !== next.store) {
      try {
        await old.client.logout();
      } catch (error) {
        logger.warn('Could not end the previous session cleanly.', { error });
      }
      stores.delete(old.store.account);
    }
    old.client.dispose();
    old.pinned?.dispose();
  }

  async function signIn(instanceId: string, credentials: SignInInput): Promise<SessionStatus> {
    const input = parseCredentials(credentials);
    await restored(instanceId);
    return serialized(instanceId, async () => {
      const instance = registry.get(instanceId);
      if (lacksHttpConsent(instance)) throw new DeskError('refused', insecureHttpRefusal);
      const login = (input.email ?? input.username ?? '').trim();
      const admin = input.admin === true;
      const dfCredentials: Parameters<DfClient['login']>[0] = {
        password: input.password,
        rememberMe: input.rememberMe ?? true,
      };
      if (input.email !== undefined) dfCredentials.email = input.email;
      if (input.username !== undefined) dfCredentials.username = input.username;

      const current = entries.get(instanceId);
      let entry: Entry;
      let info: DfSessionInfo;
      if (current !== undefined && current.login === login && current.admin === admin) {
        entry = current;
        entry.quiet = true;
        try {
          info = await entry.client.login(dfCredentials);
        } catch (error) {
          throw toDeskError(error, logger);
        } finally {
          entry.quiet = false;
        }
      } else {
        entry = createEntry(instanceId, instance, { login, admin }, await apiKeyOf(instanceId), undefined);
        entry.quiet = true;
        try {
          info = await entry.client.login(dfCredentials);
        } catch (error) {
          drop(instanceId, entry);
          throw toDeskError(error, logger);
        }
        if (current !== undefined) {
          entries.delete(instanceId);
          await retire(current, entry);
        }
        entries.set(instanceId, entry);
        entry.quiet = false;
      }
      entry.user = toSessionUser(info);
      delete entry.unavailableReason;
      registry.setLastLogin(instanceId, { login, admin });
      const profile: SessionProfile = { user: entry.user };
      const offset = entry.client.status().serverClockOffsetMs;
      if (offset !== undefined && Number.isFinite(offset)) profile.clockOffsetMs = offset;
      profiles.set(instanceId, profile);
      logger.info('Signed in.', { instanceId, admin, forever: info.forever, persistence: persistenceOf(entry) });
      emit(instanceId);
      return statusOf(instanceId);
    });
  }

  async function signOut(instanceId: string): Promise<SessionStatus> {
    await restored(instanceId);
    return serialized(instanceId, async () => {
      registry.get(instanceId);
      const last = registry.getLastLogin(instanceId);
      const entry = entries.get(instanceId);
      if (entry !== undefined) {
        drop(instanceId, entry);
        if (entry.store !== null) {
          // logout() sends DELETE only with a still-valid token and works offline; it clears the keychain entry.
          await entry.client.logout().catch((error: unknown) => logger.warn('Sign-out did not finish cleanly.', { error }));
          stores.delete(entry.store.account);
        }
      } else if (last !== undefined) {
        await vault.delete(tokenAccount(instanceId, last.login)).catch(() => false);
      }
      registry.setLastLogin(instanceId, null);
      profiles.delete(instanceId);
      logger.info('Signed out.', { instanceId });
      emit(instanceId);
      return statusOf(instanceId);
    });
  }

  async function refresh(instanceId: string): Promise<SessionStatus> {
    await restored(instanceId);
    registry.get(instanceId);
    const entry = entries.get(instanceId);
    if (entry === undefined || entry.login === null) throw notSignedIn();
    const state = entry.client.status().state;
    if (state === 'signed-out') throw notSignedIn();
    try {
      await entry.client.refresh();
    } catch (error) {
      throw toDeskError(error, logger);
    }
    return statusOf(instanceId);
  }

  async function client(instanceId: string): Promise<InstanceClient> {
    await restored(instanceId);
    const instance = registry.get(instanceId);
    if (lacksHttpConsent(instance)) throw new DeskError('refused', insecureHttpRefusal);
    const existing = entries.get(instanceId);
    if (existing !== undefined) return { client: existing.client, apiKey: existing.apiKey };
    return serialized(instanceId, async () => {
      let entry = entries.get(instanceId);
      if (entry === undefined) {
        entry = createEntry(instanceId, instance, null, await apiKeyOf(instanceId), undefined);
        entries.set(instanceId, entry);
      }
      return { client: entry.client, apiKey: entry.apiKey };
    });
  }

  async function instanceUpdated(instanceId: string, change: InstanceChange): Promise<void> {
    await restored(instanceId);
    await serialized(instanceId, async () => {
      const entry = entries.get(instanceId);
      if (change.urlChanged) {
        // A token belongs to the server that issued it: the session is over for the new address.
        if (entry !== undefined) {
          drop(instanceId, entry);
          if (entry.store !== null) {
            await entry.store.clear();
            stores.delete(entry.store.account);
          }
        } else if (change.previousLogin !== undefined) {
          await vault.delete(tokenAccount(instanceId, change.previousLogin)).catch(() => false);
        }
        profiles.delete(instanceId);
        emit(instanceId);
        return;
      }
      // A new or forgotten pinned certificate needs a client with another agent.
      const pinChanged = entry !== undefined && entry.pin !== registry.get(instanceId).trustedCertificateSha256;
      if ((change.apiKeyChanged || pinChanged) && entry !== undefined) drop(instanceId, entry);
      // Rebuilt around the stored token (a valid one costs no request); also picks up a session that was
      // blocked until the user confirmed plain HTTP.
      if (!entries.has(instanceId)) await restore(instanceId);
      emit(instanceId);
    });
  }

  async function instanceRemoving(instanceId: string): Promise<void> {
    await restored(instanceId);
    await serialized(instanceId, async () => {
      const entry = entries.get(instanceId);
      if (entry !== undefined) {
        drop(instanceId, entry);
        if (entry.store !== null) stores.delete(entry.store.account);
      }
      lastEmitted.delete(instanceId);
    });
  }

  async function restoreAll(): Promise<void> {
    const ids = registry
      .list()
      .filter((instance) => registry.getLastLogin(instance.id) !== undefined)
      .map((instance) => instance.id);
    for (const id of ids) {
      const running = serialized(id, () => restore(id)).catch((error: unknown) => {
        logger.error('Restoring a session failed.', { instanceId: id, error });
      });
      restores.set(id, running);
    }
    await Promise.all(ids.map((id) => restores.get(id)));
  }

  return {
    restoreAll,
    signIn,
    signOut,
    async status(instanceId) {
      await restored(instanceId);
      return statusOf(instanceId);
    },
    refresh,
    client,
    instanceUpdated,
    instanceRemoving,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async dispose() {
      await Promise.all([...restores.values()]);
      disposed = true;
      for (const [id, entry] of [...entries]) drop(id, entry);
      listeners.clear();
    },
  };
}
