// The session manager over real loopback HTTP (DF test server), a real conf settings file and a vault.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../../../../electron/main/ports.ts';
import { insecureHttpRefusal } from '../../../../electron/main/services/session-manager.ts';
import { SESSION_PROFILES_KEY } from '../../../../electron/main/services/sessions/session-profiles.ts';
import { apiKeyAccount, tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import { findSecrets, JWT_SHAPE } from './fixtures/secret-walk.ts';
import { sessionHarness } from './fixtures/session-harness.ts';
import type { Harness } from './fixtures/session-harness.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { ADMIN_SIGN_IN, API_KEY, JANE } from '../../../fixtures/users.ts';

async function addInstance(h: Harness, url: string, extra: { tag?: 'prod' | 'dev'; apiKey?: string } = {}) {
  return h.registry.add({ name: 'DF', url, apiKey: extra.apiKey ?? API_KEY, ...(extra.tag ? { tag: extra.tag } : {}) });
}


describe('signIn', () => {
  it('signs in with an email, keeps the token in the vault under <id>/<login> and only a summary in the settings', async () => {
    const server = await dfServer({ allowForever: true });
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);

    const status = await h.sessions.signIn(instance.id, JANE);

    expect(status).toMatchObject({
      instanceId: instance.id,
      state: 'active',
      admin: false,
      forever: true,
      refreshCount: 0,
      persistence: 'keychain',
      user: { id: 1, name: 'Jane Doe', email: 'jane@example.com', isSysAdmin: false, role: 'mobile_user' },
    });
    expect(status.expiresAt).toBeGreaterThan(Date.now() + 3000 * 1000);
    expect(status.refreshWindowEndsAt).toBeGreaterThan(status.expiresAt ?? 0);
    const token = await h.vault.get(tokenAccount(instance.id, JANE.email));
    expect(token).toMatch(JWT_SHAPE);
    expect(h.registry.getLastLogin(instance.id)).toEqual({ login: JANE.email, admin: false, signedInAt: expect.any(Number) });
    expect(h.profiles.get(instance.id)?.user).toEqual(status.user);
    const file = readFileSync(join(h.dir, 'settings.json'), 'utf8');
    expect(file).toContain('Jane Doe');
    expect(file).not.toMatch(JWT_SHAPE);
    expect(file).not.toContain(API_KEY);
    expect(await h.sessions.status(instance.id)).toEqual(status);
    expect(findSecrets(status, [token ?? '', API_KEY])).toEqual([]);
  });

  it('asks for "remember me" by default; a server that ignores it yields forever: false', async () => {
    const allows = await dfServer({ allowForever: true });
    const ignores = await dfServer({ allowForever: false });
    const h = sessionHarness();
    const a = await addInstance(h, allows.url);
    const b = await addInstance(h, ignores.url);
    expect((await h.sessions.signIn(a.id, JANE)).forever).toBe(true);
    expect((await h.sessions.signIn(b.id, JANE)).forever).toBe(false);
    expect((await h.sessions.signIn(a.id, { ...JANE, rememberMe: false })).forever).toBe(false);
  });

  it('signs in by username where DF_LOGIN_ATTRIBUTE=username', async () => {
    const server = await dfServer({ loginAttribute: 'username' });
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    const status = await h.sessions.signIn(instance.id, { username: 'jane', password: 'jane-password' });
    expect(status).toMatchObject({ state: 'active', user: { name: 'Jane Doe' } });
    expect(await h.vault.get(tokenAccount(instance.id, 'jane'))).toMatch(JWT_SHAPE);
    expect(h.registry.getLastLogin(instance.id)).toEqual({ login: 'jane', admin: false, signedInAt: expect.any(Number) });
  });

  it('signs an admin in at /system/admin/session', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    const status = await h.sessions.signIn(instance.id, ADMIN_SIGN_IN);
    expect(status).toMatchObject({ state: 'active', admin: true, user: { isSysAdmin: true } });
    expect(server.requestLog.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v2/system/admin/session');
    expect(h.registry.getLastLogin(instance.id)).toEqual({ login: ADMIN_SIGN_IN.email, admin: true, signedInAt: expect.any(Number) });
  });

  it("rejects wrong credentials with DF's message and changes nothing", async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    const error = await rejection(h.sessions.signIn(instance.id, { email: JANE.email, password: 'wrong' }), DeskError);
    expect(error.kind).toBe('bad-credentials');
    expect(error.message).toBe('Invalid credentials supplied.');
    expect(error.status).toBe(401);
    expect((await h.sessions.status(instance.id)).state).toBe('signed-out');
    expect(await h.vault.findAccounts(`${instance.id}/`)).toEqual([apiKeyAccount(instance.id)]);
    expect(h.registry.getLastLogin(instance.id)).toBeUndefined();
    expect(h.events).toEqual([]);
  });

  it('refuses invalid input and unknown instances before any request', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    expect((await rejection(h.sessions.signIn(instance.id, { password: 'x' }), DeskError)).kind).toBe('invalid-input');
    expect((await rejection(h.sessions.signIn('nope', JANE), DeskError)).kind).toBe('unknown-instance');
    expect(server.stats.requests).toBe(0);
  });

  it('signing in as another user ends the previous session and deletes its token', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    const status = await h.sessions.signIn(instance.id, ADMIN_SIGN_IN);
    expect(status).toMatchObject({ state: 'active', admin: true, user: { name: 'Admin User' } });
    expect(await h.vault.get(tokenAccount(instance.id, JANE.email))).toBeNull();
    expect(await h.vault.get(tokenAccount(instance.id, ADMIN_SIGN_IN.email))).toMatch(JWT_SHAPE);
    expect(server.requestLog.some((r) => r.method === 'DELETE' && r.path === '/api/v2/user/session')).toBe(true);
    // The new client is the one requests use.
    const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/system/admin/session' });
    expect(answer.status).toBe(200);
  });

  it('keeps the session in memory when the keychain refuses to save (persistence: memory)', async () => {
    const server = await dfServer();
    const inner = createMemoryVault({ mode: 'keychain' });
    const refusing: SecretVault = {
      ...inner,
      set: async (account, secret) => {
        if (account.endsWith('/api-key')) return inner.set(account, secret);
        throw new DeskError('vault', 'Could not save to the system keychain. The login keyring is locked.');
      },
    };
    const h = sessionHarness({ vault: refusing });
    const instance = await addInstance(h, server.url);
    const status = await h.sessions.signIn(instance.id, JANE);
    expect(status).toMatchObject({ state: 'active', persistence: 'memory' });
    const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    expect(answer.status).toBe(200);
    expect(h.logger.lines.some((line) => /kept in memory/.test(line.message))).toBe(true);
  });
});

