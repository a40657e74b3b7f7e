// Claims per era, refresh semantics (iat kept / reset, blacklisting, window), forever sessions and E1 quirks.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startDfServer } from './index.ts';
import type { DfServer, DfServerOptions } from './index.ts';
import { asRecord, call, login, loginSession, outcome, payloadOf } from './test-helpers.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const CONTACTS = '/db/_table/contacts';

let server: DfServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: DfServerOptions): Promise<DfServer> {
  server = await startDfServer(options);
  return server;
}

async function refresh(srv: DfServer, token: string): Promise<string> {
  const result = await call(srv, 'PUT', '/user/session', { token });
  if (result.status !== 200) throw new Error(`refresh failed: ${JSON.stringify(result.body)}`);
  return String(asRecord(result.body).session_token);
}

/** Shifts the server clock so it sits just after a whole second: the next few ms stay inside one second. */
function alignToSecondStart(srv: DfServer, baseOffset: number): void {
  const now = Date.now() / 1000 + baseOffset;
  srv.setClockOffset(baseOffset + (Math.ceil(now) + 0.02 - now));
}

describe('claims per era', () => {
  it.each(['latest', '2.14'] as const)('%s: sub = md5(email), random 16-char jti, no email claim', async (profile) => {
    const srv = await start({ profile });
    const token = await login(srv);
    const claims = payloadOf(token);
    expect(claims.sub).toBe(md5('jane@example.com'));
    expect(claims.user_id).toBe(1);
    expect(claims.forever).toBe(false);
    expect(claims).not.toHaveProperty('email');
    expect(String(claims.jti)).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(claims.iss).toBe(`${srv.url}/api/v2/user/session`);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(payloadOf(await login(srv)).jti).not.toBe(claims.jti);
  });

  it('2.0: sub = user id, email claim, jti = md5("jti.{sub}.{floor(nbf)}")', async () => {
    const srv = await start({ profile: '2.0' });
    const claims = payloadOf(await login(srv));
    expect(claims.sub).toBe(1);
    expect(claims.email).toBe('jane@example.com');
    expect(claims.jti).toBe(md5(`jti.1.${Math.floor(Number(claims.nbf))}`));
  });

  it('NumericDates carry milliseconds; exp = mint time + fractional TTL', async () => {
    const srv = await start({ ttlSeconds: 1.5 });
    const claims = payloadOf(await login(srv));
    const iat = Number(claims.iat);
    expect(claims.nbf).toBe(iat);
    expect(Number(claims.exp) - iat).toBeCloseTo(1.5, 3);
    expect(Math.abs(iat - Date.now() / 1000)).toBeLessThan(5);
  });

  it('clockOffsetSeconds shifts minted timestamps', async () => {
    const srv = await start({ clockOffsetSeconds: 3600 });
    const claims = payloadOf(await login(srv));
    expect(Number(claims.iat) - Date.now() / 1000).toBeGreaterThan(3500);
  });

  it('a given clock: tokens are minted and judged on it alone (plus the offset), never on real time', async () => {
    const clock = { t: 1_000_000_000_123, now: () => clock.t };
    const srv = await start({ ttlSeconds: 60, clock, clockOffsetSeconds: 10 });
    const token = await login(srv);
    expect(payloadOf(token)).toMatchObject({ iat: 1_000_000_010.123, nbf: 1_000_000_010.123, exp: 1_000_000_070.123 });
    clock.t += 59_999;
    expect((await call(srv, 'GET', CONTACTS, { token })).status).toBe(200);
    clock.t += 1;
    const [status, message] = outcome(await call(srv, 'GET', CONTACTS, { token }));
    expect(status).toBe(401);
    expect(message).toMatch(/^Token has expired/);
  });
});

describe.each(['latest', '2.14', '2.0'] as const)('refresh semantics, profile %s', (profile) => {
  it('non-forever refresh keeps the original iat, renews exp/nbf/jti and blacklists the old token', async () => {
    const srv = await start({ profile, ttlSeconds: 60, refreshTtlSeconds: 600 });
    const first = await login(srv);
    srv.setClockOffset(30); // a later second, so E1's jti differs
    const second = await refresh(srv, first);
    const a = payloadOf(first);
    const b = payloadOf(second);
    expect(b.iat).toBe(a.iat);
    expect(Number(b.exp)).toBeGreaterThan(Number(a.exp));
    expect(Number(b.nbf)).toBeGreaterThan(Number(a.nbf));
    expect(b.jti).not.toBe(a.jti);
    expect((await call(srv, 'GET', CONTACTS, { token: second })).status).toBe(200);
    expect((await call(srv, 'GET', CONTACTS, { token: first })).status).toBe(403);
  });

  it('refreshing does not extend the window of a non-forever token', async () => {
    const srv = await start({ profile, ttlSeconds: 60, refreshTtlSeconds: 600 });
    const first = await login(srv);
    srv.setClockOffset(30);
    const second = await refresh(srv, first);
    srv.setClockOffset(601);
    const result = await call(srv, 'PUT', '/user/session', { token: second });
    expect(result.status).toBe(401);
  });

  it('remember_me without DF_ALLOW_FOREVER_SESSIONS gives a non-forever token', async () => {
    const srv = await start({ profile, allowForever: false });
    expect(payloadOf(await login(srv, { rememberMe: true })).forever).toBe(false);
  });
});

