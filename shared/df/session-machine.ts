// The session engine's state machine: one EngineState value (session-state.ts), changed only by the
// transitions below, and the listeners told about it. No I/O: the engine decides when to transition.
import type { Clock } from './clock.ts';
import { serverToLocal } from './clock.ts';
import type { DfError } from './errors.ts';
import type { DfTokenClaims, TokenSource } from './jwt.ts';
import { mintTime } from './jwt.ts';
import { endedError, notSignedInError } from './session-errors.ts';
import type { EngineState, Session, SessionHistory } from './session-state.ts';
import { sessionOf, signedOut, statusOf } from './session-state.ts';
import type { DfSessionStatus } from './session-types.ts';
import type { Received, TimingPolicy, TokenFacts } from './token-timing.ts';
import { measuredOffset, offsetFromStoredToken, tokenFacts } from './token-timing.ts';

/** One refresh of `session` (or of whatever it becomes); resolves to the token requests should use. */
export type RefreshTask = (session: Session) => Promise<string>;

export class SessionMachine {
  private readonly clock: Clock;
  private readonly policy: TimingPolicy;
  private readonly listeners = new Set<(status: DfSessionStatus) => void>();
  private current: EngineState = signedOut();
  /** The estimate of the server's clock outlives sessions: it belongs to the instance, not to the user. */
  private offsetMs: number | undefined;

  constructor(clock: Clock, policy: TimingPolicy, offsetMs: number | undefined) {
    this.clock = clock;
    this.policy = policy;
    this.offsetMs = offsetMs;
  }

  // ── reads ────────────────────────────────────────────────────────────────────────────────────────

  get state(): EngineState {
    return this.current;
  }

  /** The session of an active or refreshing state, else null. */
  get session(): Session | null {
    return sessionOf(this.current);
  }

  /** False once a sign-in, sign-out, ending or newer version replaced `session`: work for it is stale. */
  isCurrent(session: Session): boolean {
    return sessionOf(this.current) === session;
  }

  /** A pure read. */
  status(): DfSessionStatus {
    return statusOf(this.current, this.offsetMs);
  }

  /**
   * The facts of a token. `received` comes with a token just received (login or refresh): only then is the
   * server clock measured, so only then does the offset change.
   */
  factsOf(token: string, claims: DfTokenClaims, source: TokenSource, received?: Received): TokenFacts {
    this.offsetMs = measuredOffset(claims, source, received, this.offsetMs);
    return tokenFacts(token, claims, source, received, this.offsetMs ?? 0, this.policy);
  }

  /** When a token was minted, on the local clock and never later than now; undefined without a mint claim. */
  mintedAt(claims: DfTokenClaims): number | undefined {
    const mint = mintTime(claims);
    return mint === undefined ? undefined : Math.min(this.clock.now(), serverToLocal(mint, this.offsetMs ?? 0));
  }

  /** A stored token at launch, before anything was measured: assume no offset unless its mint says more. */
  assumeOffsetFrom(claims: DfTokenClaims, now: number): void {
    this.offsetMs ??= offsetFromStoredToken(claims, now);
  }

  // ── transitions ──────────────────────────────────────────────────────────────────────────────────

  activate(session: Session): void {
    this.current = { kind: 'active', session };
  }

  signOut(): void {
    this.current = signedOut();
  }

  /** Terminal until the next sign-in or launch; `claims` and `history` stay for the status. */
  end(reason: DfError, claims: DfTokenClaims | null, history: SessionHistory): void {
    this.current = { kind: 'ended', reason, at: this.clock.now(), claims, history };
  }

  /** The next version of the current session; a no-op when `from` is no longer current. */
  replace(from: Session, to: Session): void {
    const state = this.current;
    if (state.kind === 'active' && state.session === from) this.current = { kind: 'active', session: to };
    else if (state.kind === 'refreshing' && state.session === from) this.current = { ...state, session: to };
  }

  /**
   * Single-flight: however many callers need a new token, one task runs, and the refreshing state holds its
   * promise (whoever needs a token awaits it). The task checks isCurrent() after each wait.
   */
  refresh(task: RefreshTask): Promise<string> {
    const state = this.current;
    if (state.kind === 'refreshing') return state.refresh;
    if (state.kind !== 'active') return Promise.reject(state.kind === 'ended' ? endedError() : notSignedInError());
    const refresh: Promise<string> = task(state.session).finally(() => this.refreshSettled(refresh));
    this.current = { kind: 'refreshing', session: state.session, refresh };
    this.emit();
    return refresh;
  }

  private refreshSettled(refresh: Promise<string>): void {
    const state = this.current;
    if (state.kind === 'refreshing' && state.refresh === refresh) this.current = { kind: 'active', session: state.session };
    this.emit();
  }

  // ── listeners ────────────────────────────────────────────────────────────────────────────────────

  onStatusChange(listener: (status: DfSessionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  clearListeners(): void {
    this.listeners.clear();
  }

  emit(): void {
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
}
