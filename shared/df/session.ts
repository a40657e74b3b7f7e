// Token lifecycle: what each request gets, one refresher per client (single-flight), proactive and keep-alive
// refreshes timed on the server's clock, and the rules for ending a session (docs/dreamfactory-protocol.md §3,
// §4, §8). The state lives in SessionMachine (session-machine.ts); this class decides the transitions.
import { settledWithin } from './clock.ts';
import type { DfAnswer, DfError } from './errors.ts';
import { withoutSecrets } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';
import { RefreshScheduler } from './refresh-scheduler.ts';
import { endedError, notSignedInError, sessionEndedFrom, signedOutError } from './session-errors.ts';
import { resumeFromStore } from './session-launch.ts';
import { SessionMachine } from './session-machine.ts';
import { Refresher } from './session-refresh.ts';
import type { Session, SessionHistory } from './session-state.ts';
import { NO_HISTORY, newSession } from './session-state.ts';
import type { DfSessionStatus, SessionEngineOptions } from './session-types.ts';
import type { Received } from './token-timing.ts';
import { refreshNeeded } from './token-timing.ts';

export class SessionEngine {
  private readonly options: SessionEngineOptions;
  private readonly machine: SessionMachine;
  private readonly scheduler: RefreshScheduler;
  private readonly refresher: Refresher;
  private resuming: Promise<DfSessionStatus> | null = null;
  /** False until the first sign-in, resume or sign-out: a first request then resumes from the store (lazily). */
  private begun = false;

  constructor(options: SessionEngineOptions) {
    this.options = options;
    const policy = { refreshLeewaySeconds: options.refreshLeewaySeconds, refreshWindowSeconds: options.refreshWindowSeconds };
    this.machine = new SessionMachine(options.clock, policy, options.serverClockOffsetMs);
    this.scheduler = new RefreshScheduler({
      clock: options.clock,
      timers: options.timers,
      keepAlive: options.keepAlive,
      onDue: () => this.refreshInBackground(),
    });
    this.refresher = new Refresher({
      options,
      machine: this.machine,
      scheduler: this.scheduler,
      end: (session, reason, clearStore) => this.end(session, reason, clearStore),
      withoutSecrets: (error, sent) => this.withoutSecrets(error, sent),
    });
  }

  // ── what requests use ────────────────────────────────────────────────────────────────────────────

  /**
   * The token for an outgoing request, or null to send none. Public endpoints never get a known-expired token
   * (DF ≥2.9 rejects it there) and never trigger a refresh; other calls refresh first when the token is due.
   */
  async acquire(publicCall: boolean): Promise<string | null> {
    const state = this.machine.state;
    if (state.kind === 'active') {
      const facts = state.session.facts;
      const now = this.options.clock.now();
      if (publicCall) return now < facts.expiresAt ? facts.token : null;
      return now < facts.refreshDueAt ? facts.token : this.machine.refresh(this.refresher.run);
    }
    if (state.kind === 'refreshing') {
      if (!publicCall) return state.refresh;
      await state.refresh.catch(() => undefined);
      return this.publicToken();
    }
    if (state.kind === 'ended' && !publicCall) throw endedError();
    if (state.kind === 'signed-out' && (!this.begun || this.resuming !== null)) return this.resumeThenAcquire(publicCall);
    return null;
  }

  /** A client over a store that already holds a token uses it at once; every request waits for the one resume. */
  private async resumeThenAcquire(publicCall: boolean): Promise<string | null> {
    // A store that cannot be read: the request still goes out (without a token), and the host hears why.
    await this.resume().catch((error: unknown) => this.options.onStorageError?.(error));
    return this.acquire(publicCall);
  }

  /** A valid (not known-expired) token for a public endpoint, or null. */
  publicToken(): string | null {
    const facts = this.machine.session?.facts;
    return facts !== undefined && this.options.clock.now() < facts.expiresAt ? facts.token : null;
  }

  currentToken(): string | null {
    return this.machine.session?.facts.token ?? null;
  }

  /**
   * A request sent with `sent` got a token verdict. Expired → one refresh; blacklisted/invalid → re-read the
   * store once, then end the session. Requests that raced a refresh just get the new token.
   */
  async recover(sent: string, answer: DfAnswer): Promise<string> {
    const pending = this.machine.state.kind === 'refreshing' ? this.machine.state.refresh : null;
    if (pending !== null) {
      try {
        await pending;
      } catch (error) {
        if (this.currentToken() === sent || this.hasEnded()) throw error;
      }
    }
    if (this.hasEnded()) throw endedError();
    const session = this.machine.session;
    if (session === null) throw signedOutError();
    if (session.facts.token !== sent) return session.facts.token;
    if (answer.tokenProblem === 'expired') return this.machine.refresh(this.refresher.run);
    return this.machine.refresh((current) => this.refresher.rereadOrEnd(current, answer));
  }

  /**
   * The retry of a request also got a token verdict: no second refresh (no loops). Only a token another process
   * saved since (re-read under the refresh lock) keeps the session: it resolves to that one, for one last try.
   */
  lastChance(sent: string, answer: DfAnswer): Promise<string> {
    const state = this.machine.state;
    if (state.kind !== 'active' || state.session.facts.token !== sent) return this.fail(sent, answer);
    return this.machine.refresh((current) => this.refresher.rereadOrEnd(current, answer));
  }