describe('signOut, refresh, status', () => {
  it('signOut ends the session on the server, deletes the token and forgets the login', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    const status = await h.sessions.signOut(instance.id);
    expect(status).toEqual({
      instanceId: instance.id,
      state: 'signed-out',
      admin: false,
      forever: false,
      refreshCount: 0,
      persistence: 'keychain',
    });
    expect(server.requestLog.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v2/user/session' });
    expect(await h.vault.get(tokenAccount(instance.id, JANE.email))).toBeNull();
    expect(h.registry.getLastLogin(instance.id)).toBeUndefined();
    expect(h.profiles.get(instance.id)).toBeUndefined();
    expect(h.events.at(-1)?.state).toBe('signed-out');
  });

  it('refresh ("Refresh now") sends one PUT and counts it', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    const oldToken = await h.vault.get(tokenAccount(instance.id, JANE.email));
    server.stats.reset();
    const after = await h.sessions.refresh(instance.id);
    expect(server.stats.refreshAttempts).toBe(1);
    expect(after).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(after.lastRefreshAt).toBeGreaterThan(Date.now() - 5000);
    const newToken = await h.vault.get(tokenAccount(instance.id, JANE.email));
    expect(newToken).toMatch(JWT_SHAPE);
    expect(newToken).not.toBe(oldToken);
  });

  it('refresh without a session is session-ended, without a request', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    const error = await rejection(h.sessions.refresh(instance.id), DeskError);
    expect(error.kind).toBe('session-ended');
    expect(server.stats.requests).toBe(0);
  });

  it('status of an instance nobody signed in to is signed-out; of an unknown one, unknown-instance', async () => {
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'X', url: 'https://df.example.com' });
    expect(await h.sessions.status(instance.id)).toMatchObject({ state: 'signed-out', refreshCount: 0 });
    expect((await rejection(h.sessions.status('missing'), DeskError)).kind).toBe('unknown-instance');
  });
});

