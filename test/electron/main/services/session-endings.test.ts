// Issue 8, items 1 and 4: ending a session while the server holds its refresh. Removal, a new address and
// sign-out must leave no token behind (a refresh that lands later writes nothing), removal signs out on the
// server, and none of them waits behind the held refresh longer than the time limit. The desk and the DF test
// server share a manual clock; the server holds the refresh with its 'delay' fault (real loopback I/O).
import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import type { SecretVault } from '../../../../electron/main/ports.ts';
import { InstanceChanges } from '../../../../electron/main/services/instance-changes.ts';
import { bindingAccount, tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import { SESSION_END_TIMEOUT_MS } from '../../../../electron/main/services/sessions/bounded-wait.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import { waitFor } from '../../../fixtures/waiting.ts';
import { sessionHarness } from './fixtures/session-harness.ts';

/** A memory vault that records every write, so a test can ask what was written after a given moment. */
function recordingVault(): SecretVault & { writes: string[] } {
  const inner = createMemoryVault({ mode: 'keychain' });
  const writes: string[] = [];
  return {
    ...inner,
    writes,
    set: async (account, secret) => {
      writes.push(account);
      await inner.set(account, secret);
    },
  };
}

/** Signed in on a manual clock, with the next refresh held by the server for `holdMs` of real time. */
async function signedInWithHeldRefresh(holdMs: number) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const server = await dfServer({ clock, ttlSeconds: 3600 });
  const vault = recordingVault();
  const h = sessionHarness({ clock, timers, vault });
  const changes = new InstanceChanges(h.registry, h.sessions, h.profiles);
  const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
  await h.sessions.signIn(instance.id, JANE);
  const firstToken = await vault.get(tokenAccount(instance.id, JANE.email));
  server.setFault({ kind: 'delay', delayMs: holdMs, count: 1 });
  const refreshing = h.sessions.refresh(instance.id).catch(() => undefined);
  await waitFor(() => server.stats.refreshAttempts === 1, 'the refresh to reach the server');
  return { clock, timers, server, vault, h, changes, id: instance.id, firstToken, refreshing };
}

const deletes = <T extends { method: string }>(log: T[]): T[] => log.filter((entry) => entry.method === 'DELETE');

describe('item1-token-after-removal: no token comes back once the instance is gone', () => {
  it('removal during a held refresh: signs out on the server, and the refresh that lands later writes nothing', async () => {
    const { timers, server, vault, changes, id, firstToken, refreshing } = await signedInWithHeldRefresh(300);
    const removing = changes.remove(id);
    const writesBefore = vault.writes.length;
    // The sign-out waits for the held refresh at most the time limit.
    await timers.advance(SESSION_END_TIMEOUT_MS);
    await removing;
    expect(server.stats.refreshSuccesses).toBe(0);
    expect(await vault.findAccounts(`${id}/`)).toEqual([]);

    await refreshing; // the server answers the held refresh now
    expect(server.stats.refreshSuccesses).toBe(1);
    // The sign-out that gave up waiting still ends the token the late refresh brought.
    await waitFor(() => deletes(server.requestLog).length === 1, 'the sign-out on the server');
    const sent = deletes(server.requestLog)[0]?.headers['x-dreamfactory-session-token'];
    expect(sent).toBeDefined();
    expect(sent).not.toBe(firstToken);
    expect(vault.writes.slice(writesBefore).filter((account) => account.startsWith(`${id}/`))).toEqual([]);
    expect(await vault.findAccounts(`${id}/`)).toEqual([]);
    expect(await vault.get(bindingAccount(id))).toBeNull();
  });

  it('removal of a live session, nothing held: the DELETE is sent before the instance is gone', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const changes = new InstanceChanges(h.registry, h.sessions, h.profiles);
    const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    await h.sessions.signIn(instance.id, JANE);
    const token = await h.vault.get(tokenAccount(instance.id, JANE.email));
    await changes.remove(instance.id);
    expect(deletes(server.requestLog).map((entry) => entry.headers['x-dreamfactory-session-token'])).toEqual([token]);
    expect(await h.vault.findAccounts(`${instance.id}/`)).toEqual([]);
  });

  it('a new address during a held refresh: the old server’s token is not saved again after it was cleared', async () => {
    const { server, vault, h, changes, id, refreshing } = await signedInWithHeldRefresh(300);
    const moved = await dfServer();
    await changes.update(id, { url: moved.url });
    const writesBefore = vault.writes.length;
    expect(await vault.get(tokenAccount(id, JANE.email))).toBeNull();

    await refreshing;
    expect(server.stats.refreshSuccesses).toBe(1);
    expect(vault.writes.slice(writesBefore).filter((account) => account.startsWith(`${id}/`))).toEqual([]);
    expect(await vault.get(tokenAccount(id, JANE.email))).toBeNull();
    expect((await h.sessions.status(id)).state).toBe('signed-out');
    // Nothing of the old session reaches the new server.
    await h.proxy.request(id, { method: 'GET', path: '/system/environment' });
    expect(moved.requestLog.every((entry) => entry.headers['x-dreamfactory-session-token'] === undefined)).toBe(true);
  });
});

