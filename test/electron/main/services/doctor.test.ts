// The forever-sessions doctor's facts through the desk API: real DF test servers, a memory vault.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import { openDesk, removeDataDirs } from './fixtures/desk-harness.ts';
import { findSecrets } from './fixtures/secret-walk.ts';

afterAll(() => removeDataDirs());

describe('instances.doctor', () => {
  it('signed out: the server’s answer, a signed-out session, no token', async () => {
    const server = await dfServer({ allowForever: false });
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const instance = await desk.api.instances.add({ name: 'Dev', url: server.url, apiKey: API_KEY });
    const facts = await desk.api.instances.doctor(instance.id);
    expect(facts).toMatchObject({
      url: server.url,
      server: { kind: 'environment', allowForeverSessions: false, loginAttribute: 'email', version: '7.7.0' },
      session: { state: 'signed-out', refreshed: false, keepAlive: false },
    });
    expect(facts.session?.token).toBeUndefined();
  });

  it('signed in: the token’s claims and DF Desk’s plan, read on the desk’s clock, never the token', async () => {
    const clock = new ManualClock();
    const server = await dfServer({ allowForever: true, ttlSeconds: 3600, clock });
    const vault = createMemoryVault({ mode: 'keychain' });
    const desk = await openDesk({ vault, clock, timers: new ManualTimers(clock) });
    const instance = await desk.api.instances.add({ name: 'Dev', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, { ...JANE, rememberMe: true });
    const facts = await desk.api.instances.doctor(instance.id);
    const nowS = clock.now() / 1000;
    expect(facts.checkedAt).toBe(clock.now());
    expect(facts.session).toMatchObject({
      state: 'active',
      token: { forever: true, issuedAt: nowS, notBefore: nowS, expires: nowS + 3600, legacyClaims: false },
      expiresAt: expect.any(Number),
      nextRefreshAt: expect.any(Number),
      keepAlive: true,
      refreshed: false,
    });
    expect(facts.session?.nextRefreshAt).toBeLessThan(facts.session?.expiresAt ?? 0);
    const token = await vault.get(tokenAccount(instance.id, JANE.email));
    expect(token).not.toBeNull();
    expect(findSecrets(facts, [API_KEY, token ?? ''])).toEqual([]);
  });

  it('a pinned or keyless instance is checked the way it connects; an unknown id is refused', async () => {
    const server = await dfServer({ profile: '2.14', allowForever: true });
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const keyless = await desk.api.instances.add({ name: 'No key', url: server.url });
    // Without a key DF 2.10+ hides its version: the doctor says so rather than guessing.
    expect((await desk.api.instances.doctor(keyless.id)).server).toEqual({ kind: 'environment', allowForeverSessions: true, loginAttribute: 'email' });
    expect((await rejection(desk.api.instances.doctor('no-such-instance'), DeskError)).kind).toBe('unknown-instance');
  });
});
