/**
 * The desk the command line opens: the real one (OS keychain, service "DF Desk", the app's settings file),
 * never starting update checks (appInfo.packaged is false), and disposed after every command by cli-run.ts.
 */
import type { ConfLikeConstructor } from '../main/adapters/settings-store.ts';
import { createDesk } from '../main/desk.ts';
import type { NetworkPort } from '../main/services/network/network-types.ts';
import type { AppInfo } from '../main/services/updates/app-info.ts';
import type { CliDesk } from './context.ts';
import type { DataLocation } from './data-dir.ts';

export interface DeskOpenerOptions {
  version: string;
  /** The system's CAs and proxy settings, as the app uses them (Electron's in the packaged app, the environment's in Node). */
  network?: NetworkPort;
  /** The app passes electron-store's class; plain Node uses conf's (the same file format). */
  settingsStore?: ConfLikeConstructor;
}

export function deskOpener(options: DeskOpenerOptions): (location: DataLocation) => Promise<CliDesk> {
  // Never "packaged": a command line run must not look for, download or install app updates.
  const appInfo: AppInfo = { version: options.version, packaged: false };
  return (location) =>
    createDesk({
      dataDir: location.dataDir,
      ...(location.logDir === undefined ? {} : { logDir: location.logDir }),
      ...(options.settingsStore === undefined ? {} : { settingsStore: options.settingsStore }),
      appInfo,
      ...(options.network === undefined ? {} : { network: options.network }),
      // One command touches one instance: the others' sessions are neither waited on nor refreshed.
      restoreSessions: 'on-use',
      // Its own file beside the app's: two processes rotating one file would lose lines.
      logFileName: 'dfdesk.log',
    });
}
