// Issue 8, item 12: Windows Credential Manager matches account names case-insensitively. A login `API-KEY`
// must not land on the instance's API key, and entries an earlier DF Desk saved under the old names move to
// the new ones at their first use (read old, write new, delete old). On a memory vault that folds case as
// Credential Manager does (fixtures/case-insensitive-vault.ts), with a real DF test server.
import { describe, expect, it } from 'vitest';
import {
  apiKeyAccount,
  bindingAccount,
  legacyApiKeyAccount,
  legacyTokenAccount,
  tokenAccount,
} from '../../../../electron/main/services/instances/vault-accounts.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import { caseInsensitiveVault } from './fixtures/case-insensitive-vault.ts';
import { sessionHarness } from './fixtures/session-harness.ts';

const SHOUTING = { email: 'shout@example.com', password: 'shout-password', username: 'API-KEY', name: 'Shouting User' };

describe('item12-keychain-case-folding: account names that stay apart when case is folded', () => {
  it('signing in as "API-KEY" keeps the API key; signing out leaves it too', async () => {
    const server = await dfServer({ loginAttribute: 'username', users: [SHOUTING] });
    const vault = caseInsensitiveVault();
    const h = sessionHarness({ vault });
    const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });

    await h.sessions.signIn(instance.id, { username: SHOUTING.username, password: SHOUTING.password });
    expect(await h.registry.getApiKey(instance.id)).toBe(API_KEY);
    expect(await vault.get(tokenAccount(instance.id, 'API-KEY'))).toMatch(/^eyJ/);
    await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-api-key']).toBe(API_KEY);

    await h.sessions.signOut(instance.id);
    expect(await h.registry.getApiKey(instance.id)).toBe(API_KEY);
    expect(vault.names()).toEqual([apiKeyAccount(instance.id), bindingAccount(instance.id)].sort());
  });

  it('entries under the old names move at the first launch: read old, write new, delete old; the session resumes', async () => {
    const server = await dfServer();
    const vault = caseInsensitiveVault();
    const first = sessionHarness({ vault });
    const instance = await first.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    await first.sessions.signIn(instance.id, JANE);
    await first.sessions.dispose();
    const token = (await vault.get(tokenAccount(instance.id, JANE.email))) ?? '';
    // The keychain as an earlier DF Desk left it: `<id>/api-key`, `<id>/<login>`, no binding tag.
    for (const account of vault.names()) await vault.delete(account);
    await vault.set(`${instance.id}/api-key`, API_KEY);
    await vault.set(`${instance.id}/${JANE.email}`, token);

    server.stats.reset();
    const next = first.relaunch();
    expect(await next.sessions.status(instance.id)).toMatchObject({ state: 'active', user: { name: 'Jane Doe' } });
    expect(server.stats.requests).toBe(0);
    expect(vault.names()).toEqual([apiKeyAccount(instance.id), bindingAccount(instance.id), tokenAccount(instance.id, JANE.email)].sort());
    expect(await vault.get(apiKeyAccount(instance.id))).toBe(API_KEY);
    expect(await vault.get(tokenAccount(instance.id, JANE.email))).toBe(token);
    await next.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    expect(server.requestLog.at(-1)?.headers).toMatchObject({ 'x-dreamfactory-api-key': API_KEY, 'x-dreamfactory-session-token': token });
  });

  it('an instance with only an old-name key (nobody signed in) keeps it: bound to its address at first use', async () => {
    const server = await dfServer();
    const vault = caseInsensitiveVault();
    const first = sessionHarness({ vault });
    const instance = await first.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    await first.sessions.dispose();
    for (const account of vault.names()) await vault.delete(account);
    await vault.set(legacyApiKeyAccount(instance.id), API_KEY);

    const next = first.relaunch();
    await next.proxy.request(instance.id, { method: 'GET', path: '/' });
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-api-key']).toBe(API_KEY);
    expect(vault.names()).toEqual([apiKeyAccount(instance.id), bindingAccount(instance.id)].sort());
  });

  it('an old-name key that a login "API-KEY" had overwritten with its token is not taken for a key', async () => {
    const server = await dfServer();
    const vault = caseInsensitiveVault();
    const first = sessionHarness({ vault });
    const instance = await first.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    await first.sessions.signIn(instance.id, JANE);
    await first.sessions.dispose();
    const token = (await vault.get(tokenAccount(instance.id, JANE.email))) ?? '';
    for (const account of vault.names()) await vault.delete(account);
    await vault.set(legacyApiKeyAccount(instance.id), token);
    await vault.set(legacyTokenAccount(instance.id, 'API-KEY'), token); // the same entry, folded

    const next = first.relaunch();
    await next.sessions.status(instance.id);
    expect(await vault.get(apiKeyAccount(instance.id))).toBeNull();
    await next.proxy.request(instance.id, { method: 'GET', path: '/' }).catch(() => undefined);
    expect(server.requestLog.at(-1)?.headers['x-dreamfactory-api-key']).not.toBe(token);
  });
});
