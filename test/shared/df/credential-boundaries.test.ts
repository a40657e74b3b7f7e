// Over real loopback: variant spellings of the session path never reach the server as PUT/DELETE through `http`
// (issue 8 item 6, library part), and same-origin redirects leaving the instance's API are not followed, so the
// API key, the token and a sign-in's password stay inside `<instance path>/api/v2/` (issue 8 item 11).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/index.ts';
import { REDACTED } from '../../../shared/secrets.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { CONTACTS, MemoryTokenStore, harness, hasDfHeaders, makeClient, pauseTimers } from './helpers.ts';
import { dfToken, json, scriptedServer, sessionAnswer } from './loopback.ts';

describe('session path variants through http (issue 8 item 6)', () => {
  it('issue 8.6: PUT and DELETE on variant spellings of the session path are refused before anything is sent', async () => {
    const h = await harness('latest');
    await h.client.login(JANE);
    const token = h.store.value;
    h.server.stats.reset();
    h.server.requestLog.length = 0;
    const variants = ['/user//session', '/user/./session', '/%75ser/session', '/USER/Session/', '/system//admin/session'];
    for (const variant of variants) {
      expect((await rejection(h.client.http.put(variant), DfError)).kind).toBe('bad-request');
      expect((await rejection(h.client.http.delete(variant), DfError)).kind).toBe('bad-request');
    }
    expect((await rejection(h.client.http.put(`${h.server.url}/api/user/session`), DfError)).kind).toBe('bad-request');
    expect(h.server.requestLog).toHaveLength(0);
    // The session is untouched: same token, still good.
    expect(h.store.value).toBe(token);
    expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
  });

  it('issue 8.6: a session object read through a variant spelling comes back with its tokens hidden', async () => {
    const clock = new ManualClock();
    const server = await scriptedServer((req, res) => {
      if (req.method === 'POST' && req.url === '/api/v2/user/session') sessionAnswer(res, dfToken(clock, 60));
      else sessionAnswer(res, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.echoed-token-signature');
    });
    const client = makeClient(server.url, new MemoryTokenStore(), { clock, timers: pauseTimers(clock) });
    await client.login(JANE);
    for (const variant of ['/user//session', '/%75ser/session', '/USER/Session/']) {
      const { data } = await client.http.get(variant);
      expect(data).toMatchObject({ session_token: REDACTED, session_id: REDACTED });
    }
  });
});

/** An instance under a sub-path (`<url>/df`): signs in, and answers each GET by `route`. */
async function subPathInstance(route: (path: string, req: IncomingMessage, res: ServerResponse) => void) {
  const clock = new ManualClock();
  const server = await scriptedServer((req, res) => {
    const path = req.url ?? '';
    if (req.method === 'POST' && path === '/df/api/v2/user/session') sessionAnswer(res, dfToken(clock, 60));
    else route(path, req, res);
  });
  const store = new MemoryTokenStore();
  const client = makeClient(`${server.url}/df`, store, { clock, timers: pauseTimers(clock) });
  return { server, store, client };
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location, 'content-length': 0 });
  res.end();
}

describe('redirects stay inside the API (issue 8 item 11)', () => {
  it.each([
    '/other/api/v2/db/_table/contacts',
    '/status',
    '/api/v2x/db/_table/contacts',
    '/api/v2/../status',
    '/api/v2/%2e%2e/%2e%2e/other',
    '/api/v2%2F..%2F..%2Fother',
  ])('issue 8.11: root instance: a same-origin redirect to %s is not followed, nothing is sent there', async (location) => {
    const h = await harness('latest');
    await h.client.login(JANE);
    h.server.setRedirect('/api/v2/db/_table/moved', location, 302);
    h.server.requestLog.length = 0;
    const error = await rejection(h.client.http.get('/db/_table/moved'), DfError);
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect(error.message).toMatch(/outside the DreamFactory API/);
    expect(h.server.requestLog.map((entry) => entry.path)).toEqual(['/api/v2/db/_table/moved']);
    expect(h.client.status().state).toBe('active');
  });

  it('issue 8.11: root instance: a sign-in redirected (307) outside the API is not followed: no password, no key there', async () => {
    const h = await harness('latest');
    h.server.setRedirect('/api/v2/user/session', '/login/user/session', 307);
    const error = await rejection(h.client.login(JANE), DfError);
    expect(error.kind).toBe('http');
    expect(h.server.requestLog.map((entry) => entry.path)).toEqual(['/api/v2/user/session']);
  });

  it('issue 8.11: sub-path instance: redirects out of <path>/api/v2 (to another app, or to the host’s own /api/v2) are not followed', async () => {
    const { server, store, client } = await subPathInstance((path, _req, res) => {
      if (path === '/df/api/v2/db/a') redirect(res, 302, '/other/api/v2/db/a');
      else if (path === '/df/api/v2/db/b') redirect(res, 307, '/api/v2/db/b');
      else if (path === '/df/api/v2/db/c') redirect(res, 301, 'c2?limit=1');
      else json(res, 200, { resource: [] });
    });
    await client.login(JANE);
    for (const path of ['/db/a', '/db/b']) {
      const error = await rejection(client.http.get(path), DfError);
      expect(error.kind).toBe('http');
      expect(error.message).toMatch(/outside the DreamFactory API/);
    }
    const outside = server.exchanges.filter((exchange) => !exchange.path.startsWith('/df/api/v2/'));
    expect(outside).toEqual([]);
    // A redirect inside the instance's API is still followed, with the credentials.
    expect((await client.http.get('/db/c')).status).toBe(200);
    const followed = server.exchanges.at(-1);
    expect(followed?.path).toBe('/df/api/v2/db/c2?limit=1');
    expect(followed?.headers['x-dreamfactory-session-token']).toBe(store.value);
    expect(followed?.headers['x-dreamfactory-api-key']).toBe(API_KEY);
    expect(server.exchanges.filter((exchange) => exchange.path.startsWith('/df/') === false && hasDfHeaders(exchange.headers))).toEqual([]);
  });
});
