// Sign-in, refresh and sign-out requests on a scripted transport: what is sent, how each answer is read, and
// that no error keeps the password, the API key or the token.
import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/errors.ts';
import type { SameOriginTransport } from '../../../shared/df/redirects.ts';
import { createSessionCalls, loginBody } from '../../../shared/df/session-calls.ts';
import { token } from './engine-fixtures.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';

const API_KEY = 'secret-api-key-0123456789';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, unknown>;
  data: unknown;
}

function setup(answer: (sent: Sent) => { status: number; body: unknown; type?: string } | Error) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const sent: Sent[] = [];
  const transport: SameOriginTransport = {
    origin: 'https://df.example.com',
    checkedUrl: (config) => config.url ?? '',
    async send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
      const request = { method: config.method ?? '', url: config.url ?? '', headers: config.headers.toJSON(), data: config.data };
      sent.push(request);
      clock.t += 40; // the request takes 40 ms
      const reply = answer(request);
      if (reply instanceof Error) throw reply;
      const data = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      return { status: reply.status, statusText: '', data, headers: { 'content-type': reply.type ?? 'application/json' }, config };
    },
  };
  const calls = createSessionCalls({
    transport,
    apiBase: 'https://df.example.com/api/v2',
    audience: 'user',
    apiKey: API_KEY,
    clock,
    timers,
    timeoutMs: 1000,
  });
  return { calls, sent, clock, timers };
}

const dfError = (status: number, message: string) => ({ status, body: { error: { code: status, message, status_code: status } } });

describe('loginBody', () => {
  it('trims the name, sends remember_me as a JSON boolean, and keeps the password as typed', () => {
    expect(loginBody({ email: ' jane@example.com ', password: ' pw ' })).toEqual({
      email: 'jane@example.com',
      password: ' pw ',
      remember_me: false,
    });
    expect(loginBody({ username: 'jane', password: 'pw', rememberMe: true })).toEqual({ username: 'jane', password: 'pw', remember_me: true });
  });

  it('needs an email or a username', () => {
    expect(() => loginBody({ email: '  ', password: 'pw' })).toThrow(/email or a username/);
  });
});

describe('createSessionCalls', () => {
  it('login: POST with the API key and no token; the session, its claims and the request’s times come back', async () => {
    const issued = token({ mint: 1_000_000 });
    const { calls, sent, clock } = setup(() => ({ status: 200, body: { session_token: issued, id: 1, name: 'Jane' } }));
    const before = clock.t;
    const signedIn = await calls.login({ email: 'jane@example.com', password: 'pw' });
    expect(signedIn).toMatchObject({ wire: { id: 1, name: 'Jane', session_token: issued }, sentAt: before, receivedAt: before + 40 });
    expect(signedIn.claims.exp).toBe(1_000_060);
    expect(sent[0]).toMatchObject({ method: 'post', url: '/user/session' });
    expect(sent[0]?.headers['X-DreamFactory-API-Key']).toBe(API_KEY);
    expect(sent[0]?.headers['X-DreamFactory-Session-Token']).toBeUndefined();
  });

  it('login: a refusal quoting the password and the key keeps neither', async () => {
    const { calls } = setup((request) => dfError(401, `Invalid credentials supplied. ${String(request.data)} ${API_KEY}`));
    const error = await rejection(calls.login({ email: 'jane@example.com', password: 'hunter2-secret' }), DfError);
    expect(error).toMatchObject({ kind: 'bad-credentials', status: 401 });
    expect(error.message).not.toContain('hunter2-secret');
    expect(error.message).not.toContain(API_KEY);
  });

  it('login: a 200 that is not a DF session is not-dreamfactory', async () => {
    const { calls } = setup(() => ({ status: 200, body: '<html></html>', type: 'text/html' }));
    await expect(calls.login({ email: 'j@x', password: 'pw' })).rejects.toMatchObject({ kind: 'not-dreamfactory' });
  });

  it('refresh: PUT with the token; a new session is ok, a DF refusal is an answer to judge', async () => {
    const old = token({ mint: 1_000_000 });
    const fresh = token({ mint: 1_000_050 });
    let refuse = false;
    const { calls, sent } = setup(() => (refuse ? dfError(401, 'Token refresh failed. Token has been blacklisted') : { status: 200, body: { session_token: fresh, id: 1 } }));
    expect(await calls.refresh(old)).toMatchObject({ ok: true, token: fresh, claims: { exp: 1_000_110 } });
    expect(sent[0]).toMatchObject({ method: 'put', url: '/user/session', data: undefined });
    expect(sent[0]?.headers['X-DreamFactory-Session-Token']).toBe(old);
    refuse = true;
    expect(await calls.refresh(old)).toMatchObject({ ok: false, answer: { status: 401, tokenProblem: 'refresh-failed' } });
  });

  it('refresh: no answer or a non-DF answer rejects without the token or the key', async () => {
    const old = token({ mint: 1_000_000 });
    const failure = Object.assign(new Error(`connect ECONNREFUSED ${API_KEY} ${old}`), { code: 'ECONNREFUSED' });
    const down = setup(() => failure);
    const error = await rejection(down.calls.refresh(old), DfError);
    expect(error).toMatchObject({ kind: 'network' });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(API_KEY);
    const html = setup(() => ({ status: 200, body: 'maintenance', type: 'text/html' }));
    await expect(html.calls.refresh(old)).rejects.toMatchObject({ kind: 'not-dreamfactory' });
  });

  it('logout: DELETE with the token', async () => {
    const { calls, sent } = setup(() => ({ status: 200, body: { success: true } }));
    await calls.logout('tok-1234');
    expect(sent[0]).toMatchObject({ method: 'delete', url: '/user/session' });
    expect(sent[0]?.headers['X-DreamFactory-Session-Token']).toBe('tok-1234');
  });
});
