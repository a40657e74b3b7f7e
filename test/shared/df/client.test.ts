import { REDACTED } from '../../../shared/secrets.ts';
// createDfClient over real loopback HTTP against test/df-server, on every era: login, headers, logout,
// terminal answers, public endpoints, and what errors may contain.
import { describe, expect, it } from 'vitest';
import { DfError, createDfClient } from '../../../shared/df/index.ts';
import { CONTACTS, ERAS, MemoryTokenStore, harness, makeClient, plainServer } from './helpers.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { closedPort, dfServer } from '../../fixtures/servers.ts';
import { ADMIN, API_KEY, JANE } from '../../fixtures/users.ts';

function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode(claims)}.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg`;
}

describe.each(ERAS)('DfClient on DF %s', (era) => {
  it('login resolves to session info without the token, and stores the token', async () => {
    const h = await harness(era);
    const info = await h.client.login(JANE);
    const token = h.store.value;
    expect(token).toMatch(/^eyJ/);
    expect(info).toMatchObject({ id: 1, name: 'Jane Doe', email: 'jane@example.com', is_sys_admin: false, forever: false });
    expect(JSON.stringify(info)).not.toContain(token);
    expect(Object.keys(info)).not.toContain('session_token');
    expect(Object.keys(info)).not.toContain('session_id');
    expect(info.expiresAt).toBeGreaterThan(h.clock.now() + 1000);
    expect(info.expiresAt).toBeLessThanOrEqual(h.clock.now() + 2000);
    expect(h.client.status()).toMatchObject({ state: 'active', userId: 1, refreshCount: 0, forever: false });
    expect(JSON.stringify(h.client.status())).not.toContain(token);
  });

  it('sends the API key and token on calls to its own origin, and the login without a token', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const response = await h.client.http.get(CONTACTS, { params: { limit: 1 } });
    expect(response.status).toBe(200);
    const [loginRequest, dataRequest] = h.server.requestLog;
    expect(loginRequest?.headers['x-dreamfactory-api-key']).toBe(API_KEY);
    expect(loginRequest?.headers['x-dreamfactory-session-token']).toBeUndefined();
    expect(dataRequest?.headers['x-dreamfactory-api-key']).toBe(API_KEY);
    expect(dataRequest?.headers['x-dreamfactory-session-token']).toBe(h.store.value);
    // The response's config must not keep the credentials around for loggers.
    expect(response.config.headers['X-DreamFactory-Session-Token']).toBeUndefined();
  });

  it('remember me yields a forever token only where the server allows it', async () => {
    const allowed = await harness(era, { server: { allowForever: true } });
    expect((await allowed.client.login({ ...JANE, rememberMe: true })).forever).toBe(true);
    expect(allowed.client.status().forever).toBe(true);
    const ignored = await harness(era);
    expect((await ignored.client.login({ ...JANE, rememberMe: true })).forever).toBe(false);
  });

  it('wrong password → bad-credentials, nothing stored', async () => {
    const h = await harness(era);
    const error = await rejection(h.client.login({ email: JANE.email, password: 'nope' }), DfError);
    expect(error).toBeInstanceOf(DfError);
    expect(error).toMatchObject({ kind: 'bad-credentials', status: 401, message: 'Invalid credentials supplied.' });
    expect(h.store.saves).toBe(0);
    expect(h.client.status().state).toBe('signed-out');
  });

  it('admin audience signs in and refreshes on system/admin/session; an admin cannot use user/session', async () => {
    const h = await harness(era, { client: { audience: 'admin', refreshLeewaySeconds: 0.5 } });
    const info = await h.client.login(ADMIN);
    expect(info.is_sys_admin).toBe(true);
    h.advance(1.6);
    await h.client.http.get(CONTACTS, { params: { limit: 1 } });
    expect(h.server.stats.byRoute['PUT /api/v2/system/admin/session']).toBe(1);
    expect(h.server.stats.byRoute['PUT /api/v2/user/session']).toBeUndefined();
    const userAudience = makeClient(h.server.url, new MemoryTokenStore());
    expect((await rejection(userAudience.login(ADMIN), DfError)).kind).toBe('bad-credentials');
  });

  it('a blacklisted token ends the session once: store cleared, onSessionEnd once, no network after', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.blacklistToken(h.store.value!);
    const errors = await Promise.all(Array.from({ length: 5 }, () => rejection(h.client.http.get(CONTACTS), DfError)));
    for (const error of errors) expect(error.kind).toBe('session-ended');
    expect(errors[0]?.message).toMatch(/blacklisted/);
    expect(h.ended).toHaveLength(1);
    expect(h.ended[0]?.kind).toBe('session-ended');
    expect(h.store.value).toBeNull();
    expect(h.client.status()).toMatchObject({ state: 'needs-sign-in' });
    expect(h.client.status().endedReason).toMatch(/blacklisted/);
    // Re-read once before giving up (another writer could have refreshed).
    expect(h.store.loads).toBeGreaterThanOrEqual(1);
    h.server.stats.reset();
    expect((await rejection(h.client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    expect((await rejection(h.client.refresh(), DfError)).kind).toBe('session-ended');
    expect(h.server.stats.requests).toBe(0);
    expect(h.ended).toHaveLength(1);
  });

  it('revoking the user (password change) ends the session too', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.revokeUser(JANE.email);
    expect((await rejection(h.client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    expect(h.ended).toHaveLength(1);
  });

  it('a new login after the session ended starts afresh (and may end again once)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.blacklistToken(h.store.value!);
    await rejection(h.client.http.get(CONTACTS), DfError);
    // DF 2.0 derives jti from the mint second: a new token in the same second would share the blacklisted jti.
    h.advance(1);
    await h.client.login(JANE);
    expect(h.client.status().state).toBe('active');
    expect((await h.client.http.get(CONTACTS)).status).toBe(200);
    h.server.blacklistToken(h.store.value!);
    await rejection(h.client.http.get(CONTACTS), DfError);
    expect(h.ended).toHaveLength(2);
  });

  it('never sends a known-expired token to public endpoints (environment, session DELETE)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.advance(2.5);
    h.server.stats.reset();
    const response = await h.client.http.get('/system/environment');
    expect(response.status).toBe(200);
    const envRequest = h.server.requestLog.at(-1);
    expect(envRequest?.path).toBe('/api/v2/system/environment');
    expect(envRequest?.headers['x-dreamfactory-session-token']).toBeUndefined();
    expect(envRequest?.headers['x-dreamfactory-api-key']).toBe(API_KEY);
    expect(h.server.stats.status401).toBe(0);
    // Logout with an expired token: nothing to invalidate, so no DELETE carrying it.
    await h.client.logout();
    expect(h.server.requestLog.some((entry) => entry.headers['x-dreamfactory-session-token'] !== undefined && entry.path.includes('session'))).toBe(false);
    expect(h.client.status().state).toBe('signed-out');
    expect(h.server.stats.refreshAttempts).toBe(0);
  });

  it('sends a valid token to public endpoints (DF then tells the version)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    await h.client.http.get('/system/environment');
    expect(h.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBe(h.store.value);
  });

  it('logout invalidates the token on the server and clears the store, without onSessionEnd', async () => {
    // The app's default role reaches nothing here, so the guest call below is refused by DF, not by the client.
    const h = await harness(era, { server: { guestRole: false } });
    await h.client.login(JANE);
    const token = h.store.value!;
    await h.client.logout();
    const deleteRequest = h.server.requestLog.at(-1);
    expect(deleteRequest?.method).toBe('DELETE');
    expect(deleteRequest?.headers['x-dreamfactory-session-token']).toBe(token);
    expect(h.store.value).toBeNull();
    expect(h.client.status().state).toBe('signed-out');
    expect(h.ended).toHaveLength(0);
    // Signed out: calls go out with the API key only (DF decides what a guest may do).
    const error = await rejection(h.client.http.get(CONTACTS), DfError);
    expect(error.kind).not.toBe('session-ended');
    expect(h.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBeUndefined();
  });

  it('session objects read through http never reveal the token (GET session, POST sign-in)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const token = h.store.value!;
    const current = await h.client.http.get('/user/session');
    expect(current.data).toMatchObject({ id: 1, session_token: `${REDACTED}`, session_id: `${REDACTED}` });
    expect(JSON.stringify(current.data)).not.toContain(token);
    expect(h.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBe(token);
    const other = await h.client.http.post('/user/session', JANE);
    expect(other.data).toMatchObject({ email: JANE.email, session_token: `${REDACTED}` });
    expect(JSON.stringify(other.data)).not.toMatch(/eyJ/);
    expect(h.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBeUndefined();
    // The client's own session is untouched by a sign-in made through http.
    expect(h.store.value).toBe(token);
    expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
  });

  it('refuses a PUT on the session path through http (it would bypass the refresher)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.stats.reset();
    const error = await rejection(h.client.http.put('/user/session'), DfError);
    expect(error.kind).toBe('bad-request');
    expect(h.server.stats.requests).toBe(0);
  });

  it('refuses a DELETE on the session path through http (it would blacklist the token behind the refresher)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.stats.reset();
    const error = await rejection(h.client.http.delete('/user/session'), DfError);
    expect(error.kind).toBe('bad-request');
    expect(h.server.stats.requests).toBe(0);
    expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
  });

  it('maps DF errors of ordinary calls to kinds with decoded messages', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const missing = await rejection(h.client.http.get('/db/_table/nope'), DfError);
    expect(missing).toMatchObject({ kind: 'not-found', status: 404, message: 'Table "nope" does not exist in the database.' });
    const forbidden = await rejection(h.client.http.get('/system/user'), DfError);
    expect(forbidden.kind).toBe('forbidden');
    const bad = await rejection(h.client.http.post(CONTACTS, { not: 'wrapped' }), DfError);
    expect(bad.kind).toBe('bad-request');
  });
});

describe('DfClient against things that are not DreamFactory', () => {
  it('an HTML page → not-dreamfactory (login and calls)', async () => {
    const site = await plainServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Welcome</title>');
    });
    const client = makeClient(site.url, new MemoryTokenStore());
    const error = await rejection(client.login(JANE), DfError);
    expect(error).toBeInstanceOf(DfError);
    expect(error.kind).toBe('not-dreamfactory');
    expect(error.message).toContain('text/html');
  });

  it('JSON without DF’s envelope on an error status → not-dreamfactory', async () => {
    const api = await plainServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"message":"no route"}');
    });
    const client = makeClient(api.url, new MemoryTokenStore());
    expect((await rejection(client.login(JANE), DfError)).kind).toBe('not-dreamfactory');
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('not-dreamfactory');
  });

  it('a closed port → network', async () => {
    const port = await closedPort();
    const client = makeClient(`http://127.0.0.1:${port}`, new MemoryTokenStore());
    const error = await rejection(client.login(JANE), DfError);
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('network');
  });

  it('never puts the token, API key or password into error messages, even when a server echoes them', async () => {
    const now = Date.now() / 1000;
    const token = fakeJwt({ sub: 'abc', user_id: 1, forever: false, iat: now, nbf: now, exp: now + 3600, jti: 'j' });
    const apiKey = 'secret-api-key-0123456789';
    const echo = await plainServer((req, res, body) => {
      const sent = `${req.headers['x-dreamfactory-session-token'] ?? ''} ${req.headers['x-dreamfactory-api-key'] ?? ''}`;
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'POST' && req.url === '/api/v2/user/session') {
        if (body.includes('wrong')) {
          res.writeHead(401);
          res.end(JSON.stringify({ error: { code: 401, message: `Invalid credentials supplied. ${body} ${sent}` } }));
          return;
        }
        res.writeHead(200);
        res.end(JSON.stringify({ session_token: token, session_id: token, id: 1, name: 'Jane', email: 'j@x', is_sys_admin: false }));
        return;
      }
      const status = req.url?.includes('blacklisted') ? 403 : 400;
      const prefix = status === 403 ? 'The token has been blacklisted' : 'Bad input';
      res.writeHead(status);
      res.end(JSON.stringify({ error: { code: status, message: `${prefix}: ${sent} (${token})` } }));
    });
    const store = new MemoryTokenStore();
    const client = createDfClient({ baseURL: echo.url, apiKey, tokens: store });
    const loginError = await rejection(client.login({ email: 'j@x', password: 'wrong-password-xyz' }), DfError);
    await client.login({ email: 'j@x', password: 'right' });
    const callError = await rejection(client.http.get('/db/_table/x'), DfError);
    const endError = await rejection(client.http.get('/db/_table/blacklisted'), DfError);
    client.dispose();
    expect(callError.kind).toBe('bad-request');
    expect(endError.kind).toBe('session-ended');
    for (const error of [loginError, callError, endError]) {
      expect(error.message).not.toContain(token);
      expect(error.message).not.toContain(apiKey);
      expect(error.message).not.toContain('wrong-password-xyz');
      expect(JSON.stringify(error)).not.toContain(token);
      expect(String(error.stack)).not.toContain(token);
    }
  });

  it('rejects a baseURL that is not http(s)', () => {
    expect(() => createDfClient({ baseURL: 'df.example.com', tokens: new MemoryTokenStore() })).toThrow(TypeError);
  });

  it('normalises the base URL (trailing /api/v2 and slashes)', async () => {
    const server = await dfServer({ profile: 'latest' });
    const client = makeClient(`${server.url}/api/v2/`, new MemoryTokenStore());
    expect(client.baseURL).toBe(server.url);
    expect(client.http.defaults.baseURL).toBe(`${server.url}/api/v2`);
    await client.login(JANE);
    expect((await client.http.get(CONTACTS)).status).toBe(200);
  });
});

