/**
 * The settings store over real conf files in temp dirs: corrupt and schema-violating files are moved aside
 * (never dropped) with a notice, old files are upgraded with a copy kept, and nothing secret can be written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VersionedDocumentSpec } from '../../../../electron/main/adapters/settings-store.ts';
import { findSecretLike, openSettingsStore, SETTINGS_RECHECK_MS } from '../../../../electron/main/adapters/settings-store.ts';
import { isDeskError } from '../../../../shared/ipc/desk-error.ts';
import { recordingLogger } from './fixtures/test-keyring.ts';

const schema = z.looseObject({
  schemaVersion: z.literal(1),
  theme: z.enum(['light', 'dark']),
  names: z.array(z.string()),
  note: z.string().optional(),
});
type Doc = z.infer<typeof schema>;
const spec: VersionedDocumentSpec<Doc> = {
  schema,
  migrations: [({ dark, ...rest }) => ({ ...rest, theme: dark === true ? 'dark' : 'light', names: [] })],
  defaults: () => ({ schemaVersion: 1, theme: 'light', names: [] }),
};
const clock = { now: () => Date.UTC(2026, 10, 27, 12, 0, 0, 123) };

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (logger = recordingLogger()) => openSettingsStore({ Store: Conf, cwd: dir, document: spec, clock, logger });
const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('reading without re-reading the file each time', () => {
  it('sees what another process wrote once the recheck interval has passed, and its own writes at once', () => {
    let now = clock.now();
    const { store } = openSettingsStore({ Store: Conf, cwd: dir, document: spec, clock: { now: () => now } });
    expect(store.get('theme')).toBe('light');
    // Another process (a second store on the same file here) changes it behind this store's back.
    open().store.set('names', ['from elsewhere']);
    now += SETTINGS_RECHECK_MS - 1;
    expect(store.get('names')).toEqual([]);
    now += 1;
    expect(store.get('names')).toEqual(['from elsewhere']);
    store.set('theme', 'dark');
    expect(store.get('theme')).toBe('dark');
    expect(onDisk()).toMatchObject({ theme: 'dark', names: ['from elsewhere'] });
  });

  it('hands out frozen values, so nothing can change the document except through set()', () => {
    const { store } = open();
    store.set('names', ['a']);
    const names = store.get('names');
    expect(Object.isFrozen(names)).toBe(true);
    expect(() => (names as string[]).push('b')).toThrow(TypeError);
    expect(store.get('names')).toEqual(['a']);
  });
});

describe('openSettingsStore (conf)', () => {
  it('creates the file with defaults, mode 600, and reads and writes typed values', () => {
    const { store, recovered, migrated } = open();
    expect(recovered).toBeUndefined();
    expect(migrated).toBeUndefined();
    expect(store.path).toBe(file);
    expect(onDisk()).toEqual({ schemaVersion: 1, theme: 'light', names: [] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    store.set('theme', 'dark');
    store.set('names', ['a.b', 'c']);
    expect(store.get('theme')).toBe('dark');
    expect(onDisk()).toEqual({ schemaVersion: 1, theme: 'dark', names: ['a.b', 'c'] });
    expect(open().store.get('names')).toEqual(['a.b', 'c']);
  });

  it('keys are literal: a dot does not create nesting', () => {
    const { store } = open();
    store.set('a.b' as 'note', 'x');
    expect(onDisk()).toMatchObject({ 'a.b': 'x' });
  });

  it('has/delete, and deleting a required key is refused', () => {
    const { store } = open();
    store.set('note', 'hello');
    expect(store.has('note')).toBe(true);
    store.delete('note');
    expect(store.has('note')).toBe(false);
    expect(() => store.delete('theme')).toThrow(/Refusing to write invalid settings at theme/);
    expect(store.get('theme')).toBe('light');
  });

  it('refuses writes that fail the schema, leaving the file unchanged', () => {
    const { store } = open();
    const before = readFileSync(file, 'utf8');
    expect(() => store.set('theme', 'neon' as 'dark')).toThrow(/Refusing to write invalid settings at theme/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses anything secret-looking: a JWT-shaped string or a secret-named key', () => {
    const { store } = open();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.Zm9vYmFyYmF6cXV4';
    const error = (() => {
      try {
        store.set('note', `token ${jwt}`);
      } catch (e) {
        return e;
      }
    })();
    expect(isDeskError(error, 'internal')).toBe(true);
    expect((error as Error).message).toBe('Refusing to write a secret-looking value to the settings file (at note).');
    expect((error as Error).message).not.toContain(jwt);
    expect(() => store.set('extra' as 'note', { apiKey: 'k' } as unknown as string)).toThrow(/at extra\.apiKey/);
    expect(readFileSync(file, 'utf8')).not.toContain('eyJ');
  });

  it('invalid JSON: moved to <file>.corrupt-<timestamp>.bak, defaults loaded, notice returned', () => {
    writeFileSync(file, '{"schemaVersion":1,"theme":"dark",');
    const logger = recordingLogger();
    const { store, recovered } = open(logger);
    expect(recovered).toEqual({
      backupPath: `${file}.corrupt-2026-11-27T12-00-00-123Z.bak`,
      reason: 'The settings file is not valid JSON.',
    });
    expect(readFileSync(recovered?.backupPath ?? '', 'utf8')).toBe('{"schemaVersion":1,"theme":"dark",');
    expect(store.get('theme')).toBe('light');
    expect(onDisk()).toEqual({ schemaVersion: 1, theme: 'light', names: [] });
    expect(logger.lines[0]).toMatchObject({ level: 'warn', fields: { backupPath: recovered?.backupPath } });
  });

  it('schema violation: moved aside with the reason, and a second one in the same ms gets its own name', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, theme: 'neon', names: [] }));
    const first = open().recovered;
    expect(first?.reason).toMatch(/^The settings file does not match the expected format: theme: /);
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, theme: 'light', names: 'x' }));
    const second = open().recovered;
    expect(second?.backupPath).toBe(`${file}.corrupt-2026-11-27T12-00-00-123Z-1.bak`);
    expect(readdirSync(dir).sort()).toEqual([
      'settings.json',
      'settings.json.corrupt-2026-11-27T12-00-00-123Z-1.bak',
      'settings.json.corrupt-2026-11-27T12-00-00-123Z.bak',
    ]);
  });

  it('a file from a newer version is kept aside, not overwritten', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 5, theme: 'dark' }));
    const { recovered } = open();
    expect(recovered?.reason).toMatch(/newer DF Desk/);
    expect(JSON.parse(readFileSync(recovered?.backupPath ?? '', 'utf8'))).toEqual({ schemaVersion: 5, theme: 'dark' });
  });

  it('an old file is upgraded in place, with a copy of the original kept', () => {
    writeFileSync(file, JSON.stringify({ dark: true }));
    const { store, migrated, recovered } = open();
    expect(recovered).toBeUndefined();
    expect(migrated).toEqual({ fromVersion: 0, toVersion: 1, backupPath: `${file}.v0-2026-11-27T12-00-00-123Z.bak` });
    expect(store.get('theme')).toBe('dark');
    expect(onDisk()).toEqual({ schemaVersion: 1, theme: 'dark', names: [] });
    expect(JSON.parse(readFileSync(migrated?.backupPath ?? '', 'utf8'))).toEqual({ dark: true });
  });

  it('keeps unknown top-level settings of a current file', () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, theme: 'dark', names: [], windowBounds: { w: 800 } }));
    const { store } = open();
    store.set('names', ['x']);
    expect(onDisk()).toMatchObject({ windowBounds: { w: 800 }, names: ['x'] });
  });

  it('refuses a relative directory', () => {
    expect(() => openSettingsStore({ Store: Conf, cwd: 'relative/dir', document: spec })).toThrow(/absolute path/);
  });
});

describe('findSecretLike', () => {
  it('names the path of the first secret-looking value', () => {
    expect(findSecretLike({ a: [{ b: 'ok' }, { password: 'x' }] })).toBe('a.1.password');
    expect(findSecretLike({ a: 'fine', b: { hasApiKey: true } })).toBeNull();
  });
});
