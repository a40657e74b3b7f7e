// Refresh behaviour over real loopback HTTP on every era: single flight, server clock skew, faults, the
// refresh window, shared token stores, and no loops.
import axios from 'axios';
import type { AxiosAdapter } from 'axios';
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/index.ts';
import { CONTACTS, ERAS, MemoryTokenStore, harness, makeClient, pauseTimers, plainServer } from './helpers.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { nextTurn } from '../../fixtures/waiting.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { JANE } from '../../fixtures/users.ts';

const GET_CONTACTS = 'GET /api/v2/db/_table/contacts';
const range = (n: number) => Array.from({ length: n }, (_, index) => index);

describe.each(ERAS)('refresh on DF %s', (era) => {
  it('storm: 100 concurrent requests once the token is due → one PUT, saved before any request is released', async () => {
    // GETs handed to the socket layer: counted when sent, not when the server happens to have read them.
    let getsSent = 0;
    const io = axios.getAdapter(['http', 'fetch']);
    const counting: AxiosAdapter = (config) => {
      if (config.method?.toLowerCase() === 'get') getsSent++;
      return io(config);
    };
    const h = await harness(era, { client: { refreshLeewaySeconds: 0.5, adapter: counting } });
    await h.client.login(JANE);
    const oldToken = h.store.value;
    h.server.stats.reset();
    const getsWhenSaved: number[] = [];
    const save = h.store.save.bind(h.store);
    h.store.save = async (token) => {
      await nextTurn(); // a request released before the save has reached the socket layer by now
      getsWhenSaved.push(getsSent);
      await save(token);
    };
    h.advance(1.6); // inside the leeway, not expired (exp at 2 s)
    const responses = await Promise.all(range(100).map(() => h.client.http.get(CONTACTS, { params: { limit: 1 } })));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(h.server.stats.byRoute['PUT /api/v2/user/session']).toBe(1);
    expect(h.server.stats.status401).toBe(0);
    expect(getsWhenSaved).toEqual([0]);
    const newToken = h.store.value;
    expect(newToken).not.toBe(oldToken);
    const gets = h.server.requestLog.filter((entry) => entry.method === 'GET');
    expect(gets).toHaveLength(100);
    expect(gets.every((entry) => entry.headers['x-dreamfactory-session-token'] === newToken)).toBe(true);
    expect(h.client.status()).toMatchObject({ state: 'active', refreshCount: 1 });
  });

  it('storm after expiry the client did not foresee (server clock jumped): one PUT for 100 × 401', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.stats.reset();
    h.server.setClockOffset(2.5); // only the server moves: every request meets "Token has expired"
    const outcomes = await Promise.allSettled(range(100).map(() => h.client.http.get(CONTACTS, { params: { limit: 1 } })));
    expect(h.server.stats.refreshAttempts).toBe(1);
    if (era === '2.14') {
      // DF 2.9–2.14 cannot refresh an expired token (its PUT answers "Token has expired"): terminal there.
      expect(outcomes.every((o) => o.status === 'rejected' && (o.reason as DfError).kind === 'session-ended')).toBe(true);
      expect(h.ended).toHaveLength(1);
      expect(h.client.status().state).toBe('needs-sign-in');
    } else {
      expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
      expect(h.server.stats.byRoute[GET_CONTACTS]).toBe(200); // each request: one try, one retry
      expect(h.ended).toHaveLength(0);
    }
  });

  it.each([600, -600])('server clock %i s off: refreshes before exp on the server clock, no request sees a 401', async (offset) => {
    const h = await harness(era, { server: { clockOffsetSeconds: offset }, client: { refreshLeewaySeconds: 0.6 } });
    await h.client.login(JANE);
    expect(Math.abs((h.client.status().serverClockOffsetMs ?? 0) - offset * 1000)).toBeLessThan(200);
    for (const _ of range(10)) {
      h.advance(0.5);
      expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    }
    expect(h.server.stats.status401).toBe(0);
    // Due at 1.4 s of each 2 s token: refreshed at 1.5, 3.0 and 4.5 s — not on every request (a clock read the
    // wrong way round would refresh 10 times), not too late (that would show as 401s). Client and server share
    // one manual clock, so no real time slips in between the steps.
    expect(h.server.stats.refreshAttempts).toBe(3);
    expect(h.server.stats.refreshSuccesses).toBe(3);
  });

  it('default leeway is a tenth of the token lifetime (capped at 60 s)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.advance(1.7);
    await h.client.http.get(CONTACTS, { params: { limit: 1 } });
    expect(h.server.stats.refreshAttempts).toBe(0);
    h.advance(0.15); // 1.85 s of 2 s: inside the 0.2 s leeway
    await h.client.http.get(CONTACTS, { params: { limit: 1 } });
    expect(h.server.stats.refreshAttempts).toBe(1);
  });

  it.each([
    ['http500', 'server'],
    ['reset', 'network'],
  ] as const)('a refresh failing with %s keeps token and session; the next request recovers', async (fault, kind) => {
    const h = await harness(era, { client: { refreshLeewaySeconds: 1 } });
    await h.client.login(JANE);
    const token = h.store.value;
    h.advance(1.2);
    h.server.setFault({ kind: fault, count: 1 });
    const errors = await Promise.all(range(5).map(() => rejection(h.client.http.get(CONTACTS), DfError)));
    expect(errors.map((error) => error.kind)).toEqual(range(5).map(() => kind));
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(h.store.value).toBe(token);
    expect(h.store.clears).toBe(0);
    expect(h.ended).toHaveLength(0);
    expect(h.client.status()).toMatchObject({ state: 'active', lastError: { kind } });
    const response = await h.client.http.get(CONTACTS, { params: { limit: 1 } });
    expect(response.status).toBe(200);
    expect(h.server.stats.refreshAttempts).toBe(2);
    expect(h.server.stats.refreshSuccesses).toBe(1);
    expect(h.store.value).not.toBe(token);
    expect(h.client.status().lastError).toBeUndefined();
  });

  it('a slow refresh (delay) holds the waiting requests; one PUT serves them all', async () => {
    const h = await harness(era, { client: { refreshLeewaySeconds: 1 } });
    await h.client.login(JANE);
    h.advance(1.2);
    h.server.setFault({ kind: 'delay', delayMs: 300, count: 1 });
    const states: string[] = [];
    const unsubscribe = h.client.onStatusChange((status) => states.push(status.state));
    const responses = await Promise.all(range(20).map(() => h.client.http.get(CONTACTS, { params: { limit: 1 } })));
    unsubscribe();
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(states[0]).toBe('refreshing');
    expect(states.at(-1)).toBe('active');
    expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(h.ended).toHaveLength(0);
  });

  it('the refresh window passing ends the session once: onSessionEnd once, store cleared, no network after', async () => {
    const h = await harness(era, { server: { refreshTtlSeconds: 5 } });
    await h.client.login(JANE);
    h.server.setClockOffset(6);
    const errors = await Promise.all(range(10).map(() => rejection(h.client.http.get(CONTACTS), DfError)));
    expect(errors.every((error) => error.kind === 'session-ended')).toBe(true);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(h.ended).toHaveLength(1);
    expect(h.ended[0]?.message).toMatch(/expired/i);
    expect(h.store.value).toBeNull();
    expect(h.client.status().state).toBe('needs-sign-in');
    h.server.stats.reset();
    for (const _ of range(3)) expect((await rejection(h.client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    expect(h.server.stats.requests).toBe(0);
    expect(h.ended).toHaveLength(1);
  });

  it('a token the client knows is past due goes straight to one PUT; a terminal answer ends the session', async () => {
    const h = await harness(era, { server: { refreshTtlSeconds: 5 } });
    await h.client.login(JANE);
    h.server.stats.reset();
    h.advance(6);
    expect((await rejection(h.client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    expect(h.server.stats.requests).toBe(1);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(h.ended).toHaveLength(1);
  });

  it('two clients sharing one token store: the other client adopts the refreshed token instead of ending', async () => {
    const clock = new ManualClock();
    const server = await dfServer({ profile: era, ttlSeconds: 3, clock });
    const store = new MemoryTokenStore();
    const ended: DfError[] = [];
    // DF 2.0: a.refresh() waits out the login's mint second, on pauseTimers (the clocks move, no real time).
    const onClock = { clock, timers: pauseTimers(clock), onSessionEnd: (error: DfError) => ended.push(error) };
    const a = makeClient(server.url, store, onClock);
    const b = makeClient(server.url, store, onClock);
    await a.login(JANE);
    server.stats.reset();
    expect((await b.resume()).state).toBe('active');
    expect(server.stats.requests).toBe(0);
    const first = store.value;
    await a.refresh(); // the server blacklists the first token
    const second = store.value;
    expect(second).not.toBe(first);
    server.stats.reset();
    const response = await b.http.get(CONTACTS, { params: { limit: 1 } });
    expect(response.status).toBe(200);
    expect(server.stats.status403).toBe(1); // B's first try with the blacklisted token
    expect(server.stats.refreshAttempts).toBe(0);
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBe(second);
    expect((await a.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(ended).toHaveLength(0);
    expect(store.value).toBe(second);
  });

  it('refresh() sends one bodiless PUT with the old token, also when called concurrently', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const oldToken = h.store.value;
    h.advance(1);
    const [status] = await Promise.all([h.client.refresh(), h.client.refresh(), h.client.refresh()]);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(status).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(status?.lastRefreshAt).toBeTypeOf('number');
    const put = h.server.requestLog.at(-1);
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe('/api/v2/user/session');
    expect(put?.headers['x-dreamfactory-session-token']).toBe(oldToken);
    expect(['0', undefined]).toContain(put?.headers['content-length']);
    expect(h.store.value).not.toBe(oldToken);
  });
});

describe('no loops against a misbehaving server', () => {
  function jwt(offsetSeconds: number): string {
    const now = Date.now() / 1000 + offsetSeconds;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'HS256' })}.${encode({ sub: 'a', user_id: 1, forever: false, iat: now, nbf: now, exp: now + 60, jti: String(offsetSeconds) })}.c2ln`;
  }

  it('a server that calls every token expired gets one refresh and one retry, then the session ends', async () => {
    const calls: string[] = [];
    const server = await plainServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/api/v2/user/session' && (req.method === 'POST' || req.method === 'PUT')) {
        const token = jwt(req.method === 'POST' ? 0 : 1);
        res.end(JSON.stringify({ session_token: token, id: 1, name: 'x' }));
        return;
      }
      res.writeHead(401);
      res.end(JSON.stringify({ error: { code: 401, message: 'Token has expired', status_code: 401 } }));
    });
    const ended: DfError[] = [];
    const client = makeClient(server.url, new MemoryTokenStore(), { onSessionEnd: (error) => ended.push(error) });
    await client.login(JANE);
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    expect(calls).toEqual([
      'POST /api/v2/user/session',
      'GET /api/v2/db/_table/contacts',
      'PUT /api/v2/user/session',
      'GET /api/v2/db/_table/contacts',
    ]);
    expect(ended).toHaveLength(1);
  });

  it('a refresh answered with something that is not DF keeps the session and reports not-dreamfactory', async () => {
    let putCount = 0;
    const server = await plainServer((req, res) => {
      if (req.method === 'PUT') {
        putCount++;
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>maintenance</html>');
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(req.method === 'POST' ? { session_token: jwt(0), id: 1 } : { resource: [] }));
    });
    const store = new MemoryTokenStore();
    const clock = new ManualClock();
    const client = makeClient(server.url, store, { clock });
    await client.login(JANE);
    clock.t += 59_000; // a minute-long token with 1 s left: inside the default 6 s leeway
    const token = store.value;
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('not-dreamfactory');
    expect(putCount).toBe(1);
    expect(store.value).toBe(token);
    expect(client.status().state).toBe('active');
  });
});
