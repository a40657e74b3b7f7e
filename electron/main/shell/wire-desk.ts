/**
 * Everything that needs Electron's `ready`, in order: the session's guards and the app:// handler before any
 * page can load, then the desk, the quit guard (so a desk that exists is always disposed), the IPC routes
 * and event push before the window (so its first call is answered), and the window last.
 */
import { appHost, appScheme } from '../app-url.ts';
import type { ConfLikeConstructor } from '../adapters/settings-store.ts';
import type { CreateDeskOptions, Desk } from '../desk.ts';
import { startEventPush } from '../ipc/event-pusher.ts';
import { registerIpcRoutes } from '../ipc/router.ts';
import type { TrustedContents } from '../ipc/trusted-contents.ts';
import { handleAppRequest } from './app-protocol.ts';
import { describeError } from './describe-error.ts';
import type { ElectronLike } from './electron-like.ts';
import { hardenSession } from './hardening.ts';
import { createQuitGuard } from './lifecycle.ts';
import type { RuntimePaths } from './paths.ts';
import type { ShellLog } from './shell-log.ts';
import type { MainWindowSlot } from './window.ts';

export interface DeskWiring {
  paths: RuntimePaths;
  trusted: TrustedContents;
  window: MainWindowSlot;
  log: ShellLog;
  platform: NodeJS.Platform;
  settingsStore: ConfLikeConstructor | undefined;
  createDesk: (options: CreateDeskOptions) => Promise<Desk>;
}

export async function wireDesk(electron: ElectronLike, wiring: DeskWiring): Promise<void> {
  const { app } = electron;
  const warn = wiring.log.warn;
  hardenSession(electron.session.defaultSession, warn);
  electron.protocol.handle(appScheme, (request) =>
    handleAppRequest(request, { rootDir: wiring.paths.rendererDir, host: appHost }),
  );

  // No logger is passed on purpose: the desk opens its own file log, and the shell writes there too.
  const desk = await wiring.createDesk({ dataDir: app.getPath('userData'), settingsStore: wiring.settingsStore });
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

  wiring.window.ensureOpen();
  app.on('activate', () => wiring.window.ensureOpen());
  app.on('window-all-closed', () => {
    // macOS keeps an app running without windows; `activate` reopens one.
    if (wiring.platform !== 'darwin') app.quit();
  });
}