describe.each(['latest', '2.14'] as const)('forever sessions, profile %s (DF ≥2.6 semantics)', (profile) => {
  it('forever refresh mints a fresh iat, so the window slides; unrefreshed forever tokens still die', async () => {
    const srv = await start({ profile, ttlSeconds: 60, refreshTtlSeconds: 600, allowForever: true });
    const first = await login(srv, { rememberMe: true });
    expect(payloadOf(first).forever).toBe(true);
    srv.setClockOffset(30);
    const second = await refresh(srv, first);
    expect(Number(payloadOf(second).iat)).toBeGreaterThan(Number(payloadOf(first).iat) + 29);
    expect(payloadOf(second).forever).toBe(true);
    // 610 s after login, but only 580 s after the refresh: still inside the slid window (refresh before exp for 2.14).
    srv.setClockOffset(85);
    const third = await refresh(srv, second);
    srv.setClockOffset(85 + 601);
    expect((await call(srv, 'PUT', '/user/session', { token: third })).status).toBe(401);
  });
});

describe('E1 (2.0) specifics', () => {
  it('forever token is re-issued after the refresh window (E1 forever really was infinite)', async () => {
    const srv = await start({ profile: '2.0', ttlSeconds: 60, refreshTtlSeconds: 600, allowForever: true });
    const first = await login(srv, { rememberMe: true });
    srv.setClockOffset(5000);
    const second = await refresh(srv, first);
    expect(Number(payloadOf(second).iat)).toBeGreaterThan(Number(payloadOf(first).iat) + 4000);
    // The blacklist is not consulted on that path: the old token can be re-issued again.
    expect((await call(srv, 'PUT', '/user/session', { token: first })).status).toBe(200);
  });

  it('jti collision: two logins in the same second share a blacklist entry', async () => {
    const srv = await start({ profile: '2.0' });
    alignToSecondStart(srv, 0);
    const a = await login(srv);
    const b = await login(srv);
    expect(payloadOf(a).jti).toBe(payloadOf(b).jti);
    await call(srv, 'DELETE', '/user/session', { token: a });
    expect(outcome(await call(srv, 'GET', CONTACTS, { token: b }))).toEqual([403, 'The token has been blacklisted']);
  });

  it('a refresh within the login second blacklists its own new token', async () => {
    const srv = await start({ profile: '2.0' });
    alignToSecondStart(srv, 0);
    const first = await login(srv);
    const second = await refresh(srv, first);
    expect(payloadOf(second).jti).toBe(payloadOf(first).jti);
    expect((await call(srv, 'GET', CONTACTS, { token: second })).status).toBe(403);
  });

  it('blacklist entries vanish at exp + 1 min, so a logged-out token can be refreshed again (jwt-auth 0.5.5)', async () => {
    const srv = await start({ profile: '2.0', ttlSeconds: 60, refreshTtlSeconds: 600 });
    const token = await login(srv);
    await call(srv, 'DELETE', '/user/session', { token });
    srv.setClockOffset(30);
    expect((await call(srv, 'PUT', '/user/session', { token })).status).toBe(403);
    srv.setClockOffset(121);
    expect((await call(srv, 'PUT', '/user/session', { token })).status).toBe(200);
  });

  it('a refreshed-while-expired token is not blacklisted (jwt-auth 0.5.5 skips expired tokens)', async () => {
    const srv = await start({ profile: '2.0', ttlSeconds: 60, refreshTtlSeconds: 600 });
    const token = await login(srv);
    srv.setClockOffset(61);
    await refresh(srv, token);
    srv.setClockOffset(70);
    expect((await call(srv, 'PUT', '/user/session', { token })).status).toBe(200);
  });

  it('`token` query parameter is accepted as the JWT', async () => {
    const srv = await start({ profile: '2.0' });
    const token = await login(srv);
    expect((await call(srv, 'GET', `${CONTACTS}?token=${token}`)).status).toBe(200);
  });
});

describe('latest: refresh failures and revocation', () => {
  it('2.14 cannot refresh an expired token but can refresh before exp', async () => {
    const srv = await start({ profile: '2.14', ttlSeconds: 60 });
    const token = await login(srv);
    srv.setClockOffset(59);
    const fresh = await refresh(srv, token);
    srv.setClockOffset(59 + 61);
    expect((await call(srv, 'PUT', '/user/session', { token: fresh })).status).toBe(401);
  });

  it('revokeUser blacklists every token in the user token_map; other users are untouched', async () => {
    const srv = await start({});
    const a = await login(srv);
    const b = await login(srv);
    const admin = await login(srv, { admin: true });
    srv.revokeUser('jane@example.com');
    expect((await call(srv, 'GET', CONTACTS, { token: a })).status).toBe(403);
    expect((await call(srv, 'GET', CONTACTS, { token: b })).status).toBe(403);
    expect((await call(srv, 'GET', CONTACTS, { token: admin })).status).toBe(200);
    expect((await call(srv, 'PUT', '/user/session', { token: a })).status).toBe(401);
    expect(() => srv.revokeUser('nobody@example.com')).toThrow();
  });

  it('blacklistToken acts like a logout of that token only', async () => {
    const srv = await start({});
    const a = await login(srv);
    const b = await login(srv);
    srv.blacklistToken(a);
    expect((await call(srv, 'GET', CONTACTS, { token: a })).status).toBe(403);
    expect((await call(srv, 'GET', CONTACTS, { token: b })).status).toBe(200);
  });

  it('token_expiry_date is now + TTL at response time (latest only)', async () => {
    const srv = await start({ ttlSeconds: 7200 });
    const session = await loginSession(srv);
    const expiry = Date.parse(`${String(session.token_expiry_date).replace(' ', 'T')}Z`) / 1000;
    expect(Math.abs(expiry - (Date.now() / 1000 + 7200))).toBeLessThan(5);
  });
});
