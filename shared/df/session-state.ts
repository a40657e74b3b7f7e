// The session engine's state as one value, the pure steps between sessions' versions, and the status read
// from it. Every value here is immutable: a change is a new object, so "is this still my session?" is an
// identity check.
import type { DfError } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';
import { hasLegacyClaims } from './jwt.ts';
import type { DfSessionFailure, DfSessionStatus, DfTokenTimes } from './session-types.ts';
import type { TokenFacts } from './token-timing.ts';

/** What happened since the sign-in (or launch) that started the session. */
export interface SessionHistory {
  readonly refreshCount: number;
  /** Local ms of the last successful refresh. */
  readonly lastRefreshAt: number | undefined;
  /** The last failed refresh attempt; cleared by a success. */
  readonly lastFailure: DfSessionFailure | undefined;
}

/** One version of a signed-in session: the current token and what happened so far. */
export interface Session {
  readonly facts: TokenFacts;
  readonly history: SessionHistory;
}

export type EngineState =
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'active'; readonly session: Session }
  /** `refresh` is the one pending refresh: whoever needs a token awaits it. */
  | { readonly kind: 'refreshing'; readonly session: Session; readonly refresh: Promise<string> }
  /** Terminal until the next sign-in or launch. `claims` and `history` are the last session's, for the status. */
  | {
      readonly kind: 'ended';
      readonly reason: DfError;
      readonly at: number;
      readonly claims: DfTokenClaims | null;
      readonly history: SessionHistory;
    };

export const NO_HISTORY: SessionHistory = Object.freeze({
  refreshCount: 0,
  lastRefreshAt: undefined,
  lastFailure: undefined,
});

export function signedOut(): EngineState {
  // A new object each time: a launch that began before a sign-out must see that the state changed.
  return { kind: 'signed-out' };
}

/** The session of a token from a sign-in or from the store at launch. */
export function newSession(facts: TokenFacts): Session {
  return { facts, history: NO_HISTORY };
}

/** A refresh succeeded at `at` (local ms). */
export function afterRefresh(session: Session, facts: TokenFacts, at: number): Session {
  return { facts, history: { refreshCount: session.history.refreshCount + 1, lastRefreshAt: at, lastFailure: undefined } };
}

/**
 * Another client sharing the store refreshed: its token becomes ours, and our last failure is moot. It is not
 * our refresh (refreshCount stays), but the session was refreshed at `refreshedAt` (local ms, when known).
 */
export function afterAdoption(session: Session, facts: TokenFacts, refreshedAt?: number): Session {
  const last = session.history.lastRefreshAt;
  const lastRefreshAt = refreshedAt !== undefined && (last === undefined || refreshedAt > last) ? refreshedAt : last;
  return { facts, history: { ...session.history, lastRefreshAt, lastFailure: undefined } };
}

/** A refresh attempt failed at `at`; each failure is a new one, even with the same message. */
export function afterFailure(session: Session, error: DfError, at: number): Session {
  return { facts: session.facts, history: { ...session.history, lastFailure: { kind: error.kind, message: error.message, at } } };
}

/** The session of an active or refreshing state, else null. */
export function sessionOf(state: EngineState): Session | null {
  return state.kind === 'active' || state.kind === 'refreshing' ? state.session : null;
}

const STATUS_STATES = {
  'signed-out': 'signed-out',
  active: 'active',
  refreshing: 'refreshing',
  ended: 'needs-sign-in',
} as const;

function tokenTimes(facts: TokenFacts): DfTokenTimes {
  const { claims } = facts;
  const times: DfTokenTimes = {
    exp: claims.exp,
    legacyClaims: hasLegacyClaims(claims),
    // No refresh starts inside a guarded mint second, so the plan is the later of the two.
    refreshDueAt: Math.max(facts.refreshDueAt, facts.guardUntil),
  };
  if (claims.iat !== undefined) times.iat = claims.iat;
  if (claims.nbf !== undefined) times.nbf = claims.nbf;
  return times;
}

/** The host's view of `state`. A pure read: a new object, nothing in `state` changes. */
export function statusOf(state: EngineState, serverClockOffsetMs: number | undefined): DfSessionStatus {
  const session = sessionOf(state);
  const ended = state.kind === 'ended' ? state : null;
  const claims = session?.facts.claims ?? ended?.claims ?? null;
  const history = session?.history ?? ended?.history ?? NO_HISTORY;
  const status: DfSessionStatus = {
    state: STATUS_STATES[state.kind],
    forever: claims?.forever ?? false,
    refreshCount: history.refreshCount,
  };
  if (session !== null) {
    status.expiresAt = session.facts.expiresAt;
    status.token = tokenTimes(session.facts);
  }
  if (session?.facts.windowEndsAt !== undefined) status.refreshWindowEndsAt = session.facts.windowEndsAt;
  if (history.lastRefreshAt !== undefined) status.lastRefreshAt = history.lastRefreshAt;
  if (claims?.userId !== undefined) status.userId = claims.userId;
  if (serverClockOffsetMs !== undefined) status.serverClockOffsetMs = serverClockOffsetMs;
  if (ended !== null) {
    status.lastError = { kind: ended.reason.kind, message: ended.reason.message, at: ended.at };
    status.endedReason = ended.reason.message;
  } else if (history.lastFailure !== undefined) {
    status.lastError = { ...history.lastFailure };
  }
  return status;
}
