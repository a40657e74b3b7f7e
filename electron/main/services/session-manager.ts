
import type { DfClient, DfSessionInfo, } from '../../../shared/df/index.ts';
import type { Instance, SessionStatus, SessionUser, SignInInput } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../ports.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import { lacksHttpConsent } from './instances/instance-url.ts';
import { tokenAccount } from './instances/vault-accounts.ts';
import { toDeskError } from './requests/to-desk-error.ts';
import type { InstanceSession, InstanceSessionDeps, SessionLogin } from './sessions/instance-session.ts';
import { KEEP_TOKEN } from './sessions/instance-session.ts';
import { KeyedQueue } from './sessions/keyed-queue.ts';
import { insecureHttpRefusal, PublishedSessions } from './sessions/published-sessions.ts';
import { resumeSession } from './sessions/resume-session.ts';
import type { SessionProfile, SessionProfiles } from './sessions/session-profiles.ts';
import { toSessionUser } from './sessions/session-profiles.ts';
import { dfCredentials, loginOf, parseCredentials } from './sessions/sign-in-credentials.ts';

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

/** The session manager's own services, plus what each instance's session is built with. */
export interface SessionManagerDeps extends InstanceSessionDeps {
  registry: InstanceRegistry;
  vault: SecretVault;
  profiles: SessionProfiles;
}

export { insecureHttpRefusal };

const notSignedIn = () => new DeskError('session-ended', 'You are not signed in to this instance. Please sign in.');

export class SessionManager {
  private readonly deps: SessionManagerDeps;
  private readonly sessions: PublishedSessions;
  private readonly queue = new KeyedQueue();
  private readonly restores = new Map<string, Promise<void>>();
  private disposed = false;

  constructor(deps: SessionManagerDeps) {
    this.deps = deps;
    const { registry, profiles, vault, logger, clock, timers, refreshWindowSeconds, adapter, sessionCallTimeoutMs } = deps;
    const session = { logger, clock, timers, refreshWindowSeconds, adapter, sessionCallTimeoutMs };
    this.sessions = new PublishedSessions({ registry, profiles, vault, logger, session });
  }

  /** Restores every saved session (in parallel); resolves when all are settled. Never rejects. */
  async restoreAll(): Promise<void> {
    const { registry, logger } = this.deps;
    const ids = registry
      .list()
      .filter((instance) => registry.getLastLogin(instance.id) !== undefined)
      .map((instance) => instance.id);
    for (const id of ids) {
      const running = this.queue.run(id, () => this.restore(id)).catch((error: unknown) => {
        logger.error('Restoring a session failed.', { instanceId: id, error });
      });
      this.restores.set(id, running);
    }
    await Promise.all(ids.map((id) => this.restores.get(id)));
  }

  async signIn(instanceId: string, credentials: SignInInput): Promise<SessionStatus> {
    const input = parseCredentials(credentials);
    await this.restored(instanceId);
    return this.queue.run(instanceId, async () => {
      const instance = this.deps.registry.get(instanceId);
      if (lacksHttpConsent(instance)) throw new DeskError('refused', insecureHttpRefusal);
      const login = loginOf(input);
      const current = this.sessions.get(instanceId);
      const same = current !== undefined && current.login?.login === login.login && current.login.admin === login.admin;
      // The same login signs in again on its own client; anyone else gets a new session, published on success.
      const session = same ? current : this.sessions.open(instanceId, instance, login, await this.apiKeyOf(instanceId));
      let info: DfSessionInfo;
      try {
        info = await session.signIn(dfCredentials(input));
      } catch (error) {
        if (session !== current) await session.close(KEEP_TOKEN);
        throw toDeskError(error, this.deps.logger);
      }
      const user = toSessionUser(info);
      session.user = user;
      session.unavailableReason = undefined;
      if (session !== current) await this.replace(instanceId, current, session);
      this.remember(instanceId, session, login, user);
      this.deps.logger.info('Signed in.', { instanceId, admin: login.admin, forever: info.forever, persistence: this.sessions.persistenceOf(session) });
      this.sessions.emit(instanceId);
      return this.sessions.statusOf(instanceId);
    });
  }

  async signOut(instanceId: string): Promise<SessionStatus> {
    await this.restored(instanceId);
    return this.queue.run(instanceId, async () => {
      const { registry, vault, profiles, logger } = this.deps;
      registry.assertInstance(instanceId);
      const last = registry.getLastLogin(instanceId);
      const session = this.sessions.get(instanceId);
      if (session !== undefined) {
        // DELETE only with a still-valid token; works offline; clears the keychain entry.
        await this.sessions.close(instanceId, session, { logout: true, clearToken: true });
      } else if (last !== undefined) {
        await vault.delete(tokenAccount(instanceId, last.login)).catch(() => false);
      }
      registry.setLastLogin(instanceId, null);
      profiles.delete(instanceId);
      logger.info('Signed out.', { instanceId });
      this.sessions.emit(instanceId);
      return this.sessions.statusOf(instanceId);
    });
  }

  async status(instanceId: string): Promise<SessionStatus> {
    await this.restored(instanceId);
    return this.sessions.statusOf(instanceId);
  }

  /** "Refresh now". */
  async refresh(instanceId: string): Promise<SessionStatus> {
    await this.restored(instanceId);
    this.deps.registry.assertInstance(instanceId);
    const session = this.sessions.get(instanceId);
    if (session === undefined || session.login === null) throw notSignedIn();
    if (session.client.status().state === 'signed-out') throw notSignedIn();
    try {
      await session.client.refresh();
    } catch (error) {
      throw toDeskError(error, this.deps.logger);
    }
    return this.sessions.statusOf(instanceId);
  }

