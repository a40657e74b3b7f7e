/**
 * The shell's wiring. Order matters: the profile, the app:// scheme and the sandbox are set before `ready`,
 * the single-instance lock before anything opens, and the per-webContents guards before any webContents
 * exists; wire-desk.ts does the rest on `ready`. Every decision lives in a pure module; this only wires.
 * It is written against ElectronLike, so a Node test drives it with a fake electron module.
 */
import { join } from 'node:path';
import { redactText } from '../../../shared/secrets.ts';
import type { ConfLikeConstructor } from '../adapters/settings-store.ts';
import { type CreateDeskOptions, createDesk as createRealDesk, type Desk } from '../desk.ts';
import { createTrustedContents } from '../ipc/trusted-contents.ts';
import { appSchemePrivileges } from './app-protocol.ts';
import { decideCertificateError } from './certificate-policy.ts';
import type { UpdaterLike } from '../services/updates/updater-port.ts';
import { type ErrorEventSource, logUncaughtErrors } from './crash-recovery.ts';
import { describeError } from './describe-error.ts';
import type { CertificateErrorListener, ElectronLike } from './electron-like.ts';
import { hardenWebContents } from './hardening.ts';
import { runtimePaths } from './paths.ts';
import { createShellLog } from './shell-log.ts';
import { claimSingleInstance } from './single-instance.ts';
import { createMainWindowSlot } from './window.ts';
import { wireDesk } from './wire-desk.ts';

/** `npm run demo` sets this to run the app on a separate profile, so the user's real instances stay untouched. */
export const demoDataDirVariable = 'DF_DESK_DATA_DIR';

export interface ShellOptions {
  /** Directory of the running main bundle; the preload and the renderer are found from it. */
  mainBundleDir: string;
  /** process.env in the app; only DF_DESK_DATA_DIR is read. */
  env?: Readonly<Record<string, string | undefined>>;
  /** process.platform in the app. */
  platform?: NodeJS.Platform;
  /** conf-like class for settings.json; the app passes electron-store's. */
  settingsStore?: ConfLikeConstructor;
  /** Default: the real createDesk. */
  createDesk?: (options: CreateDeskOptions) => Promise<Desk>;
  /** Where lines go only if startup fails before the desk's logger exists. Default: stderr. */
  fallbackSink?: (line: string) => void;
  /** Uncaught main-process errors come from here. Default: `process`; tests pass an emitter. */
  errorSource?: ErrorEventSource;
  /** Default: electron-updater (adapters/electron-updater-port.ts), which only the real app can load. */
  loadUpdater?: () => Promise<UpdaterLike>;
}

/** running: the window is open. second-instance: another process had the lock; this one quits. failed: see fail(). */
export type ShellOutcome = 'running' | 'second-instance' | 'failed';

const stderrSink = (line: string) => {
  process.stderr.write(`${line}\n`);
};

/** Rejects and logs every certificate Chromium fails; certificate-policy.ts says why there is no exception. */
export function certificateErrorListener(warn: (message: string) => void): CertificateErrorListener {
  return (_event, _contents, url, error, certificate, callback) => {
    const decision = decideCertificateError({ url, error, fingerprint: certificate.fingerprint });
    warn(decision.logMessage);
    callback(decision.trust);
  };
}

export function startShell(electron: ElectronLike, options: ShellOptions): Promise<ShellOutcome> {
  const { app } = electron;
  const log = createShellLog(options.fallbackSink ?? stderrSink);
  // First: a main-process error from here on is logged (the desk log, once it exists) instead of lost.
  logUncaughtErrors(options.errorSource ?? process, {
    log: log.warn,
    showErrorBox: (title, content) => electron.dialog.showErrorBox(title, content),
  });
  const paths = runtimePaths(options.mainBundleDir);
  const trusted = createTrustedContents();
  let failed = false;
  const fail = (error: unknown) => {
    // One error box: a failed load after a failed start must not stack a second one.
    if (failed) return;
    failed = true;
    // Changes nothing once the desk's log is open; before that, it is the only place the failure can go.
    log.switchToFallback();
    log.warn(`Startup failed: ${describeError(error)}`);
    const message = error instanceof Error ? error.message : String(error);
    electron.dialog.showErrorBox('DF Desk could not start', redactText(message));
    app.quit();
  };
  const window = createMainWindowSlot({
    BrowserWindow: electron.BrowserWindow,
    preloadPath: paths.preload,
    trusted,
    onLoadFailed: fail,
  });

  // Before the single-instance lock, which is per profile.
  const demoDataDir = options.env?.[demoDataDirVariable];
  if (demoDataDir) {
    app.setPath('userData', demoDataDir);
    // The logs folder does not follow userData on every OS (macOS: ~/Library/Logs/DF Desk): keep the profile whole.
    app.setAppLogsPath(join(demoDataDir, 'logs'));
  }
  electron.protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();
  if (!claimSingleInstance(app, window.current)) return Promise.resolve('second-instance');

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => electron.shell.openExternal(url), warn: log.warn });
  });
  app.on('certificate-error', certificateErrorListener(log.warn));

  const wiring = {
    paths,
    trusted,
    window,
    log,
    platform: options.platform ?? process.platform,
    settingsStore: options.settingsStore,
    createDesk: options.createDesk ?? createRealDesk,
    loadUpdater: options.loadUpdater,
  };
  return app
    .whenReady()
    .then(() => wireDesk(electron, wiring))
    .then(
      (): ShellOutcome => 'running',
      (error: unknown): ShellOutcome => {
        fail(error);
        return 'failed';
      },
    );
}
