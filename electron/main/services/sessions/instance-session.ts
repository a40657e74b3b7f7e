/**
 * Everything DF Desk holds for one instance's session, in one object: the DfClient (one refresher per
 * instance, shared by every window), its token store, the pinned-certificate agent and the status
 * subscriptions. `close()` is the only way any of it is torn down: sign-out, removal, a new URL, API key or
 * pin, a sign-in as someone else and app shutdown all go through it.
 *
 * A close that ends the session (sign-out, removal, a new address or certificate) first takes away its token
 * store's right to write, so a refresh still in flight cannot put a token back; it waits for the server's
 * sign-out at most SESSION_END_TIMEOUT_MS, and releases anyone waiting on this session (a resume held by a
 * slow refresh), so nothing queues behind a stuck server.
 */
import type { AxiosRequestConfig } from 'axios';
import type { DfClient, DfCredentials, DfSessionInfo, DfSessionStatus, RefreshLock, Timers } from '../../../../shared/df/index.ts';
import { createDfClient, systemTimers } from '../../../../shared/df/index.ts';
import type { Instance, SessionStatus, SessionUser } from '../../../../shared/ipc/contract.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import type { Clock, Logger } from '../../ports.ts';
import type { NetworkTransport } from '../network/network-types.ts';
import type { PinnedCertificateAdapter } from '../tls/pinned-certificate.ts';
import { pinnedCertificateAdapter } from '../tls/pinned-certificate.ts';
import { SESSION_END_TIMEOUT_MS, settledWithin } from './bounded-wait.ts';
import type { SessionStatusInput } from './session-status.ts';
import { toSessionStatus } from './session-status.ts';
import type { VaultTokenStore } from './vault-token-store.ts';
import { emptyTokenStore } from './vault-token-store.ts';

/** Who is signed in; null for a client that only carries the API key. */
export interface SessionLogin {
  login: string;
  admin: boolean;
}

export interface InstanceSessionSpec {
  instanceId: string;
  instance: Pick<Instance, 'url' | 'trustedCertificateSha256'>;
  login: SessionLogin | null;
  apiKey: string | null;
  /** The keychain entry of `login` (shared with any other session of the same login); null without a login. */
  store: VaultTokenStore | null;
  user?: SessionUser;
  /** The server clock offset measured at the last sign-in, so a restart judges expiry without a request. */
  clockOffsetMs?: number;
  /** The instance's credential epoch this session belongs to (token-stores.ts). Default 0. */
  epoch?: number;
}

export interface InstanceSessionDeps {
  logger: Logger;
  clock?: Clock;
  timers?: Timers;
  refreshWindowSeconds?: number;
  adapter?: AxiosRequestConfig['adapter'];
  /** How a pinned instance is reached (network/network.ts); default: directly, on `adapter`. */
  transport?: NetworkTransport;
  sessionCallTimeoutMs?: number;
  /** How long ending a session waits for the server; default SESSION_END_TIMEOUT_MS. */
  sessionEndTimeoutMs?: number;
  /**
   * Taken (under the instance's id) around every refresh by every process sharing the keychain: the app and
   * each `dfdesk` command (file-refresh-lock.ts). Default: none, i.e. this process's own single flight only.
   */
  refreshLock?: RefreshLock;
}

/** The session was ended (signed out, removed, moved) while a sign-in on it was still running. */
export const signInCancelledMessage =
  'This instance was signed out, removed or changed while you were signing in, so that sign-in was undone. Sign in again if you still need to.';

/** Closing for a restart or a rebuild: the token stays in the keychain and valid on the server. */
export const KEEP_TOKEN: Readonly<CloseOptions> = Object.freeze({ logout: false, clearToken: false });

export interface CloseOptions {
  /** End the session on the server (DELETE, when the token is still valid) and clear its keychain entry. */
  logout: boolean;
  /** Clear the keychain entry without telling the server (the token belongs to a server we no longer use). */
  clearToken: boolean;
}

export class InstanceSession {
  readonly instanceId: string;
  readonly client: DfClient;
  readonly apiKey: string | null;
  readonly login: SessionLogin | null;
  readonly store: VaultTokenStore | null;
  /** The certificate this client was built to accept (the instance's pin when it was opened). */
  readonly pin: string | undefined;
  readonly epoch: number;
  user: SessionUser | undefined;
  /** Why a saved session could not be restored (the client never held its token). */
  unavailableReason: string | undefined;
  /** Why the session ended, when DF Desk can say it better than the server (cleared by a sign-in). */
  endedReason: string | undefined;
  private readonly pinned: PinnedCertificateAdapter | null;
  private readonly subscriptions: (() => void)[] = [];
  private readonly deps: InstanceSessionDeps;
  private closing: Promise<void> | null = null;
  /** True once a close ended the session (not a close that keeps the token). */
  private ended = false;
  private markEnded: () => void = () => undefined;
  private readonly endedSignal = new Promise<void>((resolve) => {
    this.markEnded = resolve;
  });
  private settling = 0;

