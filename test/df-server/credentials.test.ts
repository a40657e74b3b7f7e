import { describe, expect, it } from 'vitest';
import { extractApiKey, extractBasicAuth, extractJwt } from './credentials.ts';
import { eraRules } from './era.ts';
import type { DfRequest } from './http-util.ts';

function request(parts: { query?: string; headers?: Record<string, string>; body?: unknown; pathname?: string }): DfRequest {
  return {
    method: 'GET',
    pathname: parts.pathname ?? '/api/v2/db',
    query: new URLSearchParams(parts.query ?? ''),
    headers: parts.headers ?? {},
    body: parts.body,
    urlWithoutQuery: 'http://x/api/v2/db',
  };
}

const latest = eraRules('latest');
const legacy = eraRules('2.0');

describe('extractApiKey', () => {
  it('query > header > body; body ignored on system/app paths and in 2.0', () => {
    expect(extractApiKey(latest, request({ query: 'api_key=q', headers: { 'x-dreamfactory-api-key': 'h' } }))).toBe('q');
    expect(extractApiKey(latest, request({ headers: { 'x-dreamfactory-api-key': 'h' }, body: { api_key: 'b' } }))).toBe('h');
    expect(extractApiKey(latest, request({ body: { api_key: 'b' } }))).toBe('b');
    expect(extractApiKey(latest, request({ body: { api_key: 'b' }, pathname: '/api/v2/system/app' }))).toBeNull();
    expect(extractApiKey(legacy, request({ body: { api_key: 'b' } }))).toBeNull();
    expect(extractApiKey(latest, request({ query: 'api_key=0' }))).toBeNull();
  });
});

describe('extractJwt', () => {
  it('Bearer > session header > session_token (body before query) > token (2.0 only)', () => {
    const all = { authorization: 'Bearer b', 'x-dreamfactory-session-token': 'h' };
    expect(extractJwt(latest, request({ headers: all }))).toBe('b');
    expect(extractJwt(latest, request({ headers: { 'x-dreamfactory-session-token': 'h' }, query: 'session_token=q' }))).toBe('h');
    expect(extractJwt(latest, request({ query: 'session_token=q', body: { session_token: 'b' } }))).toBe('b');
    expect(extractJwt(latest, request({ query: 'token=t' }))).toBeNull();
    expect(extractJwt(legacy, request({ query: 'token=t' }))).toBe('t');
  });

  it('any Authorization value containing "Bearer" yields the characters after position 7', () => {
    expect(extractJwt(latest, request({ headers: { authorization: 'xBearer abc' } }))).toBe(' abc');
  });
});

describe('extractBasicAuth', () => {
  it('parses user:password, ignores other schemes and empty parts', () => {
    const encoded = Buffer.from('a@b.c:p:w').toString('base64');
    expect(extractBasicAuth(request({ headers: { authorization: `Basic ${encoded}` } }))).toEqual({ user: 'a@b.c', password: 'p:w' });
    expect(extractBasicAuth(request({ headers: { authorization: 'Bearer x' } }))).toBeNull();
    expect(extractBasicAuth(request({ headers: { authorization: `Basic ${Buffer.from(':p').toString('base64')}` } }))).toBeNull();
  });
});
