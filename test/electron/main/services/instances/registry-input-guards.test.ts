/**
 * Issue 8, items 5 and 8, through the instance registry over a real settings file (conf, temp dir) and a
 * memory vault: an API key with a control character is refused when it is entered, and plain http:// to a
 * *.localhost name needs the same consent as any other remote host (also after a v0 settings upgrade).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../../electron/main/adapters/memory-vault.ts';
import { openSettingsStore } from '../../../../../electron/main/adapters/settings-store.ts';
import type { SecretVault } from '../../../../../electron/main/ports.ts';
import type { InstanceRegistry } from '../../../../../electron/main/services/instance-registry.ts';
import { createInstanceRegistry } from '../../../../../electron/main/services/instance-registry.ts';
import { lacksHttpConsent } from '../../../../../electron/main/services/instances/instance-url.ts';
import { deskSettingsDocument } from '../../../../../electron/main/services/instances/settings-document.ts';
import { apiKeyAccount } from '../../../../../electron/main/services/instances/vault-accounts.ts';
import { apiKeyControlCharacterMessage } from '../../../../../shared/ipc/contract.ts';
import { DeskError } from '../../../../../shared/ipc/desk-error.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';
import { rejection } from '../../../../fixtures/rejection.ts';

const key = '36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88';

let dir: string;
let vault: SecretVault;
let registry: InstanceRegistry;
const openRegistry = () => {
  const { store } = openSettingsStore({ Store: Conf, cwd: dir, document: deskSettingsDocument });
  return createInstanceRegistry({ store, vault, logger: recordingLogger() });
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-guards-'));
  vault = createMemoryVault({ mode: 'keychain' });
  registry = openRegistry();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('item5-api-key-control-characters: the registry refuses them, nothing is stored', () => {
  const controls: Array<[string, string]> = [
    ['CR', '\r'],
    ['LF', '\n'],
    ['CR LF', '\r\n'],
    ['NUL', '\u0000'],
    ['tab', '\t'],
    ['BEL', '\u0007'],
    ['DEL', '\u007f'],
  ];

  it.each(controls)('add with %s in the key', async (_name, control) => {
    for (const bad of [`${key}${control}`, `${key.slice(0, 10)}${control}${key.slice(10)}`]) {
      const error = await rejection(registry.add({ name: 'K', url: 'https://k.example.com', apiKey: bad }), DeskError);
      expect([error.kind, error.message]).toEqual(['invalid-input', apiKeyControlCharacterMessage]);
    }
    expect(registry.list()).toEqual([]);
  });

  it.each(controls)('update with %s in the key keeps the stored key', async (_name, control) => {
    const added = await registry.add({ name: 'K', url: 'https://k.example.com', apiKey: key });
    const error = await rejection(registry.update(added.id, { apiKey: `new-key${control}` }), DeskError);
    expect([error.kind, error.message]).toEqual(['invalid-input', apiKeyControlCharacterMessage]);
    expect(await vault.get(apiKeyAccount(added.id))).toBe(key);
    expect(registry.get(added.id).hasApiKey).toBe(true);
  });

  it('the message names no part of the key', async () => {
    const error = await rejection(registry.add({ name: 'K', url: 'https://k.example.com', apiKey: `${key}\n` }), DeskError);
    expect(error.message).not.toContain(key.slice(0, 8));
  });
});

describe('item8-localhost-subdomains: plain http to *.localhost needs the consent', () => {
  it('add and update ask for it; with it the instance is saved; localhost and 127.0.0.1 still need none', async () => {
    for (const url of ['http://api.localhost', 'http://df.localhost:8080/api/v2']) {
      const error = await rejection(registry.add({ name: 'L', url }), DeskError);
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toMatch(/Plain http:\/\/ sends your password.*confirm plain HTTP/);
    }
    const confirmed = await registry.add({ name: 'L', url: 'http://api.localhost', allowInsecureHttp: true });
    expect(confirmed).toMatchObject({ url: 'http://api.localhost', allowInsecureHttp: true });
    const secure = await registry.add({ name: 'S', url: 'https://api.localhost' });
    expect((await rejection(registry.update(secure.id, { url: 'http://api.localhost' }), DeskError)).kind).toBe('invalid-input');
    expect((await registry.add({ name: 'Local', url: 'http://localhost:8080' })).allowInsecureHttp).toBe(false);
    expect((await registry.add({ name: 'Loop', url: 'http://127.0.0.1:8080' })).allowInsecureHttp).toBe(false);
  });

  it('a v0 settings file with an http://*.localhost server upgrades to an instance that needs the consent', () => {
    const v0 = { servers: [{ label: 'Sub', baseUrl: 'http://api.localhost:8080' }, { label: 'Local', baseUrl: 'http://localhost:8080' }] };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(v0));
    const upgraded = openRegistry().list();
    expect(upgraded.map((i) => [i.name, i.url, i.allowInsecureHttp])).toEqual([
      ['Local', 'http://localhost:8080', false],
      ['Sub', 'http://api.localhost:8080', false],
    ]);
    expect(upgraded.map((i) => lacksHttpConsent(i))).toEqual([false, true]);
  });
});
