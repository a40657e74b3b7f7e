// How the session adapter classifies a request: by path on the instance's API base and by method.
import { describe, expect, it } from 'vitest';
import { canonicalRoot, routeOf } from '../../../shared/df/routes.ts';

const base = 'https://df.example.com/api/v2';

describe('routeOf', () => {
  it.each([
    ['put', 'session-refresh'],
    ['post', 'session-login'],
    ['delete', 'session-logout'],
    ['get', 'session-read'],
    ['patch', 'public'],
  ] as const)('%s on a session path → %s', (method, route) => {
    expect(routeOf(`${base}/user/session`, base, method)).toBe(route);
    expect(routeOf(`${base}/system/admin/session`, base, method)).toBe(route);
  });

  it('ignores query, fragment, trailing slashes and case on the session paths', () => {
    expect(routeOf(`${base}/User/Session/?x=1#y`, base, 'put')).toBe('session-refresh');
  });

  it('GET environment is public (works without a token); other methods there are not', () => {
    expect(routeOf(`${base}/system/environment`, base, 'get')).toBe('public');
    expect(routeOf(`${base}/system/environment`, base, 'post')).toBe('private');
  });

  it('everything else, and anything outside the API base, is private', () => {
    expect(routeOf(`${base}/db/_table/contacts`, base, 'get')).toBe('private');
    expect(routeOf(`${base}/user/session/extra`, base, 'put')).toBe('private');
    expect(routeOf('https://df.example.com/other/user/session', base, 'put')).toBe('private');
  });
});

describe('canonicalRoot', () => {
  it('normalises what a user typed to the origin plus path, without /api/v2, slashes or credentials', () => {
    expect(canonicalRoot('https://DF.example.com/api/v2/')).toBe('https://df.example.com');
    expect(canonicalRoot('https://user:pw@df.example.com/tenant/')).toBe('https://df.example.com/tenant');
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => canonicalRoot('df.example.com')).toThrow(TypeError);
  });
});

// Issue 8 item 6 (library part): DF treats these spellings as its session paths (the web server and PHP decode
// escapes and merge slashes, DF ignores case and empty segments), so the library must too.
const SESSION_VARIANTS = [
  '/user//session',
  '/user/./session',
  '/%75ser/session',
  '/user/%73ession',
  '/%2575ser/session',
  '/USER/Session/',
  '/user/session//',
  '//user/session',
  '/user/x/../session',
  '/user/%2e/session',
  '/db/%2e%2e/user/session',
  '/user%2Fsession',
  '/user\\session',
  '/system//admin/session',
  '/system/./admin/./session',
  '/SYSTEM/Admin/%53ession',
];

describe('routeOf on variant spellings of the session paths (issue 8 item 6)', () => {
  const subPathBase = 'https://df.example.com/tenant/api/v2';
  it.each(SESSION_VARIANTS)('issue 8.6: %s is the session path: PUT refresh, DELETE logout, GET read, POST login', (variant) => {
    for (const apiBase of [base, subPathBase]) {
      expect(routeOf(`${apiBase}${variant}`, apiBase, 'put')).toBe('session-refresh');
      expect(routeOf(`${apiBase}${variant}`, apiBase, 'delete')).toBe('session-logout');
      expect(routeOf(`${apiBase}${variant}?x=1`, apiBase, 'get')).toBe('session-read');
      expect(routeOf(`${apiBase}${variant}#y`, apiBase, 'post')).toBe('session-login');
    }
  });

  it('issue 8.6: the same through a different spelling of the API base, and through DF’s /api/{service} alias', () => {
    expect(routeOf('https://df.example.com/API//v2/user/session', base, 'put')).toBe('session-refresh');
    expect(routeOf('https://df.example.com/api/v2/../v2/user/session', base, 'delete')).toBe('session-logout');
    expect(routeOf('https://df.example.com/api/user/session', base, 'put')).toBe('session-refresh');
    expect(routeOf('https://df.example.com/api/system/admin/session', base, 'get')).toBe('session-read');
    expect(routeOf('https://df.example.com/tenant/api/user/session', 'https://df.example.com/tenant/api/v2', 'put')).toBe(
      'session-refresh',
    );
  });

  it('paths that only look alike stay private; the environment is public only on the API base', () => {
    for (const path of ['/user/sessions', '/user/session/x', '/usersession', '/db/_table/session', '/user/session%3Fx', '/user/ses%2Fsion']) {
      expect(routeOf(`${base}${path}`, base, 'put'), path).toBe('private');
    }
    expect(routeOf('https://df.example.com/other/user/session', base, 'put')).toBe('private');
    expect(routeOf(`${base}/system//environment`, base, 'get')).toBe('public');
    expect(routeOf('https://df.example.com/api/system/environment', base, 'get')).toBe('private');
  });
});
