// GET /system/environment and GET /api/v2 shapes per era (docs/dreamfactory-protocol.md §5, §6).
import { describe, expect, it } from 'vitest';
import { NO_ROLE_API_KEY, } from './index.ts';
import type { DfServer, } from './index.ts';
import { asRecord, call, login, outcome, serverPerTest } from './test-helpers.ts';

const start = serverPerTest();

async function environment(srv: DfServer, options: { token?: string; apiKey?: string | null } = {}) {
  const result = await call(srv, 'GET', '/system/environment', options);
  expect(result.status).toBe(200);
  return asRecord(result.body);
}

describe.each([
  ['latest', '7.7.0', null],
  ['2.14', '2.14.2', false],
] as const)('2.10+ environment shape, profile %s', (profile, version, openRegServiceId) => {
  it('anonymous callers get authentication + apps only', async () => {
    const srv = await start({ profile });
    const env = await environment(srv, { apiKey: null });
    expect(Object.keys(env)).toEqual(['authentication', 'apps']);
    const auth = asRecord(env.authentication);
    expect(Object.keys(auth)).toEqual([
      'admin',
      'user',
      'oauth',
      'adldap',
      'saml',
      'allow_open_registration',
      'open_reg_email_service_id',
      'allow_forever_sessions',
      'login_attribute',
    ]);
    expect(auth.user).toEqual({
      path: 'user/session',
      verb: 'POST',
      payload: { email: 'string', password: 'string', remember_me: 'bool' },
    });
    expect(auth.open_reg_email_service_id).toBe(openRegServiceId);
    expect(auth.allow_forever_sessions).toBe(false);
    expect(auth.login_attribute).toBe('email');
    expect(Object.keys(asRecord((env.apps as unknown[])[0]))).toEqual([
      'id',
      'name',
      'description',
      'url',
      'is_default',
      'allow_fullscreen_toggle',
      'requires_fullscreen',
      'toggle_location',
    ]);
  });

  it('an API key whose app has a role reveals the platform; one without a role does not', async () => {
    const srv = await start({ profile });
    const withRole = await environment(srv);
    expect(asRecord(withRole.platform).version).toBe(version);
    expect(Object.keys(withRole)).toEqual(['authentication', 'apps', 'platform', 'server', 'client', 'config']);
    const noRole = await environment(srv, { apiKey: NO_ROLE_API_KEY });
    expect(noRole).not.toHaveProperty('platform');
  });

  it('authenticated users see the platform; sys-admins also the admin-only details', async () => {
    const srv = await start({ profile });
    const jane = await environment(srv, { token: await login(srv), apiKey: null });
    expect(asRecord(jane.platform).version).toBe(version);
    expect(asRecord(jane.platform)).not.toHaveProperty('db_driver');
    const admin = await environment(srv, { token: await login(srv, { admin: true }) });
    expect(asRecord(admin.platform)).toHaveProperty('db_driver');
    expect(admin).toHaveProperty('php');
  });

  it('reflects allowForever, loginAttribute and version options', async () => {
    const srv = await start({ profile, allowForever: true, loginAttribute: 'username', version: '9.9.9' });
    const env = await environment(srv);
    const auth = asRecord(env.authentication);
    expect(auth.allow_forever_sessions).toBe(true);
    expect(auth.login_attribute).toBe('username');
    expect(asRecord(asRecord(auth.user).payload)).toHaveProperty('username');
    expect(asRecord(env.platform).version).toBe('9.9.9');
  });
});

describe('2.0 environment shape', () => {
  it('platform.version_current for everyone; authentication without login_attribute/saml', async () => {
    const srv = await start({ profile: '2.0', allowForever: true });
    const env = await environment(srv, { apiKey: null });
    expect(Object.keys(env)).toEqual(['platform', 'authentication', 'app_group', 'no_group_app', 'config']);
    expect(asRecord(env.platform)).toMatchObject({ version_current: '2.0.0', upgrade_available: false });
    const auth = asRecord(env.authentication);
    expect(auth).not.toHaveProperty('login_attribute');
    expect(auth).not.toHaveProperty('saml');
    expect(auth.allow_forever_sessions).toBe(true);
    expect(auth.open_reg_email_service_id).toBe(false);
  });

  it('sys-admins additionally get server and php', async () => {
    const srv = await start({ profile: '2.0' });
    const env = await environment(srv, { token: await login(srv, { admin: true }) });
    expect(env).toHaveProperty('server');
    expect(env).toHaveProperty('php');
  });
});

describe('GET /api/v2', () => {
  it('2.0: all service names under resource; credentials required', async () => {
    const srv = await start({ profile: '2.0' });
    const result = await call(srv, 'GET', '');
    expect(result.body).toEqual({ resource: ['system', 'api_docs', 'user', 'db'] });
    expect(outcome(await call(srv, 'GET', '', { apiKey: null }))).toEqual([400, 'Bad request. No token or api key provided.']);
  });

  it('latest: service objects with spec_url, filtered by role', async () => {
    const srv = await start();
    const admin = asRecord((await call(srv, 'GET', '', { token: await login(srv, { admin: true }) })).body);
    const services = admin.services as Record<string, unknown>[];
    expect(services.map((service) => service.name)).toEqual(['system', 'api_docs', 'user', 'db']);
    expect(Object.keys(services[0] ?? {})).toEqual(['id', 'name', 'label', 'description', 'type', 'spec_url']);
    expect(Object.keys(asRecord((admin.service_types as unknown[])[0]))).toEqual(['name', 'label', 'group', 'description']);

    const jane = asRecord((await call(srv, 'GET', '', { token: await login(srv) })).body);
    expect((jane.services as Record<string, unknown>[]).map((service) => service.name)).toEqual(['db']);

    const anonymous = await call(srv, 'GET', '', { apiKey: null });
    expect(anonymous.body).toEqual({ services: [], service_types: [] });
  });

  it('2.14: service objects without spec_url', async () => {
    const srv = await start({ profile: '2.14' });
    const jane = asRecord((await call(srv, 'GET', '/', { token: await login(srv) })).body);
    expect(Object.keys(asRecord((jane.services as unknown[])[0]))).toEqual(['id', 'name', 'label', 'description', 'type']);
  });

  it('unknown services and resources are DF-style 404s', async () => {
    const srv = await start();
    const admin = await login(srv, { admin: true });
    expect(outcome(await call(srv, 'GET', '/nope', { token: admin }))).toEqual([404, 'Could not find a service for nope']);
    expect(outcome(await call(srv, 'GET', '/db/_proc', { token: admin }))).toEqual([404, "Resource '_proc' not found for service 'db'."]);
    const outside = await fetch(`${srv.url}/index.html`);
    expect(outside.status).toBe(404);
    expect(asRecord(await outside.json())).toHaveProperty('error');
  });
});
