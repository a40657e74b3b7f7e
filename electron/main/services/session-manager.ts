import type { DfSessionInfo } from '../../../shared/df/index.ts';
import { systemTimers } from '../../../shared/df/index.ts';
import type { SessionFacts } from '../../../shared/doctor/facts.ts';
import { sessionFactsOf } from '../../../shared/doctor/session-facts.ts';
import type { Instance, SessionStatus, SignInInput } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Logger, SecretVault } from '../ports.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import { lacksHttpConsent } from './instances/instance-url.ts';
import { tokenAccounts } from './instances/vault-accounts.ts';
import { toDeskError } from './requests/to-desk-error.ts';
import { SESSION_END_TIMEOUT_MS, settledWithin } from './sessions/bounded-wait.ts';
import { CredentialGate } from './sessions/credential-gate.ts';
import type { InstanceSession, InstanceSessionDeps } from './sessions/instance-session.ts';
import { KEEP_TOKEN, signInCancelledMessage } from './sessions/instance-session.ts';
import { KeyedQueue } from './sessions/keyed-queue.ts';
import { KnownSecrets } from './sessions/known-secrets.ts';
import { insecureHttpRefusal, PublishedSessions } from './sessions/published-sessions.ts';
import { readApiKey } from './sessions/read-api-key.ts';
import { resumeSession } from './sessions/resume-session.ts';
import type { SessionProfiles } from './sessions/session-profiles.ts';
import type { InstanceChange, InstanceClient } from './sessions/session-types.ts';
import { toSessionUser } from './sessions/session-profiles.ts';
import { dfCredentials, loginOf, parseCredentials } from './sessions/sign-in-credentials.ts';
import type { CheckTrigger, SessionCheck } from './sessions/wake-checks.ts';
import { checkSessions } from './sessions/wake-checks.ts';

export type { InstanceChange, InstanceClient } from './sessions/session-types.ts';

/** The session manager's own services, plus what each instance's session is built with. */
export interface SessionManagerDeps extends InstanceSessionDeps {
  registry: InstanceRegistry;
  vault: SecretVault;
  profiles: SessionProfiles;
  /** The secrets hidden from statuses, errors and log lines (the desk shares one with its logger). */
  secrets?: KnownSecrets;
  /** Restore each saved session when first used instead of all at launch (`dfdesk`: one command, one instance). */
  restoreOnUse?: boolean;
}

export { insecureHttpRefusal };

const notSignedIn = () => new DeskError('session-ended', 'You are not signed in to this instance. Please sign in.');

export class SessionManager {
  private readonly deps: SessionManagerDeps;
  private readonly logger: Logger;
  private readonly secrets: KnownSecrets;
  private readonly sessions: PublishedSessions;
  private readonly gate: CredentialGate;
  private readonly queue = new KeyedQueue();
  private readonly restores = new Map<string, Promise<void>>();
  private disposed = false;

  constructor(deps: SessionManagerDeps) {
    this.secrets = deps.secrets ?? new KnownSecrets();
    this.logger = this.secrets.logger(deps.logger);
    this.deps = { ...deps, logger: this.logger };
    const { registry, profiles, vault, clock, timers, refreshWindowSeconds, adapter, transport, sessionCallTimeoutMs, sessionEndTimeoutMs, refreshLock } = deps;
    const session = { logger: this.logger, clock, timers, refreshWindowSeconds, adapter, transport, sessionCallTimeoutMs, sessionEndTimeoutMs, refreshLock };
    this.sessions = new PublishedSessions({ registry, profiles, vault, logger: this.logger, secrets: this.secrets, session });
    this.gate = new CredentialGate(registry, this.sessions, this.logger);
  }

  /** Restores every saved session (in parallel); resolves when all are settled. Never rejects. */
  async restoreAll(): Promise<void> {
    const { registry } = this.deps;
    const ids = registry
      .list()
      .filter((instance) => instance.hasApiKey || registry.getLastLogin(instance.id) !== undefined)
      .map((instance) => instance.id);
    await Promise.all(ids.map((id) => this.restoreOnce(id)));
  }

