// Sign-in, refresh and sign-out on the session path (docs/dreamfactory-protocol.md §1, §3). They bypass the
// session adapter because they manage the token themselves, but go through the same same-origin transport.
// Each call has a total deadline and reads at most a small answer: a DF session object is a few kilobytes.
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { Clock, Timers } from './clock.ts';
import type { InFlightCall } from './deadline.ts';
import { withDeadline } from './deadline.ts';
import { DfError, errorFromAnswer, transportError, withoutSecrets } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';
import type { DfAudience } from './protocol.ts';
import { API_KEY_HEADER, SESSION_TOKEN_HEADER, sessionPath } from './protocol.ts';
import type { SameOriginTransport } from './redirects.ts';
import { answerOf, isSuccess, notASession, parseSession } from './responses.ts';
import type { RefreshOutcome } from './session-types.ts';
import type { Received } from './token-timing.ts';
import type { DfSessionWire } from './wire.ts';

export interface DfCredentials {
  email?: string;
  username?: string;
  password: string;
  rememberMe?: boolean;
}

export interface SessionCallsOptions {
  transport: SameOriginTransport;
  apiBase: string;
  audience: DfAudience;
  apiKey: string | undefined;
  clock: Clock;
  timers: Timers;
  /** Total deadline of each call in ms: the whole answer must be in by then. */
  timeoutMs: number;
  /** Largest answer read, in bytes after decompression (default SESSION_ANSWER_MAX_BYTES). */
  maxAnswerBytes?: number;
}

/** A session object is a few kilobytes; anything beyond this is not one (and must not grow memory). */
export const SESSION_ANSWER_MAX_BYTES = 1024 * 1024;

/** A successful sign-in: the session object, its token's claims, and when the request ran (for the clock). */
export interface SignedIn extends Received {
  wire: DfSessionWire;
  claims: DfTokenClaims;
}

export interface SessionCalls {
  /** POST; rejects with DfError for bad credentials, a non-DF answer or no answer. */
  login(credentials: DfCredentials): Promise<SignedIn>;
  /** PUT with `token`; a DF answer that is not a session comes back as `ok: false`. */
  refresh(token: string): Promise<RefreshOutcome>;
  /** DELETE with `token`, which DF then blacklists; rejects when no answer came back (within `timeoutMs`). */
  logout(token: string, timeoutMs?: number): Promise<void>;
  /**
   * Clears the deadline timers of the calls in flight (a disposed client keeps no timer); those calls go on
   * without a deadline, so a sign-out after dispose() can still wait (bounded) for a refresh's new token.
   */
  dispose(): void;
  /** Gives up every call in flight now (their sockets close; they reject). */
  abort(): void;
}

/** The JSON body of a sign-in; rejects a missing email and username before anything is sent. */
export function loginBody(credentials: DfCredentials): Record<string, unknown> {
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
  return body;
}

export function createSessionCalls(options: SessionCallsOptions): SessionCalls {
  const { apiKey, clock, timers } = options;
  const path = sessionPath(options.audience);
  const inFlight = new Set<InFlightCall>();
  const http: AxiosInstance = axios.create({
    baseURL: options.apiBase,
    adapter: (config) => options.transport.send(config),
    validateStatus: () => true,
    maxRedirects: 0,
    // axios counts the bytes its gunzip/inflate/brotli stream puts out, so a small bomb fails here too.
    maxContentLength: options.maxAnswerBytes ?? SESSION_ANSWER_MAX_BYTES,
  });

  async function call(
    method: 'post' | 'put' | 'delete',
    token: string | null,
    data?: unknown,
    timeoutMs = options.timeoutMs,
  ): Promise<AxiosResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (apiKey !== undefined) headers[API_KEY_HEADER] = apiKey;
    if (token !== null) headers[SESSION_TOKEN_HEADER] = token;
    try {
      // axios's own timeout too: the socket's idle timeout, on real time, as before.
      return await withDeadline(
        timers,
        timeoutMs,
        undefined,
        (signal) => http.request({ method, url: path, headers, data, signal, timeout: timeoutMs }),
        inFlight,
      );
    } catch (error) {
      throw withoutSecrets(transportError(error), [apiKey, token]);
    }
  }

  async function login(credentials: DfCredentials): Promise<SignedIn> {
    const body = loginBody(credentials);
    const secrets = [apiKey, credentials.password];
    const sentAt = clock.now();
    const response = await call('post', null, body);
    const receivedAt = clock.now();
    if (!isSuccess(response.status)) throw withoutSecrets(errorFromAnswer(answerOf(response, 'login')), secrets);
    const session = parseSession(response.data);
    if (session === null) throw withoutSecrets(notASession(response, 'the sign-in'), secrets);
    return { ...session, sentAt, receivedAt };
  }

  async function refresh(token: string): Promise<RefreshOutcome> {
    const sentAt = clock.now();
    const response = await call('put', token);
    const receivedAt = clock.now();
    if (!isSuccess(response.status)) return { ok: false, answer: answerOf(response, 'refresh') };
    const session = parseSession(response.data);
    if (session === null) throw withoutSecrets(notASession(response, 'the session refresh'), [apiKey, token]);
    return { ok: true, token: session.wire.session_token, claims: session.claims, sentAt, receivedAt };
  }

  async function logout(token: string, timeoutMs?: number): Promise<void> {
    await call('delete', token, undefined, timeoutMs);
  }

  function dispose(): void {
    for (const call of inFlight) call.drop();
  }

  function abort(): void {
    for (const call of [...inFlight]) call.abort();
  }

  return { login, refresh, logout, dispose, abort };
}
