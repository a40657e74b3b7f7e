/**
 * The desk: every main-process service built with real adapters (unless one is passed in) and wired into the
 * DeskApi the IPC router and the e2e harness expose. Electron-free, so Node tests build the real thing.
 *
 * Everything the API throws is a DeskError (DfError kinds and DF's messages carried over); nothing it returns
 * or emits carries a token or an API key.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { AxiosRequestConfig } from 'axios';
import type { Timers } from '../../shared/df/index.ts';
import type { DeskApi, DeskNotice, Instance } from '../../shared/ipc/contract.ts';
import { openSecretVault } from './adapters/keytar-vault.ts';
import { createRedactingLogger } from './adapters/redacting-logger.ts';
import type { ConfLikeConstructor, OpenedSettings } from './adapters/settings-store.ts';
import { openSettingsStore } from './adapters/settings-store.ts';
import { systemClock } from './adapters/system-clock.ts';
import type { Clock, Logger, SecretVault } from './ports.ts';
import { createDiagnostics } from './services/diagnostics.ts';
import { createInstanceRegistry } from './services/instance-registry.ts';
import type { DeskSettings } from './services/instances/settings-document.ts';
import { deskSettingsDocument } from './services/instances/settings-document.ts';
import { createRequestProxy } from './services/request-proxy.ts';
import { asDeskError } from './services/requests/to-desk-error.ts';
import { createSessionManager } from './services/session-manager.ts';
import { createSessionProfiles } from './services/sessions/session-profiles.ts';

export interface CreateDeskOptions {
  /** Absolute directory for settings.json and logs/ (in the app: `app.getPath('userData')`). */
  dataDir: string;
  /** Default: the OS keychain (openSecretVault), or memory only when it is unusable. */
  vault?: SecretVault;
  clock?: Clock;
  /** Default: a redacting logger writing to `<dataDir>/logs/desk.log`. */
  logger?: Logger;
  /** conf-like class for the settings file. Default: conf's `Conf`; the app passes electron-store's class. */
  settingsStore?: ConfLikeConstructor;
  /** Keychain service name for the default vault (tests use their own). Default "DF Desk". */
  vaultService?: string;
  timers?: Timers;
  /** DF_JWT_REFRESH_TTL in seconds, if the instances use a non-default one (for the window estimate). */
  refreshWindowSeconds?: number;
  /** Largest proxied answer in bytes; default 50 MB. */
  maxResponseBytes?: number;
  probeTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** I/O adapter under every DF request (default axios's). */
  adapter?: AxiosRequestConfig['adapter'];
}

export interface Desk {
  api: DeskApi;
  /** The logger the services write to (the file logger unless one was passed), for the shell's own lines. */
  readonly logger: Logger;
  dispose(): Promise<void>;
}

async function defaultSettingsStore(): Promise<ConfLikeConstructor> {
  // Loaded only when the host passes none: the packaged app passes electron-store (which brings conf along).
  const module = await import('conf');
  return module.default as unknown as ConfLikeConstructor;
}

function fileLogger(dataDir: string, clock: Clock): { logger: Logger; close(): Promise<void> } {
  const dir = join(dataDir, 'logs');
  let stream: WriteStream | null = null;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    stream = createWriteStream(join(dir, 'desk.log'), { flags: 'a', mode: 0o600 });
    // A full disk must not take the app down; lines are then lost, as with any log.
    stream.on('error', () => undefined);
  } catch {
    stream = null;
  }
  const sink = (line: string) => {
    if (stream !== null && !stream.closed && !stream.destroyed) stream.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  };
  return {
    logger: createRedactingLogger({ sink, clock }),
    close: () =>
      new Promise<void>((resolve) => {
        if (stream === null) {
          resolve();
          return;
        }
        const open = stream;
        stream = null;
        open.end(() => resolve());
      }),
  };
}

function noticesFrom(opened: OpenedSettings<DeskSettings>): DeskNotice[] {
  const notices: DeskNotice[] = [];
  if (opened.recovered !== undefined) {
    notices.push({
      kind: 'settings-recovered',
      message: `DF Desk could not read its settings file: ${opened.recovered.reason} It was kept as ${opened.recovered.backupPath}, and DF Desk started with an empty instance list. Add your instances again, or restore them from that file.`,
    });
  }
  if (opened.migrated !== undefined) {
    notices.push({
      kind: 'settings-migrated',
      message: `Your settings were upgraded from an older DF Desk (schema ${opened.migrated.fromVersion} → ${opened.migrated.toVersion}). A copy of the old file was kept as ${opened.migrated.backupPath}. Instances on plain http:// must be confirmed again.`,
    });
  }
  return notices;
}