describe('restore at launch', () => {
  it('a still-valid token: active with the saved user, zero requests', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    const before = await h.sessions.signIn(instance.id, JANE);
    await h.sessions.dispose();
    server.stats.reset();

    const next = h.relaunch();
    const status = await next.sessions.status(instance.id);
    expect(status).toMatchObject({ state: 'active', user: before.user, admin: false, refreshCount: 0 });
    expect(Math.abs((status.expiresAt ?? 0) - (before.expiresAt ?? 0))).toBeLessThan(1000);
    expect(server.stats.requests).toBe(0);
    expect((await next.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' })).status).toBe(200);
  });

  it('an expired token inside its window: exactly one PUT, then active', async () => {
    const clock = new ManualClock();
    const server = await dfServer({ ttlSeconds: 60, clock });
    const h = sessionHarness({ clock });
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    await h.sessions.dispose();
    clock.t += 120_000; // the desk's clock and the server's
    server.stats.reset();

    const next = h.relaunch();
    const status = await next.sessions.status(instance.id);
    expect(server.stats.requests).toBe(1);
    expect(server.stats.refreshAttempts).toBe(1);
    expect(status).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(next.events.map((e) => e.state)).toEqual(['active']);
  });

  it('past the refresh window: needs-sign-in with the reason and the user, no request, token deleted', async () => {
    const clock = new ManualClock();
    const server = await dfServer({ ttlSeconds: 60, refreshTtlSeconds: 120, clock });
    const h = sessionHarness({ clock, refreshWindowSeconds: 120 });
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, { ...JANE, rememberMe: false });
    await h.sessions.dispose();
    clock.t += 200_000; // the desk's clock and the server's
    server.stats.reset();

    const next = h.relaunch();
    const status = await next.sessions.status(instance.id);
    expect(status.state).toBe('needs-sign-in');
    expect(status.endedReason).toMatch(/refresh window/);
    expect(status.user?.name).toBe('Jane Doe');
    expect(server.stats.requests).toBe(0);
    expect(await h.vault.get(tokenAccount(instance.id, JANE.email))).toBeNull();
  });

  it('a token missing from the keychain: needs-sign-in that says so', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    await h.sessions.dispose();
    await h.vault.delete(tokenAccount(instance.id, JANE.email));

    const status = await h.relaunch().sessions.status(instance.id);
    expect(status.state).toBe('needs-sign-in');
    expect(status.endedReason).toMatch(/not found in the keychain/);
  });

  it('after a restart in session-only mode the reason names the keychain problem', async () => {
    const server = await dfServer();
    const health = { mode: 'session-only' as const, reason: 'No keychain service is running.', fix: 'Install one.' };
    const h = sessionHarness({ vault: createMemoryVault(health) });
    const instance = await addInstance(h, server.url);
    expect((await h.sessions.signIn(instance.id, JANE)).persistence).toBe('memory');
    await h.sessions.dispose();

    const status = await h.relaunch({ vault: createMemoryVault(health) }).sessions.status(instance.id);
    expect(status).toMatchObject({ state: 'needs-sign-in', persistence: 'memory', user: { name: 'Jane Doe' } });
    expect(status.endedReason).toMatch(/could not use the system keychain.*No keychain service is running/);
  });

  it('restores every saved session in parallel', async () => {
    const servers = await Promise.all([dfServer(), dfServer(), dfServer()]);
    const h = sessionHarness();
    const instances = [];
    for (const server of servers) instances.push(await addInstance(h, server.url));
    for (const instance of instances) await h.sessions.signIn(instance.id, JANE);
    await h.sessions.dispose();
    for (const server of servers) server.stats.reset();

    const next = h.relaunch({ skipRestore: true });
    await next.sessions.restoreAll();
    const states = await Promise.all(instances.map((i) => next.sessions.status(i.id)));
    expect(states.map((s) => s.state)).toEqual(['active', 'active', 'active']);
    expect(servers.map((s) => s.stats.requests)).toEqual([0, 0, 0]);
  });

  it('a plain-http remote instance without consent is not contacted: needs-sign-in, sign-in refused', async () => {
    const h = sessionHarness();
    // Only an upgraded (schema 0) file can hold such an instance; write one directly.
    h.store.set('instances', [
      {
        id: 'legacy1',
        name: 'Legacy',
        url: 'http://df.example.com',
        tag: 'other',
        color: '#546e7a',
        favorite: false,
        hasApiKey: false,
        allowInsecureHttp: false,
        lastLogin: { login: JANE.email, admin: false },
      },
    ]);
    await h.vault.set(tokenAccount('legacy1', JANE.email), 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE5OTk5OTk5OTl9.c2ln');
    const next = h.relaunch();
    const status = await next.sessions.status('legacy1');
    // Blocked: the way out is the Edit form (confirming plain http), not a sign-in.
    expect(status).toMatchObject({ state: 'needs-sign-in', endedReason: insecureHttpRefusal, blocked: true });
    const error = await rejection(next.sessions.signIn('legacy1', JANE), DeskError);
    expect(error.kind).toBe('refused');
    expect((await rejection(next.proxy.request('legacy1', { method: 'GET', path: '/' }), DeskError)).kind).toBe('refused');
  });
});

