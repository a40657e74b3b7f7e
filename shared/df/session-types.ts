// What the session engine shows its host and what it needs from it: the status, the token store, the refresh
// transport and the options.
import type { Clock, Timers } from './clock.ts';
import type { DfAnswer, DfError, DfErrorKind } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';

export interface TokenLoadOptions {
  /**
   * Read the backing store itself, not a cached copy: another process may have saved a newer token since. The
   * engine asks for this only where a decision rests on it (inside the refresh lock, after a terminal answer,
   * in checkNow); a store without a cache may ignore it.
   */
  fresh?: boolean;
}

/** Where the host keeps the token (keychain, memory, …). The engine never logs or returns it. */
export interface TokenStore {
  load(options?: TokenLoadOptions): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * One refresh at a time for everything sharing a token store, across processes too: DF blacklists the old
 * token on every refresh (docs/dreamfactory-protocol.md §3, §10), so two refreshes of one token race and the
 * loser's answer is "Token refresh failed. The token has been blacklisted".
 */
export interface RefreshLock {
  /** Runs `task` while holding the lock named `key`; rejects without running it when the lock is not had in time. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** The lock of one session's token store and the name it goes by there (e.g. the instance). */
export interface RefreshLockSlot {
  lock: RefreshLock;
  key: string;
}

export type DfSessionState = 'signed-out' | 'active' | 'refreshing' | 'needs-sign-in';

/** A failure as the status shows it: never a token or the instance's API key. */
export interface DfSessionFailure {
  kind: DfErrorKind;
  message: string;
  /** Local ms (the engine's clock) at which it happened. */
  at: number;
}

/** The current token's time claims (the server's clock, seconds) and DF Desk's plan for it: never the token. */
export interface DfTokenTimes {
  exp: number;
  iat?: number;
  nbf?: number;
  /** A numeric `sub`: DF 2.0–2.6 (docs/dreamfactory-protocol.md §3). */
  legacyClaims: boolean;
  /** Local ms from which the token is refreshed before use (and by keep-alive, when on). */
  refreshDueAt: number;
}

export interface DfSessionStatus {
  state: DfSessionState;
  /** While a token is held (active, refreshing). */
  token?: DfTokenTimes;
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
  /**
   * Why and when the last refresh failed, while the session is kept (network or server trouble). Each failed
   * attempt has its own `at`; a success clears it; a retry in flight leaves it visible. Once the session has
   * ended: the ending, with kind 'session-ended'.
   */
  lastError?: DfSessionFailure;
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
  /**
   * Strings no kept or reported error may contain (the instance's API key). The engine adds every token it
   * handles, so a server that quotes them in an answer leaks neither into the status nor to onSessionEnd.
   */
  secrets?: readonly string[];
  /**
   * Taken around every refresh (and every re-read after a terminal answer): inside it the store is re-read, a
   * newer token adopted instead of sending a PUT, and a new token saved before it is let go. Default: none,
   * i.e. only this engine's own single flight.
   */
  refreshLock?: RefreshLockSlot;
  onSessionEnd?: (error: DfError) => void;
  onStorageError?: (error: unknown) => void;
}