  constructor(spec: InstanceSessionSpec, deps: InstanceSessionDeps) {
    this.instanceId = spec.instanceId;
    this.apiKey = spec.apiKey;
    this.login = spec.login;
    this.store = spec.store;
    this.user = spec.user;
    this.epoch = spec.epoch ?? 0;
    this.deps = deps;
    this.pin = spec.instance.trustedCertificateSha256;
    // Only this instance's client gets the pinned agent: another instance never accepts this certificate.
    this.pinned =
      this.pin === undefined
        ? null
        : pinnedCertificateAdapter({ origin: spec.instance.url, sha256: this.pin, base: deps.adapter, transport: deps.transport });
    const { instanceId } = spec;
    this.client = createDfClient({
      baseURL: spec.instance.url,
      apiKey: spec.apiKey ?? undefined,
      tokens: spec.store ?? emptyTokenStore(),
      audience: spec.login?.admin === true ? 'admin' : 'user',
      keepAlive: spec.login !== null,
      clock: deps.clock,
      timers: deps.timers,
      refreshWindowSeconds: deps.refreshWindowSeconds,
      serverClockOffsetMs: spec.clockOffsetMs,
      sessionCallTimeoutMs: deps.sessionCallTimeoutMs,
      refreshLock: deps.refreshLock === undefined ? undefined : { lock: deps.refreshLock, key: instanceId },
      adapter: this.pinned === null ? deps.adapter : this.pinned.adapter,
      onSessionEnd: (error) =>
        deps.logger.info('A session ended; a new sign-in is needed.', { instanceId, reason: error.message }),
      onStorageError: (error) => deps.logger.warn('The session token store failed.', { instanceId, error }),
    });
  }

  /**
   * True while a sign-in or a resume runs on this client: the states it passes through are not news for
   * listeners (the outcome is), though anyone asking for the status sees them.
   */
  get settlingDown(): boolean {
    return this.settling > 0;
  }

  /** Rejects (signInCancelledMessage) when the session is ended before the sign-in is through. */
  async signIn(credentials: DfCredentials): Promise<DfSessionInfo> {
    if (this.ended) throw new DeskError('session-ended', signInCancelledMessage);
    this.endedReason = undefined;
    const info = await this.quietly(() => this.client.login(credentials));
    if (this.ended) {
      // Its store is fenced, so the new token was never saved; end it on the server too.
      await settledWithin(this.client.logout(), this.endTimeoutMs, this.deps.timers);
      throw new DeskError('session-ended', signInCancelledMessage);
    }
    return info;
  }

  private async quietly<T>(task: () => Promise<T>): Promise<T> {
    this.settling++;
    try {
      return await task();
    } finally {
      this.settling--;
    }
  }

  /**
   * Adopts the stored token at launch or after a rebuild; never rejects (see resume-session.ts). Returns at
   * once when the session is ended meanwhile: a refresh stuck on a slow server holds no sign-out or removal.
   */
  resume(adopt: (session: InstanceSession) => Promise<void>): Promise<void> {
    return Promise.race([this.quietly(() => adopt(this)), this.endedSignal]);
  }

  /** Follows the client's status until close(). */
  onStatusChange(listener: (status: DfSessionStatus) => void): void {
    this.subscriptions.push(this.client.onStatusChange(listener));
  }

  /** The renderer's view of this session. A pure read. */
  status(persistence: SessionStatus['persistence']): SessionStatus {
    const df = this.client.status();
    const input: SessionStatusInput = { instanceId: this.instanceId, df, admin: this.login?.admin ?? false, persistence };
    if (this.user !== undefined) input.user = this.user;
    if (this.unavailableReason !== undefined) input.unavailableReason = this.unavailableReason;
    if (this.endedReason !== undefined) input.endedReason = this.endedReason;
    // The engine times each failed background refresh; an ended session says why through endedReason instead.
    const failure = df.lastError;
    if (failure !== undefined && failure.kind !== 'session-ended') {
      input.refreshError = { kind: failure.kind, message: failure.message, at: failure.at };
    }
    return toSessionStatus(input);
  }

  /**
   * Idempotent (the first options win); never rejects (a failed sign-out on the server still ends the session
   * here). Ending it waits for the server at most `sessionEndTimeoutMs`.
   */
  close(options: CloseOptions): Promise<void> {
    if (this.closing === null) {
      this.ended = options.logout || options.clearToken;
      this.closing = this.shutDown(options);
      if (this.ended) this.markEnded();
    }
    return this.closing;
  }

  private get endTimeoutMs(): number {
    return this.deps.sessionEndTimeoutMs ?? SESSION_END_TIMEOUT_MS;
  }

  private async shutDown({ logout, clearToken }: CloseOptions): Promise<void> {
    // Before anything else: from here on no token of this session is written, whatever is still in flight.
    const fenced = logout || clearToken ? this.store?.revoke() : undefined;
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    // Timers first, so no keep-alive refresh starts while the session is being ended.
    this.client.dispose();
    let signingOut: Promise<void> | undefined;
    if (this.store !== null && logout) {
      // Sends DELETE with a still-valid token (after a refresh in flight, with the token it brought).
      signingOut = this.client.logout().catch(() => undefined);
      if (!(await settledWithin(signingOut, this.endTimeoutMs, this.deps.timers ?? systemTimers))) {
        this.deps.logger.info('The server did not confirm the sign-out in time; the session was ended here.', {
          instanceId: this.instanceId,
        });
      }
    }
    await fenced;
    // A sign-out still under way goes on through the pinned agent; close it once that is over.
    if (signingOut === undefined) this.pinned?.dispose();
    else void signingOut.finally(() => this.pinned?.dispose());
  }
}
