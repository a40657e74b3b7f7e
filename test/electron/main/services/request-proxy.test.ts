// The request proxy over real loopback HTTP: DF test server, and tiny servers for echoes and huge answers.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../../../electron/main/services/request-proxy.ts';
import { REDACTED } from '../../../../shared/secrets.ts';
import type { ProxyRequest } from '../../../../shared/ipc/contract.ts';
import { findSecrets, JWT_SHAPE } from './fixtures/secret-walk.ts';
import { gzipBombServer } from './fixtures/gzip-bomb.ts';
import { privateCaServer, privateLeafSha256 } from './fixtures/private-ca.ts';
import { sendJson, tinyServer, tlsServer, trustingTestCa } from './fixtures/servers.ts';
import { sessionHarness } from './fixtures/session-harness.ts';
import type { Harness } from './fixtures/session-harness.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { closedPortUrl, dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';

const sha256Of = (name: string) =>
  new X509Certificate(readFileSync(fileURLToPath(new URL(`./fixtures/tls/${name}.crt`, import.meta.url)))).fingerprint256;

async function signedIn(h: Harness, url: string, tag: 'prod' | 'dev' = 'dev') {
  const instance = await h.registry.add({ name: 'DF', url, apiKey: API_KEY, tag });
  await h.sessions.signIn(instance.id, JANE);
  return instance;
}

