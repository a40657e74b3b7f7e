// createDfClient: the public object. It wires the parts together: the same-origin transport (redirects.ts), the
// session calls (session-calls.ts), the session engine (session.ts) and the adapter behind `http`
// (session-adapter.ts).
import axios from 'axios';
import type { AxiosAdapter, AxiosInstance, AxiosRequestConfig } from 'axios';
import type { Clock, Timers } from './clock.ts';
import { systemClock, systemTimers } from './clock.ts';
import type { DfError } from './errors.ts';
import type { DfAudience } from './protocol.ts';
import { API_PREFIX, DEFAULT_REFRESH_WINDOW_SECONDS } from './protocol.ts';
import { createSameOriginTransport } from './redirects.ts';
import { canonicalRoot } from './routes.ts';
import { createSessionAdapter } from './session-adapter.ts';
import type { DfCredentials, SessionCalls, SignedIn } from './session-calls.ts';
import { createSessionCalls } from './session-calls.ts';
import { SessionEngine } from './session.ts';
import type { DfSessionStatus, RefreshLockSlot, SessionEngineOptions, TokenStore } from './session-types.ts';

export interface DfClientOptions {
  /** Instance root, e.g. `https://df.example.com` (a trailing `/api/v2` and slashes are removed). */
  baseURL: string;
  apiKey?: string;
  tokens: TokenStore;
  /** 'user' → /user/session (default), 'admin' → /system/admin/session. */
  audience?: DfAudience;
  /** Refresh this long before `exp` (fractions allowed). Default: min(60 s, a tenth of the token's lifetime). */
  refreshLeewaySeconds?: number;
  /** Refresh on a timer while idle, so the session survives (required for DF 2.9–2.14). */
  keepAlive?: boolean;
  /** Called once per session when it ends for good (a new sign-in is needed). Not called on logout(). */
  onSessionEnd?: (error: DfError) => void;
  /** Local clock in ms (tests, or a host with its own time source). */
  clock?: Clock;
  timers?: Timers;
  /** DF_JWT_REFRESH_TTL in seconds, if known; only used to estimate the window end. Default 14 days. */
  refreshWindowSeconds?: number;
  /** Axios adapter for the actual I/O (name, function or list); default axios's own choice. */
  adapter?: AxiosRequestConfig['adapter'];
  /** A previously measured server clock offset (status().serverClockOffsetMs), used by resume(). */
  serverClockOffsetMs?: number;
  /**
   * Total deadline of sign-in, refresh and sign-out requests in ms (default 30 000): the whole answer must be in
   * by then, however slowly a server trickles it. Also the longest logout() waits for a refresh in flight.
   */
  sessionCallTimeoutMs?: number;
  /**
   * Default total deadline of `http` requests in ms; a request's own `timeout` wins. Either is a deadline for
   * the whole call (a refresh it waits for, redirects, the answer), not only for an idle socket. Default: none.
   */
  requestTimeoutMs?: number;
  /**
   * Default cap of `http` answers in bytes, counted after decompression; a request's own `maxContentLength`
   * wins. A larger answer fails as a DfError whose transport kind is 'too-large'. Default: none.
   */
  maxContentLength?: number;
  /** The token store failed while the session went on (e.g. saving a refreshed token). */
  onStorageError?: (error: unknown) => void;
  /**
   * For a token store shared with other processes (a keychain entry): the lock every one of them takes around a
   * refresh, and this session's name in it. Default: none (one refresh at a time within this client only).
   */
  refreshLock?: RefreshLockSlot;
}

/** What login() reveals about the session: never the token. */
export interface DfSessionInfo {
  id: number;
  name: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  is_sys_admin: boolean;
  role?: string;
  /** The token's `forever` claim: false when the server ignored "remember me". */
  forever: boolean;
  /** Token expiry, local ms since the epoch. */
  expiresAt: number;
}

export interface DfLogoutOptions {
  deadlineMs?: number;
}

export interface DfClient {
  /** axios instance on `<instance>/api/v2`; adds the API key and token, refreshes as needed, rejects with DfError. */
  readonly http: AxiosInstance;
  /** The normalised instance root. */
  readonly baseURL: string;
  readonly audience: DfAudience;
  login(credentials: DfCredentials): Promise<DfSessionInfo>;
  /**
   * Ends the session on the server (when the token is still valid) and clears the stored token. Waits for a
   * refresh in flight and for the sign-out request together at most `deadlineMs` (default: the session call
   * timeout); once that has passed, signs out locally without sending the token again.
   */
  logout(options?: DfLogoutOptions): Promise<void>;
  refresh(): Promise<DfSessionStatus>;
  /**
   * After a wake or the network's return: refresh if due (or expiring within `horizonMs`), else re-arm the
   * keep-alive timer on the current clock. Joins a refresh in flight; never rejects.
   */
  checkNow(horizonMs?: number): Promise<DfSessionStatus>;
  /**
   * Adopts the stored token (at launch). Optional: the first request, or refresh(), of a client that was neither
   * resumed nor signed in resumes on its own (once, however many requests come at once).
   */
  resume(): Promise<DfSessionStatus>;
  status(): DfSessionStatus;
  onStatusChange(listener: (status: DfSessionStatus) => void): () => void;
  /** Stops timers and listeners (also the deadline timers of session calls in flight, which go on without one). */
  dispose(): void;
}

