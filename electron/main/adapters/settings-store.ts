/**
 * The settings file as a KeyValueStore, through conf's code path: conf in Node and tests, electron-store
 * (a thin subclass of conf) in the app. The caller passes the class, so this module imports neither
 * electron nor electron-store, and tests exercise the exact read/write path the app uses.
 *
 * A corrupt file (not JSON, fails the schema, from a newer version) is moved aside to
 * `<file>.corrupt-<timestamp>.bak`, never dropped, and the store starts from defaults with a `recovered`
 * notice for the UI. An older file is upgraded after a copy of it is kept as `<file>.v<n>-<timestamp>.bak`.
 * Nothing secret may be written: writes with JWT-shaped strings or secret-named keys are refused.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Clock, KeyValueStore, Logger } from '../ports.ts';
import { containsJwt, isSecretKey } from '../../../shared/secrets.ts';
import type { VersionedDocumentSpec } from './versioned-document.ts';
import { loadVersionedDocument } from './versioned-document.ts';

export type { Migration, VersionedDocumentSpec } from './versioned-document.ts';

/** The part of conf's (and electron-store's) instance API this adapter uses. */
export interface ConfLike {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  has(key: string): boolean;
  delete(key: string): void;
  store: Record<string, unknown>;
}

/** Options understood by both: electron-store reads `name`, conf reads `configName`. */
export interface ConfLikeOptions {
  cwd: string;
  name: string;
  configName: string;
  fileExtension: 'json';
  accessPropertiesByDotNotation: false;
  clearInvalidConfig: false;
  configFileMode: number;
  watch: false;
}

export type ConfLikeConstructor = new (options: ConfLikeOptions) => ConfLike;

export interface SettingsRecovery {
  backupPath: string;
  reason: string;
}

export interface SettingsMigration {
  fromVersion: number;
  toVersion: number;
  backupPath: string;
}

export interface OpenedSettings<T extends object> {
  store: KeyValueStore<T>;
  recovered?: SettingsRecovery;
  migrated?: SettingsMigration;
}

export interface OpenSettingsStoreOptions<T extends { schemaVersion: number }> {
  /** conf's `Conf` in Node and tests; electron-store's `ElectronStore` in the app. */
  Store: ConfLikeConstructor;
  /** Absolute directory; in the app, `app.getPath('userData')`. */
  cwd: string;
  /** File name without `.json`. Default "settings". */
  name?: string;
  document: VersionedDocumentSpec<T>;
  clock?: Clock;
  logger?: Logger;
}

function backupName(file: string, label: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let candidate = `${file}.${label}-${stamp}.bak`;
  for (let n = 1; existsSync(candidate); n++) candidate = `${file}.${label}-${stamp}-${n}.bak`;
  return candidate;
}

/** Where a secret-looking value sits in `value`, or null. Never returns the value itself. */
export function findSecretLike(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return containsJwt(value) ? path || '(value)' : null;
  if (typeof value !== 'object' || value === null || depth > 20) return null;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path === '' ? key : `${path}.${key}`;
    if (!Array.isArray(value) && isSecretKey(key)) return itemPath;
    const found = findSecretLike(item, itemPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
}

interface StartingPoint<T> {
  /** What to write before first use; null keeps the file as it is. */
  initial: T | null;
  recovered?: SettingsRecovery;
  migrated?: SettingsMigration;
}

/**
 * Decides what the store starts from, before conf touches the file: conf rewrites a file it cannot read, which
 * would lose it. An unreadable file is moved aside; a file of an older schema is copied aside and migrated.
 */
function startingPoint<T extends { schemaVersion: number }>(
  spec: VersionedDocumentSpec<T>,
  file: string,
  now: number,
  logger: Logger | undefined,
): StartingPoint<T> {
  const text = readIfPresent(file);
  if (text === null) return { initial: spec.defaults() };
  const loaded = loadVersionedDocument(spec, text);
  if (!loaded.ok) {
    const backupPath = backupName(file, 'corrupt', now);
    renameSync(file, backupPath);
    logger?.warn('The settings file was unreadable; it was moved aside and defaults were loaded.', {
      backupPath,
      reason: loaded.reason,
    });
    return { initial: spec.defaults(), recovered: { backupPath, reason: loaded.reason } };
  }
  if (loaded.fromVersion === loaded.toVersion) return { initial: null };
  const backupPath = backupName(file, `v${loaded.fromVersion}`, now);
  copyFileSync(file, backupPath);
  const migrated = { fromVersion: loaded.fromVersion, toVersion: loaded.toVersion, backupPath };
  logger?.info('The settings file was upgraded.', { ...migrated });
  return { initial: loaded.document, migrated };
}

/** Every write is checked first: nothing secret-looking, and the whole document must still match its schema. */
function checkedWriter<T extends { schemaVersion: number }>(spec: VersionedDocumentSpec<T>) {
  return (next: Record<string, unknown>, write: () => void): void => {
    const secretAt = findSecretLike(next);
    if (secretAt !== null) {
      throw new DeskError('internal', `Refusing to write a secret-looking value to the settings file (at ${secretAt}).`);
    }
    const result = spec.schema.safeParse(next);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
      throw new DeskError('internal', `Refusing to write invalid settings${where}: ${issue?.message ?? 'invalid'}.`);
    }
    write();
  };
}

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/** How long a snapshot is trusted before the file is looked at again (a stat costs about 10 µs). */
export const SETTINGS_RECHECK_MS = 250;

