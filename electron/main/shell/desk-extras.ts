/**
 * What the ready app adds around the desk: the application menu (with About, Open Logs Folder and Check for
 * Updates…), the About panel's version, and the session checks on sleep, wake and the network's return.
 * Returns the undo, run before the desk is disposed.
 */
import type { Desk } from '../desk.ts';
import { sendEvent } from '../ipc/event-pusher.ts';
import type { TrustedContents } from '../ipc/trusted-contents.ts';
import { watchPowerAndNetwork } from '../services/power-events.ts';
import { aboutPanelOptions, appMenuTemplate } from './app-menu.ts';
import { describeError } from './describe-error.ts';
import type { ElectronLike } from './electron-like.ts';
import { restartButton, updateCheckMessage } from './update-check-dialog.ts';
import type { MainWindowSlot } from './window.ts';

export interface DeskExtrasDeps {
  electron: ElectronLike;
  desk: Pick<Desk, 'api' | 'wake' | 'logger'>;
  platform: NodeJS.Platform;
  trusted: Pick<TrustedContents, 'list'>;
  window: Pick<MainWindowSlot, 'ensureOpen'>;
  logDir: string;
  warn: (message: string) => void;
}

async function checkForUpdatesFromMenu(deps: DeskExtrasDeps): Promise<void> {
  const { electron, desk } = deps;
  const status = await desk.api.update.check();
  const { response } = await electron.dialog.showMessageBox(updateCheckMessage(status, electron.app.getVersion()));
  if (status.state === 'ready' && response === restartButton) await desk.api.update.restart();
}

export function installDeskExtras(deps: DeskExtrasDeps): () => void {
  const { electron, desk, warn } = deps;
  const { app } = electron;
  const versions = process.versions;
  app.setAboutPanelOptions(
    aboutPanelOptions({
      appName: 'DF Desk',
      version: app.getVersion(),
      electronVersion: versions.electron,
      chromeVersion: versions.chrome,
      nodeVersion: versions.node,
    }),
  );
  const template = appMenuTemplate({
    platform: deps.platform,
    packaged: app.isPackaged,
    appName: 'DF Desk',
    actions: {
      newInstance: () => {
        deps.window.ensureOpen();
        sendEvent(deps.trusted.list(), 'menu.command', { command: 'new-instance' }, warn);
      },
      openLogsFolder: () => {
        electron.shell.openPath(deps.logDir).then(
          (failure) => failure && warn(`Could not open the logs folder: ${failure}`),
          (error: unknown) => warn(`Could not open the logs folder: ${describeError(error)}`),
        );
      },
      checkForUpdates: () => {
        checkForUpdatesFromMenu(deps).catch((error: unknown) => warn(`Check for updates: ${describeError(error)}`));
      },
      showAbout: () => app.showAboutPanel(),
      openExternal: (url) => {
        electron.shell.openExternal(url).catch(() => warn('Could not open the link in the system browser.'));
      },
    },
  });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  const watch = watchPowerAndNetwork({ power: electron.powerMonitor, network: electron.net, sessions: desk.wake, logger: desk.logger });
  return () => watch.stop();
}