describe('events', () => {
  it('pushes sign-in, refresh, sign-out, without duplicates', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    await h.sessions.refresh(instance.id);
    await h.sessions.signOut(instance.id);
    expect(h.events.map((e) => e.state)).toEqual(['active', 'refreshing', 'active', 'signed-out']);
    expect(h.events[2]?.refreshCount).toBe(1);
    expect(h.events.every((e) => e.instanceId === instance.id)).toBe(true);
  });

  it('keep-alive refreshes an idle session before it expires and says so', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const server = await dfServer({ ttlSeconds: 0.6, clock });
    const h = sessionHarness({ clock, timers });
    timers.settle = h.settled;
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    await timers.advance(600); // to the token's exp: the keep-alive point (exp − 60 ms) has passed
    expect(h.events.some((e) => e.refreshCount === 1 && e.state === 'active')).toBe(true);
    expect(server.stats.refreshSuccesses).toBeGreaterThanOrEqual(1);
  });

  it('a revoked session ends: needs-sign-in pushed once, requests reject session-ended, token deleted', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    server.revokeUser(JANE.email);

    const error = await rejection(h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' }), DeskError);
    expect(error.kind).toBe('session-ended');
    const ended = h.events.filter((e) => e.state === 'needs-sign-in');
    expect(ended).toHaveLength(1);
    expect(ended[0]?.endedReason).toMatch(/blacklisted/);
    expect(await h.vault.get(tokenAccount(instance.id, JANE.email))).toBeNull();
    expect((await h.sessions.status(instance.id)).state).toBe('needs-sign-in');
    // A new sign-in brings it back.
    expect((await h.sessions.signIn(instance.id, JANE)).state).toBe('active');
  });
});

describe('instance changes', () => {
  it('a new URL drops the session: client gone, token deleted, signed-out pushed', async () => {
    const server = await dfServer();
    const other = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    const previousLogin = h.registry.getLastLogin(instance.id)?.login;
    await h.registry.update(instance.id, { url: other.url });
    await h.sessions.instanceUpdated(instance.id, { urlChanged: true, apiKeyChanged: false, previousLogin });

    expect((await h.sessions.status(instance.id)).state).toBe('signed-out');
    expect(await h.vault.get(tokenAccount(instance.id, JANE.email))).toBeNull();
    expect(h.profiles.get(instance.id)).toBeUndefined();
    expect(h.events.at(-1)?.state).toBe('signed-out');
    await h.proxy.request(instance.id, { method: 'GET', path: '/system/environment' });
    expect(other.stats.requests).toBe(1);
  });

  it('a new API key rebuilds the client around the stored token: no request, and the next call sends the new key', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    server.stats.reset();
    await h.registry.update(instance.id, { apiKey: 'second-key' });
    await h.sessions.instanceUpdated(instance.id, { urlChanged: false, apiKeyChanged: true, previousLogin: JANE.email });
    expect(await h.sessions.status(instance.id)).toMatchObject({ state: 'active', user: { name: 'Jane Doe' } });
    expect(server.stats.requests).toBe(0);
    await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts' });
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-api-key']).toBe('second-key');
  });

  it('removing stops the keep-alive timer: no request after removal', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const server = await dfServer({ ttlSeconds: 0.5, clock });
    const h = sessionHarness({ clock, timers });
    timers.settle = h.settled;
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    expect(timers.pending.size).toBe(1);
    await h.sessions.instanceRemoving(instance.id);
    await h.registry.remove(instance.id);
    expect(timers.pending.size).toBe(0);
    server.stats.reset();
    await timers.advance(900); // past the keep-alive point and the token's exp
    expect(server.stats.requests).toBe(0);
    expect(await h.vault.findAccounts(`${instance.id}/`)).toEqual([]);
    expect((await rejection(h.sessions.status(instance.id), DeskError)).kind).toBe('unknown-instance');
  });
});

describe('the settings file', () => {
  it('keeps the user summary under its own key, and survives a damaged summary', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await addInstance(h, server.url);
    await h.sessions.signIn(instance.id, JANE);
    const file = join(h.dir, 'settings.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(parsed[SESSION_PROFILES_KEY] as object)).toEqual([instance.id]);
    await h.sessions.dispose();

    parsed[SESSION_PROFILES_KEY] = { [instance.id]: { user: 'not a user' } };
    writeFileSync(file, JSON.stringify(parsed));
    const status = await h.relaunch().sessions.status(instance.id);
    expect(status.state).toBe('active');
    expect(status.user).toBeUndefined();
  });
});