/**
 * conf reads and parses the whole file on every get, and the instance list is read on every DF request. This
 * keeps the last parsed document and reads the file again only when it changed on disk (another process,
 * such as a command-line tool, may write it; conf writes atomically, so a change is a new inode or mtime),
 * looking at most every SETTINGS_RECHECK_MS. Our own writes are seen at once. Snapshots are frozen: no
 * caller can change one behind the file's back.
 */
function snapshotReader(
  conf: ConfLike,
  file: string,
  clock: Clock,
): { read(): Readonly<Record<string, unknown>>; invalidate(): void; revalidate(): void } {
  let stamp: string | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let snapshot: Readonly<Record<string, unknown>> = {};
  const stampOf = (): string => {
    try {
      const stat = statSync(file, { bigint: true });
      return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
    } catch {
      return 'missing';
    }
  };
  return {
    read() {
      const now = clock.now();
      if (stamp !== null && now - checkedAt < SETTINGS_RECHECK_MS && now >= checkedAt) return snapshot;
      checkedAt = now;
      const current = stampOf();
      if (current !== stamp) {
        snapshot = deepFreeze(conf.store);
        stamp = current;
      }
      return snapshot;
    },
    /** Forget the snapshot: the file is read again. */
    invalidate() {
      stamp = null;
    },
    /** Look at the file on the next read, whatever the time (it is read again only if it changed). */
    revalidate() {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}

export function openSettingsStore<T extends { schemaVersion: number }>(
  options: OpenSettingsStoreOptions<T>,
): OpenedSettings<T> {
  const { document: spec } = options;
  if (!isAbsolute(options.cwd)) throw new Error(`The settings directory must be an absolute path: ${options.cwd}`);
  const name = options.name ?? 'settings';
  const file = resolve(options.cwd, `${name}.json`);
  const start = startingPoint(spec, file, options.clock?.now() ?? Date.now(), options.logger);
  const conf = new options.Store({
    cwd: options.cwd,
    name,
    configName: name,
    fileExtension: 'json',
    // Instance ids and other keys are literal; a dot must not turn into nesting.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    // Not secret, but the instance list is nobody else's business on a shared machine.
    configFileMode: 0o600,
    watch: false,
  });
  if (resolve(conf.path) !== file) {
    throw new Error(`The settings store opened ${conf.path}, expected ${file}.`);
  }
  if (start.initial !== null) conf.store = { ...start.initial };
  const checkedWrite = checkedWriter(spec);
  const snapshots = snapshotReader(conf, file, options.clock ?? { now: () => Date.now() });
  const write = (next: Record<string, unknown>, apply: () => void) => {
    try {
      checkedWrite(next, apply);
    } finally {
      snapshots.invalidate();
    }
  };
  const store: KeyValueStore<T> = {
    path: file,
    get: (key) => snapshots.read()[key] as T[typeof key],
    set: (key, value) => {
      snapshots.revalidate();
      write({ ...snapshots.read(), [key]: value }, () => conf.set(key, value));
    },
    has: (key) => Object.hasOwn(snapshots.read(), key),
    revalidate: () => snapshots.revalidate(),
    delete: (key) => {
      snapshots.revalidate();
      const { [key]: _removed, ...rest } = snapshots.read();
      write(rest, () => conf.delete(key));
    },
  };
  const opened: OpenedSettings<T> = { store };
  if (start.recovered !== undefined) opened.recovered = start.recovered;
  if (start.migrated !== undefined) opened.migrated = start.migrated;
  return opened;
}
