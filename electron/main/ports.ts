/**
 * The ports the main-process services depend on. Services receive these, never concrete modules, so Node
 * tests run them without Electron, keytar or a real disk (docs/architecture.md §2: "Electron is a thin shell").
 */
import type { VaultHealth } from '../../shared/ipc/contract.ts';

/**
 * Secrets by account name (one service). Implementations: the OS keychain over keytar, or memory only when
 * the keychain is unusable (then `health()` says so and why).
 */
export interface SecretVault {
  /** `null` when nothing usable is stored (missing, or a damaged multi-part secret). */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** `true` when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** The accounts (not their secrets) whose names start with `prefix`, e.g. every entry of one instance. */
  findAccounts(prefix: string): Promise<string[]>;
  health(): VaultHealth;
}

/** A typed JSON document on disk. Writes are checked against the document's schema before they land. */
export interface KeyValueStore<T extends object> {
  readonly path: string;
  get<K extends keyof T & string>(key: K): T[K];
  set<K extends keyof T & string>(key: K, value: T[K]): void;
  has(key: keyof T & string): boolean;
  delete(key: keyof T & string): void;
  /**
   * Reads may answer from a snapshot a moment old (another process can write the file too). A caller about to
   * read in order to write calls this first, so it builds on what is on disk now and overwrites nothing.
   */
  revalidate(): void;
}

/** The session library's clock (ms since epoch): one port for the whole main process. */
export type { Clock } from '../../shared/df/clock.ts';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
