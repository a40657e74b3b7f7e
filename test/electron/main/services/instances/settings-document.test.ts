/**
 * The real migration: a v0 (prototype) settings file on disk is upgraded to schema 1 when the store opens.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../../../electron/main/adapters/settings-store.ts';
import { loadVersionedDocument } from '../../../../../electron/main/adapters/versioned-document.ts';
import {
  deskSettingsDocument,
  deskSettingsSchema,
  migrateV0ToV1,
} from '../../../../../electron/main/services/instances/settings-document.ts';

const v0File = {
  servers: [
    { label: 'Production', baseUrl: 'HTTPS://DF.Example.com/api/v2/', env: 'production', pinned: true },
    { label: '  ', baseUrl: 'http://localhost:8080', env: 'Development' },
    { label: 'Legacy', baseUrl: 'http://legacy.example.com/api/v2', env: 'qa' },
    { label: 'Broken', baseUrl: 'ftp://nope' },
    { label: 'No URL' },
  ],
  lastWindow: { width: 1200 },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-v0-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('deskSettingsDocument', () => {
  it('defaults to schema 1 with no instances, which the schema accepts', () => {
    const defaults = deskSettingsDocument.defaults();
    expect(defaults).toEqual({ schemaVersion: 1, instances: [] });
    expect(deskSettingsSchema.safeParse(defaults).success).toBe(true);
    expect(deskSettingsDocument.migrations).toHaveLength(1);
  });

  it('upgrades a v0 file on disk: servers become instances, the original is kept', () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify(v0File));
    const { store, migrated, recovered } = openSettingsStore({ Store: Conf, cwd: dir, document: deskSettingsDocument });
    expect(recovered).toBeUndefined();
    expect(migrated).toMatchObject({ fromVersion: 0, toVersion: 1 });
    const instances = store.get('instances');
    expect(instances.map(({ id: _id, ...rest }) => rest)).toEqual([
      { name: 'Production', url: 'https://df.example.com', tag: 'prod', color: '#c62828', favorite: true, hasApiKey: false, allowInsecureHttp: false },
      { name: 'localhost:8080', url: 'http://localhost:8080', tag: 'dev', color: '#2e7d32', favorite: false, hasApiKey: false, allowInsecureHttp: false },
      // Plain http to a remote host stays listed but unconfirmed: v0 never asked the user.
      { name: 'Legacy', url: 'http://legacy.example.com', tag: 'other', color: '#546e7a', favorite: false, hasApiKey: false, allowInsecureHttp: false },
    ]);
    expect(new Set(instances.map((i) => i.id)).size).toBe(3);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(written.schemaVersion).toBe(1);
    expect(written.servers).toBeUndefined();
    expect(written.lastWindow).toEqual({ width: 1200 });
    expect(JSON.parse(readFileSync(migrated?.backupPath ?? '', 'utf8'))).toEqual(v0File);
  });

  it('an empty v0 file becomes an empty list', () => {
    expect(loadVersionedDocument(deskSettingsDocument, '{}')).toMatchObject({ ok: true, document: { schemaVersion: 1, instances: [] } });
    expect(migrateV0ToV1({ servers: 'not a list' })).toEqual({ instances: [] });
  });

  it('rejects duplicate ids and unnormalised URLs as corruption', () => {
    const base = { id: 'abc', name: 'A', url: 'https://a.example.com', tag: 'dev', color: '#2e7d32', favorite: false, hasApiKey: false, allowInsecureHttp: false };
    expect(deskSettingsSchema.safeParse({ schemaVersion: 1, instances: [base, base] }).success).toBe(false);
    expect(deskSettingsSchema.safeParse({ schemaVersion: 1, instances: [{ ...base, url: 'a.example.com' }] }).success).toBe(false);
    expect(deskSettingsSchema.safeParse({ schemaVersion: 1, instances: [base] }).success).toBe(true);
  });
});
