// resume() at app launch, over real loopback HTTP on every era: as few requests as the stored token allows.
import { describe, expect, it } from 'vitest';
import type { DfError } from '../../../shared/df/index.ts';
import { CONTACTS, ERAS, MemoryTokenStore, harness, makeClient, pauseTimers } from './helpers.ts';
import type { Harness } from './helpers.ts';
import { JANE } from '../../fixtures/users.ts';

/** A second client on the same store and clock (and timers like the harness's): the app after a relaunch. */
function relaunch(h: Harness, options: { refreshWindowSeconds?: number; refreshLeewaySeconds?: number } = {}) {
  const ended: DfError[] = [];
  const timers = pauseTimers(h.clock);
  const client = makeClient(h.server.url, h.store, { clock: h.clock, timers, onSessionEnd: (error) => ended.push(error), ...options });
  return { client, ended };
}

describe.each(ERAS)('resume on DF %s', (era) => {
  it('a still-valid stored token → active with zero network calls', async () => {
    const h = await harness(era);
    const info = await h.client.login(JANE);
    h.server.stats.reset();
    const app = relaunch(h);
    const status = await app.client.resume();
    expect(status).toMatchObject({ state: 'active', userId: 1, forever: false, refreshCount: 0 });
    // Login measured the offset (an upper bound: early by up to the request's duration); resume had to assume 0.
    expect(Math.abs((status.expiresAt ?? 0) - info.expiresAt)).toBeLessThan(500);
    expect(status.refreshWindowEndsAt).toBeGreaterThan(h.clock.now() + 13 * 24 * 3600 * 1000);
    expect(h.server.stats.requests).toBe(0);
    expect((await app.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
  });

  it('an expired token inside the refresh window → exactly one PUT', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const stored = h.store.value;
    h.advance(2.5);
    h.server.stats.reset();
    const app = relaunch(h);
    const status = await app.client.resume();
    expect(h.server.stats.requests).toBe(1);
    expect(h.server.stats.refreshAttempts).toBe(1);
    if (era === '2.14') {
      // That era answers PUT with an expired token "Token has expired": a new sign-in is needed.
      expect(status.state).toBe('needs-sign-in');
      expect(h.store.value).toBeNull();
      expect(app.ended).toHaveLength(1);
    } else {
      expect(status).toMatchObject({ state: 'active', refreshCount: 1 });
      expect(h.store.value).not.toBe(stored);
      expect(app.ended).toHaveLength(0);
    }
  });

  it('past the (configured) refresh window → needs sign-in without any request', async () => {
    const h = await harness(era, { server: { refreshTtlSeconds: 5 } });
    await h.client.login(JANE);
    h.advance(6);
    h.server.stats.reset();
    const app = relaunch(h, { refreshWindowSeconds: 5 });
    const status = await app.client.resume();
    expect(status.state).toBe('needs-sign-in');
    expect(status.endedReason).toMatch(/refresh window/);
    expect(h.server.stats.requests).toBe(0);
    expect(h.store.value).toBeNull();
    expect(app.ended).toHaveLength(1);
  });

  it('past a window the client cannot know (default estimate) → one PUT, and the server’s verdict ends it', async () => {
    const h = await harness(era, { server: { refreshTtlSeconds: 5 } });
    await h.client.login(JANE);
    h.advance(6);
    h.server.stats.reset();
    const app = relaunch(h);
    expect((await app.client.resume()).state).toBe('needs-sign-in');
    expect(h.server.stats.requests).toBe(1);
    expect(app.ended).toHaveLength(1);
  });

  it('a server window longer than the assumed 14 days: day 15 still refreshes instead of dropping the session', async () => {
    const h = await harness(era, { server: { refreshTtlSeconds: 30 * 24 * 3600 } });
    await h.client.login(JANE);
    h.advance(15 * 24 * 3600);
    h.server.stats.reset();
    const app = relaunch(h);
    const status = await app.client.resume();
    expect(h.server.stats.refreshAttempts).toBe(1);
    // 2.14 cannot refresh an expired token at all; the others can, inside the server's real window.
    expect(status.state).toBe(era === '2.14' ? 'needs-sign-in' : 'active');
  });

  it('a refresh failing for network reasons keeps the stored token and the session', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const stored = h.store.value;
    h.advance(2.5);
    h.server.setFault({ kind: 'reset', count: 1 });
    const app = relaunch(h);
    const status = await app.client.resume();
    expect(status).toMatchObject({ state: 'active', lastError: { kind: 'network' } });
    expect(h.store.value).toBe(stored);
    expect(app.ended).toHaveLength(0);
  });

  it('server clock 10 minutes ahead: a fresh token is recognised as valid and refreshed in time', async () => {
    const h = await harness(era, { server: { clockOffsetSeconds: 600 } });
    await h.client.login(JANE);
    h.server.stats.reset();
    const app = relaunch(h, { refreshLeewaySeconds: 0.5 });
    expect((await app.client.resume()).state).toBe('active');
    expect(h.server.stats.requests).toBe(0);
    h.advance(1.6);
    expect((await app.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(h.server.stats.status401).toBe(0);
    expect(h.server.stats.refreshAttempts).toBe(1);
  });
});

describe('resume without a usable token', () => {
  it('no stored token → signed-out, no request', async () => {
    const h = await harness('latest');
    const status = await relaunch(h).client.resume();
    expect(status.state).toBe('signed-out');
    expect(h.server.stats.requests).toBe(0);
  });

  it('a stored value that is not a DF token → needs sign-in, store cleared, no request', async () => {
    const store = new MemoryTokenStore('not-a-token');
    const h = await harness('latest', { store });
    const status = await h.client.resume();
    expect(status.state).toBe('needs-sign-in');
    expect(store.value).toBeNull();
    expect(h.server.stats.requests).toBe(0);
    expect(h.ended).toHaveLength(1);
  });

  it('concurrent resume() calls share one load', async () => {
    const h = await harness('latest');
    await h.client.login(JANE);
    const app = relaunch(h);
    const loadsBefore = h.store.loads;
    const [a, b] = await Promise.all([app.client.resume(), app.client.resume()]);
    expect(a).toEqual(b);
    expect(h.store.loads - loadsBefore).toBe(1);
  });
});

describe('lazy resume: a client over a store that already holds a token, never resumed', () => {
  /** A second client on the harness's store, as a new process would build it: no resume() call. */
  const fresh = (h: Harness) => makeClient(h.server.url, h.store, { clock: h.clock, timers: pauseTimers(h.clock) });

  it('its first request carries the stored token: no PUT, no sign-in', async () => {
    const h = await harness('latest');
    await h.client.login(JANE);
    const stored = h.store.value;
    h.server.stats.reset();
    const client = fresh(h);
    expect(client.status().state).toBe('signed-out'); // nothing read before it is used
    expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(h.server.stats.requests).toBe(1);
    expect(h.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBe(stored);
    expect(client.status()).toMatchObject({ state: 'active', refreshCount: 0 });
  });

  it('20 first requests at once: one read of the store (single flight), every one with the token', async () => {
    const h = await harness('latest');
    await h.client.login(JANE);
    const stored = h.store.value;
    const loadsBefore = h.store.loads;
    h.server.stats.reset();
    const client = fresh(h);
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.http.get(CONTACTS, { params: { limit: 1 } })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(h.store.loads - loadsBefore).toBe(1);
    const gets = h.server.requestLog.filter((entry) => entry.method === 'GET');
    expect(gets).toHaveLength(20);
    expect(gets.every((entry) => entry.headers['x-dreamfactory-session-token'] === stored)).toBe(true);
  });

  it('a stored token past its expiry: one PUT first, then the request with the new token', async () => {
    const h = await harness('latest');
    await h.client.login(JANE);
    h.advance(2.5);
    h.server.stats.reset();
    const client = fresh(h);
    expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(h.server.stats.refreshAttempts).toBe(1);
    expect(h.server.stats.requests).toBe(2);
    expect(h.server.stats.status401).toBe(0);
  });

  it('refresh() resumes first; a resume that already had to refresh counts as the refresh', async () => {
    const h = await harness('latest');
    await h.client.login(JANE);
    h.server.stats.reset();
    expect(await fresh(h).refresh()).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(h.server.stats.refreshAttempts).toBe(1);
    h.advance(2.5);
    h.server.stats.reset();
    expect(await fresh(h).refresh()).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(h.server.stats.refreshAttempts).toBe(1);
  });

  it('an empty store: requests go with the API key only, the store is read once, and no status change is told', async () => {
    const h = await harness('latest');
    const client = fresh(h);
    const heard: string[] = [];
    client.onStatusChange((status) => heard.push(status.state));
    const loadsBefore = h.store.loads;
    for (let i = 0; i < 3; i++) expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(h.store.loads - loadsBefore).toBe(1);
    expect(h.server.requestLog.every((entry) => entry.headers['x-dreamfactory-session-token'] === undefined)).toBe(true);
    expect(heard).toEqual([]);
  });

  it('a store that cannot be read: the request still goes out (key only) and onStorageError hears why', async () => {
    const h = await harness('latest');
    const failures: unknown[] = [];
    const broken = { load: () => Promise.reject(new Error('keychain locked')), save: async () => {}, clear: async () => {} };
    const client = makeClient(h.server.url, broken, { clock: h.clock, onStorageError: (error) => failures.push(error) });
    expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(failures).toHaveLength(1);
    expect(client.status().state).toBe('signed-out');
  });

  it('a sign-out is final for this client: a token another client saves later is not picked up', async () => {
    const h = await harness('latest');
    const client = fresh(h);
    await client.logout();
    await h.client.login(JANE);
    h.server.stats.reset();
    await client.http.get(CONTACTS, { params: { limit: 1 } });
    expect(h.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBeUndefined();
  });
});