export async function createDesk(options: CreateDeskOptions): Promise<Desk> {
  if (!isAbsolute(options.dataDir)) throw new Error(`The data directory must be an absolute path: ${options.dataDir}`);
  const clock = options.clock ?? systemClock;
  const ownLog = options.logger === undefined ? fileLogger(options.dataDir, clock) : null;
  const logger = options.logger ?? ownLog?.logger;
  if (logger === undefined) throw new Error('No logger.');

  const vault =
    options.vault ??
    (await openSecretVault(options.vaultService === undefined ? { logger } : { logger, service: options.vaultService }));
  const opened = openSettingsStore<DeskSettings>({
    Store: options.settingsStore ?? (await defaultSettingsStore()),
    cwd: options.dataDir,
    document: deskSettingsDocument,
    clock,
    logger,
  });
  const notices = noticesFrom(opened);
  const registry = createInstanceRegistry({ store: opened.store, vault, logger });
  const profiles = createSessionProfiles(opened.store, logger);
  const sessions = createSessionManager({
    registry,
    vault,
    profiles,
    logger,
    clock,
    timers: options.timers,
    refreshWindowSeconds: options.refreshWindowSeconds,
    adapter: options.adapter,
  });
  const proxy = createRequestProxy({
    registry,
    sessions,
    logger,
    maxBytes: options.maxResponseBytes,
    timeoutMs: options.requestTimeoutMs,
  });
  const diagnostics = createDiagnostics({ vault, logger, timeoutMs: options.probeTimeoutMs, adapter: options.adapter });
  // Not awaited: launch must not wait for a slow server. Each session call waits for its own instance.
  const restoring = sessions.restoreAll();

  const guarded = <T>(task: () => Promise<T>) => asDeskError(task, logger);

  const api: DeskApi = {
    instances: {
      list: () => guarded(async () => registry.list()),
      add: (input) => guarded(() => registry.add(input)),
      update: (id, patch) =>
        guarded(async () => {
          const before = registry.get(id);
          const previousLogin = registry.getLastLogin(id)?.login;
          const updated: Instance = await registry.update(id, patch);
          const change = {
            urlChanged: updated.url !== before.url,
            // The registry also drops the key itself when the instance moves to another origin.
            apiKeyChanged: patch.apiKey !== undefined || updated.hasApiKey !== before.hasApiKey,
            ...(previousLogin === undefined ? {} : { previousLogin }),
          };
          if (
            change.urlChanged ||
            change.apiKeyChanged ||
            updated.allowInsecureHttp !== before.allowInsecureHttp ||
            updated.trustedCertificateSha256 !== before.trustedCertificateSha256
          ) {
            await sessions.instanceUpdated(id, change);
          }
          return updated;
        }),
      remove: (id) =>
        guarded(async () => {
          registry.get(id);
          await sessions.instanceRemoving(id);
          await registry.remove(id);
          profiles.delete(id);
        }),
      probe: (input) => guarded(() => diagnostics.probe(input)),
    },
    session: {
      signIn: (id, credentials) => guarded(() => sessions.signIn(id, credentials)),
      signOut: (id) => guarded(() => sessions.signOut(id)),
      status: (id) => guarded(() => sessions.status(id)),
      refresh: (id) => guarded(() => sessions.refresh(id)),
    },
    request: (id, request) => guarded(() => proxy.request(id, request)),
    vault: { health: async () => ({ ...vault.health() }) },
    notices: async () => notices.map((notice) => ({ ...notice })),
    onSessionChanged: (listener) => sessions.onChange(listener),
    onInstancesChanged: (listener) => registry.onChange(listener),
  };

  let disposed: Promise<void> | null = null;
  return {
    api,
    logger,
    dispose() {
      disposed ??= (async () => {
        await restoring;
        await sessions.dispose();
        await ownLog?.close();
      })();
      return disposed;
    },
  };
}
