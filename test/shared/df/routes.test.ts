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
