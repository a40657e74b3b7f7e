// Token lifecycle: one refresher per client (single-flight), proactive and keep-alive refreshes timed on the
// server's clock, and the rules for ending a session (design.md §4, df-protocol.md §3–§4, §8).
import type { Clock, TimerHandle, Timers } from './clock.ts';
import { MAX_TIMER_DELAY_MS, offsetFromMint, serverToLocal, sleep, unrefTimer } from './clock.ts';
import type { DfAnswer, DfErrorKind } from './errors.ts';
import { DfError, errorFromAnswer, isTerminalRefreshAnswer } from './errors.ts';
import type { DfTokenClaims, TokenSource } from './jwt.ts';
import { hasLegacyClaims, mintTime, readTokenClaims, tokenOwner } from './jwt.ts';

/** Where the host keeps the token (keychain, memory, …). The engine never logs or returns it. */
export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

export type DfSessionState = 'signed-out' | 'active' | 'refreshing' | 'needs-sign-in';

export interface DfSessionStatus {
  state: DfSessionState;
  /** The token's `forever` claim (remember me, honoured only with DF_ALLOW_FOREVER_SESSIONS). */
  forever: boolean;
  /** Token expiry in ms since the epoch on the LOCAL clock (converted from the server's clock). */
  expiresAt?: number;
  /** Estimated end of the refresh window (local ms); assumes refreshWindowSeconds, which DF does not publish. */
  refreshWindowEndsAt?: number;
  /** Local ms of the last successful refresh. */
  lastRefreshAt?: number;
  refreshCount: number;
  userId?: number;
  /** Estimated server clock minus local clock, in ms (an upper bound; see clock.ts). */
  serverClockOffsetMs?: number;
  /** Why the last refresh failed, while the session is kept (network or server trouble). */
  lastError?: { kind: DfErrorKind; message: string };
  /** Why a new sign-in is needed (state 'needs-sign-in'). */
  endedReason?: string;
}

export type RefreshOutcome =
  | { ok: true; token: string; claims: DfTokenClaims; sentAt: number; receivedAt: number }
  | { ok: false; answer: DfAnswer };

/** Sends PUT on the session path with the given token. Throws DfError when no DF answer came back. */
export type RefreshTransport = (token: string) => Promise<RefreshOutcome>;

export interface SessionEngineOptions {
  tokens: TokenStore;
  refresh: RefreshTransport;
  clock: Clock;
  timers: Timers;
  keepAlive: boolean;
  refreshLeewaySeconds?: number;
  refreshWindowSeconds: number;
  /**
   * True only when the caller configured the window. DF does not publish DF_JWT_REFRESH_TTL, so an assumed
   * window is for display: ending a session on a guess would throw away tokens the server still refreshes.
   */
  refreshWindowKnown?: boolean;
  serverClockOffsetMs?: number;
  onSessionEnd?: (error: DfError) => void;
  onStorageError?: (error: unknown) => void;
}

interface Timing {
  sentAt: number;
  receivedAt: number;
}

