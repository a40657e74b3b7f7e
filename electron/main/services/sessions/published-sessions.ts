/**
 * The sessions the app currently uses, one per instance, and what the renderer sees of them. A session is
 * published once it is built (and signed in, or resumed); only a published session's status changes are
 * pushed, so listeners see outcomes, not the steps of a sign-in or a restore.
 *
 * Ending an instance's credentials (sign-out, removal, a new address or certificate) starts a new epoch
 * (token-stores.ts): a session opened for an older epoch, by a task that began before the end, is never
 * published and never writes a token. An instance can also carry a note: why its session ended (shown until
 * the next sign-in), or why it is blocked (its saved credentials belong elsewhere: nothing is sent at all).
 */
import { systemClock } from '../../../../shared/df/index.ts';
import type { Instance, SessionStatus, SessionUser } from '../../../../shared/ipc/contract.ts';
import type { Logger, SecretVault } from '../../ports.ts';
import type { InstanceRegistry } from '../instance-registry.ts';
import { lacksHttpConsent } from '../instances/instance-url.ts';
import type { CloseOptions, InstanceSessionDeps, SessionLogin } from './instance-session.ts';
import { InstanceSession, KEEP_TOKEN } from './instance-session.ts';
import type { KnownSecrets } from './known-secrets.ts';
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
  secrets: KnownSecrets;
  session: InstanceSessionDeps;
}

interface Note {
  reason: string;
  /** True: nothing may be sent for this instance (no sign-in, no request) until its settings are saved again. */
  blocks: boolean;
}

export class PublishedSessions {
  private readonly sessions = new Map<string, InstanceSession>();
  private readonly notes = new Map<string, Note>();
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

  /** The published sessions someone is signed in to (not the API-key-only clients). */
  signedIn(): InstanceSession[] {
    return [...this.sessions.values()].filter((session) => session.login !== null);
  }

  /** The instance's credential epoch: captured when a call begins, checked when its session is published. */
  epoch(instanceId: string): number {
    return this.stores.epoch(instanceId);
  }

  /** A new session for `instanceId`, not yet published. Sessions of the same login share one token store. */
  open(
    instanceId: string,
    instance: Pick<Instance, 'url' | 'trustedCertificateSha256'>,
    login: SessionLogin | null,
    apiKey: string | null,
    options: { profile?: SessionProfile | undefined; epoch: number },
  ): InstanceSession {
    const { profile, epoch } = options;
    const spec: ConstructorParameters<typeof InstanceSession>[0] = {
      instanceId,
      instance,
      login,
      apiKey,
      epoch,
      store: login === null ? null : this.stores.forLogin(instanceId, login.login, epoch),
    };
    if (profile !== undefined) spec.user = profile.user;
    if (profile?.clockOffsetMs !== undefined) spec.clockOffsetMs = profile.clockOffsetMs;
    this.deps.secrets.remember(`key:${instanceId}`, apiKey);
    const session = new InstanceSession(spec, this.deps.session);
    session.onStatusChange(() => {
      if (this.sessions.get(instanceId) === session && !session.settlingDown) this.emit(instanceId);
    });
    return session;
  }

  /**
   * False, and the session closed, when the app is shutting down (nothing may outlive closeAll()) or when the
   * instance's credentials were ended after the session's task began (closed with `whenStale`).
   */
  async publish(instanceId: string, session: InstanceSession, whenStale: CloseOptions = KEEP_TOKEN): Promise<boolean> {
    if (this.closed) {
      await session.close(KEEP_TOKEN);
      return false;
    }
    if (session.epoch !== this.epoch(instanceId)) {
      await session.close(whenStale);
      return false;
    }
    this.sessions.set(instanceId, session);
    if (session.login !== null) this.note(instanceId, undefined);
    return true;
  }

  /** Closes the session and, once it is no longer published, forgets it; ending it fences its token store. */
  async close(instanceId: string, session: InstanceSession, options: CloseOptions): Promise<void> {
    if (this.sessions.get(instanceId) === session) this.sessions.delete(instanceId);
    const fenced = options.logout || options.clearToken ? this.stores.revoke(session.store) : undefined;
    await Promise.all([session.close(options), fenced]);
  }

