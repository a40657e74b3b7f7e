// The axios adapter behind `client.http`: acquire a token, send, read the token verdict, recover once, retry
// (once more only with a newer token another process saved meanwhile), settle. Credentials go only to the
// instance's origin, and no error or response config keeps them (docs/dreamfactory-protocol.md §2, §4). A
// request's `timeout` is a total deadline for all of that.
import type { AxiosAdapter, AxiosResponse, GenericAbortSignal, InternalAxiosRequestConfig } from 'axios';
import { redactSessionTokens } from './body.ts';
import type { Timers } from './clock.ts';
import { notSentError, withDeadline } from './deadline.ts';
import type { DfAnswer } from './errors.ts';
import { DfError, errorFromAnswer, transportError, withoutSecrets } from './errors.ts';
import { API_KEY_HEADER, SESSION_TOKEN_HEADER } from './protocol.ts';
import type { SameOriginTransport } from './redirects.ts';
import { answerOf } from './responses.ts';
import type { Route } from './routes.ts';
import { routeOf } from './routes.ts';
import type { SessionEngine } from './session.ts';

/** What the adapter needs from the session engine. */
export type SessionPort = Pick<SessionEngine, 'acquire' | 'recover' | 'lastChance' | 'fail' | 'currentToken'>;

export interface SessionAdapterOptions {
  session: SessionPort;
  transport: SameOriginTransport;
  apiBase: string;
  apiKey: string | undefined;
  /** Times each request's total deadline (its `timeout`). */
  timers: Timers;
}

type Validate = InternalAxiosRequestConfig['validateStatus'];

/** One request through the adapter: every token sent for it, and the signal each of its sends carries. */
interface Exchange {
  readonly sent: string[];
  /** Aborts at the request's deadline (or the caller's cancel); once aborted, nothing more is sent. */
  readonly signal: GenericAbortSignal | undefined;
}

/** DF answers a token problem with one of these (2.1–2.9: 400 with code 401; 2.1–2.4: 500 when blacklisted). */
const TOKEN_VERDICT_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 500]);

export function createSessionAdapter(options: SessionAdapterOptions): AxiosAdapter {
  return async (config) => {
    // Every token sent for this request: an error message quoting any of them must not leave the client.
    const sent: string[] = [];
    const validate = config.validateStatus;
    const callerSignal = config.signal;
    try {
      const response = await withDeadline(options.timers, config.timeout, callerSignal, (signal) =>
        exchange(options, config, { sent, signal }),
      );
      response.config = config;
      return settle(response, validate);
    } catch (error) {
      const failure = error instanceof DfError ? error : transportError(error);
      throw withoutSecrets(failure, [options.apiKey, options.session.currentToken(), ...sent]);
    } finally {
      config.validateStatus = validate;
      // axios checks the caller's own signal after the adapter: a deadline is this adapter's, not a cancel.
      config.signal = callerSignal;
      // Responses keep their config; do not leave credentials in it for whoever logs the response.
      config.headers.delete(SESSION_TOKEN_HEADER);
      config.headers.delete(API_KEY_HEADER);
    }
  };
}

/** Not async: the common route goes straight to tokenCall without another promise on the hot path. */
function exchange(options: SessionAdapterOptions, config: InternalAxiosRequestConfig, call: Exchange): Promise<AxiosResponse> {
  const fullUrl = options.transport.checkedUrl(config);
  const route = routeOf(fullUrl, options.apiBase, (config.method ?? 'get').toLowerCase());
  if (route === 'private' || route === 'public') return tokenCall(options, config, fullUrl, route === 'public', call);
  if (route === 'session-login' || route === 'session-read') return sessionObjectCall(options, config, fullUrl, route, call);
  throw refusal(route);
}

function refusal(route: Exclude<Route, 'private' | 'public' | 'session-login' | 'session-read'>): DfError {
  return new DfError(
    'bad-request',
    route === 'session-refresh'
      ? 'Use refresh() to refresh the session: a PUT on the session path would replace the token behind the refresher.'
      : 'Use logout() to end the session: a DELETE on the session path would blacklist the token behind the refresher.',
  );
}

/**
 * An ordinary call: the session's token, and after a token verdict one recovery and one retry; a last try only
 * when the retry's token was refreshed away by another process meanwhile.
 */
async function tokenCall(
  options: SessionAdapterOptions,
  config: InternalAxiosRequestConfig,
  fullUrl: string,
  publicCall: boolean,
  call: Exchange,
): Promise<AxiosResponse> {
  const token = await options.session.acquire(publicCall);
  if (token !== null) call.sent.push(token);
  const response = await sendWith(options, config, fullUrl, token, call);
  if (token === null) return response;
  const verdict = verdictOf(response);
  if (verdict === null) return response;
  // Public endpoints work without a token: retry once without it, and leave the session to other calls.
  if (publicCall) return sendWith(options, config, fullUrl, null, call);
  const next = await options.session.recover(token, verdict);
  call.sent.push(next);
  const retried = await sendWith(options, config, fullUrl, next, call);
  const again = verdictOf(retried);
  if (again === null) return retried;
  // Another process refreshed between our recovery and the retry (its PUT blacklisted `next`): one last try
  // with its token, or the session ends here.
  const last = await options.session.lastChance(next, again);
  call.sent.push(last);
  const final = await sendWith(options, config, fullUrl, last, call);
  const still = verdictOf(final);
  if (still !== null) await options.session.fail(last, still);
  return final;
}

/**
 * GET or POST on a session path: the answer carries a token (a new one for a sign-in), so hand out the rest and
 * keep the token in here. A sign-in never needs the current token (DF 2.0 even failed a login that carried a
 * bad one).
 */
async function sessionObjectCall(
  options: SessionAdapterOptions,
  config: InternalAxiosRequestConfig,
  fullUrl: string,
  route: 'session-login' | 'session-read',
  call: Exchange,
): Promise<AxiosResponse> {
  const token = route === 'session-login' ? null : await options.session.acquire(true);
  if (token !== null) call.sent.push(token);
  const response = await sendWith(options, config, fullUrl, token, call);
  response.data = redactSessionTokens(response.data);
  return response;
}

/**
 * Sends with the API key and `token`. Nothing is sent once the request's deadline has passed: a request given
 * up on (the caller already has its error) must not go out later, after a refresh it was waiting for.
 */
function sendWith(
  options: SessionAdapterOptions,
  config: InternalAxiosRequestConfig,
  url: string,
  token: string | null,
  { signal }: Exchange,
): Promise<AxiosResponse> {
  if (signal?.aborted === true) throw notSentError();
  if (options.apiKey !== undefined) config.headers.set(API_KEY_HEADER, options.apiKey);
  if (token !== null) config.headers.set(SESSION_TOKEN_HEADER, token);
  else config.headers.delete(SESSION_TOKEN_HEADER);
  config.signal = signal;
  return options.transport.send(config, url);
}

/** The token problem DF reported, or null (most answers, and every success, are not about the token). */
function verdictOf(response: AxiosResponse): DfAnswer | null {
  if (!TOKEN_VERDICT_STATUSES.has(response.status)) return null;
  const answer = answerOf(response, 'request');
  return answer.tokenProblem === undefined ? null : answer;
}

/** axios's settle, with the caller's validateStatus; failures become DfErrors. */
function settle(response: AxiosResponse, validate: Validate): AxiosResponse {
  if (!response.status || !validate || validate(response.status)) return response;
  throw errorFromAnswer(answerOf(response, 'request'));
}