const DEFAULT_SESSION_CALL_TIMEOUT_MS = 30_000;

function engineOptions(options: DfClientOptions, calls: SessionCalls, apiKey: string | undefined): SessionEngineOptions {
  const engine: SessionEngineOptions = {
    tokens: options.tokens,
    refresh: calls.refresh,
    clock: options.clock ?? systemClock,
    timers: options.timers ?? systemTimers,
    keepAlive: options.keepAlive === true,
    refreshWindowSeconds: options.refreshWindowSeconds ?? DEFAULT_REFRESH_WINDOW_SECONDS,
    refreshWindowKnown: options.refreshWindowSeconds !== undefined,
    secrets: apiKey === undefined ? [] : [apiKey],
  };
  if (options.refreshLeewaySeconds !== undefined) engine.refreshLeewaySeconds = options.refreshLeewaySeconds;
  if (options.serverClockOffsetMs !== undefined) engine.serverClockOffsetMs = options.serverClockOffsetMs;
  if (options.onSessionEnd !== undefined) engine.onSessionEnd = options.onSessionEnd;
  if (options.onStorageError !== undefined) engine.onStorageError = options.onStorageError;
  if (options.refreshLock !== undefined) engine.refreshLock = options.refreshLock;
  return engine;
}

function sessionInfo({ wire, claims }: SignedIn, expiresAt: number | undefined): DfSessionInfo {
  const info: DfSessionInfo = {
    id: wire.id,
    name: wire.name ?? '',
    first_name: wire.first_name ?? null,
    last_name: wire.last_name ?? null,
    email: wire.email ?? null,
    is_sys_admin: wire.is_sys_admin ?? false,
    forever: claims.forever,
    expiresAt: expiresAt ?? claims.exp * 1000,
  };
  if (typeof wire.role === 'string') info.role = wire.role;
  return info;
}

export function createDfClient(options: DfClientOptions): DfClient {
  const instanceRoot = canonicalRoot(options.baseURL);
  const apiBase = `${instanceRoot}${API_PREFIX}`;
  const audience: DfAudience = options.audience ?? 'user';
  const apiKey = options.apiKey !== undefined && options.apiKey !== '' ? options.apiKey : undefined;
  // Never XHR: it follows redirects on its own, custom headers included, so a cross-origin redirect would carry
  // the API key and token. Node gets the http adapter (redirects handled here); browsers get fetch (redirect: 'error').
  const ioAdapter: AxiosAdapter = axios.getAdapter(options.adapter ?? ['http', 'fetch']);
  const transport = createSameOriginTransport({ adapter: ioAdapter, apiBase });
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const sessionCallTimeoutMs = options.sessionCallTimeoutMs ?? DEFAULT_SESSION_CALL_TIMEOUT_MS;
  const calls = createSessionCalls({ transport, apiBase, audience, apiKey, clock, timers, timeoutMs: sessionCallTimeoutMs });
  const engine = new SessionEngine(engineOptions(options, calls, apiKey));
  const adapter = createSessionAdapter({ session: engine, transport, apiBase, apiKey, timers });
  const http = axios.create({ baseURL: apiBase, adapter, maxRedirects: 0 });
  if (options.requestTimeoutMs !== undefined) http.defaults.timeout = options.requestTimeoutMs;
  if (options.maxContentLength !== undefined) http.defaults.maxContentLength = options.maxContentLength;

  return {
    http,
    baseURL: instanceRoot,
    audience,
    async login(credentials) {
      const signedIn = await calls.login(credentials);
      const { sentAt, receivedAt } = signedIn;
      await engine.start(signedIn.wire.session_token, signedIn.claims, { sentAt, receivedAt });
      return sessionInfo(signedIn, engine.status().expiresAt);
    },
    async logout(logoutOptions = {}) {
      const deadlineMs = logoutOptions.deadlineMs ?? sessionCallTimeoutMs;
      const startedAt = clock.now();
      // A refresh stuck on a slow server must not hold the sign-out: past the deadline, give it up (its answer
      // would be dropped anyway) and sign out locally.
      const settled = await engine.settle(deadlineMs);
      if (!settled) calls.abort();
      // An expired token is not blacklisted by DF anyway, and DF ≥2.9 would reject it: only send a valid one.
      const token = settled ? engine.publicToken() : null;
      const left = deadlineMs - (clock.now() - startedAt);
      // Signing out locally must work offline; the token then simply expires on the server.
      if (token !== null && left > 0) await calls.logout(token, Math.min(left, sessionCallTimeoutMs)).catch(() => undefined);
      await engine.signOut();
    },
    refresh: () => engine.refresh(),
    checkNow: (horizonMs) => engine.checkNow(horizonMs),
    resume: () => engine.resume(),
    status: () => engine.status(),
    onStatusChange: (listener) => engine.onStatusChange(listener),
    dispose() {
      engine.dispose();
      calls.dispose();
    },
  };
}