describe('DfClient: secrets quoted by the server stay out of the session status', () => {
  const apiKey = 'secret-api-key-0123456789';

  /** Signs in; every PUT and every data call is answered with `answer`, which may quote what the request sent. */
  async function quotingServer(answer: (method: string, sent: { token: string; key: string }) => [number, string]) {
    const now = Date.now() / 1000;
    const token = fakeJwt({ sub: 'abc', user_id: 1, forever: false, iat: now, nbf: now, exp: now + 60, jti: 'q' });
    return plainServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'POST') {
        res.end(JSON.stringify({ session_token: token, id: 1, name: 'Jane' }));
        return;
      }
      const sent = { token: String(req.headers['x-dreamfactory-session-token'] ?? ''), key: String(req.headers['x-dreamfactory-api-key'] ?? '') };
      const [status, message] = answer(req.method ?? '', sent);
      res.writeHead(status);
      res.end(JSON.stringify({ error: { code: status, message, status_code: status } }));
    });
  }

  it('a refresh failure or a terminal refresh answer quoting the API key: not in lastError, endedReason or onSessionEnd', async () => {
    let puts = 0;
    const server = await quotingServer((method, sent) => {
      if (method !== 'PUT') return [404, 'Not found'];
      puts++;
      return puts === 1 ? [503, `Upstream refused key ${sent.key}`] : [401, `Token refresh failed. Key ${sent.key} is revoked`];
    });
    const clock = new ManualClock();
    const ended: DfError[] = [];
    const client = makeClient(server.url, new MemoryTokenStore(), { apiKey, clock, onSessionEnd: (error) => ended.push(error) });
    await client.login(JANE);
    clock.t += 59_000; // inside the default 6 s leeway of a minute-long token
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('server');
    const kept = client.status();
    expect(kept).toMatchObject({ state: 'active', lastError: { kind: 'server' } });
    expect(kept.lastError?.message).toMatch(/Upstream refused key/);
    expect(kept.lastError?.message).not.toContain(apiKey);
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    const status = client.status();
    expect(status.state).toBe('needs-sign-in');
    expect(ended).toHaveLength(1);
    for (const text of [status.endedReason, status.lastError?.message, ended[0]?.message]) {
      expect(text).toMatch(/Token refresh failed/);
      expect(text).not.toContain(apiKey);
    }
  });

  it('a token verdict of an ordinary request quoting the API key: not in endedReason or onSessionEnd', async () => {
    const server = await quotingServer((_method, sent) => [403, `The token has been blacklisted (key ${sent.key})`]);
    const ended: DfError[] = [];
    const client = makeClient(server.url, new MemoryTokenStore(), { apiKey, onSessionEnd: (error) => ended.push(error) });
    await client.login(JANE);
    expect((await rejection(client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
    expect(ended).toHaveLength(1);
    for (const text of [client.status().endedReason, client.status().lastError?.message, ended[0]?.message]) {
      expect(text).toMatch(/blacklisted/);
      expect(text).not.toContain(apiKey);
    }
  });
});
