/**
 * The three ways of keeping a DF session alive that the storm benchmark compares. Each contender signs in,
 * then exposes `get(path)` for the storm. Only DF Desk's client is ours; the other two are set up the way
 * their authors (or a typical hand-written interceptor) would.
 */
import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { type AxiosAuthRefreshRequestConfig, createAuthRefresh } from 'axios-auth-refresh';
import { type Clock, createDfClient, type DfClient } from '../../shared/df/index.ts';
import { JANE } from '../fixtures/users.ts';

type RetryableConfig = Partial<InternalAxiosRequestConfig> & { retried?: boolean };

export interface Contender {
  get(path: string): Promise<unknown>;
  dispose(): void;
}

const API_KEY_HEADER = 'X-DreamFactory-API-Key';
const TOKEN_HEADER = 'X-DreamFactory-Session-Token';
const credentials = JANE;

function memoryTokens(): { load(): Promise<string | null>; save(t: string): Promise<void>; clear(): Promise<void> } {
  let token: string | null = null;
  return {
    load: async () => token,
    save: async (t) => {
      token = t;
    },
    clear: async () => {
      token = null;
    },
  };
}

/** `clock`: the client's clock (default real time); the storm test passes the DF test server's manual clock. */
export async function dfDeskContender(baseURL: string, apiKey: string, keepAlive: boolean, clock?: Clock): Promise<Contender> {
  const client: DfClient = createDfClient({ baseURL, apiKey, tokens: memoryTokens(), keepAlive, clock });
  await client.login({ ...credentials, rememberMe: true });
  return { get: (path) => client.http.get(path), dispose: () => client.dispose() };
}

async function signIn(api: AxiosInstance): Promise<string> {
  const response = await api.post('/user/session', { ...credentials, remember_me: true });
  return (response.data as { session_token: string }).session_token;
}

/** A fresh instance with the token injected from a variable: what most hand-written DF clients do. */
function tokenInjectingInstance(baseURL: string, apiKey: string, token: () => string): AxiosInstance {
  const api = axios.create({ baseURL: `${baseURL}/api/v2`, headers: { [API_KEY_HEADER]: apiKey } });
  api.interceptors.request.use((config: InternalAxiosRequestConfig) => {
    config.headers.set(TOKEN_HEADER, token());
    return config;
  });
  return api;
}

/** axios-auth-refresh v5 as its README recommends: refresh on 401 (here with DF's PUT), then retry the stalled requests. */
export async function authRefreshContender(baseURL: string, apiKey: string): Promise<Contender> {
  let token = '';
  const api = tokenInjectingInstance(baseURL, apiKey, () => token);
  token = await signIn(api);
  createAuthRefresh(api, async (failedRequest: { response: { config: InternalAxiosRequestConfig } }) => {
    const skip: AxiosAuthRefreshRequestConfig = { skipAuthRefresh: true };
    const response = await api.put('/user/session', undefined, skip);
    token = (response.data as { session_token: string }).session_token;
    failedRequest.response.config.headers.set(TOKEN_HEADER, token);
  });
  return { get: (path) => api.get(path), dispose: () => undefined };
}

/** The naive interceptor: every 401 sends its own refresh, then retries once with whatever token it got. */
export async function naiveContender(baseURL: string, apiKey: string): Promise<Contender> {
  let token = '';
  const api = tokenInjectingInstance(baseURL, apiKey, () => token);
  token = await signIn(api);
  api.interceptors.response.use(undefined, async (error: unknown) => {
    if (!axios.isAxiosError(error) || error.response?.status !== 401 || !error.config) throw error;
    const config: RetryableConfig = error.config;
    if (config.retried) throw error;
    config.retried = true;
    // The refresh itself must not be intercepted, or a failed refresh would refresh again forever.
    const refreshConfig: RetryableConfig = { retried: true };
    const response = await api.put('/user/session', undefined, refreshConfig);
    token = (response.data as { session_token: string }).session_token;
    return api.request(config);
  });
  return { get: (path) => api.get(path), dispose: () => undefined };
}