  async signIn(instanceId: string, credentials: SignInInput): Promise<SessionStatus> {
    const input = parseCredentials(credentials);
    const epoch = this.sessions.epoch(instanceId);
    await this.restored(instanceId);
    return this.queue.run(instanceId, async () => {
      const instance = this.deps.registry.get(instanceId);
      if (lacksHttpConsent(instance)) throw new DeskError('refused', insecureHttpRefusal);
      await this.gate.assertSendable(instanceId);
      const login = loginOf(input);
      const current = this.sessions.get(instanceId);
      const same = current !== undefined && current.login?.login === login.login && current.login.admin === login.admin;
      // The same login signs in again on its own client; anyone else gets a new session, published on success.
      const session = same ? current : this.sessions.open(instanceId, instance, login, await readApiKey(this.deps.registry, this.logger, instanceId), { epoch });
      let info: DfSessionInfo;
      try {
        info = await session.signIn(dfCredentials(input));
      } catch (error) {
        if (session !== current) await session.close(KEEP_TOKEN);
        throw this.failure(error);
      }
      const user = toSessionUser(info);
      session.user = user;
      session.unavailableReason = undefined;
      if (session !== current) await this.replace(instanceId, current, session);
      this.sessions.remember(instanceId, session, login, user);
      this.logger.info('Signed in.', { instanceId, admin: login.admin, forever: info.forever, persistence: this.sessions.persistenceOf(session) });
      this.sessions.emit(instanceId);
      return this.sessions.statusOf(instanceId);
    });
  }

  /** Ends the session at once (DELETE with a still-valid token, within the time limit); works offline. */
  async signOut(instanceId: string): Promise<SessionStatus> {
    const { registry, profiles } = this.deps;
    registry.assertInstance(instanceId);
    const last = registry.getLastLogin(instanceId);
    await this.sessions.end(instanceId, true, last === undefined ? [] : tokenAccounts(instanceId, last.login));
    return this.urgently(instanceId, async () => {
      registry.setLastLogin(instanceId, null);
      profiles.delete(instanceId);
      this.sessions.note(instanceId, undefined);
      this.logger.info('Signed out.', { instanceId });
      this.sessions.emit(instanceId);
      return this.sessions.statusOf(instanceId);
    });
  }

  async status(instanceId: string): Promise<SessionStatus> {
    await this.restored(instanceId);
    return this.sessions.statusOf(instanceId);
  }

  /** Who the instance's live session is signed in as, or null (external-changes.ts compares it with the file). */
  liveLogin(instanceId: string): { login: string; admin: boolean } | null {
    const session = this.sessions.get(instanceId);
    const live = session?.login != null && ['active', 'refreshing'].includes(session.client.status().state);
    return live && session?.login ? { ...session.login } : null;
  }