describe('answers', () => {
  it('2xx: { status, data, headers (lower-case strings), durationMs }', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    const answer = await h.proxy.request(instance.id, {
      method: 'GET',
      path: '/db/_table/contacts',
      params: { limit: 2, order: 'id asc' },
    });
    expect(answer.status).toBe(200);
    expect((answer.data as { resource: unknown[] }).resource).toHaveLength(2);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(Object.keys(answer.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(Object.values(answer.headers).every((value) => typeof value === 'string')).toBe(true);
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    expect(server.requestLog.at(-1)?.path).toBe('/api/v2/db/_table/contacts?limit=2&order=id+asc');
  });

  it("non-2xx DF answers resolve with DF's envelope (the console shows them)", async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    const missing = await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/nope' });
    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ error: { code: 404, message: expect.stringMatching(/does not exist/) } });
    const bad = await h.proxy.request(instance.id, { method: 'POST', path: '/db/_table/contacts', data: { first_name: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ error: { message: 'No record(s) detected in request.' } });
  });

  it('without a session, calls go with the API key only and DF answers for itself', async () => {
    // An app role that reaches nothing: DF's own 401 comes back as the answer.
    const server = await dfServer({ guestRole: false });
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' });
    expect(answer.status).toBe(401);
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-api-key']).toBe(API_KEY);
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBeUndefined();
  });

  it('GET /user/session: DF echoes the token; the proxy hides session_token and session_id', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/user/session' });
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ session_token: REDACTED, session_id: REDACTED, name: 'Jane Doe' });
    expect(JSON.stringify(answer)).not.toMatch(JWT_SHAPE);
  });

  it('hides an echoed token or API key anywhere in the body or headers, and drops cookies', async () => {
    // A server that signs anyone in (a JWT-shaped token, which is all the client decodes) and then echoes
    // the credentials it receives everywhere it can.
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64({ sub: 'x', user_id: 1, iat: now, nbf: now, exp: now + 3600, forever: false })}.c2ln`;
    const echo = await tinyServer((req, res) => {
      if (req.method === 'POST' && req.url === '/api/v2/user/session') {
        sendJson(res, 200, { session_token: token, session_id: token, id: 1, name: 'Echo', email: null, is_sys_admin: false });
        return;
      }
      const sent = String(req.headers['x-dreamfactory-session-token'] ?? '');
      const key = String(req.headers['x-dreamfactory-api-key'] ?? '');
      res.setHeader('Set-Cookie', 'tracking=1');
      res.setHeader('X-Echo', `${sent} ${key}`);
      sendJson(res, 200, { deep: [{ text: `you sent ${sent}` }], key, [key]: true, session_id: sent, user: { token: sent } });
    });
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'Echo', url: echo.url, apiKey: API_KEY });
    await h.sessions.signIn(instance.id, JANE);
    const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/anything' });
    expect(echo.requests.at(-1)?.headers['x-dreamfactory-session-token']).toBe(token);
    expect(findSecrets(answer, [API_KEY, token])).toEqual([]);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['x-echo']).toBe(`${REDACTED} ${REDACTED}`);
    expect(answer.data).toEqual({
      deep: [{ text: `you sent ${REDACTED}` }],
      key: REDACTED,
      [REDACTED]: true,
      session_id: REDACTED,
      user: { token: REDACTED },
    });
  });
});

describe('refusals before sending', () => {
  it.each([
    ['https://evil.example/api/v2/db', 'refused'],
    ['//evil.example/api/v2/db', 'refused'],
    ['/db/../../../etc/passwd', 'refused'],
    ['/db/%2e%2e/%2e%2e/system/admin', 'refused'],
    ['/db/%252e%252e/x', 'refused'],
    ['\\\\evil.example\\share', 'refused'],
  ])('%s → %s, and nothing reaches any server', async (path, kind) => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    server.stats.reset();
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path }), DeskError);
    expect(error.kind).toBe(kind);
    expect(server.stats.requests).toBe(0);
  });

  it('a redirect to another origin is not followed with the credentials', async () => {
    const server = await dfServer();
    const elsewhere = await tinyServer((_req, res) => sendJson(res, 200, {}));
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    server.setRedirect('/api/v2/db/_table/contacts', `${elsewhere.url}/steal`);
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' }), DeskError);
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/redirected/);
    expect(elsewhere.requests).toEqual([]);
  });

  it.each(['POST', 'PUT', 'DELETE'] as const)('%s on the session paths is left to sign-in/refresh/sign-out', async (method) => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    server.stats.reset();
    for (const path of ['/user/session', '/system/admin/session/', '/User/Session']) {
      const error = await rejection(h.proxy.request(instance.id, { method, path }), DeskError);
      expect(error.kind).toBe('refused');
    }
    expect(server.stats.requests).toBe(0);
    expect((await h.sessions.status(instance.id)).state).toBe('active');
  });

  // Issue 8, item 6: servers treat all of these as their session route; before the fix the doubled-slash and
  // encoded-slash ones got through and ended the session behind the session manager's back.
  const sessionVariants = [
    '/user//session',
    '/user///session/',
    '/api//v2/user/session',
    '/api/v2//user//session',
    '/system//admin/session',
    '/system/admin//session//',
    '/user/./session',
    '/user/%2e/session',
    '/user/%73ession',
    '/user/%2573ession',
    '/user%2Fsession',
    '/user/%2Fsession',
    '/user%2F%2Fsession',
    '%2Fuser%2Fsession',
    '/user%5Csession',
    '/USER//SESSION',
    '/System//Admin/Session/',
    '/user/session%2F',
  ];

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    'item6-session-path-variants: %s on every spelling of the session paths is refused and reaches no server',
    async (method) => {
      const server = await dfServer();
      const h = sessionHarness();
      const instance = await signedIn(h, server.url);
      const before = server.requestLog.length;
      for (const path of sessionVariants) {
        const error = await rejection(h.proxy.request(instance.id, { method, path }), DeskError);
        expect([path, error.kind]).toEqual([path, 'refused']);
        expect(error.message).toMatch(/Sign in, Refresh now and Sign out|"\." or "\.\." segments/);
      }
      expect(server.requestLog.slice(before)).toEqual([]);
      expect((await h.sessions.status(instance.id)).state).toBe('active');
      expect((await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' })).status).toBe(200);
    },
  );

  it('item6-canonical-path-sent: the canonical path is what goes out (one slash per run, unreserved escapes decoded)', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    expect((await h.proxy.request(instance.id, { method: 'GET', path: '/user//%73ession' })).status).toBe(200);
    expect((await h.proxy.request(instance.id, { method: 'GET', path: '/db//_table///contacts' })).status).toBe(200);
    expect(server.requestLog.slice(-2).map((r) => r.path)).toEqual(['/api/v2/user/session', '/api/v2/db/_table/contacts']);
  });

  it('destructive calls on a prod instance need confirmed: true; reads and other tags do not', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const prod = await signedIn(h, server.url, 'prod');
    const create: ProxyRequest = { method: 'POST', path: '/db/_table/contacts', data: { resource: [{ first_name: 'Ann', last_name: 'Lee' }] } };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      server.stats.reset();
      const error = await rejection(h.proxy.request(prod.id, { ...create, method }), DeskError);
      expect(error.kind).toBe('confirmation-required');
      expect(error.message).toMatch(/production/);
      expect(server.stats.requests).toBe(0);
    }
    expect((await h.proxy.request(prod.id, { ...create, confirmed: true })).status).toBe(200);
    expect((await h.proxy.request(prod.id, { method: 'GET', path: '/db/_table/contacts' })).status).toBe(200);
    const dev = await signedIn(h, server.url, 'dev');
    expect((await h.proxy.request(dev.id, create)).status).toBe(200);
  });

  it('invalid requests and unknown instances', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    const bad = { method: 'TRACE', path: '/x' } as unknown as ProxyRequest;
    expect((await rejection(h.proxy.request(instance.id, bad), DeskError)).kind).toBe('invalid-input');
    expect((await rejection(h.proxy.request('nope', { method: 'GET', path: '/' }), DeskError)).kind).toBe('unknown-instance');
  });
});

describe('failures without an answer', () => {
  it('session-ended when the server revoked the session (the UI opens sign-in)', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await signedIn(h, server.url);
    server.revokeUser(JANE.email);
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' }), DeskError);
    expect(error.kind).toBe('session-ended');
    expect(error.message).not.toMatch(JWT_SHAPE);
  });

  it('network: nothing listens', async () => {
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'Down', url: await closedPortUrl() });
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/' }), DeskError);
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/connection was refused.*Check the address/);
  });

  it('tls: a self-signed certificate is reported, never accepted', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'TLS', url: server.url });
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/' }), DeskError);
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/self-signed/);
    expect(server.requests).toEqual([]);
  });
});

describe('pinned certificates (real TLS handshakes)', () => {
  const selfSigned = () => sha256Of('self-signed');

  it("A's pin makes A accept exactly that certificate; B at the same address still refuses it", async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, { ok: true }));
    const h = sessionHarness();
    const a = await h.registry.add({ name: 'A', url: server.url, trustedCertificateSha256: selfSigned() });
    const b = await h.registry.add({ name: 'B', url: server.url });
    const answer = await h.proxy.request(a.id, { method: 'GET', path: '/ping' });
    expect(answer).toMatchObject({ status: 200, data: { ok: true } });
    const refused = await rejection(h.proxy.request(b.id, { method: 'GET', path: '/ping' }), DeskError);
    expect(refused.kind).toBe('tls');
    expect(refused.message).toMatch(/self-signed/);
    expect(server.requests).toHaveLength(1);
  });

  it('a wrong pin is refused with a "certificate changed" message and nothing is sent', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'A', url: server.url, trustedCertificateSha256: sha256Of('valid') });
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/ping' }), DeskError);
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/different certificate than the one you trusted.*man-in-the-middle/);
    expect(server.requests).toEqual([]);
  });

  it('trusting and forgetting rebuild the client', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'A', url: server.url });
    expect((await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/' }), DeskError)).kind).toBe('tls');
    await h.registry.update(instance.id, { trustedCertificateSha256: selfSigned() });
    await h.sessions.instanceUpdated(instance.id, { urlChanged: false, apiKeyChanged: false });
    expect((await h.proxy.request(instance.id, { method: 'GET', path: '/' })).status).toBe(200);
    await h.registry.update(instance.id, { trustedCertificateSha256: null });
    await h.sessions.instanceUpdated(instance.id, { urlChanged: false, apiKeyChanged: false });
    expect((await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/' }), DeskError)).kind).toBe('tls');
  });

  it('item14-private-ca-proxy: a pinned leaf of an unknown private CA works; an instance pinned to another leaf of it is refused', async () => {
    const server = await privateCaServer('private-leaf', (_req, res) => sendJson(res, 200, { ok: true }), { chain: true });
    const h = sessionHarness();
    const a = await h.registry.add({ name: 'A', url: server.url, trustedCertificateSha256: privateLeafSha256('private-leaf') });
    const b = await h.registry.add({ name: 'B', url: server.url, trustedCertificateSha256: privateLeafSha256('private-other') });
    expect(await h.proxy.request(a.id, { method: 'GET', path: '/ping' })).toMatchObject({ status: 200, data: { ok: true } });
    const refused = await rejection(h.proxy.request(b.id, { method: 'GET', path: '/ping' }), DeskError);
    expect(refused.kind).toBe('tls');
    expect(refused.message).toMatch(/different certificate than the one you trusted/);
    expect(server.requests).toHaveLength(1);
  });

  it('a properly signed certificate on an unpinned instance is unaffected', async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, { signed: true }));
    const h = sessionHarness({ adapter: trustingTestCa() });
    const instance = await h.registry.add({ name: 'Signed', url: server.url });
    expect((await h.proxy.request(instance.id, { method: 'GET', path: '/' })).data).toEqual({ signed: true });
  });
});

describe('size limits', () => {
  it('the default limit is 50 MB', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(50 * 1024 * 1024);
  });

  it('an answer over the limit is refused with too-large (lowered limit, with and without Content-Length)', async () => {
    const payload = JSON.stringify({ resource: 'x'.repeat(300_000) });
    const big = await tinyServer((req, res) => {
      if (req.url?.includes('chunked')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        Readable.from([payload.slice(0, 150_000), payload.slice(150_000)]).pipe(res);
      } else {
        sendJson(res, 200, JSON.parse(payload));
      }
    });
    const h = sessionHarness({ maxBytes: 100_000 });
    const instance = await h.registry.add({ name: 'Big', url: big.url });
    for (const path of ['/sized', '/chunked']) {
      const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path }), DeskError);
      expect(error.kind).toBe('too-large');
      expect(error.message).toMatch(/too large.*limit, fields or a filter/);
    }
  });

  it('an answer just under the limit passes', async () => {
    const server = await tinyServer((_req, res) => sendJson(res, 200, { resource: 'y'.repeat(1000) }));
    const h = sessionHarness({ maxBytes: 100_000 });
    const instance = await h.registry.add({ name: 'Small', url: server.url });
    const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/x' });
    expect(answer.status).toBe(200);
  });

  it('the real 50 MB default: 50 MB + 1 byte streamed is refused', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const server = await tinyServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      let sent = 0;
      const total = DEFAULT_MAX_RESPONSE_BYTES + 1;
      const pump = () => {
        while (sent < total) {
          const size = Math.min(chunk.length, total - sent);
          sent += size;
          if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'Huge', url: server.url });
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/huge' }), DeskError);
    expect(error.kind).toBe('too-large');
  });

  it('item2-proxy-gzip-bomb: the 50 MB cap counts unpacked bytes: a 300 MB gzip bomb is too-large, cut off early', async () => {
    const attack = 300 * 1024 * 1024;
    const bomb = await gzipBombServer({ unpackedBytes: attack });
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'Bomb', url: bomb.url });
    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/bomb' }), DeskError);
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/too large.*limit, fields or a filter/);
    // Under 1 MB arrived compressed, so only the unpacked size can have tripped the 50 MB cap.
    expect(bomb.sentCompressed).toBeLessThan(1024 * 1024);
  });

  it('a request body over the limit is refused before sending', async () => {
    const server = await dfServer();
    const h = sessionHarness({ maxBytes: 1000 });
    const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    server.stats.reset();
    const error = await rejection(
      h.proxy.request(instance.id, { method: 'POST', path: '/db/_table/contacts', data: { resource: [{ note: 'z'.repeat(2000) }] } }),
      DeskError,
    );
    expect(error.kind).toBe('too-large');
    expect(server.stats.requests).toBe(0);
  });
});