  /**
   * Ends every token of the instance now, before any task queued for it: a new epoch, every token store
   * fenced, the published session closed (`logout`: signed out on the server, within the time limit), and
   * the entries in `accounts` deleted.
   */
  async end(instanceId: string, logout: boolean, accounts: readonly string[] = []): Promise<void> {
    const session = this.sessions.get(instanceId);
    this.sessions.delete(instanceId);
    const revoked = this.stores.revokeInstance(instanceId);
    const closed = session?.close({ logout, clearToken: true });
    const deleted = accounts.map((account) => this.deps.vault.delete(account).catch(() => false));
    await Promise.all([revoked, closed, ...deleted]);
  }

  /** Closes every session, keeping their tokens (app shutdown). */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sessions].map(([id, session]) => this.close(id, session, KEEP_TOKEN)));
    this.publisher.clear();
  }

  /** Nothing is sent for the instance until unblock(); its status says why. */
  block(instanceId: string, reason: string): void {
    this.notes.set(instanceId, { reason, blocks: true });
  }

  /** Why the instance is blocked, if it is. */
  blockedReason(instanceId: string): string | undefined {
    const note = this.notes.get(instanceId);
    return note?.blocks === true ? note.reason : undefined;
  }

  /** Saving the instance's settings again lifts a block (the session manager then checks anew). */
  unblock(instanceId: string): void {
    if (this.notes.get(instanceId)?.blocks === true) this.notes.delete(instanceId);
  }

  /** Why the session ended, shown as its reason until the next sign-in; `undefined` forgets it (not a block). */
  note(instanceId: string, reason: string | undefined): void {
    if (this.notes.get(instanceId)?.blocks === true) return;
    if (reason === undefined) this.notes.delete(instanceId);
    else this.notes.set(instanceId, { reason, blocks: false });
  }

  subscribe(listener: (status: SessionStatus) => void): () => void {
    return this.publisher.subscribe(listener);
  }

  /** What a restart needs to restore this sign-in without a request: the login, the user, the clock offset. */
  remember(instanceId: string, session: InstanceSession, login: SessionLogin, user: SessionUser): void {
    // signedInAt tells another process (external-changes.ts) that this is a new sign-in, even as the same user.
    this.deps.registry.setLastLogin(instanceId, { ...login, signedInAt: (this.deps.session.clock ?? systemClock).now() });
    const offset = session.client.status().serverClockOffsetMs;
    const profile: SessionProfile = { user };
    if (offset !== undefined && Number.isFinite(offset)) profile.clockOffsetMs = offset;
    this.deps.profiles.set(instanceId, profile);
  }

  /** The instance is gone: a later instance with the same id starts with a clean slate. */
  forget(instanceId: string): void {
    this.publisher.forget(instanceId);
    this.notes.delete(instanceId);
  }

  persistenceOf(session: InstanceSession | undefined): SessionStatus['persistence'] {
    if (this.deps.vault.health().mode !== 'keychain') return 'memory';
    return session?.store?.persisted === false ? 'memory' : 'keychain';
  }

  /** A pure read of what the renderer sees for this instance, never carrying a known secret. */
  statusOf(instanceId: string): SessionStatus {
    const status = this.rawStatusOf(instanceId);
    if (status.endedReason !== undefined) status.endedReason = this.deps.secrets.scrub(status.endedReason);
    if (status.lastRefreshError !== undefined) {
      status.lastRefreshError = { ...status.lastRefreshError, message: this.deps.secrets.scrub(status.lastRefreshError.message) };
    }
    return status;
  }

  private rawStatusOf(instanceId: string): SessionStatus {
    const { registry, profiles } = this.deps;
    const instance = registry.get(instanceId);
    const session = this.sessions.get(instanceId);
    if (session !== undefined && session.login !== null) return session.status(this.persistenceOf(session));
    const last = registry.getLastLogin(instanceId);
    const note = this.notes.get(instanceId);
    const reason = note?.reason ?? (last !== undefined && lacksHttpConsent(instance) ? insecureHttpRefusal : undefined);
    if (reason !== undefined) {
      const user = last === undefined ? undefined : profiles.get(instanceId)?.user;
      const status = toSessionStatus({
        instanceId,
        admin: last?.admin ?? false,
        persistence: this.persistenceOf(undefined),
        unavailableReason: reason,
        ...(user === undefined ? {} : { user }),
      });
      // Settings changed outside DF Desk, or plain http not yet confirmed: a sign-in would be refused too.
      if (note === undefined || note.blocks === true) status.blocked = true;
      return status;
    }
    if (session !== undefined) return session.status(this.persistenceOf(session));
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