  /** What the forever-sessions doctor reads: the state and the engine's times and claims, never the token. */
  async doctorSession(instanceId: string): Promise<SessionFacts> {
    const { state } = await this.status(instanceId);
    const session = this.sessions.get(instanceId);
    return sessionFactsOf(state, session === undefined || session.login === null ? null : session.client.status());
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
      throw this.failure(error);
    }
    return this.sessions.statusOf(instanceId);
  }

  /**
   * The instance's client for the request proxy (an API-key-only client when nobody is signed in). The proxy
   * passes the instance it has just read, which saves a second read on every request.
   */
  async client(instanceId: string, known?: Instance): Promise<InstanceClient> {
    const epoch = this.sessions.epoch(instanceId);
    await this.restored(instanceId);
    const instance = known ?? this.deps.registry.get(instanceId);
    if (lacksHttpConsent(instance)) throw new DeskError('refused', insecureHttpRefusal);
    const blocked = this.sessions.blockedReason(instanceId);
    if (blocked !== undefined) throw new DeskError('refused', blocked);
    const existing = this.sessions.get(instanceId);
    if (existing !== undefined) return { client: existing.client, apiKey: existing.apiKey };
    return this.queue.run(instanceId, async () => {
      let session = this.sessions.get(instanceId);
      if (session === undefined) {
        await this.gate.assertSendable(instanceId);
        session = this.sessions.open(instanceId, instance, null, await readApiKey(this.deps.registry, this.logger, instanceId), { epoch });
        // Not published when the credentials ended meanwhile; it still serves this one request (API key only).
        await this.sessions.publish(instanceId, session);
      }
      return { client: session.client, apiKey: session.apiKey };
    });
  }

  /**
   * After the registry changed an instance: a new URL or certificate ends the session (its token belongs to the
   * old server, or went to another certificate); a new API key rebuilds the client around the stored token.
   */
  async instanceUpdated(instanceId: string, change: InstanceChange): Promise<void> {
    const pin = this.deps.registry.get(instanceId).trustedCertificateSha256;
    const session = this.sessions.get(instanceId);
    if (change.urlChanged || change.credentialsMoved === true || (session !== undefined && session.pin !== pin)) {
      const previous = change.previousLogin;
      await this.sessions.end(instanceId, false, previous === undefined ? [] : tokenAccounts(instanceId, previous));
      this.sessions.unblock(instanceId);
      this.sessions.note(instanceId, change.reason);
      this.deps.profiles.delete(instanceId);
      this.sessions.emit(instanceId);
      return;
    }
    const epoch = this.sessions.epoch(instanceId);
    await this.restored(instanceId);
    await this.queue.run(instanceId, async () => {
      this.sessions.unblock(instanceId);
      const current = this.sessions.get(instanceId);
      if (current !== undefined && change.apiKeyChanged) await this.sessions.close(instanceId, current, KEEP_TOKEN);
      // A valid stored token costs no request; this also picks up a session that was blocked until the user
      // confirmed plain HTTP.
      if (this.sessions.get(instanceId) === undefined) await this.restore(instanceId, epoch);
      this.sessions.emit(instanceId);
    });
  }

  /**
   * Before the registry removes an instance: ends its session at once, signing out on the server within the
   * time limit (the registry then deletes its secrets).
   */
  async instanceRemoving(instanceId: string): Promise<void> {
    await this.sessions.end(instanceId, true);
    await this.urgently(instanceId, async () => this.sessions.forget(instanceId));
  }

  /** After a wake, an unlock or the network's return; before a sleep with `horizonMs` (wake-checks.ts). */
  checkSessions(trigger: CheckTrigger, horizonMs = 0): Promise<SessionCheck[]> {
    return checkSessions({ sessions: this.sessions, logger: this.logger, clock: this.deps.clock }, trigger, horizonMs);
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
    await (this.restores.get(instanceId) ?? (this.deps.restoreOnUse === true ? this.restoreOnce(instanceId) : undefined));
  }

  /** Starts restoring a saved session, once: all at launch in the app, each on first use with `restoreOnUse`. */
  private restoreOnce(id: string): Promise<void> {
    const epoch = this.sessions.epoch(id);
    const running = this.queue.run(id, () => this.restore(id, epoch)).catch((error: unknown) => {
      this.logger.error('Restoring a session failed.', { instanceId: id, error });
    });
    this.restores.set(id, running);
    return running;
  }

  /**
   * For sign-out and removal, after they ended the credentials: whatever still runs for the instance belongs to
   * the old epoch (it can neither publish nor save a token), so this waits for it at most the time limit.
   */
  private async urgently<T>(instanceId: string, task: () => Promise<T>): Promise<T> {
    const limit = { ms: this.deps.sessionEndTimeoutMs ?? SESSION_END_TIMEOUT_MS, timers: this.deps.timers ?? systemTimers };
    await settledWithin(this.restored(instanceId), limit.ms, limit.timers);
    return this.queue.run(instanceId, task, limit);
  }

  /** A sign-in as someone else replaces the session; the old login's token is ended unless it shares the entry. */
  private async replace(instanceId: string, current: InstanceSession | undefined, next: InstanceSession): Promise<void> {
    if (current !== undefined) {
      const ownEntry = current.store !== null && current.store !== next.store;
      await this.sessions.close(instanceId, current, ownEntry ? { logout: true, clearToken: true } : KEEP_TOKEN);
    }
    const stale = next.epoch !== this.sessions.epoch(instanceId);
    // Signed out, removed or moved while this sign-in ran: its new token is ended on the server as well.
    const published = await this.sessions.publish(instanceId, next, { logout: true, clearToken: true });
    if (!published && stale) throw new DeskError('session-ended', signInCancelledMessage);
  }

  /** A DeskError for the renderer: DF's message, without any secret DF Desk knows. */
  private failure(error: unknown): DeskError {
    return this.secrets.scrubError(toDeskError(error, this.logger));
  }

  private async restore(instanceId: string, epoch: number): Promise<void> {
    const { registry, profiles } = this.deps;
    if (this.disposed || this.sessions.get(instanceId) !== undefined || epoch !== this.sessions.epoch(instanceId)) return;
    const instance = registry.get(instanceId);
    const last = registry.getLastLogin(instanceId);
    if ((last === undefined && !instance.hasApiKey) || lacksHttpConsent(instance)) return;
    if ((await this.gate.problem(instanceId)) !== undefined) {
      this.sessions.emit(instanceId);
      return;
    }
    if (last === undefined) return;
    const apiKey = await readApiKey(this.deps.registry, this.logger, instanceId);
    const session = this.sessions.open(instanceId, instance, last, apiKey, { profile: profiles.get(instanceId), epoch });
    // Published before the resume (which may take a refresh), so a status read meanwhile says 'refreshing' and
    // "Refresh now" joins it; listeners hear only the outcome.
    if (!(await this.sessions.publish(instanceId, session))) return;
    await session.resume((resuming) => resumeSession(resuming, () => this.deps.vault.health(), this.logger));
    this.sessions.emit(instanceId);
  }
}

export function createSessionManager(deps: SessionManagerDeps): SessionManager {
  return new SessionManager(deps);
}
