// Issue 8, item 7: a process that can edit settings.json but not read the keychain points an instance at its
// own server. At the next launch nothing saved for the real server (API key, session token) may go there, and
// the session says why. The keychain keeps where each instance's secrets belong (credential-binding.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstanceChanges } from '../../../../electron/main/services/instance-changes.ts';
import {
  apiKeyAccount,
  bindingAccount,
  legacyApiKeyAccount,
  legacyTokenAccount,
  tokenAccount,
} from '../../../../electron/main/services/instances/vault-accounts.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import type { Harness, HarnessOptions } from './fixtures/session-harness.ts';
import { sessionHarness } from './fixtures/session-harness.ts';

const PIN = 'AB:'.repeat(31).concat('AB');

/** What the other process does: edits the instance in settings.json directly. */
function tamper(dir: string, id: string, fields: Record<string, unknown>): void {
  const file = join(dir, 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8')) as { instances: Array<Record<string, unknown>> };
  settings.instances = settings.instances.map((instance) => (instance.id === id ? { ...instance, ...fields } : instance));
  writeFileSync(file, JSON.stringify(settings));
}

async function signedIn(options: HarnessOptions & { ttlSeconds?: number } = {}) {
  const server = await dfServer(options.clock === undefined ? {} : { clock: options.clock, ttlSeconds: options.ttlSeconds ?? 3600 });
  const h = sessionHarness(options);
  const instance = await h.registry.add({ name: 'Real', url: server.url, apiKey: API_KEY });
  await h.sessions.signIn(instance.id, JANE);
  await h.sessions.dispose();
  return { server, h, id: instance.id };
}

async function expectNothingSent(h: Harness, id: string, reason: RegExp): Promise<void> {
  const status = await h.sessions.status(id);
  expect(status.state).toBe('needs-sign-in');
  expect(status.endedReason).toMatch(reason);
  // The window offers the Edit form, not a sign-in that would be refused.
  expect(status.blocked).toBe(true);
  expect(h.events.at(-1)?.endedReason).toMatch(reason);
  const request = await rejection(h.proxy.request(id, { method: 'GET', path: '/db/_table/contacts' }), DeskError);
  expect([request.kind, request.message]).toEqual(['refused', status.endedReason]);
  const signIn = await rejection(h.sessions.signIn(id, JANE), DeskError);
  expect(signIn.kind).toBe('refused');
}

describe('item7-settings-tamper: saved credentials go only where they were saved for', () => {
  it('a changed address at launch: the session ends with the reason; no key, token or password is sent there', async () => {
    const { server, h, id } = await signedIn();
    const evil = await dfServer();
    tamper(h.dir, id, { url: evil.url });
    const next = h.relaunch();
    await expectNothingSent(next, id, /address of this instance was changed outside DF Desk/);
    expect((await next.sessions.status(id)).endedReason).toContain(`saved for ${server.url}, but it now points to ${evil.url}`);
    expect(evil.requestLog).toEqual([]);
    // Nothing was deleted: changing the address back restores the key.
    expect(await next.vault.get(apiKeyAccount(id))).toBe(API_KEY);
  });

  it('an expired token at launch is not refreshed at the changed address', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const { h, id } = await signedIn({ clock, timers, ttlSeconds: 60 });
    const evil = await dfServer({ clock });
    clock.t += 120_000;
    tamper(h.dir, id, { url: evil.url });
    const next = h.relaunch();
    await expectNothingSent(next, id, /changed outside DF Desk/);
    expect(evil.requestLog).toEqual([]);
  });

  it('a certificate trusted in the settings behind DF Desk’s back blocks the instance the same way', async () => {
    const { server, h, id } = await signedIn();
    tamper(h.dir, id, { trustedCertificateSha256: PIN });
    server.requestLog.length = 0;
    const next = h.relaunch();
    await expectNothingSent(next, id, /certificate trusted for this instance was changed outside DF Desk/);
    expect(server.requestLog).toEqual([]);
  });

  it('entries saved before the binding existed: the token’s own issuer gives the edit away, nothing is sent', async () => {
    const { h, id } = await signedIn();
    // As an earlier DF Desk left the keychain: scheme-1 names, no binding tag.
    const token = (await h.vault.get(tokenAccount(id, JANE.email))) ?? '';
    await h.vault.set(legacyApiKeyAccount(id), API_KEY);
    await h.vault.set(legacyTokenAccount(id, JANE.email), token);
    for (const account of [apiKeyAccount(id), tokenAccount(id, JANE.email), bindingAccount(id)]) await h.vault.delete(account);
    const evil = await dfServer();
    tamper(h.dir, id, { url: evil.url });
    const next = h.relaunch();
    await expectNothingSent(next, id, /changed outside DF Desk/);
    expect(evil.requestLog).toEqual([]);
    // Left as they were: not moved, not bound to the new address.
    expect(await next.vault.get(legacyApiKeyAccount(id))).toBe(API_KEY);
    expect(await next.vault.get(bindingAccount(id))).toBeNull();
  });

  it('saving the instance confirms the new address: the old key and session are dropped, a key entered then is used', async () => {
    const { h, id } = await signedIn();
    const evil = await dfServer({ apiKey: 'key-for-the-new-server' });
    tamper(h.dir, id, { url: evil.url });
    const next = h.relaunch();
    expect((await next.sessions.status(id)).state).toBe('needs-sign-in');
    const changes = new InstanceChanges(next.registry, next.sessions, next.profiles);
    const saved = await changes.update(id, { url: evil.url, apiKey: 'key-for-the-new-server' });
    expect(saved.hasApiKey).toBe(true);
    // Saved: no longer blocked, a sign-in is the way on.
    expect((await next.sessions.status(id)).blocked).toBeUndefined();
    expect(await next.vault.get(tokenAccount(id, JANE.email))).toBeNull();
    expect((await next.sessions.status(id)).state).toBe('signed-out');
    await next.proxy.request(id, { method: 'GET', path: '/system/environment' });
    expect(evil.requestLog.map((entry) => entry.headers['x-dreamfactory-api-key'])).toEqual(['key-for-the-new-server']);
    expect(evil.requestLog.some((entry) => entry.headers['x-dreamfactory-session-token'] !== undefined)).toBe(false);
  });
});
