// The registry's side of pinned certificates: stored with the instance, cleared by null, dropped on a new origin.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../../electron/main/adapters/memory-vault.ts';
import { openSettingsStore } from '../../../../../electron/main/adapters/settings-store.ts';
import { DeskError } from '../../../../../shared/ipc/desk-error.ts';
import type { InstanceRegistry } from '../../../../../electron/main/services/instance-registry.ts';
import { createInstanceRegistry } from '../../../../../electron/main/services/instance-registry.ts';
import { deskSettingsDocument } from '../../../../../electron/main/services/instances/settings-document.ts';
import type { NewInstance } from '../../../../../shared/ipc/contract.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';

const PIN = 'e7:8f:08:ac:7f:a0:a9:9b:b4:47:a1:44:b9:ae:7d:18:35:c1:b0:3d:b3:85:92:63:b9:23:99:aa:f9:74:9e:2c';
const OTHER = 'AA:'.repeat(31).concat('AA');

let dir: string;
let registry: InstanceRegistry;
const open = () => {
  const { store } = openSettingsStore({ Store: Conf, cwd: dir, document: deskSettingsDocument });
  return createInstanceRegistry({ store, vault: createMemoryVault({ mode: 'keychain' }), logger: recordingLogger() });
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-pin-'));
  registry = open();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(task: Promise<unknown>): Promise<DeskError> {
  const error = await task.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DeskError)) throw new Error('Expected a DeskError.');
  return error;
}

describe('trustedCertificateSha256', () => {
  it('is stored upper-case in the settings file and survives a reopen; absent when never given', async () => {
    const pinned = await registry.add({ name: 'Dev', url: 'https://dev.local:8443', trustedCertificateSha256: PIN });
    const plain = await registry.add({ name: 'Prod', url: 'https://df.example.com' });
    expect(pinned.trustedCertificateSha256).toBe(PIN.toUpperCase());
    expect(plain).not.toHaveProperty('trustedCertificateSha256');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toContain(PIN.toUpperCase());
    expect(open().get(pinned.id).trustedCertificateSha256).toBe(PIN.toUpperCase());
  });

  it('refuses a malformed fingerprint and a pin on plain http', async () => {
    const malformed = await refusal(
      registry.add({ name: 'x', url: 'https://a.example', trustedCertificateSha256: 'AB:CD' } as NewInstance),
    );
    expect(malformed.kind).toBe('invalid-input');
    expect(malformed.message).toMatch(/SHA-256/);
    const http = await refusal(registry.add({ name: 'x', url: 'http://127.0.0.1:8080', trustedCertificateSha256: PIN }));
    expect(http.message).toMatch(/https/);
    expect(registry.list()).toEqual([]);
  });

  it('patch: set, keep when left out, clear with null', async () => {
    const added = await registry.add({ name: 'Dev', url: 'https://dev.local:8443' });
    expect((await registry.update(added.id, { trustedCertificateSha256: PIN })).trustedCertificateSha256).toBe(
      PIN.toUpperCase(),
    );
    expect((await registry.update(added.id, { name: 'Renamed' })).trustedCertificateSha256).toBe(PIN.toUpperCase());
    const cleared = await registry.update(added.id, { trustedCertificateSha256: null });
    expect(cleared).not.toHaveProperty('trustedCertificateSha256');
    expect(open().get(added.id)).not.toHaveProperty('trustedCertificateSha256');
  });

  it('a new origin drops the pin unless the patch brings one; a new path keeps it', async () => {
    const added = await registry.add({ name: 'Dev', url: 'https://dev.local:8443', trustedCertificateSha256: PIN });
    expect((await registry.update(added.id, { url: 'https://dev.local:8443/df' })).trustedCertificateSha256).toBe(
      PIN.toUpperCase(),
    );
    expect(await registry.update(added.id, { url: 'https://dev.local:9443' })).not.toHaveProperty(
      'trustedCertificateSha256',
    );
    const moved = await registry.update(added.id, { url: 'https://other.local', trustedCertificateSha256: OTHER });
    expect(moved.trustedCertificateSha256).toBe(OTHER);
  });
});
