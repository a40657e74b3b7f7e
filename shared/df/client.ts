// createDfClient: the axios instance with the session adapter, plus login/logout/refresh/resume.
import axios from 'axios';
import type {
  AxiosAdapter,
  AxiosInstance,
  AxiosRequestConfig,
  AxiosResponse,
  InternalAxiosRequestConfig,
} from 'axios';
import type { Clock, Timers } from './clock.ts';
import { systemClock, systemTimers } from './clock.ts';
import type { DfAnswer } from './errors.ts';
import { readBody, redactSessionTokens } from './body.ts';
import { DfError, classifyAnswer, errorFromAnswer, transportError, withoutSecrets } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';
import { readTokenClaims } from './jwt.ts';
import type { DfAudience } from './protocol.ts';
import {
  ADMIN_SESSION_PATH,
  API_KEY_HEADER,
  API_PREFIX,
  DEFAULT_REFRESH_WINDOW_SECONDS,
  ENVIRONMENT_PATH,
  SESSION_TOKEN_HEADER,
  USER_SESSION_PATH,
  normalizeInstanceUrl,
  sessionPath,
} from './protocol.ts';
import { createSameOriginTransport, headerValue, parseUrl } from './redirects.ts';
import type { DfSessionStatus, RefreshOutcome, TokenStore } from './session.ts';
import { SessionEngine } from './session.ts';
import type { DfSessionWire } from './wire.ts';
import { readSessionWire } from './wire.ts';

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
  /** Timeout of login, refresh and logout requests in ms (default 30 000). */
  sessionCallTimeoutMs?: number;
  /** The token store failed while the session went on (e.g. saving a refreshed token). */
  onStorageError?: (error: unknown) => void;
}

export interface DfCredentials {
  email?: string;
  username?: string;
  password: string;
  rememberMe?: boolean;
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

export interface DfClient {
  /** axios instance on `<instance>/api/v2`; adds the API key and token, refreshes as needed, rejects with DfError. */
  readonly http: AxiosInstance;
  /** The normalised instance root. */
  readonly baseURL: string;
  readonly audience: DfAudience;
  login(credentials: DfCredentials): Promise<DfSessionInfo>;
  /** Ends the session on the server (when the token is still valid) and clears the stored token. */
  logout(): Promise<void>;
  refresh(): Promise<DfSessionStatus>;
  resume(): Promise<DfSessionStatus>;
  status(): DfSessionStatus;
  onStatusChange(listener: (status: DfSessionStatus) => void): () => void;
  /** Stops timers and listeners. */
  dispose(): void;
}

const DEFAULT_SESSION_CALL_TIMEOUT_MS = 30_000;
const TOKEN_VERDICT_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 500]);

/** public: works without a token (never send a stale one); session: a session path, whose answers echo tokens. */
type Route = 'public' | 'session-read' | 'session-login' | 'session-refresh' | 'session-logout' | 'private';

