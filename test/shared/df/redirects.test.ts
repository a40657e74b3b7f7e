// Credentials stay on the instance's origin: redirects and absolute URLs over real loopback HTTP, every era.
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/index.ts';
import { CONTACTS, ERAS, harness, hasDfHeaders } from './helpers.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { JANE } from '../../fixtures/users.ts';

describe.each(ERAS)('redirects on DF %s', (era) => {
  it.each([301, 302, 307, 308] as const)('a cross-origin %i is not followed and the other server gets nothing', async (status) => {
    const h = await harness(era);
    const other = await dfServer({ profile: era });
    await h.client.login(JANE);
    h.server.setRedirect('/api/v2/db/_table/moved', `${other.url}/api/v2/db/_table/contacts`, status);
    const error = await rejection(h.client.http.get('/db/_table/moved'), DfError);
    expect(error).toBeInstanceOf(DfError);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
    expect(error.message).toContain(other.url);
    expect(error.message).toMatch(/update the instance URL/);
    expect(other.requestLog).toHaveLength(0);
    expect(other.requestLog.every((entry) => !hasDfHeaders(entry.headers))).toBe(true);
    expect(h.client.status().state).toBe('active');
  });

  it('a redirected sign-in is not followed to another origin (no password, no key there)', async () => {
    const h = await harness(era);
    const other = await dfServer({ profile: era });
    h.server.setRedirect('/api/v2/user/session', `${other.url}/api/v2/user/session`, 307);
    const error = await rejection(h.client.login(JANE), DfError);
    expect(error.kind).toBe('http');
    expect(error.message).toContain(other.url);
    expect(other.requestLog).toHaveLength(0);
  });

  it('a same-origin redirect is followed with the credentials', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.setRedirect('/api/v2/db/_table/people', '/api/v2/db/_table/contacts?limit=2', 301);
    const response = await h.client.http.get('/db/_table/people', { params: { limit: 9 } });
    expect(response.status).toBe(200);
    // The Location is authoritative: the original query is not appended again.
    expect((response.data as { resource: unknown[] }).resource).toHaveLength(2);
    const followed = h.server.requestLog.at(-1);
    expect(followed?.path).toBe('/api/v2/db/_table/contacts?limit=2');
    expect(followed?.headers['x-dreamfactory-session-token']).toBe(h.store.value);
  });

  it('a 303 after a POST continues as GET without the body', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    // The test server sends any status it is given; its type just does not list 303.
    h.server.setRedirect('/api/v2/db/_table/submit', '/api/v2/db/_table/contacts?limit=1', 303 as 302);
    const response = await h.client.http.post('/db/_table/submit', { resource: [{ first_name: 'x' }] });
    expect(response.status).toBe(200);
    expect(h.server.requestLog.at(-1)).toMatchObject({ method: 'GET', path: '/api/v2/db/_table/contacts?limit=1' });
  });

  it('a same-origin redirect loop stops after 5 hops', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.server.setRedirect('/api/v2/a', '/api/v2/b');
    h.server.setRedirect('/api/v2/b', '/api/v2/a');
    h.server.stats.reset();
    const error = await rejection(h.client.http.get('/a'), DfError);
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/more than 5/);
    expect(h.server.stats.requests).toBe(6);
  });

  it('refuses absolute and protocol-relative URLs and baseURL overrides to other origins', async () => {
    const h = await harness(era);
    const other = await dfServer({ profile: era });
    await h.client.login(JANE);
    const otherHost = other.url.replace(/^http:/, '');
    const attempts = [
      () => h.client.http.get(`${other.url}/api/v2${CONTACTS}`),
      () => h.client.http.get(`${otherHost}/api/v2${CONTACTS}`),
      () => h.client.http.get(CONTACTS, { baseURL: `${other.url}/api/v2` }),
      () => h.client.http.get(`${h.server.url.replace('127.0.0.1', 'localhost')}/api/v2${CONTACTS}`),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt(), DfError);
      expect(error.kind).toBe('bad-request');
      expect(error.message).toMatch(/Refused/);
    }
    expect(other.requestLog).toHaveLength(0);
    // An absolute URL on the instance's own origin is fine.
    expect((await h.client.http.get(`${h.server.url}/api/v2${CONTACTS}`, { params: { limit: 1 } })).status).toBe(200);
  });
});
