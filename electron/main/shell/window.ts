/**
 * Creates the main window: secure webPreferences, registered as trusted before its first page loads (so the
 * page's first IPC call is accepted), shown on ready-to-show, loaded from app:// only. The window class is
 * passed in (Electron's BrowserWindow in the app), so this runs in Node tests without Electron.
 */
import { appEntryUrl } from '../app-url.ts';
import type { TrustedContents } from '../ipc/trusted-contents.ts';
import type { ShellWindow, WindowConstructor } from './electron-like.ts';
import type { RestoredWindow } from './window-state.ts';
import { mainWindowOptions } from './window-options.ts';

/** What ready-time wiring adds to every new window (window-extras.ts): where it opens, what it watches. */
export interface WindowExtras {
  /** Where the window opens: restored from the last run, on a display that exists. */
  placement(): RestoredWindow;
  /** Attaches state tracking, crash recovery and the context menu before the first page loads. */
  onCreated(window: ShellWindow): void;
}

export interface CreateWindowOptions {
  BrowserWindow: WindowConstructor;
  preloadPath: string;
  trusted: TrustedContents;
  onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(options: CreateWindowOptions, extras?: WindowExtras): ShellWindow {
  const placed = extras?.placement();
  const window = new options.BrowserWindow({ ...mainWindowOptions({ preloadPath: options.preloadPath }), ...placed?.bounds });
  options.trusted.add(window.webContents);
  extras?.onCreated(window);
  window.once('ready-to-show', () => {
    // BrowserWindow options cannot open maximised: maximise while still hidden, so it shows only once.
    if (placed?.maximized === true) window.maximize();
    window.show();
  });
  window.loadURL(appEntryUrl).catch(options.onLoadFailed);
  return window;
}

export interface MainWindowSlot {
  /** The open main window, or null once it closed (second-instance focuses this one). */
  current(): ShellWindow | null;
  /** Opens the main window unless one is open (macOS `activate` after the last window closed). */
  ensureOpen(): void;
  /** Set on ready, before the first window opens. */
  configure(extras: WindowExtras): void;
}

export function createMainWindowSlot(options: CreateWindowOptions): MainWindowSlot {
  let current: ShellWindow | null = null;
  let extras: WindowExtras | undefined;
  return {
    current: () => current,
    configure: (next) => {
      extras = next;
    },
    ensureOpen() {
      if (current !== null) return;
      const window = createMainWindow(options, extras);
      window.on('closed', () => {
        if (current === window) current = null;
      });
      current = window;
    },
  };
}
