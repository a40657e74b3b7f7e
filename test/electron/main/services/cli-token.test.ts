// The token accessor behind `dfdesk token`: a real desk over a DF test server (memory vault posing as the
// keychain, a manual clock shared with the server), so "due", "expired" and "the keychain refused" are exact.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import type { SecretVault } from '../../../../electron/main/ports.ts';
import { createCliTokens } from '../../../../electron/main/services/cli-token.ts';
import type { InstanceClient } from '../../../../electron/main/services/session-manager.ts';
import { tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import { readTokenClaims } from '../../../../shared/df/index.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import { openDesk, removeDataDirs } from './fixtures/desk-harness.ts';

afterAll(() => removeDataDirs());

/** A keychain-like memory vault whose writes can be refused from some moment on. */
function refusingVault(): SecretVault & { refuse: boolean } {
  const inner = createMemoryVault({ mode: 'keychain' });
  const vault = {
    ...inner,
    refuse: false,
    set: (account: string, secret: string) =>
      vault.refuse ? Promise.reject(new Error('The keychain is locked.')) : inner.set(account, secret),
  };
  return vault;
}

async function signedIn(options: { ttlSeconds?: number } = {}) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const server = await dfServer({ allowForever: true, ttlSeconds: options.ttlSeconds ?? 600, clock });
  const vault = refusingVault();
  const desk = await openDesk({ vault, clock, timers });
  const instance = await desk.api.instances.add({ name: 'Dev', url: server.url, apiKey: API_KEY });
  await desk.api.session.signIn(instance.id, { ...JANE, rememberMe: true });
  return { clock, server, vault, desk, id: instance.id };
}

async function contactsWith(serverUrl: string, token: string): Promise<number> {
  const response = await fetch(`${serverUrl}/api/v2/db/_table/contacts?limit=1`, {
    headers: { 'X-DreamFactory-API-Key': API_KEY, 'X-DreamFactory-Session-Token': token },
  });
  return response.status;
}

describe('cliTokens.currentToken', () => {
  it('hands out the token the session holds, which DF accepts, without a request of its own', async () => {
    const { desk, server, vault, id } = await signedIn();
    server.stats.reset();
    const token = await desk.cliTokens.currentToken(id);
    expect(token).toBe(await vault.get(tokenAccount(id, JANE.email)));
    expect(server.stats.requests).toBe(0);
    expect(await contactsWith(server.url, token)).toBe(200);
  });

  it('refreshes first when the token is due, and hands out the new one', async () => {
    const { desk, server, clock, id } = await signedIn({ ttlSeconds: 60 });
    const before = await desk.cliTokens.currentToken(id);
    clock.t += 57_000;
    const after = await desk.cliTokens.currentToken(id);
    expect(server.stats.refreshSuccesses).toBe(1);
    expect(after).not.toBe(before);
    expect(readTokenClaims(after)?.exp).toBeGreaterThan(readTokenClaims(before)?.exp ?? Infinity);
    expect(await contactsWith(server.url, after)).toBe(200);
  });

  it('refuses when nobody is signed in (session-ended), naming no token', async () => {
    const { desk, id } = await signedIn();
    await desk.api.session.signOut(id);
    const error = await rejection(desk.cliTokens.currentToken(id), DeskError);
    expect(error.kind).toBe('session-ended');
    const keyOnly = await desk.api.instances.add({ name: 'Key only', url: 'http://127.0.0.1:9', apiKey: API_KEY });
    expect((await rejection(desk.cliTokens.currentToken(keyOnly.id), DeskError)).kind).toBe('session-ended');
  });

  it('refuses when the keychain kept an older token than the session holds (it refused the last save)', async () => {
    const { desk, vault, clock, server, id } = await signedIn({ ttlSeconds: 60 });
    vault.refuse = true;
    clock.t += 57_000;
    const error = await rejection(desk.cliTokens.currentToken(id), DeskError);
    expect(server.stats.refreshSuccesses).toBe(1);
    expect(error.kind).toBe('vault');
    expect(error.message).toMatch(/keychain/);
  });

  it('says why when the token expired and the refresh it needed failed (the session is kept)', async () => {
    const { desk, clock, server, id } = await signedIn({ ttlSeconds: 60 });
    server.setFault({ kind: 'http500', count: 10 });
    clock.t += 61_000;
    const error = await rejection(desk.cliTokens.currentToken(id), DeskError);
    expect(error.kind).toBe('server');
    server.setFault(null);
    expect((await desk.api.session.status(id)).state).not.toBe('signed-out');
  });

  it('reads the keychain entry of the last login only', async () => {
    const vault = createMemoryVault({ mode: 'keychain' });
    await vault.set(tokenAccount('i1', 'someone@example.com'), 'not-a-jwt');
    const tokens = createCliTokens({
      registry: { getLastLogin: () => ({ login: 'jane@example.com', admin: false }) },
      sessions: {
        status: async () => ({ instanceId: 'i1', state: 'active', admin: false, forever: true, refreshCount: 0, persistence: 'keychain' }),
        client: async () => ({
          apiKey: null,
          client: { checkNow: async () => ({ state: 'active', forever: true, refreshCount: 0, token: { exp: 1, legacyClaims: false, refreshDueAt: 0 } }) },
        }) as unknown as InstanceClient,
      },
      vault,
      clock: { now: () => 0 },
    });
    expect((await rejection(tokens.currentToken('i1'), DeskError)).kind).toBe('vault');
  });
});
