/**
 * Creates the main window: secure webPreferences, registered as trusted before its first page loads (so the
 * page's first IPC call is accepted), shown on ready-to-show, loaded from app:// only.
 */
import { BrowserWindow } from 'electron';
import type { TrustedContents } from '../ipc/trusted-contents.ts';
import { appEntryUrl } from './app-protocol.ts';
import { mainWindowOptions } from './window-options.ts';

export interface CreateWindowOptions {
  preloadPath: string;
  trusted: TrustedContents;
  onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(options: CreateWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: options.preloadPath }));
  options.trusted.add(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(appEntryUrl).catch(options.onLoadFailed);
  return window;
}
