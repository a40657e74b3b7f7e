// Shared helpers for the df-server tests: real HTTP calls over loopback (fetch), token decoding.
import { afterEach } from 'vitest';
import { ADMIN, API_KEY, JANE } from '../fixtures/users.ts';
import { startDfServer } from './server.ts';
import type { DfServer, DfServerOptions } from './types.ts';

/** One DF test server per test, closed after it. Call once at the top of a test file; use what it returns. */
export function serverPerTest(): (options?: DfServerOptions) => Promise<DfServer> {
  const started: DfServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return async (options = {}) => {
    const server = await startDfServer(options);
    started.push(server);
    return server;
  };
}

export interface CallOptions {
  token?: string;
  apiKey?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: unknown;
  headers: Headers;
}


/** Calls `${server.url}/api/v2${path}`; sends the default API key unless apiKey is null. */
export async function call(server: DfServer, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const apiKey = options.apiKey === undefined ? API_KEY : options.apiKey;
  if (apiKey !== null) headers['X-DreamFactory-API-Key'] = apiKey;
  if (options.token !== undefined) headers['X-DreamFactory-Session-Token'] = options.token;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${server.url}/api/v2${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
}

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function errorOf(result: CallResult): Record<string, unknown> {
  return asRecord(asRecord(result.body).error);
}

/** Status plus the error message (or 'ok' for a 2xx), handy for table-driven expectations. */
export function outcome(result: CallResult): [number, string] {
  if (result.status >= 200 && result.status < 300) return [result.status, 'ok'];
  return [result.status, String(errorOf(result).message)];
}

export function resourceOf(result: CallResult): Record<string, unknown>[] {
  const resource = asRecord(result.body).resource;
  if (!Array.isArray(resource)) throw new Error('no resource array');
  return resource.map(asRecord);
}

export interface LoginOptions {
  email?: string;
  password?: string;
  admin?: boolean;
  rememberMe?: unknown;
  apiKey?: string | null;
}

export async function loginSession(server: DfServer, options: LoginOptions = {}): Promise<Record<string, unknown>> {
  const admin = options.admin === true;
  const credentials = admin ? ADMIN : JANE;
  const body: Record<string, unknown> = {
    email: options.email ?? credentials.email,
    password: options.password ?? credentials.password,
  };
  if (options.rememberMe !== undefined) body.remember_me = options.rememberMe;
  const result = await call(server, 'POST', admin ? '/system/admin/session' : '/user/session', {
    body,
    apiKey: options.apiKey,
  });
  if (result.status !== 200) throw new Error(`login failed: ${result.status} ${JSON.stringify(result.body)}`);
  return asRecord(result.body);
}

export async function login(server: DfServer, options: LoginOptions = {}): Promise<string> {
  return String((await loginSession(server, options)).session_token);
}

export function payloadOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return asRecord(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
}

/** Current server time as the server sees it (for offsets relative to a token's iat). */
export function nowSeconds(): number {
  return Date.now() / 1000;
}
