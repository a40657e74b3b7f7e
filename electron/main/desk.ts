/**
 * The desk: every main-process service built with real adapters (unless one is passed in) and wired into the
 * DeskApi the IPC router and the e2e harness expose. Electron-free, so Node tests build the real thing.
 *
 * Everything the API throws is a DeskError (DfError kinds and DF's messages carried over); nothing it returns
 * or emits carries a token or an API key.
 */
import { isAbsolute, join } from 'node:path';
import type { AxiosRequestConfig } from 'axios';
import type { RefreshLock, Timers } from '../../shared/df/index.ts';
import type { DeskApi, DeskNotice } from '../../shared/ipc/contract.ts';
import { openFileLogger } from './adapters/file-logger.ts';
import { openSecretVault } from './adapters/keytar-vault.ts';
import type { ConfLikeConstructor } from './adapters/settings-store.ts';
import { openSettingsStore } from './adapters/settings-store.ts';
import { systemClock } from '../../shared/df/clock.ts';
import { createDeskApi } from './desk-api.ts';
import { type CliTokens, createCliTokens } from './services/cli-token.ts';
import { DeskNotices, noticesFrom } from './desk-notices.ts';
import type { Clock, Logger, SecretVault } from './ports.ts';
import { createDiagnostics } from './services/diagnostics.ts';
import { createDoctor } from './services/doctor.ts';
import { InstanceChanges } from './services/instance-changes.ts';
import type { NetworkPort } from './services/network/network-types.ts';
import { createNetwork } from './services/network/network.ts';
import type { SessionChecks } from './services/power-events.ts';
import { createInstanceRegistry } from './services/instance-registry.ts';
import { watchExternalChanges } from './services/instances/external-changes.ts';
import type { DeskSettings } from './services/instances/settings-document.ts';
import { deskSettingsDocument } from './services/instances/settings-document.ts';
import { createRequestProxy } from './services/request-proxy.ts';
import { createSessionManager } from './services/session-manager.ts';
import { createFileRefreshLock } from './services/sessions/file-refresh-lock.ts';
import { KnownSecrets } from './services/sessions/known-secrets.ts';
import { createSessionProfiles } from './services/sessions/session-profiles.ts';
import { type AppInfo, sourceAppInfo } from './services/updates/app-info.ts';
import { UpdateService } from './services/updates/update-service.ts';
import type { UpdaterLike } from './services/updates/updater-port.ts';

export interface CreateDeskOptions {
  /** Absolute directory for settings.json and logs/ (in the app: `app.getPath('userData')`). */
  dataDir: string;
  /** Default: the OS keychain (openSecretVault), or memory only when it is unusable. */
  vault?: SecretVault;
  clock?: Clock;
  /** Where the desk's own log goes (the app passes `app.getPath('logs')`); default `<dataDir>/logs`. */
  logDir?: string;
  /** The log file's name in `logDir`: desk.log for the app, dfdesk.log for the command line. */
  logFileName?: string;
  /** Default: a redacting logger writing to `<logDir>/desk.log`. */
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
  /**
   * The system's proxy settings and trusted CAs (the app passes `electronNetworkPort(session.defaultSession)`).
   * Default: none, i.e. Node's CA list and direct connections.
   */
  network?: NetworkPort;
  /** Which DF Desk this is; the app passes `app.getVersion()` and `app.isPackaged`. Default: the sources', unpackaged. */
  appInfo?: AppInfo;
  /** electron-updater's autoUpdater (adapters/electron-updater-port.ts). Absent or unpackaged: updates stay off. */
  updater?: UpdaterLike;
  /**
   * Taken around every refresh of an instance's session. Default: lock files in `<dataDir>/locks`, shared by
   * every desk on the same data folder (the app and each `dfdesk` command), so they refresh one at a time and
   * adopt each other's tokens instead of blacklisting them.
   */
  refreshLock?: RefreshLock;
  /**
   * 'at-launch' (the app): every saved session is restored at once. 'on-use' (`dfdesk`): each when a command
   * first touches it, so one command never waits on, or refreshes, another instance's session.
   */
  restoreSessions?: 'at-launch' | 'on-use';
}

export interface Desk {
  api: DeskApi;
  /** The logger the services write to (the file logger unless one was passed), for the shell's own lines. */
  readonly logger: Logger;
  /** The session checks after a wake or the network's return, and before a sleep: for watchPowerAndNetwork. */
  readonly wake: SessionChecks;
  /** Tells the user something once, through `desk.notices` (e.g. `window-reloaded` before reloading a crashed page). */
  notify(notice: DeskNotice): void;
  /** For `dfdesk token` only: never part of the DeskApi, so no token can reach the renderer through it. */
  readonly cliTokens: CliTokens;
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
  const logDir = options.logDir ?? join(options.dataDir, 'logs');
  const ownLog = options.logger === undefined ? openFileLogger({ dir: logDir, clock, ...(options.logFileName === undefined ? {} : { fileName: options.logFileName }) }) : null;
  const baseLogger = options.logger ?? ownLog?.logger;
  if (baseLogger === undefined) throw new Error('No logger.');
  // Every service logs through this: the API keys and tokens DF Desk holds never reach a log line, whatever
  // a server quoted back and whatever the field is called.
  const secrets = new KnownSecrets();
  const logger = secrets.logger(baseLogger);
  const network =
    options.network === undefined
      ? null
      : createNetwork({ port: options.network, logger, base: options.adapter, clock, timers: options.timers });
  // With a network, every DF request (sessions, the proxy through them, the probe) goes through it.
  const adapter = network?.adapter ?? options.adapter;
  const transport = network ?? undefined;

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
    adapter,
    transport,
    refreshLock: options.refreshLock ?? createFileRefreshLock({ dir: join(options.dataDir, 'locks'), logger }),
    restoreOnUse: options.restoreSessions === 'on-use',
  });
  const proxy = createRequestProxy({ registry, sessions, logger, maxBytes: options.maxResponseBytes, timeoutMs: options.requestTimeoutMs });
  const diagnostics = createDiagnostics({ vault, logger, timeoutMs: options.probeTimeoutMs, adapter, transport });
  const doctor = createDoctor({ registry, diagnostics, sessions, clock, logger });
  const changes = new InstanceChanges(registry, sessions, profiles);
  // dfdesk writes the same settings file: the app follows its additions, sign-ins and sign-outs.
  const external = watchExternalChanges({ settingsPath: opened.store.path, revalidate: () => opened.store.revalidate(), registry, sessions, logger });
  const notices = new DeskNotices(noticesFrom(opened));
  const appInfo = options.appInfo ?? sourceAppInfo;
  const updates = new UpdateService({ updater: options.updater, packaged: appInfo.packaged, logger, clock, timers: options.timers });
  const api = createDeskApi({ registry, changes, sessions, proxy, diagnostics, doctor, vault, notices, logger, secrets, appInfo, updates });
  updates.start();
  // Not awaited: launch must not wait for a slow server. Each session call waits for its own instance.
  const restoring = options.restoreSessions === 'on-use' ? Promise.resolve() : sessions.restoreAll();

  let disposed: Promise<void> | null = null;
  return {
    api,
    logger,
    wake: sessions,
    notify: (notice) => notices.add(notice),
    cliTokens: createCliTokens({ registry, sessions, vault, clock }),
    dispose() {
      disposed ??= (async () => {
        updates.dispose();
        await restoring;
        external.stop();
        await sessions.dispose();
        network?.dispose();
        await ownLog?.close();
      })();
      return disposed;
    },
  };
}
