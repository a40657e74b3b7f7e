// The adapter behind client.http on a scripted transport and a fake session: which token each route gets, the
// one recovery and retry after a token verdict, refusals, and what responses and errors keep.
import axios from 'axios';
import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import type { DfAnswer } from '../../../shared/df/errors.ts';
import { DfError } from '../../../shared/df/errors.ts';
import type { SameOriginTransport } from '../../../shared/df/redirects.ts';
import type { SessionPort } from '../../../shared/df/session-adapter.ts';
import { createSessionAdapter } from '../../../shared/df/session-adapter.ts';
import { REDACTED } from '../../../shared/secrets.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';

const API_BASE = 'https://df.example.com/api/v2';
const API_KEY = 'secret-api-key-0123456789';
type Reply = { status: number; body: unknown };

function setup(reply: (url: string, token: string | undefined) => Reply) {
  const seen: { url: string; token: string | undefined; key: unknown }[] = [];
  const calls: string[] = [];
  const transport: SameOriginTransport = {
    origin: 'https://df.example.com',
    checkedUrl: (config) => `${API_BASE}${config.url ?? ''}`,
    async send(config: InternalAxiosRequestConfig, url?: string): Promise<AxiosResponse> {
      const token = config.headers.get('X-DreamFactory-Session-Token') as string | undefined;
      seen.push({ url: url ?? '', token, key: config.headers.get('X-DreamFactory-API-Key') });
      const { status, body } = reply(url ?? '', token);
      return { status, statusText: '', data: JSON.stringify(body), headers: { 'content-type': 'application/json' }, config };
    },
  };
  const session: SessionPort & { token: string; newer: string | null } = {
    token: 'tok-one',
    // What the store holds at the last chance: a token another process refreshed to, or nothing newer.
    newer: null,
    async acquire(publicCall) {
      calls.push(`acquire(${publicCall})`);
      return this.token;
    },
    async recover(sent: string, answer: DfAnswer) {
      calls.push(`recover(${sent}, ${answer.tokenProblem})`);
      this.token = 'tok-two';
      return this.token;
    },
    async lastChance(sent: string, answer: DfAnswer): Promise<string> {
      calls.push(`lastChance(${sent}, ${answer.tokenProblem})`);
      if (this.newer === null) throw new DfError('session-ended', answer.message);
      this.token = this.newer;
      return this.token;
    },
    async fail(sent: string, answer: DfAnswer): Promise<never> {
      calls.push(`fail(${sent}, ${answer.tokenProblem})`);
      throw new DfError('session-ended', answer.message);
    },
    currentToken() {
      return this.token;
    },
  };
  const timers = new ManualTimers(new ManualClock());
  const http = axios.create({
    baseURL: API_BASE,
    adapter: createSessionAdapter({ session, transport, apiBase: API_BASE, apiKey: API_KEY, timers }),
  });
  return { http, seen, calls, timers, session };
}

const ok: Reply = { status: 200, body: { resource: [] } };
const expired: Reply = { status: 401, body: { error: { code: 401, message: 'Token has expired' } } };