const DEFAULT_MAX_LEEWAY_MS = 60_000;
const MAX_RETRY_DELAY_MS = 30_000;
const MIN_RETRY_DELAY_MS = 100;
const SECOND_BOUNDARY_MARGIN_MS = 20;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export class SessionEngine {
  private readonly options: SessionEngineOptions;
  private token: string | null = null;
  private claims: DfTokenClaims | null = null;
  private ended = false;
  private endNotified = false;
  private endedReason: string | undefined;
  /** Bumped by login and logout; work started in an older epoch must not touch the new session. */
  private epoch = 0;
  private inflight: Promise<string> | null = null;
  private resuming: Promise<DfSessionStatus> | null = null;
  private offsetMs: number | undefined;
  // Cached per token so a request costs one clock read and two comparisons, never a JWT decode.
  private expiresAtLocal = Number.NEGATIVE_INFINITY;
  private refreshDueAt = Number.NEGATIVE_INFINITY;
  private windowEndsAtLocal: number | undefined;
  /** DF 2.0–2.6 tokens: no refresh before this local instant (the token's mint second must be over). */
  private guardUntil = 0;
  private lastRefreshAt: number | undefined;
  private refreshCount = 0;
  private lastError: DfError | undefined;
  private timer: TimerHandle | undefined;
  private retryAttempt = 0;
  private disposed = false;
  private readonly listeners = new Set<(status: DfSessionStatus) => void>();

  constructor(options: SessionEngineOptions) {
    this.options = options;
    this.offsetMs = options.serverClockOffsetMs;
  }

  // ── what requests use ────────────────────────────────────────────────────────────────────────────

  /**
   * The token for an outgoing request, or null to send none. Public endpoints never get a known-expired token
   * (DF ≥2.9 rejects it there) and never trigger a refresh; other calls refresh first when the token is due.
   */
  acquire(publicCall: boolean): string | null | Promise<string | null> {
    if (this.inflight !== null) {
      if (!publicCall) return this.inflight;
      const fallback = (): string | null => this.publicToken();
      return this.inflight.then(fallback, fallback);
    }
    if (this.ended) {
      if (publicCall) return null;
      throw this.endedError();
    }
    const token = this.token;
    if (token === null) return null;
    const now = this.options.clock.now();
    if (publicCall) return now < this.expiresAtLocal ? token : null;
    if (now < this.refreshDueAt) return token;
    return this.exclusive(() => this.doRefresh());
  }

  /** A valid (not known-expired) token for a public endpoint, or null. */
  publicToken(): string | null {
    if (this.ended || this.token === null) return null;
    return this.options.clock.now() < this.expiresAtLocal ? this.token : null;
  }

  currentToken(): string | null {
    return this.token;
  }

  /**
   * A request sent with `sent` got a token verdict. Expired → one refresh; blacklisted/invalid → re-read the
   * store once, then end the session. Requests that raced a refresh just get the new token.
   */
  async recover(sent: string, answer: DfAnswer): Promise<string> {
    if (this.inflight !== null) {
      try {
        await this.inflight;
      } catch (error) {
        if (this.token === sent || this.ended) throw error;
      }
    }
    if (this.ended) throw this.endedError();
    if (this.token === null) throw new DfError('session-ended', 'Signed out. Please sign in again.');
    if (this.token !== sent) return this.token;
    if (answer.tokenProblem === 'expired') return this.exclusive(() => this.doRefresh());
    return this.exclusive(() => this.rereadOrEnd(sent, answer, this.epoch));
  }

  /** The retry of a request also got a token verdict: no second refresh (no loops), the session ends. */
  async fail(sent: string, answer: DfAnswer): Promise<never> {
    if (this.inflight === null && this.token === sent && !this.ended) {
      return this.end(this.sessionEndedFrom(answer), this.epoch);
    }
    throw this.ended ? this.endedError() : this.sessionEndedFrom(answer);
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────────────

  /** After a successful login: persist first, then make the token current. */
  async start(token: string, claims: DfTokenClaims, timing: Timing): Promise<void> {
    await this.options.tokens.save(token);
    this.epoch++;
    this.inflight = null;
    this.resetSessionFacts();
    this.applyToken(token, claims, 'login', timing);
    this.schedule();
    this.emit();
  }

  /** Explicit refresh (single-flight). */
  async refresh(): Promise<DfSessionStatus> {
    if (this.ended) throw this.endedError();
    if (this.token === null && this.inflight === null) {
      throw new DfError('session-ended', 'Not signed in. Please sign in.');
    }
    await this.exclusive(() => this.doRefresh());
    return this.status();
  }

  /**
   * App launch: adopt the stored token. Valid → active without any request; expired but plausibly inside the
   * refresh window → exactly one refresh; otherwise → needs sign-in.
   */
  resume(): Promise<DfSessionStatus> {
    if (this.resuming === null) {
      this.resuming = this.doResume().finally(() => {
        this.resuming = null;
      });
    }
    return this.resuming;
  }

  /** Waits for an in-flight refresh, ignoring its outcome (used before logout). */
  async settle(): Promise<void> {
    if (this.inflight === null) return;
    try {
      await this.inflight;
    } catch {
      // The caller only needs the refresher to be idle.
    }
  }

  async signOut(): Promise<void> {
    this.epoch++;
    this.inflight = null;
    this.cancelTimer();
    this.token = null;
    this.claims = null;
    this.resetSessionFacts();
    try {
      await this.options.tokens.clear();
    } finally {
      this.emit();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.listeners.clear();
  }

  // ── status ───────────────────────────────────────────────────────────────────────────────────────

  status(): DfSessionStatus {
    const state = this.ended
      ? 'needs-sign-in'
      : this.token === null
        ? 'signed-out'
        : this.inflight !== null
          ? 'refreshing'
          : 'active';
    const status: DfSessionStatus = {
      state,
      forever: this.claims?.forever ?? false,
      refreshCount: this.refreshCount,
    };
    if (this.token !== null && Number.isFinite(this.expiresAtLocal)) status.expiresAt = this.expiresAtLocal;
    if (this.token !== null && this.windowEndsAtLocal !== undefined) status.refreshWindowEndsAt = this.windowEndsAtLocal;
    if (this.lastRefreshAt !== undefined) status.lastRefreshAt = this.lastRefreshAt;
    if (this.claims?.userId !== undefined) status.userId = this.claims.userId;
    if (this.offsetMs !== undefined) status.serverClockOffsetMs = this.offsetMs;
    if (this.lastError !== undefined) status.lastError = { kind: this.lastError.kind, message: this.lastError.message };
    if (this.ended && this.endedReason !== undefined) status.endedReason = this.endedReason;
    return status;
  }

  onStatusChange(listener: (status: DfSessionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────────

  private emit(): void {
    if (this.listeners.size === 0) return;
    const status = this.status();
    for (const listener of [...this.listeners]) {
      try {
        listener(status);
      } catch {
        // A faulty listener must not break the session.
      }
    }
  }

  private resetSessionFacts(): void {
    this.ended = false;
    this.endNotified = false;
    this.endedReason = undefined;
    this.lastError = undefined;
    this.lastRefreshAt = undefined;
    this.refreshCount = 0;
    this.retryAttempt = 0;
  }

  private endedError(): DfError {
    return new DfError('session-ended', 'The DreamFactory session has ended. Please sign in again.');
  }

  private sessionEndedFrom(answer: DfAnswer): DfError {
    const error = errorFromAnswer(answer);
    const details: { status: number; code?: number | string } = { status: answer.status };
    if (error.code !== undefined) details.code = error.code;
    return new DfError('session-ended', answer.message, details);
  }

  private staleError(): DfError {
    return new DfError('session-ended', 'The session changed (sign-in or sign-out) while it was being refreshed.');
  }

  /** Single-flight: however many callers need a new token, one task runs. */
  private exclusive(task: () => Promise<string>): Promise<string> {
    if (this.inflight !== null) return this.inflight;
    const run: Promise<string> = task().finally(() => {
      if (this.inflight === run) this.inflight = null;
      this.emit();
    });
    this.inflight = run;
    this.emit();
    return run;
  }

  /** `timing` comes with a token just received (login or refresh): only then can the server clock be measured. */
  private applyToken(token: string, claims: DfTokenClaims, source: TokenSource, timing?: Timing): void {
    this.token = token;
    this.claims = claims;
    // A refreshed token without nbf keeps the previous offset: its iat may be the login's, hours or days old.
    const mint = mintTime(claims, source);
    if (timing !== undefined && mint !== undefined) this.offsetMs = offsetFromMint(mint, timing.sentAt);
    const offset = this.offsetMs ?? 0;
    this.expiresAtLocal = serverToLocal(claims.exp, offset);
    // Without a mint claim, a token just received was minted during its request: about when it was sent.
    const mintedAt = mint ?? (timing === undefined ? undefined : (timing.sentAt + offset) / 1000);
    const lifetimeMs = mintedAt === undefined ? 0 : (claims.exp - mintedAt) * 1000;
    const given = this.options.refreshLeewaySeconds;
    let leewayMs = given === undefined ? Math.min(DEFAULT_MAX_LEEWAY_MS, lifetimeMs / 10) : given * 1000;
    // A leeway as long as the token's life would refresh on every request; keep half the life instead.
    if (lifetimeMs > 0 && leewayMs >= lifetimeMs) leewayMs = lifetimeMs / 2;
    this.refreshDueAt = this.expiresAtLocal - leewayMs;
    this.windowEndsAtLocal =
      claims.iat === undefined ? undefined : serverToLocal(claims.iat + this.options.refreshWindowSeconds, offset);
    this.guardUntil = 0;
    if (mint !== undefined && hasLegacyClaims(claims)) {
      const secondEnd = Math.floor(mint) + 1;
      // Received tokens: the mint happened before receivedAt, so its second ends at most this much later.
      // Adopted/resumed tokens: only the offset estimate is known; allow a full extra second.
      this.guardUntil =
        timing !== undefined
          ? timing.receivedAt + (secondEnd - mint) * 1000 + SECOND_BOUNDARY_MARGIN_MS
          : serverToLocal(secondEnd, offset) + 1000;
    }
  }

  private async persist(token: string): Promise<void> {
    try {
      await this.options.tokens.save(token);
    } catch (error) {
      // The new token is the only valid one (the old is blacklisted), so keep using it in memory.
      this.options.onStorageError?.(error);
    }
  }

  private async doRefresh(): Promise<string> {
    const epoch = this.epoch;
    const sent = this.token;
    if (sent === null || this.ended) throw this.ended ? this.endedError() : new DfError('session-ended', 'Not signed in.');
    // Another writer of a shared store may already have refreshed: adopting its token saves a PUT that would
    // only meet a blacklisted old token.
    const { adopted } = await this.adoptFromStore(sent, epoch);
    if (adopted !== null) return adopted;
    const wait = this.guardUntil - this.options.clock.now();
    if (wait > 0) await sleep(this.options.timers, wait);
    if (epoch !== this.epoch) throw this.staleError();
    let outcome: RefreshOutcome;
    try {
      outcome = await this.options.refresh(sent);
    } catch (error) {
      const failure = error instanceof DfError ? error : new DfError('network', 'The refresh request failed.');
      if (epoch === this.epoch) this.lastError = failure;
      throw failure;
    }
    if (epoch !== this.epoch) throw this.staleError();
    if (outcome.ok) {
      this.applyToken(outcome.token, outcome.claims, 'refresh', outcome);
      this.refreshCount++;
      this.lastRefreshAt = this.options.clock.now();
      this.lastError = undefined;
      this.retryAttempt = 0;
      // Saved before the waiting requests are released (they await this promise).
      await this.persist(outcome.token);
      this.schedule();
      return outcome.token;
    }
    if (isTerminalRefreshAnswer(outcome.answer)) return this.rereadOrEnd(sent, outcome.answer, epoch);
    const failure = errorFromAnswer(outcome.answer);
    this.lastError = failure;
    throw failure;
  }

  /**
   * Re-reads the store once. A newer token of the same user (written by another client sharing the store)
   * becomes current. `foreign` tells whether the store holds another user's token, which ending must not clear.
   */
  private async adoptFromStore(sent: string, epoch: number): Promise<{ adopted: string | null; foreign: boolean }> {
    let stored: string | null;
    try {
      stored = await this.options.tokens.load();
    } catch (error) {
      this.options.onStorageError?.(error);
      return { adopted: null, foreign: false };
    }
    if (epoch !== this.epoch || this.token !== sent) throw this.staleError();
    if (stored === null || stored === sent || this.claims === null) return { adopted: null, foreign: false };
    const claims = readTokenClaims(stored);
    if (claims === null) return { adopted: null, foreign: false };
    if (tokenOwner(claims) !== tokenOwner(this.claims)) return { adopted: null, foreign: true };
    if ((mintTime(claims) ?? 0) <= (mintTime(this.claims) ?? 0)) return { adopted: null, foreign: false };
    this.applyToken(stored, claims, 'stored');
    this.lastError = undefined;
    this.schedule();
    return { adopted: stored, foreign: false };
  }

  private async rereadOrEnd(sent: string, answer: DfAnswer, epoch: number): Promise<string> {
    const { adopted, foreign } = await this.adoptFromStore(sent, epoch);
    if (adopted !== null) return adopted;
    return this.end(this.sessionEndedFrom(answer), epoch, !foreign);
  }

  /** Terminal: clear the token, tell the host once, reject. Later calls fail without touching the network. */
  private async end(error: DfError, epoch: number, clearStore = true): Promise<never> {
    if (epoch === this.epoch && !this.ended) {
      this.ended = true;
      this.endedReason = error.message;
      this.lastError = error;
      this.cancelTimer();
      this.token = null;
      if (clearStore) {
        try {
          await this.options.tokens.clear();
        } catch (storageError) {
          this.options.onStorageError?.(storageError);
        }
      }
      this.emit();
      if (!this.endNotified) {
        this.endNotified = true;
        try {
          this.options.onSessionEnd?.(error);
        } catch {
          // The host's callback must not change the outcome.
        }
      }
    }
    throw error;
  }

  private async doResume(): Promise<DfSessionStatus> {
    if (this.token !== null && !this.ended) return this.status();
    const epoch = this.epoch;
    const stored = await this.options.tokens.load();
    if (epoch !== this.epoch) return this.status();
    this.cancelTimer();
    this.resetSessionFacts();
    if (stored === null) {
      this.token = null;
      this.claims = null;
      this.emit();
      return this.status();
    }
    const claims = readTokenClaims(stored);
    this.token = stored;
    if (claims === null) {
      this.claims = null;
      await this.end(new DfError('session-ended', 'The stored token is not a DreamFactory token. Please sign in again.'), epoch).catch(
        () => undefined,
      );
      return this.status();
    }
    const now = this.options.clock.now();
    // Without a measured offset, a mint time in our future proves the server runs at least that far ahead.
    if (this.offsetMs === undefined) this.offsetMs = Math.max(0, (mintTime(claims) ?? 0) * 1000 - now);
    this.applyToken(stored, claims, 'stored');
    if (now < this.expiresAtLocal) {
      this.schedule();
      this.emit();
      return this.status();
    }
    if (this.options.refreshWindowKnown === true && this.windowEndsAtLocal !== undefined && now >= this.windowEndsAtLocal) {
      await this.end(
        new DfError('session-ended', 'The session is past its refresh window. Please sign in again.'),
        epoch,
      ).catch(() => undefined);
      return this.status();
    }
    try {
      await this.exclusive(() => this.doRefresh());
    } catch {
      // The status tells the outcome: needs-sign-in after a terminal answer, else active with lastError.
      if (!this.ended && this.token !== null) this.scheduleRetry();
    }
    return this.status();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.options.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private arm(delayMs: number): void {
    this.cancelTimer();
    this.timer = this.options.timers.setTimeout(() => this.onTimer(), clamp(delayMs, 0, MAX_TIMER_DELAY_MS));
    unrefTimer(this.timer);
  }

  /** Keep-alive: refresh before exp even while idle (the only way to keep a DF 2.9–2.14 session). */
  private schedule(): void {
    this.cancelTimer();
    if (!this.options.keepAlive || this.disposed || this.ended || this.token === null) return;
    this.arm(Math.max(this.refreshDueAt, this.guardUntil) - this.options.clock.now());
  }

  /** After a transient failure: retry before expiry where possible, then back off. */
  private scheduleRetry(): void {
    if (!this.options.keepAlive || this.disposed || this.ended || this.token === null) return;
    const untilExpiry = this.expiresAtLocal - this.options.clock.now();
    this.retryAttempt++;
    const delay =
      untilExpiry > 2 * MIN_RETRY_DELAY_MS
        ? clamp(untilExpiry / 2, MIN_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS)
        : clamp(1000 * 2 ** (this.retryAttempt - 1), 1000, MAX_RETRY_DELAY_MS);
    this.arm(delay);
  }

  private onTimer(): void {
    this.timer = undefined;
    if (this.disposed || this.ended || this.token === null) return;
    this.exclusive(() => this.doRefresh()).then(
      () => undefined,
      () => this.scheduleRetry(),
    );
  }
}
