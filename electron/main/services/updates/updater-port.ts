/**
 * The part of electron-updater's `autoUpdater` the update service uses, so the service runs in Node tests
 * with a fake and development builds never load electron-updater (adapters/electron-updater-port.ts does).
 */

/** Only what the service reads of electron-updater's UpdateInfo and ProgressInfo. */
export interface UpdateFound {
  version: string;
}
export interface DownloadProgress {
  percent: number;
}

export interface UpdaterEvents {
  'checking-for-update': () => void;
  'update-available': (info: UpdateFound) => void;
  'update-not-available': (info: UpdateFound) => void;
  'download-progress': (progress: DownloadProgress) => void;
  'update-downloaded': (info: UpdateFound) => void;
  error: (error: Error, message?: string) => void;
}
export type UpdaterEventName = keyof UpdaterEvents;

/** electron-updater's logger shape: it logs strings, and sometimes an Error or an object. */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

export interface UpdaterLike {
  /** Set by the service: an update found is downloaded in the background, installed only on the user's word. */
  autoDownload: boolean;
  autoInstallOnAppQuit?: boolean;
  logger?: UpdaterLogger | null;
  /** Resolves once the feed answered (a download may go on after it); rejects when the check failed. */
  checkForUpdates(): Promise<unknown>;
  /** Closes the windows, quits and runs the installer. */
  quitAndInstall(): void;
  // One overload per event, not a generic over UpdaterEvents: TypeScript cannot match a generic method against
  // electron-updater's generic over its own (larger) event map, but it matches each overload.
  on(event: 'checking-for-update', listener: UpdaterEvents['checking-for-update']): unknown;
  on(event: 'update-available', listener: UpdaterEvents['update-available']): unknown;
  on(event: 'update-not-available', listener: UpdaterEvents['update-not-available']): unknown;
  on(event: 'download-progress', listener: UpdaterEvents['download-progress']): unknown;
  on(event: 'update-downloaded', listener: UpdaterEvents['update-downloaded']): unknown;
  on(event: 'error', listener: UpdaterEvents['error']): unknown;
  removeListener(event: 'checking-for-update', listener: UpdaterEvents['checking-for-update']): unknown;
  removeListener(event: 'update-available', listener: UpdaterEvents['update-available']): unknown;
  removeListener(event: 'update-not-available', listener: UpdaterEvents['update-not-available']): unknown;
  removeListener(event: 'download-progress', listener: UpdaterEvents['download-progress']): unknown;
  removeListener(event: 'update-downloaded', listener: UpdaterEvents['update-downloaded']): unknown;
  removeListener(event: 'error', listener: UpdaterEvents['error']): unknown;
}
