// Session endpoints: login variants, remember_me boolval, admin vs user paths, session object shape, credential transport.
import { describe, expect, it } from 'vitest';
import { asRecord, call, login, loginSession, outcome, payloadOf, serverPerTest } from './test-helpers.ts';
import { ADMIN, JANE } from '../fixtures/users.ts';

const CONTACTS = '/db/_table/contacts';
const BASE_KEYS = ['session_token', 'session_id', 'id', 'name', 'first_name', 'last_name', 'email', 'is_sys_admin', 'last_login_date', 'host'];

const start = serverPerTest();

describe('remember_me is PHP-boolval()ed', () => {
  it.each([
    [true, true],
    [false, false],
    ['1', true],
    ['0', false],
    ['', false],
    ['false', true],
    ['yes', true],
    [0, false],
    [1, true],
    [null, false],
  ])('remember_me %j -> forever %s', async (rememberMe, forever) => {
    const srv = await start({ allowForever: true });
    expect(payloadOf(await login(srv, { rememberMe })).forever).toBe(forever);
  });

  it('absent remember_me -> not forever', async () => {
    const srv = await start({ allowForever: true });
    expect(payloadOf(await login(srv)).forever).toBe(false);
  });

  it('form-encoded login bodies work too', async () => {
    const srv = await start({ allowForever: true });
    const response = await fetch(`${srv.url}/api/v2/user/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=jane%40example.com&password=jane-password&remember_me=false',
    });
    expect(response.status).toBe(200);
    const body = asRecord(await response.json());
    expect(payloadOf(String(body.session_token)).forever).toBe(true);
  });
});

describe('login attribute', () => {
  it('username login when loginAttribute is username', async () => {
    const srv = await start({ loginAttribute: 'username' });
    const ok = await call(srv, 'POST', '/user/session', { body: { username: 'jane', password: JANE.password } });
    expect(ok.status).toBe(200);
    expect(asRecord(ok.body).email).toBe(JANE.email);
    const byEmail = await call(srv, 'POST', '/user/session', { body: JANE });
    expect(outcome(byEmail)).toEqual([400, 'Login request is missing required username.']);
    const wrong = await call(srv, 'POST', '/user/session', { body: { username: 'jane', password: 'x' } });
    expect(outcome(wrong)).toEqual([401, 'Invalid credentials supplied.']);
  });

  it('2.0 predates DF_LOGIN_ATTRIBUTE and always logs in by email', async () => {
    const srv = await start({ profile: '2.0', loginAttribute: 'username' });
    expect((await call(srv, 'POST', '/user/session', { body: JANE })).status).toBe(200);
  });

  it('email matching is case-insensitive', async () => {
    const srv = await start();
    const result = await call(srv, 'POST', '/user/session', { body: { email: 'JANE@Example.com', password: JANE.password } });
    expect(result.status).toBe(200);
  });
});

describe('admin vs user paths and credentials', () => {
  it('admins only at the admin path, users only at the user path', async () => {
    const srv = await start();
    expect(outcome(await call(srv, 'POST', '/user/session', { body: ADMIN }))).toEqual([401, 'Invalid credentials supplied.']);
    expect(outcome(await call(srv, 'POST', '/system/admin/session', { body: JANE }))).toEqual([
      401,
      'Invalid credentials supplied.',
    ]);
    const admin = await call(srv, 'POST', '/system/admin/session', { body: ADMIN });
    expect(admin.status).toBe(200);
    expect(asRecord(admin.body).is_sys_admin).toBe(true);
  });

  it('inactive and unknown users cannot log in', async () => {
    const srv = await start({ users: [{ email: 'off@example.com', password: 'pw', active: false }] });
    expect(outcome(await call(srv, 'POST', '/user/session', { body: { email: 'off@example.com', password: 'pw' } }))).toEqual([
      401,
      'Invalid credentials supplied.',
    ]);
    expect((await call(srv, 'POST', '/user/session', { body: JANE })).status).toBe(401);
  });

  it('admins need no API key for service calls', async () => {
    const srv = await start();
    const token = await login(srv, { admin: true, apiKey: null });
    expect((await call(srv, 'GET', CONTACTS, { token, apiKey: null })).status).toBe(200);
    expect((await call(srv, 'GET', '/system/user', { token, apiKey: null })).status).toBe(200);
  });

  it('GET admin session works for admins and echoes the token', async () => {
    const srv = await start();
    const token = await login(srv, { admin: true });
    const result = await call(srv, 'GET', '/system/admin/session', { token });
    expect(result.status).toBe(200);
    expect(asRecord(result.body).session_token).toBe(token);
  });
});

describe.each(['latest', '2.14', '2.0'] as const)('session object, profile %s', (profile) => {
  const latest = profile === 'latest';

  it('non-admin login: keys in DF order, role from the API key app', async () => {
    const srv = await start({ profile });
    const session = await loginSession(srv);
    const keys = [...BASE_KEYS, ...(latest ? ['token_expiry_date'] : []), 'role', 'role_id'];
    expect(Object.keys(session)).toEqual(keys);
    expect(session.session_id).toBe(session.session_token);
    expect(session).toMatchObject({ id: 1, name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe', role: 'mobile_user', role_id: 2 });
    expect(String(session.last_login_date)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('no API key at login -> no role in the session', async () => {
    const srv = await start({ profile });
    const session = await loginSession(srv, { apiKey: null });
    expect(session).not.toHaveProperty('role');
  });

  it('admin login: role only in latest', async () => {
    const srv = await start({ profile });
    const session = await loginSession(srv, { admin: true });
    if (latest) expect(session).toMatchObject({ role: 'guest', role_id: 1 });
    else expect(session).not.toHaveProperty('role');
  });

  it('PUT returns the new token; role absent after PUT only in latest', async () => {
    const srv = await start({ profile });
    const token = await login(srv);
    srv.setClockOffset(2);
    const result = await call(srv, 'PUT', '/user/session', { token });
    expect(result.status).toBe(200);
    const session = asRecord(result.body);
    expect(session.session_token).not.toBe(token);
    if (latest) expect(session).not.toHaveProperty('role');
    else expect(session.role).toBe('mobile_user');
  });

  it('GET session echoes the presented token', async () => {
    const srv = await start({ profile });
    const token = await login(srv);
    const result = await call(srv, 'GET', '/user/session', { token });
    expect(result.status).toBe(200);
    expect(asRecord(result.body).session_token).toBe(token);
    expect(outcome(await call(srv, 'GET', '/user/session'))).toEqual([401, 'There is no valid session for the current request.']);
  });

  it('DELETE answers {success:true}, with or without a token, and kills the token', async () => {
    const srv = await start({ profile });
    const token = await login(srv);
    const result = await call(srv, 'DELETE', '/user/session', { token });
    expect(result.body).toEqual({ success: true });
    expect((await call(srv, 'DELETE', '/user/session')).body).toEqual({ success: true });
    expect((await call(srv, 'GET', CONTACTS, { token })).status).toBe(403);
  });
});

describe('credential transport (latest)', () => {
  it('Authorization: Bearer wins over X-DreamFactory-Session-Token', async () => {
    const srv = await start();
    const token = await login(srv);
    const result = await call(srv, 'GET', CONTACTS, { token: 'garbage', headers: { Authorization: `Bearer ${token}` } });
    expect(result.status).toBe(200);
    const reversed = await call(srv, 'GET', CONTACTS, { token, headers: { Authorization: 'Bearer garbage' } });
    expect(reversed.status).toBe(401);
  });

  it('the session header wins over the session_token query parameter', async () => {
    const srv = await start();
    const token = await login(srv);
    expect((await call(srv, 'GET', `${CONTACTS}?session_token=garbage`, { token })).status).toBe(200);
    expect((await call(srv, 'GET', `${CONTACTS}?session_token=${token}`)).status).toBe(200);
  });

  it('`token` input is ignored since DF 2.11', async () => {
    // Without guest access, so a token that was not read shows as "not authenticated".
    const srv = await start({ guestRole: false });
    const token = await login(srv);
    expect(outcome(await call(srv, 'GET', `${CONTACTS}?token=${token}`))).toEqual([401, 'Unauthorized. User is not authenticated.']);
  });

  it('query api_key wins over the header', async () => {
    const srv = await start();
    const token = await login(srv);
    const result = await call(srv, 'GET', `${CONTACTS}?api_key=bogus`, { token });
    expect(outcome(result)).toEqual([403, 'Role not found. A role may not be assigned to you or your application.']);
    expect((await call(srv, 'GET', `${CONTACTS}?api_key=test-api-key`, { token, apiKey: 'bogus' })).status).toBe(200);
  });

  it('body api_key is accepted (DF ≥2.2)', async () => {
    const srv = await start();
    const token = await login(srv);
    const result = await call(srv, 'POST', '/db/_table/orders', {
      token,
      apiKey: null,
      body: { resource: [{ item: 'Pen', contact_id: 1 }], api_key: 'test-api-key' },
    });
    expect(result.status).toBe(200);
  });

  it('custom apiKey option', async () => {
    const srv = await start({ apiKey: 'other-key' });
    const token = await login(srv, { apiKey: 'other-key' });
    expect((await call(srv, 'GET', CONTACTS, { token, apiKey: 'other-key' })).status).toBe(200);
    expect((await call(srv, 'GET', CONTACTS, { token })).status).toBe(403);
  });

  it('HTTP Basic authentication', async () => {
    const srv = await start();
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const good = await call(srv, 'GET', CONTACTS, { headers: { Authorization: basic(JANE.email, JANE.password) } });
    expect(good.status).toBe(200);
    const bad = await call(srv, 'GET', CONTACTS, { headers: { Authorization: basic(JANE.email, 'nope') } });
    expect(outcome(bad)).toEqual([401, 'Unauthorized. User credentials did not match.']);
  });

  it('verb tunnelling: POST + X-HTTP-Method: PUT refreshes', async () => {
    const srv = await start();
    const token = await login(srv);
    const result = await call(srv, 'POST', '/user/session', { token, headers: { 'X-HTTP-Method': 'PUT' } });
    expect(result.status).toBe(200);
    expect(asRecord(result.body).session_token).not.toBe(token);
    expect(srv.stats.refreshSuccesses).toBe(1);
  });
});
