/**
 * Where the command line finds the app's instances: the same folder the app uses (Electron's userData for
 * "DF Desk"), so `dfdesk` sees what the app shows. `--data-dir` or DF_DESK_DATA_DIR (the demo profile) point
 * it elsewhere; the logs then go into that folder, as the app does for the demo profile.
 */
import { posix, win32 } from 'node:path';
import type { CliEnv } from './io.ts';

/** The app's own name for its folders (electron-builder.yml productName). */
export const APP_FOLDER = 'DF Desk';
export const DATA_DIR_VARIABLE = 'DF_DESK_DATA_DIR';

export interface PlatformHome {
  platform: NodeJS.Platform;
  env: CliEnv;
  home: string;
}

export interface DataLocation {
  dataDir: string;
  /** Undefined: the desk's default, `<dataDir>/logs`. */
  logDir?: string;
}

const pathsOf = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix);

/** Electron's `app.getPath('userData')` for DF Desk, and its `app.getPath('logs')` where that differs (macOS). */
export function appDataLocation({ platform, env, home }: PlatformHome): DataLocation {
  const { join } = pathsOf(platform);
  if (platform === 'darwin') {
    return { dataDir: join(home, 'Library', 'Application Support', APP_FOLDER), logDir: join(home, 'Library', 'Logs', APP_FOLDER) };
  }
  if (platform === 'win32') return { dataDir: join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER) };
  return { dataDir: join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER) };
}

export interface DataDirChoice {
  /** `--data-dir`, if given. */
  flag?: string;
  env: CliEnv;
  cwd: string;
  platform: NodeJS.Platform;
  /** Where the app keeps its data on this machine. */
  appDefault: DataLocation;
}

/** `--data-dir`, then DF_DESK_DATA_DIR, then the app's own folder. Always absolute (createDesk insists). */
export function chooseDataLocation(choice: DataDirChoice): DataLocation {
  const chosen = choice.flag ?? (choice.env[DATA_DIR_VARIABLE] || undefined);
  if (chosen === undefined) return choice.appDefault;
  return { dataDir: pathsOf(choice.platform).resolve(choice.cwd, chosen) };
}
