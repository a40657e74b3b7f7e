/**
 * The instance registry over a real settings file (conf, temp dir) and a memory vault; one case runs with
 * the real keychain vault to prove `remove` deletes every entry of the instance there.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecretVault } from '../../../../electron/main/adapters/keytar-vault.ts';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import { containsJwt } from '../../../../shared/secrets.ts';
import { openSettingsStore } from '../../../../electron/main/adapters/settings-store.ts';
import { DeskError, isDeskError } from '../../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../../../../electron/main/ports.ts';
import type { InstanceRegistry } from '../../../../electron/main/services/instance-registry.ts';
import { createInstanceRegistry } from '../../../../electron/main/services/instance-registry.ts';
import { deskSettingsDocument } from '../../../../electron/main/services/instances/settings-document.ts';
import { apiKeyAccount, bindingAccount, tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import { loadTestKeytar, recordingLogger, removeService, uniqueService } from '../adapters/fixtures/test-keyring.ts';

const apiKey = '36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88';
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsImV4cCI6MTk5OTk5OTk5OX0.c2lnbmF0dXJlLXBhcnQ';

let dir: string;
let vault: SecretVault;
let registry: InstanceRegistry;
const settingsFile = () => join(dir, 'settings.json');
const openRegistry = (v: SecretVault = vault) => {
  const { store } = openSettingsStore({ Store: Conf, cwd: dir, document: deskSettingsDocument });
  return createInstanceRegistry({ store, vault: v, logger: recordingLogger() });
};

async function expectDeskError(promise: Promise<unknown> | (() => unknown), kind: string, message: RegExp) {
  let error: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DeskError);
  expect((error as DeskError).kind).toBe(kind);
  expect((error as DeskError).message).toMatch(message);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-'));
  vault = createMemoryVault({ mode: 'keychain' });
  registry = openRegistry();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('add', () => {
  it('normalises the URL, applies tag and color defaults, and returns a renderer-safe Instance', async () => {
    const added = await registry.add({ name: ' Staging ', url: ' HTTPS://Staging.Example.com/api/v2/ ' });
    expect(added).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      name: 'Staging',
      url: 'https://staging.example.com',
      tag: 'other',
      color: '#546e7a',
      favorite: false,
      hasApiKey: false,
      allowInsecureHttp: false,
    });
    expect(registry.list()).toEqual([added]);
    expect(openRegistry().get(added.id)).toEqual(added); // persisted
  });

  it('uses the tag default color unless one is given (stored lowercase)', async () => {
    expect((await registry.add({ name: 'P', url: 'https://p.example.com', tag: 'prod' })).color).toBe('#c62828');
    expect((await registry.add({ name: 'D', url: 'https://d.example.com', tag: 'dev' })).color).toBe('#2e7d32');
    expect((await registry.add({ name: 'S', url: 'https://s.example.com', tag: 'staging', color: '#ABCDEF' })).color).toBe('#abcdef');
  });

  it('puts the API key in the vault under <id>/api-key, never in the settings file', async () => {
    const added = await registry.add({ name: 'K', url: 'https://k.example.com', apiKey });
    expect(added.hasApiKey).toBe(true);
    expect(await vault.get(apiKeyAccount(added.id))).toBe(apiKey);
    expect(await registry.getApiKey(added.id)).toBe(apiKey);
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain(apiKey);
  });

  it('refuses plain http to a non-loopback host unless confirmed', async () => {
    await expectDeskError(registry.add({ name: 'H', url: 'http://df.example.com' }), 'invalid-input', /Plain http:\/\/ sends your password/);
    expect(registry.list()).toEqual([]);
    const confirmed = await registry.add({ name: 'H', url: 'http://df.example.com', allowInsecureHttp: true });
    expect(confirmed.allowInsecureHttp).toBe(true);
    expect((await registry.add({ name: 'L', url: 'http://127.0.0.1:8080' })).url).toBe('http://127.0.0.1:8080');
  });

  it('rejects invalid input with the contract schema’s plain message', async () => {
    await expectDeskError(registry.add({ name: '', url: 'https://x.example.com' }), 'invalid-input', /Give the instance a name/);
    await expectDeskError(registry.add({ name: 'X', url: 'ftp://x' }), 'invalid-input', /must start with https/);
    await expectDeskError(registry.add({ name: 'X', url: 'https://x.example.com', color: 'red' }), 'invalid-input', /#rrggbb/);
  });

  it('leaves nothing behind when the vault refuses the key', async () => {
    const refusing: SecretVault = {
      ...createMemoryVault(),
      set: async () => {
        throw new DeskError('vault', 'Could not save to the system keychain. The login keyring is locked.');
      },
    };
    const r = openRegistry(refusing);
    await expectDeskError(r.add({ name: 'K', url: 'https://k.example.com', apiKey }), 'vault', /login keyring is locked/);
    expect(r.list()).toEqual([]);
  });
});

describe('list', () => {
  it('sorts favorites first, then by name (case-insensitive, numeric)', async () => {
    for (const [name, favorite] of [
      ['beta', false],
      ['Alpha', false],
      ['zeta', true],
      ['gamma 10', false],
      ['gamma 9', false],
      ['Delta', true],
    ] as const) {
      await registry.add({ name, url: `https://${name.replace(' ', '')}.example.com`, favorite });
    }
    expect(registry.list().map((i) => i.name)).toEqual(['Delta', 'zeta', 'Alpha', 'beta', 'gamma 9', 'gamma 10']);
  });

});

describe('update', () => {
  it('changes fields, renormalises the URL, and the color follows a new tag unless customised', async () => {
    const added = await registry.add({ name: 'A', url: 'https://a.example.com' });
    const updated = await registry.update(added.id, { name: 'A2', url: 'https://A.example.com/x/api/v2', tag: 'prod', favorite: true });
    expect(updated).toMatchObject({ name: 'A2', url: 'https://a.example.com/x', tag: 'prod', color: '#c62828', favorite: true });
    const custom = await registry.update(added.id, { color: '#123456' });
    expect((await registry.update(custom.id, { tag: 'dev' })).color).toBe('#123456');
  });

  it('sets, replaces and removes the API key (null or empty string removes)', async () => {
    const added = await registry.add({ name: 'A', url: 'https://a.example.com' });
    expect((await registry.update(added.id, { apiKey: 'first' })).hasApiKey).toBe(true);
    await registry.update(added.id, { apiKey: 'second' });
    expect(await registry.getApiKey(added.id)).toBe('second');
    expect((await registry.update(added.id, { name: 'kept key' })).hasApiKey).toBe(true);
    expect((await registry.update(added.id, { apiKey: null })).hasApiKey).toBe(false);
    expect(await vault.get(apiKeyAccount(added.id))).toBeNull();
    await registry.update(added.id, { apiKey: 'third' });
    expect((await registry.update(added.id, { apiKey: '' })).hasApiKey).toBe(false);
    expect(await registry.getApiKey(added.id)).toBeNull();
  });

  it('forgets the API key when the origin (scheme, host or port) changes and the patch brings no key', async () => {
    for (const url of ['https://b.example.com', 'http://a.example.com', 'https://a.example.com:8443']) {
      const added = await registry.add({ name: 'A', url: 'https://a.example.com', apiKey, allowInsecureHttp: true });
      const moved = await registry.update(added.id, { url });
      expect(moved.hasApiKey, url).toBe(false);
      expect(await registry.getApiKey(added.id), url).toBeNull();
      expect(await vault.get(apiKeyAccount(added.id)), url).toBeNull();
      expect(openRegistry().get(added.id).hasApiKey, url).toBe(false); // persisted
    }
  });

  it('keeps the API key for a path-only change, a same-origin respelling, and takes the one sent with a move', async () => {
    const added = await registry.add({ name: 'A', url: 'https://a.example.com', apiKey });
    expect((await registry.update(added.id, { url: 'https://a.example.com/df' })).hasApiKey).toBe(true);
    expect((await registry.update(added.id, { url: 'HTTPS://A.example.com:443/other/api/v2' })).hasApiKey).toBe(true);
    expect(await registry.getApiKey(added.id)).toBe(apiKey);
    const moved = await registry.update(added.id, { url: 'https://b.example.com', apiKey: 'key-for-b' });
    expect(moved.hasApiKey).toBe(true);
    expect(await registry.getApiKey(added.id)).toBe('key-for-b');
  });

  it('refuses to switch to remote http without confirmation, and to withdraw the confirmation', async () => {
    const added = await registry.add({ name: 'A', url: 'https://a.example.com' });
    await expectDeskError(registry.update(added.id, { url: 'http://a.example.com' }), 'invalid-input', /Plain http/);
    const insecure = await registry.update(added.id, { url: 'http://a.example.com', allowInsecureHttp: true });
    await expectDeskError(registry.update(insecure.id, { allowInsecureHttp: false }), 'invalid-input', /Plain http/);
    expect(registry.get(added.id).url).toBe('http://a.example.com');
  });

  it('unknown id → unknown-instance', async () => {
    await expectDeskError(registry.update('nope', { name: 'x' }), 'unknown-instance', /no longer exists/);
    await expectDeskError(() => registry.get('nope'), 'unknown-instance', /no longer exists/);
  });
});

describe('lastLogin metadata', () => {
  it('is stored, survives a reopen, is not part of Instance, and is forgotten when the URL changes', async () => {
    const added = await registry.add({ name: 'A', url: 'https://a.example.com' });
    expect(registry.getLastLogin(added.id)).toBeUndefined();
    registry.setLastLogin(added.id, { login: 'admin@example.com', admin: true });
    expect(openRegistry().getLastLogin(added.id)).toEqual({ login: 'admin@example.com', admin: true });
    expect(registry.get(added.id)).not.toHaveProperty('lastLogin');
    await registry.update(added.id, { name: 'renamed' });
    expect(registry.getLastLogin(added.id)).toEqual({ login: 'admin@example.com', admin: true });
    await registry.update(added.id, { url: 'https://b.example.com' });
    expect(registry.getLastLogin(added.id)).toBeUndefined();
  });

  it('can be cleared, and a bad record is refused', async () => {
    const added = await registry.add({ name: 'A', url: 'https://a.example.com' });
    registry.setLastLogin(added.id, { login: 'u', admin: false });
    registry.setLastLogin(added.id, null);
    expect(registry.getLastLogin(added.id)).toBeUndefined();
    expect(() => registry.setLastLogin(added.id, { login: '', admin: false })).toThrow(DeskError);
  });
});

describe('remove', () => {
  it('deletes the instance and ALL its vault entries, and only its own', async () => {
    const a = await registry.add({ name: 'A', url: 'https://a.example.com', apiKey: 'key-a' });
    const b = await registry.add({ name: 'B', url: 'https://b.example.com', apiKey: 'key-b' });
    await vault.set(tokenAccount(a.id, 'admin@example.com'), jwt);
    await vault.set(tokenAccount(a.id, 'user@example.com'), jwt);
    await vault.set(tokenAccount(b.id, 'admin@example.com'), jwt);
    await registry.remove(a.id);
    expect(registry.list().map((i) => i.id)).toEqual([b.id]);
    expect(await vault.findAccounts(`${a.id}/`)).toEqual([]);
    expect((await vault.findAccounts(`${b.id}/`)).sort()).toEqual([apiKeyAccount(b.id), tokenAccount(b.id, 'admin@example.com')].sort());
    await expectDeskError(registry.remove(a.id), 'unknown-instance', /no longer exists/);
  });

  it('keeps the instance when the vault cannot delete its secrets', async () => {
    const a = await registry.add({ name: 'A', url: 'https://a.example.com', apiKey: 'key-a' });
    const broken = openRegistry({
      ...vault,
      delete: async () => {
        throw new DeskError('vault', 'Could not delete from the system keychain. The login keyring is locked.');
      },
    });
    await expectDeskError(broken.remove(a.id), 'vault', /locked/);
    expect(broken.list().map((i) => i.id)).toEqual([a.id]);
  });

  it('with the real keychain vault: every entry of the instance is gone from gnome-keyring', async () => {
    const keytar = await loadTestKeytar();
    const service = uniqueService();
    try {
      const keychain = await openSecretVault({ service, logger: recordingLogger() });
      expect(keychain.health().mode).toBe('keychain');
      const r = openRegistry(keychain);
      const a = await r.add({ name: 'A', url: 'https://a.example.com', apiKey });
      const b = await r.add({ name: 'B', url: 'https://b.example.com', apiKey: 'key-b' });
      await keychain.set(tokenAccount(a.id, 'admin@example.com'), jwt.padEnd(6_000, 'x')); // chunked
      await keychain.set(tokenAccount(a.id, 'a#1'), jwt);
      await r.remove(a.id);
      const left = (await keytar.findCredentials(service)).map((c) => c.account);
      // Besides B's key, only B's binding tag (where its secrets belong, item 7) is left.
      expect(left.sort()).toEqual([apiKeyAccount(b.id), bindingAccount(b.id)].sort());
    } finally {
      await removeService(keytar, service);
    }
  });
});

describe('onChange', () => {
  it('notifies with the sorted list after add, update and remove, until unsubscribed', async () => {
    const seen: string[][] = [];
    const unsubscribe = registry.onChange((list) => seen.push(list.map((i) => i.name)));
    const a = await registry.add({ name: 'b', url: 'https://b.example.com' });
    await registry.add({ name: 'a', url: 'https://a.example.com' });
    await registry.update(a.id, { favorite: true });
    unsubscribe();
    await registry.remove(a.id);
    expect(seen).toEqual([['b'], ['a', 'b'], ['b', 'a']]);
  });
});

describe('the settings file never holds a secret', () => {
  it('grep: no API key and nothing JWT-shaped after a full workout', async () => {
    const a = await registry.add({ name: 'Prod', url: 'https://p.example.com', apiKey, tag: 'prod', favorite: true });
    await registry.add({ name: 'Dev', url: 'http://localhost:8080', apiKey: 'dev-key-0123456789' });
    await registry.update(a.id, { apiKey: `${apiKey}-rotated` });
    registry.setLastLogin(a.id, { login: 'admin@example.com', admin: true });
    await vault.set(tokenAccount(a.id, 'admin@example.com'), jwt);
    const text = readFileSync(settingsFile(), 'utf8');
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain('dev-key-0123456789');
    expect(containsJwt(text)).toBe(false);
    expect(text).not.toMatch(/"(api_?key|token|session_token|password)"/i);
    expect(text).toContain('admin@example.com'); // the non-secret metadata is there
  });

  it('a JWT-shaped instance name is refused by the store rather than written', async () => {
    let error: unknown;
    try {
      await registry.add({ name: jwt.slice(0, 80), url: 'https://x.example.com' });
    } catch (e) {
      error = e;
    }
    expect(isDeskError(error)).toBe(true);
    expect(containsJwt(readFileSync(settingsFile(), 'utf8'))).toBe(false);
  });
});

describe('two processes on one settings file', () => {
  it('a change builds on what is on disk now: an instance another process just added is kept', async () => {
    const app = openRegistry();
    const first = await app.add({ name: 'A', url: 'https://a.example.com' });
    expect(app.list().map((instance) => instance.name)).toEqual(['A']);
    // Another process (a command-line tool, say) adds B a moment later; the app's snapshot has not seen it yet.
    await openRegistry().add({ name: 'B', url: 'https://b.example.com' });
    app.setLastLogin(first.id, { login: 'jane@example.com', admin: false });
    await app.update(first.id, { favorite: true });
    expect(openRegistry().list().map((instance) => instance.name)).toEqual(['A', 'B']);
  });
});