describe('item4-bounded-sign-out: sign-out and removal never wait behind a stuck refresh', () => {
  it('sign-out while the server holds the refresh finishes within the time limit, signed out here', async () => {
    const { timers, vault, h, id } = await signedInWithHeldRefresh(60_000);
    const signingOut = h.sessions.signOut(id);
    await timers.advance(SESSION_END_TIMEOUT_MS);
    const status = await signingOut;
    expect(status.state).toBe('signed-out');
    expect(await vault.get(tokenAccount(id, JANE.email))).toBeNull();
    expect(h.registry.getLastLogin(id)).toBeUndefined();
    expect(h.events.at(-1)?.state).toBe('signed-out');
  });

  it('removal while the server holds the refresh finishes within the time limit', async () => {
    const { timers, vault, h, changes, id } = await signedInWithHeldRefresh(60_000);
    const removing = changes.remove(id);
    await timers.advance(SESSION_END_TIMEOUT_MS);
    await removing;
    expect(await vault.findAccounts(`${id}/`)).toEqual([]);
    expect((await rejection(h.sessions.status(id), DeskError)).kind).toBe('unknown-instance');
  });

  /** After a restart whose restore has to refresh an expired token, and the server holds that refresh. */
  async function restoreHeldAtLaunch() {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const server = await dfServer({ clock, ttlSeconds: 60 });
    const first = sessionHarness({ clock, timers });
    const instance = await first.registry.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    await first.sessions.signIn(instance.id, JANE);
    await first.sessions.dispose();
    clock.t += 120_000; // expired, inside its refresh window
    server.setFault({ kind: 'delay', delayMs: 60_000, count: 1 });
    const h = first.relaunch();
    await waitFor(() => server.stats.refreshAttempts === 1, 'the restore to send its refresh');
    return { timers, h, id: instance.id, changes: new InstanceChanges(h.registry, h.sessions, h.profiles) };
  }

  it('sign-out while the launch restore is held by the server finishes within the time limit', async () => {
    const { timers, h, id } = await restoreHeldAtLaunch();
    const signingOut = h.sessions.signOut(id);
    await timers.advance(SESSION_END_TIMEOUT_MS);
    expect((await signingOut).state).toBe('signed-out');
    expect(await h.vault.get(tokenAccount(id, JANE.email))).toBeNull();
  });

  it('removal while the launch restore is held by the server finishes within the time limit', async () => {
    const { timers, h, id, changes } = await restoreHeldAtLaunch();
    const removing = changes.remove(id);
    await timers.advance(SESSION_END_TIMEOUT_MS);
    await removing;
    expect(await h.vault.findAccounts(`${id}/`)).toEqual([]);
  });
});