describe('createSessionAdapter', () => {
  it('an ordinary call carries the key and the session’s token; the response’s config keeps neither', async () => {
    const { http, seen, calls } = setup(() => ok);
    const response = await http.get('/db/_table/contacts');
    expect(response.data).toEqual({ resource: [] });
    expect(seen).toEqual([{ url: `${API_BASE}/db/_table/contacts`, token: 'tok-one', key: API_KEY }]);
    expect(calls).toEqual(['acquire(false)']);
    expect(response.config.headers['X-DreamFactory-Session-Token']).toBeUndefined();
    expect(response.config.headers['X-DreamFactory-API-Key']).toBeUndefined();
  });

  it('a token verdict: one recovery, one retry with the new token', async () => {
    const { http, seen, calls } = setup((_url, token) => (token === 'tok-one' ? expired : ok));
    expect((await http.get('/db/_table/contacts')).status).toBe(200);
    expect(seen.map((entry) => entry.token)).toEqual(['tok-one', 'tok-two']);
    expect(calls).toEqual(['acquire(false)', 'recover(tok-one, expired)']);
  });

  it('a token verdict on the retry too, nothing newer in the store: the session ends, no further request', async () => {
    const { http, seen, calls } = setup(() => expired);
    await expect(http.get('/db/_table/contacts')).rejects.toMatchObject({ kind: 'session-ended' });
    expect(seen).toHaveLength(2);
    expect(calls).toEqual(['acquire(false)', 'recover(tok-one, expired)', 'lastChance(tok-two, expired)']);
  });

  it('the retry’s token refreshed away by another process: one last try with its token, and no more', async () => {
    const blacklisted: Reply = { status: 403, body: { error: { code: 403, message: 'The token has been blacklisted' } } };
    const good = setup((_url, token) => (token === 'tok-three' ? ok : blacklisted));
    good.session.newer = 'tok-three';
    expect((await good.http.get('/db/_table/contacts')).status).toBe(200);
    expect(good.seen.map((entry) => entry.token)).toEqual(['tok-one', 'tok-two', 'tok-three']);
    expect(good.calls).toEqual(['acquire(false)', 'recover(tok-one, blacklisted)', 'lastChance(tok-two, blacklisted)']);
    const dead = setup(() => blacklisted);
    dead.session.newer = 'tok-three';
    await expect(dead.http.get('/db/_table/contacts')).rejects.toMatchObject({ kind: 'session-ended' });
    expect(dead.seen).toHaveLength(3);
    expect(dead.calls.at(-1)).toBe('fail(tok-three, blacklisted)');
  });

  it('a public call with a rejected token is retried without one, and the session is left alone', async () => {
    const { http, seen, calls } = setup((_url, token) => (token === undefined ? ok : expired));
    expect((await http.get('/system/environment')).status).toBe(200);
    expect(seen.map((entry) => entry.token)).toEqual(['tok-one', undefined]);
    expect(calls).toEqual(['acquire(true)']);
  });

  it('refuses PUT and DELETE on the session path without sending anything', async () => {
    const { http, seen } = setup(() => ok);
    await expect(http.put('/user/session')).rejects.toThrow(/Use refresh\(\)/);
    await expect(http.delete('/user/session')).rejects.toThrow(/Use logout\(\)/);
    expect(seen).toHaveLength(0);
  });

  it.each(['/user//session', '/%75ser/session', '/USER/Session/', '/user/./session', '/system//admin/session'])(
    'issue 8.6: refuses PUT and DELETE on %s (DF reads it as the session path) without sending anything',
    async (variant) => {
      const { http, seen } = setup(() => ok);
      await expect(http.put(variant)).rejects.toThrow(/Use refresh\(\)/);
      await expect(http.delete(variant)).rejects.toThrow(/Use logout\(\)/);
      expect(seen).toHaveLength(0);
    },
  );

  it('issue 8.6: a session object read through a variant spelling of the path has its tokens hidden too', async () => {
    const { http, seen } = setup(() => ({ status: 200, body: { id: 1, session_token: 'eyJ.the.token', session_id: 'eyJ.the.token' } }));
    for (const variant of ['/user//session', '/%75ser/session?x=1', '/system/admin/./session']) {
      expect((await http.get(variant)).data).toEqual({ id: 1, session_token: REDACTED, session_id: REDACTED });
    }
    expect((await http.post('/user//session', { email: 'j@x', password: 'pw' })).data).toMatchObject({ session_token: REDACTED });
    expect(seen.at(-1)?.token).toBeUndefined();
  });

  it('session objects: a sign-in goes without a token, and tokens in the answer are hidden', async () => {
    const { http, seen } = setup(() => ({ status: 200, body: { id: 1, session_token: 'eyJ.new.token', session_id: 'eyJ.new.token' } }));
    const response = await http.post('/user/session', { email: 'j@x', password: 'pw' });
    expect(response.data).toEqual({ id: 1, session_token: REDACTED, session_id: REDACTED });
    expect(seen[0]?.token).toBeUndefined();
    await http.get('/user/session');
    expect(seen[1]?.token).toBe('tok-one');
  });

  it('failures honour validateStatus and never quote the key or a token sent', async () => {
    const { http } = setup(() => ({ status: 404, body: { error: { code: 404, message: `No such table (${API_KEY}, tok-one)` } } }));
    const error = await rejection(http.get('/db/_table/nope'), DfError);
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).not.toContain('tok-one');
    expect((await http.get('/db/_table/nope', { validateStatus: () => true })).status).toBe(404);
  });
});