/** Canonical instance root (URL-parsed so comparisons with parsed URLs hold; drops any user:password@). */
function canonicalRoot(input: string): string {
  const root = normalizeInstanceUrl(input);
  const parsed = parseUrl(root);
  if (parsed === null) throw new TypeError('The DreamFactory URL is not a valid URL.');
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

function routeOf(fullUrl: string, apiBase: string, method: string): Route {
  if (!fullUrl.startsWith(apiBase)) return 'private';
  let rest = fullUrl.slice(apiBase.length);
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  rest = rest.replace(/\/+$/, '').toLowerCase();
  if (rest === USER_SESSION_PATH || rest === ADMIN_SESSION_PATH) {
    if (method === 'put') return 'session-refresh';
    if (method === 'post') return 'session-login';
    if (method === 'delete') return 'session-logout';
    return method === 'get' ? 'session-read' : 'public';
  }
  if (rest === ENVIRONMENT_PATH && method === 'get') return 'public';
  return 'private';
}

function parseSession(data: unknown): { wire: DfSessionWire; claims: DfTokenClaims } | null {
  const wire = readSessionWire(readBody(data));
  if (wire === null) return null;
  const claims = readTokenClaims(wire.session_token);
  return claims === null ? null : { wire, claims };
}

function answerOf(response: AxiosResponse, phase: 'request' | 'login' | 'refresh'): DfAnswer {
  return classifyAnswer(response.status, readBody(response.data), {
    phase,
    contentType: headerValue(response.headers, 'content-type'),
  });
}

function notDreamFactory(response: AxiosResponse, what: string): DfError {
  const type = headerValue(response.headers, 'content-type')?.split(';')[0]?.trim();
  const described = type === undefined || type === '' ? '' : `, ${type}`;
  return new DfError('not-dreamfactory', `The server's answer to ${what} was not a DreamFactory session (HTTP ${response.status}${described}). Check the instance URL.`, {
    status: response.status,
  });
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function createDfClient(options: DfClientOptions): DfClient {
  const instanceRoot = canonicalRoot(options.baseURL);
  const apiBase = `${instanceRoot}${API_PREFIX}`;
  const audience: DfAudience = options.audience ?? 'user';
  const ownSessionPath = sessionPath(audience);
  const apiKey = options.apiKey !== undefined && options.apiKey !== '' ? options.apiKey : undefined;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const sessionTimeout = options.sessionCallTimeoutMs ?? DEFAULT_SESSION_CALL_TIMEOUT_MS;
  // Never XHR: it follows redirects on its own, custom headers included, so a cross-origin redirect would carry
  // the API key and token. Node gets the http adapter (redirects handled here); browsers get fetch (redirect: 'error').
  const ioAdapter: AxiosAdapter = axios.getAdapter(options.adapter ?? ['http', 'fetch']);
  const transport = createSameOriginTransport({ adapter: ioAdapter, apiBase });

  // Session calls (login, refresh, logout) bypass the session adapter: they manage the token themselves.
  const sessionHttp = axios.create({
    baseURL: apiBase,
    adapter: (config) => transport.send(config),
    validateStatus: () => true,
    maxRedirects: 0,
    timeout: sessionTimeout,
  });

  async function sessionCall(method: 'post' | 'put' | 'delete', token: string | null, data?: unknown): Promise<AxiosResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (apiKey !== undefined) headers[API_KEY_HEADER] = apiKey;
    if (token !== null) headers[SESSION_TOKEN_HEADER] = token;
    try {
      return await sessionHttp.request({ method, url: ownSessionPath, headers, data });
    } catch (error) {
      throw withoutSecrets(transportError(error), [apiKey, token]);
    }
  }

  const refreshTransport = async (token: string): Promise<RefreshOutcome> => {
    const sentAt = clock.now();
    const response = await sessionCall('put', token);
    const receivedAt = clock.now();
    if (!isSuccess(response.status)) return { ok: false, answer: answerOf(response, 'refresh') };
    const session = parseSession(response.data);
    if (session === null) throw notDreamFactory(response, 'the session refresh');
    return { ok: true, token: session.wire.session_token, claims: session.claims, sentAt, receivedAt };
  };

  const engineOptions: ConstructorParameters<typeof SessionEngine>[0] = {
    tokens: options.tokens,
    refresh: refreshTransport,
    clock,
    timers,
    keepAlive: options.keepAlive === true,
    refreshWindowSeconds: options.refreshWindowSeconds ?? DEFAULT_REFRESH_WINDOW_SECONDS,
    refreshWindowKnown: options.refreshWindowSeconds !== undefined,
  };
  if (options.refreshLeewaySeconds !== undefined) engineOptions.refreshLeewaySeconds = options.refreshLeewaySeconds;
  if (options.serverClockOffsetMs !== undefined) engineOptions.serverClockOffsetMs = options.serverClockOffsetMs;
  if (options.onSessionEnd !== undefined) engineOptions.onSessionEnd = options.onSessionEnd;
  if (options.onStorageError !== undefined) engineOptions.onStorageError = options.onStorageError;
  const engine = new SessionEngine(engineOptions);

  function sendWith(config: InternalAxiosRequestConfig, url: string, token: string | null): Promise<AxiosResponse> {
    if (apiKey !== undefined) config.headers.set(API_KEY_HEADER, apiKey);
    if (token !== null) config.headers.set(SESSION_TOKEN_HEADER, token);
    else config.headers.delete(SESSION_TOKEN_HEADER);
    return transport.send(config, url);
  }

  type Validate = InternalAxiosRequestConfig['validateStatus'];

  /** axios's settle, with the caller's validateStatus; failures become DfErrors. */
  function settle(response: AxiosResponse, validate: Validate): AxiosResponse {
    if (!response.status || !validate || validate(response.status)) return response;
    throw errorFromAnswer(answerOf(response, 'request'));
  }

  function verdictOf(response: AxiosResponse): DfAnswer | null {
    if (!TOKEN_VERDICT_STATUSES.has(response.status)) return null;
    const answer = answerOf(response, 'request');
    return answer.tokenProblem === undefined ? null : answer;
  }

  async function exchange(config: InternalAxiosRequestConfig, sent: string[]): Promise<AxiosResponse> {
    const fullUrl = transport.checkedUrl(config);
    const route = routeOf(fullUrl, apiBase, (config.method ?? 'get').toLowerCase());
    if (route === 'session-refresh') {
      throw new DfError(
        'bad-request',
        'Use refresh() to refresh the session: a PUT on the session path would replace the token behind the refresher.',
      );
    }
    if (route === 'session-logout') {
      throw new DfError(
        'bad-request',
        'Use logout() to end the session: a DELETE on the session path would blacklist the token behind the refresher.',
      );
    }
    if (route === 'session-login' || route === 'session-read') {
      // The answer carries a token (a new one for a login): hand out the rest, keep the token in here.
      // A sign-in never needs the current token (DF 2.0 even failed a login that carried a bad one).
      const token = route === 'session-login' ? null : await engine.acquire(true);
      if (token !== null) sent.push(token);
      const response = await sendWith(config, fullUrl, token);
      response.data = redactSessionTokens(response.data);
      return response;
    }
    const publicCall = route === 'public';
    const token = await engine.acquire(publicCall);
    if (token !== null) sent.push(token);
    const response = await sendWith(config, fullUrl, token);
    if (token === null) return response;
    const verdict = verdictOf(response);
    if (verdict === null) return response;
    // Public endpoints work without a token: retry once without it, and leave the session to other calls.
    if (publicCall) return sendWith(config, fullUrl, null);
    const next = await engine.recover(token, verdict);
    sent.push(next);
    const retried = await sendWith(config, fullUrl, next);
    const again = verdictOf(retried);
    if (again !== null) await engine.fail(next, again);
    return retried;
  }

  const sessionAdapter: AxiosAdapter = async (config) => {
    const sent: string[] = [];
    const validate = config.validateStatus;
    try {
      const response = await exchange(config, sent);
      response.config = config;
      return settle(response, validate);
    } catch (error) {
      const failure = error instanceof DfError ? error : transportError(error);
      throw withoutSecrets(failure, [apiKey, engine.currentToken(), ...sent]);
    } finally {
      config.validateStatus = validate;
      // Responses keep their config; do not leave credentials in it for whoever logs the response.
      config.headers.delete(SESSION_TOKEN_HEADER);
      config.headers.delete(API_KEY_HEADER);
    }
  };

  const http = axios.create({ baseURL: apiBase, adapter: sessionAdapter, maxRedirects: 0 });

  async function login(credentials: DfCredentials): Promise<DfSessionInfo> {
    const email = credentials.email?.trim();
    const username = credentials.username?.trim();
    if ((email === undefined || email === '') && (username === undefined || username === '')) {
      throw new DfError('bad-request', 'Enter an email or a username.');
    }
    const body: Record<string, unknown> = {};
    if (email !== undefined && email !== '') body.email = email;
    if (username !== undefined && username !== '') body.username = username;
    body.password = credentials.password;
    // A JSON boolean: DF boolval()s it, and the string "false" would be truthy.
    body.remember_me = credentials.rememberMe === true;
    const sentAt = clock.now();
    const response = await sessionCall('post', null, body);
    const receivedAt = clock.now();
    if (!isSuccess(response.status)) {
      throw withoutSecrets(errorFromAnswer(answerOf(response, 'login')), [apiKey, credentials.password]);
    }
    const session = parseSession(response.data);
    if (session === null) throw notDreamFactory(response, 'the sign-in');
    await engine.start(session.wire.session_token, session.claims, { sentAt, receivedAt });
    const wire = session.wire;
    const info: DfSessionInfo = {
      id: wire.id,
      name: wire.name ?? '',
      first_name: wire.first_name ?? null,
      last_name: wire.last_name ?? null,
      email: wire.email ?? null,
      is_sys_admin: wire.is_sys_admin ?? false,
      forever: session.claims.forever,
      expiresAt: engine.status().expiresAt ?? session.claims.exp * 1000,
    };
    if (typeof wire.role === 'string') info.role = wire.role;
    return info;
  }

  async function logout(): Promise<void> {
    await engine.settle();
    // An expired token is not blacklisted by DF anyway, and DF ≥2.9 would reject it: only send a valid one.
    const token = engine.publicToken();
    if (token !== null) {
      try {
        await sessionCall('delete', token);
      } catch {
        // Signing out locally must work offline; the token then simply expires on the server.
      }
    }
    await engine.signOut();
  }

  return {
    http,
    baseURL: instanceRoot,
    audience,
    login,
    logout,
    refresh: () => engine.refresh(),
    resume: () => engine.resume(),
    status: () => engine.status(),
    onStatusChange: (listener) => engine.onStatusChange(listener),
    dispose: () => engine.dispose(),
  };
}
