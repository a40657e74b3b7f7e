/**
 * Everything that needs Electron's `ready`, in order: the session's guards and the app:// handler before any
 * page can load, then the desk, the quit guard (so a desk that exists is always disposed), the IPC routes
 * and event push before the window (so its first call is answered), and the window last.
 */
import { systemClock, systemTimers } from '../../../shared/df/index.ts';
import { appHost, appScheme } from '../app-url.ts';
import { electronUpdaterPort } from '../adapters/electron-updater-port.ts';
import { electronNetworkPort } from '../services/network/electron-network-port.ts';
import type { ConfLikeConstructor } from '../adapters/settings-store.ts';
import type { CreateDeskOptions, Desk } from '../desk.ts';
import { startEventPush } from '../ipc/event-pusher.ts';
import { registerIpcRoutes } from '../ipc/router.ts';
import type { TrustedContents } from '../ipc/trusted-contents.ts';
import { handleAppRequest } from './app-protocol.ts';
import { describeError } from './describe-error.ts';
import type { ElectronLike } from './electron-like.ts';
import { hardenSession } from './hardening.ts';
import type { UpdaterLike } from '../services/updates/updater-port.ts';
import { installDeskExtras } from './desk-extras.ts';
import { createQuitGuard } from './lifecycle.ts';
import type { RuntimePaths } from './paths.ts';
import type { ShellLog } from './shell-log.ts';
import type { MainWindowSlot } from './window.ts';
import { mainWindowExtras } from './window-extras.ts';
import { createWindowStateStore } from './window-state-store.ts';

export interface DeskWiring {
  paths: RuntimePaths;
  trusted: TrustedContents;
  window: MainWindowSlot;
  log: ShellLog;
  platform: NodeJS.Platform;
  settingsStore: ConfLikeConstructor | undefined;
  createDesk: (options: CreateDeskOptions) => Promise<Desk>;
  /** Default: electron-updater's autoUpdater, loaded only in a packaged app. */
  loadUpdater?: () => Promise<UpdaterLike>;
}

/** electron-updater only in a packaged app: a development build has no feed, and must not look for one. */
async function updaterFor(wiring: DeskWiring, packaged: boolean): Promise<UpdaterLike | undefined> {
  if (!packaged) return undefined;
  const warn = wiring.log.warn;
  try {
    return await (wiring.loadUpdater ?? electronUpdaterPort)();
  } catch (error) {
    warn(`Updates are off: ${describeError(error)}`);
    return undefined;
  }
}

export async function wireDesk(electron: ElectronLike, wiring: DeskWiring): Promise<void> {
  const { app } = electron;
  const warn = wiring.log.warn;
  hardenSession(electron.session.defaultSession, warn);
  electron.protocol.handle(appScheme, (request) =>
    handleAppRequest(request, { rootDir: wiring.paths.rendererDir, host: appHost }),
  );

  // No logger is passed on purpose: the desk opens its own file log, and the shell writes there too.
  const logDir = app.getPath('logs');
  const desk = await wiring.createDesk({
    dataDir: app.getPath('userData'),
    logDir,
    settingsStore: wiring.settingsStore,
    appInfo: { version: app.getVersion(), packaged: app.isPackaged },
    updater: await updaterFor(wiring, app.isPackaged),
    // The system's trusted CAs and proxy settings (services/network/network.ts says why not net.fetch).
    network: electronNetworkPort(electron.session.defaultSession),
  });
  wiring.log.attach(desk.logger);

  const undo: Array<() => void> = [];
  app.on(
    'will-quit',
    createQuitGuard({
      dispose: async () => {
        for (const step of undo.splice(0).reverse()) step();
        await desk.dispose();
      },
      quit: () => app.quit(),
      onError: (error) => warn(`Shutdown: ${describeError(error)}`),
    }),
  );
  undo.push(
    registerIpcRoutes({
      ipcMain: electron.ipcMain,
      api: desk.api,
      trust: { isKnownWebContents: wiring.trusted.has, host: appHost },
      warn,
      onUnexpectedError: (error, channel) => warn(`Unexpected error in ${channel}: ${describeError(error)}`),
    }),
  );
  undo.push(startEventPush(desk.api, wiring.trusted.list, warn));
  const { trusted, window, platform } = wiring;
  undo.push(installDeskExtras({ electron, desk, platform, trusted, window, logDir, warn }));
  wiring.window.configure(
    mainWindowExtras({
      electron,
      store: createWindowStateStore(app.getPath('userData'), warn),
      clock: systemClock,
      timers: systemTimers,
      warn,
      notify: (message) => desk.notify({ kind: 'window-reloaded', message }),
    }),
  );

  wiring.window.ensureOpen();
  app.on('activate', () => wiring.window.ensureOpen());
  app.on('window-all-closed', () => {
    // macOS keeps an app running without windows; `activate` reopens one.
    if (wiring.platform !== 'darwin') app.quit();
  });
}
