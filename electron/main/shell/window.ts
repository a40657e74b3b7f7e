/**
 * Creates the main window: secure webPreferences, registered as trusted before its first page loads (so the
 * page's first IPC call is accepted), shown on ready-to-show, loaded from app:// only. The window class is
 * passed in (Electron's BrowserWindow in the app), so this runs in Node tests without Electron.
 */
import { appEntryUrl } from '../app-url.ts';
import type { TrustedContents } from '../ipc/trusted-contents.ts';
import type { ShellWindow, WindowConstructor } from './electron-like.ts';
import { mainWindowOptions } from './window-options.ts';

export interface CreateWindowOptions {
  BrowserWindow: WindowConstructor;
  preloadPath: string;
  trusted: TrustedContents;
  onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(options: CreateWindowOptions): ShellWindow {
  const window = new options.BrowserWindow(mainWindowOptions({ preloadPath: options.preloadPath }));
  options.trusted.add(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(appEntryUrl).catch(options.onLoadFailed);
  return window;
}

export interface MainWindowSlot {
  /** The open main window, or null once it closed (second-instance focuses this one). */
  current(): ShellWindow | null;
  /** Opens the main window unless one is open (macOS `activate` after the last window closed). */
  ensureOpen(): void;
}

export function createMainWindowSlot(options: CreateWindowOptions): MainWindowSlot {
  let current: ShellWindow | null = null;
  return {
    current: () => current,
    ensureOpen() {
      if (current !== null) return;
      const window = createMainWindow(options);
      window.on('closed', () => {
        if (current === window) current = null;
      });
      current = window;
    },
  };
}
