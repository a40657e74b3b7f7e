/**
 * The part of the `electron` module the shell uses, and nothing more. The entry passes the real module
 * (the typechecker holds it to this shape); the wiring test passes plain recording objects. Where Electron
 * declares dozens of `app.on` overloads, only the events the shell listens to are named here.
 */
import type {
  App,
  BrowserWindowConstructorOptions,
  Dialog,
  MenuItemConstructorOptions,
  PopupOptions,
  Protocol,
  Screen,
  Shell,
} from 'electron';
import type { TrackableContents } from '../ipc/trusted-contents.ts';
import type { IpcMainLike } from '../ipc/router.ts';
import type { HardenableContents, HardenableSession } from './hardening.ts';
import type { ProxyResolvingSession } from '../services/network/electron-network-port.ts';
import type { OnlineStatusLike, PowerMonitorLike } from '../services/power-events.ts';
import type { ContextMenuSource } from './context-menu.ts';
import type { CrashWatchedContents } from './crash-recovery.ts';
import type { QuitEvent } from './lifecycle.ts';
import type { TrackedWindow } from './window-state.ts';
import type { FocusableWindow } from './single-instance.ts';

/**
 * What the shell does with a window: load app://, show it, focus it, notice when it closes, remember where
 * it was (window-state.ts), recover its crashed renderer (crash-recovery.ts), offer Cut/Copy/Paste.
 */
export interface ShellWindow extends FocusableWindow, Omit<TrackedWindow, 'on'> {
  readonly webContents: TrackableContents & CrashWatchedContents & ContextMenuSource;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed' | 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  maximize(): void;
}

/** A built menu: set as the application menu, or popped up over a window (the context menu). */
export interface MenuLike {
  popup(options?: PopupOptions): void;
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => ShellWindow;

/** The certificate-error listener's arguments the guard reads (Electron passes more). */
export type CertificateErrorListener = (
  event: unknown,
  webContents: unknown,
  url: string,
  error: string,
  certificate: { readonly fingerprint: string },
  callback: (isTrusted: boolean) => void,
) => void;

export interface ShellApp
  extends Pick<
    App,
    | 'setPath'
    | 'getPath'
    | 'enableSandbox'
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'whenReady'
    | 'getVersion'
    | 'setAppLogsPath'
    | 'setAboutPanelOptions'
    | 'showAboutPanel'
  > {
  /** False when run from the sources (`npm start`): no updates, and the menu keeps Reload and DevTools. */
  readonly isPackaged: boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void): unknown;
  on(event: 'certificate-error', listener: CertificateErrorListener): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
}

export type { ProxyResolvingSession };

export interface ElectronLike {
  app: ShellApp;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** `session` is read after ready: Electron creates the default session then. */
  session: { readonly defaultSession: HardenableSession & ProxyResolvingSession };
  ipcMain: IpcMainLike;
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal' | 'openPath'>;
  BrowserWindow: WindowConstructor;
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): MenuLike;
    setApplicationMenu(menu: MenuLike | null): void;
  };
  /** Read after ready, like `session`. */
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  powerMonitor: PowerMonitorLike;
  net: OnlineStatusLike;
}

