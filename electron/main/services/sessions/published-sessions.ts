/**
 * The sessions the app currently uses, one per instance, and what the renderer sees of them. A session is
 * published once it is built (and signed in, or resumed); only a published session's status changes are
 * pushed, so listeners see outcomes, not the steps of a sign-in or a restore.
 */
import type { Instance, SessionStatus } from '../../../../shared/ipc/contract.ts';
import type { Logger, SecretVault } from '../../ports.ts';
import type { InstanceRegistry } from '../instance-registry.ts';
import { lacksHttpConsent } from '../instances/instance-url.ts';
import type { CloseOptions, InstanceSessionDeps, SessionLogin } from './instance-session.ts';
import { InstanceSession, KEEP_TOKEN } from './instance-session.ts';
import type { SessionProfile, SessionProfiles } from './session-profiles.ts';
import { toSessionStatus } from './session-status.ts';
import { StatusPublisher } from './status-publisher.ts';
import { TokenStores } from './token-stores.ts';

export const insecureHttpRefusal =
  'This instance uses plain http:// to a remote host, which would send your password and session token unencrypted. Confirm plain HTTP for this instance in its settings, or use https://.';

export interface PublishedSessionsDeps {
  registry: InstanceRegistry;
  profiles: SessionProfiles;
  vault: SecretVault;
  logger: Logger;
  session: InstanceSessionDeps;
}

export class PublishedSessions {
  private readonly sessions = new Map<string, InstanceSession>();
  private readonly stores: TokenStores;
  private readonly publisher: StatusPublisher;
  private closed = false;

  constructor(private readonly deps: PublishedSessionsDeps) {
    this.stores = new TokenStores(deps.vault, deps.logger);
    this.publisher = new StatusPublisher(deps.logger);
  }

  get(instanceId: string): InstanceSession | undefined {
    return this.sessions.get(instanceId);
  }

  /** A new session for `instanceId`, not yet published. Sessions of the same login share one token store. */
  open(
    instanceId: string,
    instance: Pick<Instance, 'url' | 'trustedCertificateSha256'>,
    login: SessionLogin | null,
    apiKey: string | null,
    profile?: SessionProfile,
  ): InstanceSession {
    const spec: ConstructorParameters<typeof InstanceSession>[0] = {
      instanceId,
      instance,
      login,
      apiKey,
      store: login === null ? null : this.stores.forLogin(instanceId, login.login),
    };
    if (profile !== undefined) spec.user = profile.user;
    if (profile?.clockOffsetMs !== undefined) spec.clockOffsetMs = profile.clockOffsetMs;
    const session = new InstanceSession(spec, this.deps.session);
    session.onStatusChange(() => {
      if (this.sessions.get(instanceId) === session && !session.settlingDown) this.emit(instanceId);
    });
    return session;
  }

  /** False (and the session closed) when the app is shutting down: nothing may outlive closeAll(). */
  async publish(instanceId: string, session: InstanceSession): Promise<boolean> {
    if (this.closed) {
      await session.close(KEEP_TOKEN);
      return false;
    }
    this.sessions.set(instanceId, session);
    return true;
  }

  /**
   * Closes the session and, once it is no longer published, forgets it. `release` forgets its token store too
   * (the login's session is over, so the next one reads the keychain afresh).
   */
  async close(instanceId: string, session: InstanceSession, options: CloseOptions & { release?: boolean }): Promise<void> {
    if (this.sessions.get(instanceId) === session) this.sessions.delete(instanceId);
    await session.close(options);
    if (options.release ?? (options.logout || options.clearToken)) this.stores.release(session.store);
  }

  /** Closes every session, keeping their tokens (app shutdown). */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sessions].map(([id, session]) => this.close(id, session, KEEP_TOKEN)));
    this.publisher.clear();
  }

  subscribe(listener: (status: SessionStatus) => void): () => void {
    return this.publisher.subscribe(listener);
  }

  /** The instance is gone: a later instance with the same id starts with a clean slate. */
  forget(instanceId: string): void {
    this.publisher.forget(instanceId);
  }

  persistenceOf(session: InstanceSession | undefined): SessionStatus['persistence'] {
    if (this.deps.vault.health().mode !== 'keychain') return 'memory';
    return session?.store?.persisted === false ? 'memory' : 'keychain';
  }

  /** A pure read of what the renderer sees for this instance. */
  statusOf(instanceId: string): SessionStatus {
    const { registry, profiles } = this.deps;
    const instance = registry.get(instanceId);
    const session = this.sessions.get(instanceId);
    if (session !== undefined) return session.status(this.persistenceOf(session));
    const last = registry.getLastLogin(instanceId);
    if (last !== undefined && lacksHttpConsent(instance)) {
      const user = profiles.get(instanceId)?.user;
      return toSessionStatus({
        instanceId,
        admin: last.admin,
        persistence: this.persistenceOf(undefined),
        unavailableReason: insecureHttpRefusal,
        ...(user === undefined ? {} : { user }),
      });
    }
    return toSessionStatus({ instanceId, admin: false, persistence: this.persistenceOf(undefined) });
  }

  /** Pushes the instance's status if it changed. */
  emit(instanceId: string): void {
    if (this.closed || !this.publisher.hasListeners) return;
    let status: SessionStatus;
    try {
      status = this.statusOf(instanceId);
    } catch {
      return; // The instance was removed meanwhile.
    }
    this.publisher.publish(status);
  }
}
