import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../../../electron/main/adapters/settings-store.ts';
import { deskSettingsDocument } from '../../../../../electron/main/services/instances/settings-document.ts';
import {
  SESSION_PROFILES_KEY,
  createSessionProfiles,
  toSessionUser,
} from '../../../../../electron/main/services/sessions/session-profiles.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(dir = mkdtempSync(join(tmpdir(), 'profiles-'))) {
  dirs.push(dir);
  const logger = recordingLogger();
  const { store } = openSettingsStore({ Store: Conf, cwd: dir, document: deskSettingsDocument });
  return { dir, store, logger, profiles: createSessionProfiles(store, logger) };
}

const jane = { id: 1, name: 'Jane Doe', email: 'jane@example.com', isSysAdmin: false, role: 'mobile_user' };

describe('createSessionProfiles', () => {
  it('stores, reads back after reopening, and deletes per instance', () => {
    const { dir, profiles } = open();
    profiles.set('a', { user: jane, clockOffsetMs: -120 });
    profiles.set('b', { user: { ...jane, id: 2 } });
    expect(open(dir).profiles.get('a')).toEqual({ user: jane, clockOffsetMs: -120 });
    profiles.delete('a');
    profiles.delete('never-there');
    expect(profiles.get('a')).toBeUndefined();
    expect(profiles.get('b')?.user.id).toBe(2);
  });

  it('does not disturb the instance list', () => {
    const { store, profiles } = open();
    profiles.set('a', { user: jane });
    expect(store.get('instances')).toEqual([]);
    expect(store.get('schemaVersion')).toBe(1);
  });

  it('treats a damaged section as empty, and a prototype key is not an instance', () => {
    const { store, profiles } = open();
    store.set(SESSION_PROFILES_KEY, 'garbage');
    expect(profiles.get('a')).toBeUndefined();
    expect(profiles.get('toString')).toBeUndefined();
    profiles.set('a', { user: jane });
    expect(profiles.get('a')?.user).toEqual(jane);
  });

  it('a write the settings store refuses (secret-shaped) is logged, not thrown', () => {
    const { profiles, logger } = open();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE5OTk5OTk5OTl9.c2lnbmF0dXJl';
    expect(() => profiles.set('a', { user: { ...jane, name: jwt } })).not.toThrow();
    expect(profiles.get('a')).toBeUndefined();
    expect(logger.lines.some((line) => line.level === 'warn')).toBe(true);
  });
});

describe('toSessionUser', () => {
  it("keeps the non-secret summary of DF's session info", () => {
    expect(
      toSessionUser({ id: 1, name: 'Jane Doe', email: 'jane@example.com', is_sys_admin: false, role: 'mobile_user' }),
    ).toEqual(jane);
    expect(toSessionUser({ id: 2, name: 'Admin', email: null, is_sys_admin: true })).toEqual({
      id: 2,
      name: 'Admin',
      email: null,
      isSysAdmin: true,
    });
  });
});