  /** The last try got a token verdict as well: the session ends. */
  async fail(sent: string, answer: DfAnswer): Promise<never> {
    const state = this.machine.state;
    if (state.kind === 'active' && state.session.facts.token === sent) {
      return this.end(state.session, this.endedBy(answer, sent));
    }
    throw state.kind === 'ended' ? endedError() : this.endedBy(answer, sent);
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────────────

  /** After a successful login: persist first, then make the token current. */
  async start(token: string, claims: DfTokenClaims, received: Received): Promise<void> {
    this.begun = true;
    await this.options.tokens.save(token);
    const session = newSession(this.machine.factsOf(token, claims, 'login', received));
    this.scheduler.reset();
    this.machine.activate(session);
    this.scheduler.keepAlive(session.facts);
    this.machine.emit();
  }

  /** Explicit refresh (single-flight). */
  async refresh(): Promise<DfSessionStatus> {
    // Not resumed yet: resume first; a resume that had to refresh already was this refresh.
    if (!this.begun && (await this.resume()).refreshCount > 0) return this.status();
    if (this.hasEnded()) throw endedError();
    if (this.machine.state.kind === 'signed-out') throw notSignedInError();
    await this.machine.refresh(this.refresher.run);
    return this.status();
  }

  /**
   * After a wake, a screen unlock or the network coming back: refresh now when due (or, with `horizonMs`, when
   * the token expires within it), else re-arm the keep-alive timer. Timers run on a monotonic clock that may
   * stop while the computer sleeps, so the armed one can fire as late as the sleep was long. Joins a refresh
   * in flight (one PUT however many checks); never rejects: the status tells the outcome.
   */
  async checkNow(horizonMs = 0): Promise<DfSessionStatus> {
    const state = this.machine.state;
    if (state.kind === 'refreshing') await state.refresh.catch(() => undefined);
    if (state.kind !== 'active') return this.status();
    const { facts, history } = state.session;
    if (!refreshNeeded(facts, this.options.clock.now(), horizonMs, history.lastRefreshAt)) {
      this.scheduler.keepAlive(facts);
      // Another process may have refreshed meanwhile: its token is the one the server still accepts.
      if (await this.refresher.adoptNewer(state.session)) this.machine.emit();
      return this.status();
    }
    await this.machine.refresh(this.refresher.run).catch(() => this.scheduler.retry(this.machine.session?.facts ?? null));
    return this.status();
  }

  /**
   * App launch: adopt the stored token. Valid → active without any request; expired but plausibly inside the
   * refresh window → exactly one refresh; otherwise → needs sign-in.
   */
  resume(): Promise<DfSessionStatus> {
    this.begun = true;
    this.resuming ??= this.resumeFromStore().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  /**
   * Waits for an in-flight refresh, ignoring its outcome, but at most `withinMs` (used before logout): true
   * when no refresh is in flight any more, false when the wait ran out.
   */
  async settle(withinMs: number): Promise<boolean> {
    const state = this.machine.state;
    return state.kind !== 'refreshing' || settledWithin(state.refresh, withinMs, this.options.timers);
  }

  async signOut(): Promise<void> {
    this.begun = true;
    this.scheduler.reset();
    this.machine.signOut();
    try {
      await this.options.tokens.clear();
    } finally {
      this.machine.emit();
    }
  }

  dispose(): void {
    this.scheduler.dispose();
    this.machine.clearListeners();
  }

  /** A pure read. */
  status(): DfSessionStatus {
    return this.machine.status();
  }

  onStatusChange(listener: (status: DfSessionStatus) => void): () => void {
    return this.machine.onStatusChange(listener);
  }

  // ── background ─────────────────────────────────────────────────────────────────────────────────

  /** The keep-alive timer fired: refresh, and after a failure try again (see RefreshScheduler.retry). */
  private refreshInBackground(): void {
    if (this.machine.session === null) return;
    this.machine.refresh(this.refresher.run).then(
      () => undefined,
      () => this.scheduler.retry(this.machine.session?.facts ?? null),
    );
  }

  // ── ending ───────────────────────────────────────────────────────────────────────────────────────

  /** Terminal: clear the token, tell the host once, reject. Later calls fail without touching the network. */
  private async end(session: Session, reason: DfError, clearStore = true): Promise<never> {
    if (this.machine.isCurrent(session)) await this.endNow(reason, session.facts.claims, session.history, clearStore);
    throw reason;
  }

  private async endNow(reason: DfError, claims: DfTokenClaims | null, history: SessionHistory, clearStore: boolean): Promise<void> {
    this.machine.end(reason, claims, history);
    this.scheduler.cancel();
    if (clearStore) {
      try {
        await this.options.tokens.clear();
      } catch (storageError) {
        this.options.onStorageError?.(storageError);
      }
    }
    this.machine.emit();
    try {
      this.options.onSessionEnd?.(reason);
    } catch {
      // The host's callback must not change the outcome.
    }
  }

  /** Server text may quote the API key or a token: neither may reach the status, onSessionEnd or a caller. */
  private withoutSecrets(error: DfError, sent: string): DfError {
    return withoutSecrets(error, [...(this.options.secrets ?? []), sent, this.currentToken()]);
  }

  private endedBy(answer: DfAnswer, sent: string): DfError {
    return this.withoutSecrets(sessionEndedFrom(answer), sent);
  }

  private hasEnded(): boolean {
    return this.machine.state.kind === 'ended';
  }

  // ── launch ───────────────────────────────────────────────────────────────────────────────────────

  private async resumeFromStore(): Promise<DfSessionStatus> {
    const { options, machine, scheduler, refresher } = this;
    const end = (reason: DfError, claims: DfTokenClaims | null) => this.endNow(reason, claims, NO_HISTORY, true);
    await resumeFromStore({ options, machine, scheduler, refresher, end });
    return this.status();
  }
}
