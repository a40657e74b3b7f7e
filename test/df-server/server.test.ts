// Server plumbing: stats, request log, injected faults, redirects, close().
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startDfServer } from './index.ts';
import type { DfServer, } from './index.ts';
import { REQUEST_LOG_LIMIT } from './stats.ts';
import { asRecord, call, login, payloadOf, serverPerTest } from './test-helpers.ts';
import { waitFor } from '../fixtures/waiting.ts';

const start = serverPerTest();

/** Raw node:http PUT so the socket-level error (ECONNRESET / socket hang up) is visible. */
function rawRefresh(srv: DfServer, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${srv.url}/api/v2/user/session`, {
      method: 'PUT',
      headers: { 'X-DreamFactory-Session-Token': token, 'X-DreamFactory-API-Key': 'test-api-key' },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('stats and request log', () => {
  it('counts requests per route, refresh attempts/successes and 401/403 responses', async () => {
    const srv = await start({ ttlSeconds: 60 });
    const token = await login(srv);
    srv.setClockOffset(1);
    const renewed = asRecord((await call(srv, 'PUT', '/user/session', { token })).body).session_token;
    await call(srv, 'PUT', '/user/session', { token }); // old token: 401 refresh failure
    await call(srv, 'GET', '/db/_table/contacts', { token }); // blacklisted: 403
    await call(srv, 'GET', '/db/_table/contacts', { token: String(renewed) });
    expect(srv.stats).toMatchObject({ requests: 5, refreshAttempts: 2, refreshSuccesses: 1, status401: 1, status403: 1 });
    expect(srv.stats.byRoute).toEqual({
      'POST /api/v2/user/session': 1,
      'PUT /api/v2/user/session': 2,
      'GET /api/v2/db/_table/contacts': 2,
    });
    srv.stats.reset();
    expect(srv.stats).toMatchObject({ requests: 0, byRoute: {}, refreshAttempts: 0, refreshSuccesses: 0, status401: 0, status403: 0 });
    await call(srv, 'PUT', '/system/admin/session');
    expect(srv.stats.refreshAttempts).toBe(1);
    expect(srv.stats.status401).toBe(1);
  });

  it('records method, path and headers; keeps only the newest 500', async () => {
    const srv = await start();
    await call(srv, 'GET', '/system/environment?x=1', { headers: { 'X-Probe': 'first' } });
    expect(srv.requestLog[0]).toMatchObject({ method: 'GET', path: '/api/v2/system/environment?x=1' });
    expect(srv.requestLog[0]?.headers['x-probe']).toBe('first');
    for (let i = 0; i < REQUEST_LOG_LIMIT + 5; i += 1) await call(srv, 'GET', `/system/environment?n=${i}`);
    expect(srv.requestLog).toHaveLength(REQUEST_LOG_LIMIT);
    expect(srv.requestLog.at(-1)?.path).toBe(`/api/v2/system/environment?n=${REQUEST_LOG_LIMIT + 4}`);
    expect(srv.stats.requests).toBe(REQUEST_LOG_LIMIT + 6);
  });
});

describe('faults on refresh PUTs', () => {
  it('http500: the next N refreshes fail with a DF envelope, then refresh works again', async () => {
    const srv = await start();
    const token = await login(srv);
    srv.setFault({ kind: 'http500', count: 2 });
    for (let i = 0; i < 2; i += 1) {
      const failed = await call(srv, 'PUT', '/user/session', { token });
      expect(failed.status).toBe(500);
      expect(asRecord(asRecord(failed.body).error)).toMatchObject({ code: 500, status_code: 500 });
    }
    // Ordinary calls are never faulted.
    expect((await call(srv, 'GET', '/db/_table/contacts', { token })).status).toBe(200);
    expect((await call(srv, 'PUT', '/user/session', { token })).status).toBe(200);
    expect(srv.stats).toMatchObject({ refreshAttempts: 3, refreshSuccesses: 1 });
  });

  it('reset: the connection is destroyed (client sees ECONNRESET / socket hang up), the token stays valid', async () => {
    const srv = await start();
    const token = await login(srv);
    srv.setFault({ kind: 'reset' });
    const error = await rawRefresh(srv, token).then(
      () => null,
      (reason: unknown) => reason as NodeJS.ErrnoException,
    );
    expect(error).not.toBeNull();
    expect(error?.code === 'ECONNRESET' || error?.message === 'socket hang up').toBe(true);
    expect(await rawRefresh(srv, token)).toBe(200);
  });

  it('delay: the refresh is answered normally after the delay; other requests are not held up', async () => {
    const srv = await start();
    const token = await login(srv);
    srv.setFault({ kind: 'delay', delayMs: 400 });
    const order: string[] = [];
    const started = Date.now();
    const refresh = call(srv, 'PUT', '/user/session', { token }).then((result) => {
      order.push('refresh');
      return result;
    });
    await call(srv, 'GET', '/system/environment').then(() => order.push('environment'));
    const result = await refresh;
    expect(result.status).toBe(200);
    expect(order).toEqual(['environment', 'refresh']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('setFault(null) clears a pending fault', async () => {
    const srv = await start();
    const token = await login(srv);
    srv.setFault({ kind: 'http500', count: 5 });
    srv.setFault(null);
    expect((await call(srv, 'PUT', '/user/session', { token })).status).toBe(200);
  });
});

describe('redirects and shutdown', () => {
  it('answers a configured path with a redirect', async () => {
    const srv = await start();
    srv.setRedirect('/api/v2/system/environment', 'https://example.invalid/api/v2/system/environment', 308);
    const response = await fetch(`${srv.url}/api/v2/system/environment`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('https://example.invalid/api/v2/system/environment');
    srv.setRedirect('/api/v2/user/session', '/elsewhere');
    expect((await fetch(`${srv.url}/api/v2/user/session`, { method: 'POST', redirect: 'manual' })).status).toBe(302);
  });

  it('close() also ends idle keep-alive connections and stops listening', async () => {
    const srv = await startDfServer();
    await call(srv, 'GET', '/system/environment'); // fetch keeps the socket alive
    await srv.close();
    await expect(fetch(`${srv.url}/api/v2/system/environment`)).rejects.toThrow();
  });

  it('close() does not wait for a delayed refresh', async () => {
    const srv = await startDfServer();
    const token = await login(srv);
    srv.setFault({ kind: 'delay', delayMs: 60_000 });
    const pending = call(srv, 'PUT', '/user/session', { token }).catch(() => 'aborted');
    await waitFor(() => srv.stats.refreshAttempts === 1, 'the PUT to arrive');
    await srv.close();
    expect(await pending).toBe('aborted');
  });
});

describe('switches a DF admin flips at runtime', () => {
  it('setAllowForever: the environment and the next tokens follow it, tokens already out keep their claim', async () => {
    const srv = await start({ allowForever: false });
    const allowed = async () => asRecord(asRecord((await call(srv, 'GET', '/system/environment')).body).authentication).allow_forever_sessions;
    expect(await allowed()).toBe(false);
    const before = await login(srv, { rememberMe: true });
    expect(payloadOf(before).forever).toBe(false);
    srv.setAllowForever(true);
    expect(await allowed()).toBe(true);
    expect(payloadOf(await login(srv, { rememberMe: true })).forever).toBe(true);
    expect(payloadOf(await login(srv, { rememberMe: false })).forever).toBe(false);
  });

  it('setRewriteRules(false): /api/v2 gets the web server’s HTML 404, /index.php/api/v2 still reaches DF', async () => {
    const srv = await start({ rewriteRules: false });
    const direct = await fetch(`${srv.url}/api/v2/system/environment`);
    expect(direct.status).toBe(404);
    expect(direct.headers.get('content-type')).toBe('text/html');
    expect(await direct.text()).toContain('<center>nginx</center>');
    const behind = await fetch(`${srv.url}/index.php/api/v2/system/environment`);
    expect(behind.status).toBe(200);
    expect(asRecord(await behind.json()).authentication).toBeDefined();
    srv.setRewriteRules(true);
    expect((await call(srv, 'GET', '/system/environment')).status).toBe(200);
  });

  it('with rewrite rules, /index.php/api/v2 answers too, as DF’s front controller does', async () => {
    const srv = await start();
    expect((await fetch(`${srv.url}/index.php/api/v2/system/environment`)).status).toBe(200);
  });
});
