/**
 * What every main window gets on top of its secure defaults, once the app is ready: the place and size it
 * had last time (clamped to a display that exists), saving them as they change, recovery from a crashed
 * renderer (reload with a notice, or ask after repeated crashes), and the Cut/Copy/Paste context menu.
 */
import type { Clock, Timers } from '../../../shared/df/index.ts';
import { watchRendererCrashes } from './crash-recovery.ts';
import { installContextMenu } from './context-menu.ts';
import type { ElectronLike } from './electron-like.ts';
import type { WindowExtras } from './window.ts';
import { mainWindowSize } from './window-options.ts';
import { restoreBounds, screenLayout, trackWindowState } from './window-state.ts';
import type { WindowStateStore } from './window-state-store.ts';

export interface WindowExtrasDeps {
  electron: Pick<ElectronLike, 'app' | 'dialog' | 'Menu' | 'screen'>;
  store: WindowStateStore;
  clock: Clock;
  timers: Timers;
  warn: (message: string) => void;
  /** Shown by the reloaded page (Desk.notify). */
  notify: (message: string) => void;
}

export function mainWindowExtras(deps: WindowExtrasDeps): WindowExtras {
  const { electron } = deps;
  return {
    placement: () => restoreBounds(deps.store.load(), screenLayout(electron.screen), mainWindowSize),
    onCreated(window) {
      trackWindowState(window, deps.store, deps.timers);
      watchRendererCrashes({
        contents: window.webContents,
        clock: deps.clock,
        log: deps.warn,
        onNotice: deps.notify,
        showMessageBox: (options) => electron.dialog.showMessageBox(options),
        quit: () => electron.app.quit(),
      });
      installContextMenu(window.webContents, (template) => electron.Menu.buildFromTemplate(template).popup());
    },
  };
}
