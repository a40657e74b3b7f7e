/**
 * The desk: every main-process service built with real adapters (unless one is passed in) and wired into the
 * DeskApi the IPC router and the e2e harness expose. Electron-free, so Node tests build the real thing.
 *
 * Everything the API throws is a DeskError (DfError kinds and DF's messages carried over); nothing it returns
 * or emits carries a token or an API key.
 */
import { isAbsolute } from 'node:path';
import type { AxiosRequestConfig } from 'axios';
import type { Timers } from '../../shared/df/index.ts';
import type { DeskApi } from '../../shared/ipc/contract.ts';
import { openFileLogger } from './adapters/file-logger.ts';
import { openSecretVault } from './adapters/keytar-vault.ts';
import type { ConfLikeConstructor } from './adapters/settings-store.ts';
import { openSettingsStore } from './adapters/settings-store.ts';
import { systemClock } from '../../shared/df/clock.ts';
import { createDeskApi } from './desk-api.ts';
import { noticesFrom } from './desk-notices.ts';
import type { Clock, Logger, SecretVault } from './ports.ts';
import { createDiagnostics } from './services/diagnostics.ts';
import { createDoctor } from './services/doctor.ts';
import { InstanceChanges } from './services/instance-changes.ts';
import { createInstanceRegistry } from './services/instance-registry.ts';
import type { DeskSettings } from './services/instances/settings-document.ts';
import { deskSettingsDocument } from './services/instances/settings-document.ts';
import { createRequestProxy } from './services/request-proxy.ts';
import { createSessionManager } from './services/session-manager.ts';
import { KnownSecrets } from './services/sessions/known-secrets.ts';
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

export async function createDesk(options: CreateDeskOptions): Promise<Desk> {
  if (!isAbsolute(options.dataDir)) throw new Error(`The data directory must be an absolute path: ${options.dataDir}`);
  const clock = options.clock ?? systemClock;
  const ownLog = options.logger === undefined ? openFileLogger(options.dataDir, clock) : null;
  const baseLogger = options.logger ?? ownLog?.logger;
  if (baseLogger === undefined) throw new Error('No logger.');
  // Every service logs through this: the API keys and tokens DF Desk holds never reach a log line, whatever
  // a server quoted back and whatever the field is called.
  const secrets = new KnownSecrets();
  const logger = secrets.logger(baseLogger);

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
  const registry = createInstanceRegistry({ store: opened.store, vault, logger });
  const profiles = createSessionProfiles(opened.store, logger);
  const sessions = createSessionManager({
    registry,
    vault,
    profiles,
    logger,
    secrets,
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
  const doctor = createDoctor({ registry, diagnostics, sessions, clock, logger });
  const changes = new InstanceChanges(registry, sessions, profiles);
  const notices = noticesFrom(opened);
  const api = createDeskApi({ registry, changes, sessions, proxy, diagnostics, doctor, vault, notices, logger, secrets });
  // Not awaited: launch must not wait for a slow server. Each session call waits for its own instance.
  const restoring = sessions.restoreAll();

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