  /**
   * The instance's client for the request proxy (an API-key-only client when nobody is signed in). The proxy
   * passes the instance it has just read, which saves a second read on every request.
   */
  async client(instanceId: string, known?: Instance): Promise<InstanceClient> {
    await this.restored(instanceId);
    const instance = known ?? this.deps.registry.get(instanceId);
    if (lacksHttpConsent(instance)) throw new DeskError('refused', insecureHttpRefusal);
    const existing = this.sessions.get(instanceId);
    if (existing !== undefined) return { client: existing.client, apiKey: existing.apiKey };
    return this.queue.run(instanceId, async () => {
      let session = this.sessions.get(instanceId);
      if (session === undefined) {
        session = this.sessions.open(instanceId, instance, null, await this.apiKeyOf(instanceId));
        await this.sessions.publish(instanceId, session);
      }
      return { client: session.client, apiKey: session.apiKey };
    });
  }

  /**
   * After the registry changed an instance: a new URL ends the session (its token belongs to the old server);
   * a new API key or pinned certificate rebuilds the client around the stored token.
   */
  async instanceUpdated(instanceId: string, change: InstanceChange): Promise<void> {
    await this.restored(instanceId);
    await this.queue.run(instanceId, async () => {
      const session = this.sessions.get(instanceId);
      if (change.urlChanged) {
        if (session !== undefined) await this.sessions.close(instanceId, session, { logout: false, clearToken: true });
        else if (change.previousLogin !== undefined) {
          await this.deps.vault.delete(tokenAccount(instanceId, change.previousLogin)).catch(() => false);
        }
        this.deps.profiles.delete(instanceId);
        this.sessions.emit(instanceId);
        return;
      }
      const pinChanged = session !== undefined && session.pin !== this.deps.registry.get(instanceId).trustedCertificateSha256;
      if (session !== undefined && (change.apiKeyChanged || pinChanged)) await this.sessions.close(instanceId, session, KEEP_TOKEN);
      // A valid stored token costs no request; this also picks up a session that was blocked until the user
      // confirmed plain HTTP.
      if (this.sessions.get(instanceId) === undefined) await this.restore(instanceId);
      this.sessions.emit(instanceId);
    });
  }

  /** Before the registry removes an instance: stops its session (the registry deletes its secrets). */
  async instanceRemoving(instanceId: string): Promise<void> {
    await this.restored(instanceId);
    await this.queue.run(instanceId, async () => {
      const session = this.sessions.get(instanceId);
      if (session !== undefined) await this.sessions.close(instanceId, session, { ...KEEP_TOKEN, release: true });
      this.sessions.forget(instanceId);
    });
  }

  onChange(listener: (status: SessionStatus) => void): () => void {
    return this.sessions.subscribe(listener);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.restores.values()]);
    this.disposed = true;
    await this.sessions.closeAll();
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────────

  private async restored(instanceId: string): Promise<void> {
    const restoring = this.restores.get(instanceId);
    if (restoring !== undefined) await restoring;
  }

  /** A sign-in as someone else replaces the session; the old login's token is ended unless it shares the entry. */
  private async replace(instanceId: string, current: InstanceSession | undefined, next: InstanceSession): Promise<void> {
    if (current !== undefined) {
      const ownEntry = current.store !== null && current.store !== next.store;
      await this.sessions.close(instanceId, current, ownEntry ? { logout: true, clearToken: true } : KEEP_TOKEN);
    }
    await this.sessions.publish(instanceId, next);
  }

  /** What a restart needs to restore this sign-in without a request: the login, the user, the clock offset. */
  private remember(instanceId: string, session: InstanceSession, login: SessionLogin, user: SessionUser): void {
    this.deps.registry.setLastLogin(instanceId, login);
    const offset = session.client.status().serverClockOffsetMs;
    const profile: SessionProfile = { user };
    if (offset !== undefined && Number.isFinite(offset)) profile.clockOffsetMs = offset;
    this.deps.profiles.set(instanceId, profile);
  }

  private async apiKeyOf(instanceId: string): Promise<string | null> {
    try {
      return await this.deps.registry.getApiKey(instanceId);
    } catch (error) {
      // Without the key DF still answers sign-in and public calls; the UI shows the failing calls.
      this.deps.logger.warn('Could not read the API key from the keychain.', { instanceId, error });
      return null;
    }
  }

  private async restore(instanceId: string): Promise<void> {
    const { registry, profiles, logger } = this.deps;
    if (this.disposed || this.sessions.get(instanceId) !== undefined) return;
    const instance = registry.get(instanceId);
    const last = registry.getLastLogin(instanceId);
    if (last === undefined || lacksHttpConsent(instance)) return;
    const session = this.sessions.open(instanceId, instance, last, await this.apiKeyOf(instanceId), profiles.get(instanceId));
    // Published before the resume (which may take a refresh), so a status read meanwhile says 'refreshing' and
    // "Refresh now" joins it; listeners hear only the outcome.
    if (!(await this.sessions.publish(instanceId, session))) return;
    await session.resume((resuming) => resumeSession(resuming, () => this.deps.vault.health(), logger));
    this.sessions.emit(instanceId);
  }

}

export function createSessionManager(deps: SessionManagerDeps): SessionManager {
  return new SessionManager(deps);
}
