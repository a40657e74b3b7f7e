/**
 * The app passes electron-store's class instead of conf's. Without the Electron binary, electron-store loads
 * with `electron` mocked (vitest inlines electron-store so the mock reaches its import, toolchain §1.5);
 * its constructor then runs for real, so this proves the options map onto the same file (`name` → configName).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSettingsStore } from '../../../../electron/main/adapters/settings-store.ts';
import { deskSettingsDocument } from '../../../../electron/main/services/instances/settings-document.ts';

vi.mock('electron', () => ({ default: {} }));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'estore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openSettingsStore with electron-store', () => {
  it('writes <cwd>/settings.json through ElectronStore and reads it back', () => {
    const { store } = openSettingsStore({ Store: ElectronStore, cwd: dir, document: deskSettingsDocument });
    expect(store.path).toBe(join(dir, 'settings.json'));
    store.set('instances', []);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ schemaVersion: 1, instances: [] });
  });

  it('recovers a corrupt file the same way as with conf', () => {
    writeFileSync(join(dir, 'settings.json'), 'not json');
    const { recovered, store } = openSettingsStore({ Store: ElectronStore, cwd: dir, document: deskSettingsDocument });
    expect(recovered?.reason).toBe('The settings file is not valid JSON.');
    expect(readFileSync(recovered?.backupPath ?? '', 'utf8')).toBe('not json');
    expect(store.get('instances')).toEqual([]);
  });
});
